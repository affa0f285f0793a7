import Awards
import Hummingbird
import Synchronization

/// Public responses built from the store — a cycle's results, the directory, a community's
/// profile — kept until the data they show change.
///
/// The store reports every change (`ChangeObservable`: GRDB's commit observation on SQLite,
/// `LISTEN`/`NOTIFY` on PostgreSQL, so a change made through any server reaches every server),
/// and `note(_:)` drops everything kept. Nothing is kept unless the store is being listened to:
/// before `.listening`, and from `.lost` until listening resumes, every request is rendered
/// afresh. A response rendered while a change arrived is served but not kept, since it may show
/// the data from before the change.
public final class PublicResponses: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var listening = false
        var responses: [String: Response] = [:]
        var values: [String: any Sendable] = [:]
        /// Values being computed, with the generation they started in: requests that arrive
        /// meanwhile wait for the same computation instead of starting their own.
        var computing: [String: (generation: UInt64, task: Task<any Sendable, any Error>)] = [:]
    }

    /// At most this many responses are kept; keys come from real cycles and communities only
    /// (a request for one that does not exist fails and is not kept), so the bound is a guard.
    static let capacity = 4096

    private let state = Mutex(State())

    public init() {}

    /// The response kept under `key` in the request's page language, or the one `render` makes,
    /// kept for the next request in that language.
    func response(_ key: String, render: () async throws -> Response) async throws -> Response {
        let key = key + "|" + PageLanguage.current.language.rawValue
        let (generation, kept) = state.withLock { ($0.generation, $0.responses[key]) }
        if let kept { return kept }
        let response = try await render()
        state.withLock { state in
            guard state.listening, state.generation == generation, state.responses.count < Self.capacity else { return }
            state.responses[key] = response
        }
        return response
    }

    /// The value kept under `key`, or the one `make` computes, kept as responses are: for what
    /// many responses are built from (the community directory with its index scores), computed
    /// once per change of the data rather than once per page. Requests that ask while it is being
    /// computed share that one computation: after each change of the data, a burst of requests
    /// would otherwise each score the whole index again.
    func value<Value: Sendable>(_ key: String, make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let (generation, kept, task) = state.withLock { state -> (UInt64, (any Sendable)?, Task<any Sendable, any Error>?) in
            if let kept = state.values[key] { return (state.generation, kept, nil) }
            if let computing = state.computing[key], computing.generation == state.generation {
                return (state.generation, nil, computing.task)
            }
            let task = Task<any Sendable, any Error> { try await make() }
            state.computing[key] = (state.generation, task)
            return (state.generation, nil, task)
        }
        // Unwrapped before the cast: nil cast to an optional `Value` would succeed, as nil.
        if let kept, let value = kept as? Value { return value }
        guard let task else { return try await make() }
        let result = await task.result
        state.withLock { state in
            if state.computing[key]?.task == task { state.computing[key] = nil }
            guard case let .success(value) = result, state.listening, state.generation == generation, state.values.count < Self.capacity else { return }
            state.values[key] = value
        }
        guard let value = try result.get() as? Value else { return try await make() }
        return value
    }

    /// Takes a report of the store: every report drops what is kept; `.listening` starts
    /// keeping and `.lost` stops it.
    public func note(_ change: StoreChange) {
        state.withLock { state in
            state.generation &+= 1
            state.responses.removeAll(keepingCapacity: true)
            state.values.removeAll()
            switch change {
            case .listening: state.listening = true
            case .lost: state.listening = false
            case .changed: break
            }
        }
    }

    /// How many responses are kept.
    var count: Int { state.withLock { $0.responses.count } }
}
