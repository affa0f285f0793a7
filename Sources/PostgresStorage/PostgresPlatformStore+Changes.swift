import Awards
import PostgresNIO

extension PostgresPlatformStore: ChangeObservable {
    /// Listens on `PostgresChangeSchema.channel` on one connection of the pool and reports each
    /// notification of this store's schema. When that connection is lost, whatever is sent
    /// meanwhile is lost with it: that is reported at once, and listening resumes on a new
    /// connection after a pause that grows from 0.1 s to 5 s while the server stays away.
    public func observeChanges(_ report: @escaping @Sendable (StoreChange) -> Void) async {
        var pause = Duration.milliseconds(100)
        while !Task.isCancelled {
            let listened = ContinuousClock.now
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: PostgresChangeSchema.channel) { notifications in
                        report(.listening)
                        for try await notification in notifications where notification.payload == location.schema {
                            report(.changed)
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("lost the change notifications; listening again", metadata: ["error": "\(String(reflecting: error))"])
            }
            report(.lost)
            // A link that held for a while is restored quickly; one that keeps failing, less often.
            pause = ContinuousClock.now - listened > .seconds(10) ? .milliseconds(100) : min(pause * 2, .seconds(5))
            try? await Task.sleep(for: pause)
        }
    }
}
