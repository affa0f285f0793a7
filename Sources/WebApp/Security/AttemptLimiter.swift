import Foundation

/// Counts sign-in attempts per client address in a sliding window, so that one address cannot
/// try passwords across many accounts (the per-account lock-out covers one account).
actor AttemptLimiter {
    private let limit: Int
    private let window: TimeInterval
    private var attempts: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt from `client` at `date`; `false` when the client is over its limit.
    func allow(_ client: String, at date: Date) -> Bool {
        let since = date.addingTimeInterval(-window)
        var recent = (attempts[client] ?? []).filter { $0 > since }
        guard recent.count < limit else {
            attempts[client] = recent
            return false
        }
        recent.append(date)
        attempts[client] = recent
        if attempts.count > 10_000 { attempts = attempts.filter { $0.value.contains { $0 > since } } }
        return true
    }
}
