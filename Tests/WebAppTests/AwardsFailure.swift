import Awards

/// The rule a programme action broke, for tests that call the programme directly.
enum AwardsFailure {
    /// The error `body` throws, or nil when it returns normally.
    static func of(_ body: () async throws(AwardsError) -> Void) async -> AwardsError? {
        do {
            try await body()
            return nil
        } catch {
            return error
        }
    }
}
