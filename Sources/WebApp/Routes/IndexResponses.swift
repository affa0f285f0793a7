import Hummingbird
import Synchronization

/// The responses of the static indices, kept for as long as the platform runs: those indices
/// never change once loaded, and their responses depend on nothing but the request's target
/// and the page's language.
///
/// A response is kept under its canonical key (real years, group values, sort keys, default
/// columns; see `IndexRoutes`), so that the keys are bounded by the indices themselves, and also
/// under the literal target that asked for it, so that the same request again is answered
/// before its query is read. A failed render is kept under neither. `capacity` bounds each map;
/// targets longer than `longestTarget` are never kept, so hostile queries cannot make the
/// aliases large.
final class IndexResponses: Sendable {
    static let capacity = 8192
    static let longestTarget = 512

    /// How to answer a request that is not kept: the canonical key its response may be kept
    /// under (nil for a query that is not canonical), and how to render it.
    struct Answer {
        var key: String?
        var render: () throws -> Response
    }

    private struct State {
        var responses: [String: Response] = [:]
        var targets: [String: Response] = [:]
    }

    private let state = Mutex(State())

    /// The response kept for `target` (the request's path and query with the page's language),
    /// or the one `answer` describes, kept for the next request.
    func response(target: String, _ answer: () throws -> Answer) throws -> Response {
        if let response = state.withLock({ $0.targets[target] }) { return response }
        let answer = try answer()
        guard let key = answer.key else { return try answer.render() }
        if let response = state.withLock({ $0.responses[key] }) {
            keep(response, target: target, key: nil)
            return response
        }
        // Two first requests may both render; they produce the same response.
        let response = try answer.render()
        keep(response, target: target, key: key)
        return response
    }

    private func keep(_ response: Response, target: String, key: String?) {
        state.withLock { state in
            if let key, state.responses.count < Self.capacity { state.responses[key] = response }
            if target.utf8.count <= Self.longestTarget, state.targets.count < Self.capacity { state.targets[target] = response }
        }
    }
}
