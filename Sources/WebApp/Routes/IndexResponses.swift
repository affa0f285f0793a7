import Hummingbird
import Synchronization

/// The responses of the static indices, kept for as long as the platform runs: those indices
/// never change once loaded, and their responses depend on nothing but the request and the
/// language of its pages, so each is kept per language.
///
/// Only responses to canonical queries are kept (real years, group values, sort keys, default
/// columns; see `IndexRoutes`), and a failed render is not kept, so the keys are bounded by the
/// indices themselves; `capacity` is a guard.
final class IndexResponses: Sendable {
    static let capacity = 8192
    private let kept = Mutex<[String: Response]>([:])

    /// The response kept under `key` in the request's page language, or the one `render` makes,
    /// kept for the next request in that language.
    func response(_ key: String, render: () throws -> Response) throws -> Response {
        let key = key + "|" + PageLanguage.current.language.rawValue
        if let response = kept.withLock({ $0[key] }) { return response }
        // Two first requests may both render; they produce the same response.
        let response = try render()
        kept.withLock { kept in
            if kept.count < Self.capacity { kept[key] = response }
        }
        return response
    }
}
