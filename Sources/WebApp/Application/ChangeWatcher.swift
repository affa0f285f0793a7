import Awards
import ServiceLifecycle

/// The service that keeps `PublicResponses` true to the store: it runs beside the server, and
/// drops the kept responses whenever the store reports a change, until the server shuts down.
struct ChangeWatcher: Service {
    let store: any ChangeObservable
    let responses: PublicResponses

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await store.observeChanges { [responses] change in responses.note(change) }
        }
    }
}
