import PostgresNIO

extension PostgresClient {
    /// Runs `body` while the client does its background work, then stops the client.
    ///
    /// A `PostgresClient` leases connections only while its `run()` runs, and cancelling `run()`
    /// closes it. A server adds the client to its `ServiceGroup`, which runs it for the server's
    /// life and cancels it on shutdown; work with a beginning and an end — a test, a command
    /// that loads data — runs it here instead: `run()` in a child task, `body` beside it, and the
    /// child cancelled once `body` returns or throws, so no connection outlives the call.
    public func whileRunning<Value>(_ body: () async throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
