import Awards
import ServiceLifecycle

/// The service that keeps `PublicResponses` true to the store: it runs beside the server, and
/// drops the kept responses whenever the store reports a change, until the server shuts down.
///
/// Each time it starts listening (at start-up, and again after a lost connection) it runs
/// `prepare` in the background: what the first visitor would otherwise wait for, such as the
/// community directory with its index scores, is computed while nobody waits, and kept.
struct ChangeWatcher: Service {
    let store: any ChangeObservable
    let responses: PublicResponses
    var prepare: @Sendable () async -> Void = {}

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await store.observeChanges { [responses, prepare] change in
                responses.note(change)
                if case .listening = change { Task { await prepare() } }
            }
        }
    }
}
