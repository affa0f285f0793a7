import Awards
import Foundation
import Logging
import PostgresNIO

/// The platform's data on PostgreSQL, through PostgresNIO's `PostgresClient`: its connection
/// pool, asynchronous calls that hold no thread while the server works, one transaction per
/// change with its audit entries, and the schema of `PostgresSchema`'s numbered migrations.
///
/// One type holds every store protocol, as `SQLiteStore` does, so the platform keeps one pool,
/// one schema and one audit log: the programme (`+Programme`), the accounts (`+Accounts`) and
/// the library (`+Library`).
///
/// The client works only while its `run()` runs: a server adds `client` to its `ServiceGroup`;
/// a test or a one-off command uses `client.whileRunning(_:)`. Call `migrate()` once the client
/// runs, before anything else.
public final class PostgresPlatformStore: Sendable {
    /// The connection pool; it must be running for the store to work.
    public let client: PostgresClient
    /// Where the store keeps its data.
    public let location: PostgresLocation
    let clock: @Sendable () -> Date
    let logger: Logger
    /// The values last decoded from the stored texts of cycles, tokens and accounts
    /// (`DecodedValues`: the rows are still read every time).
    let decodedCycles = DecodedValues<Int, Cycle>(capacity: 64)
    let decodedTokens = DecodedValues<String, APIToken>()
    let decodedAccounts = DecodedValues<String, Account>()

    /// A store on `location`; nothing connects until the client runs.
    ///
    /// - Parameters:
    ///   - connections: how many connections the pool may hold open at once.
    ///   - keepingConnectionsOpen: whether the pool opens all its connections and keeps them
    ///     open (still checked every 30 s while idle), as a server's does; otherwise it opens
    ///     them as needed and closes those idle for a minute. PostgresNIO's pool starts a timer
    ///     each time it takes back a connection it may close, and on a busy server those timers
    ///     cost more than the query.
    ///   - clock: the time stamps of audit entries; the system clock by default.
    public init(
        location: PostgresLocation, connections: Int = 8, keepingConnectionsOpen: Bool = false, clock: @escaping @Sendable () -> Date = Date.init
    ) {
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.maximumConnections = max(1, connections)
        if keepingConnectionsOpen { configuration.options.minimumConnections = max(1, connections) }
        configuration.options.connectTimeout = .seconds(5)
        // Every connection starts in the store's schema: the server takes the search path from
        // the startup message, so no connection can run a statement elsewhere first.
        // The application name tells an operator which platform each connection serves
        // (`pg_stat_activity`).
        configuration.options.additionalStartupParameters = [("search_path", location.quotedSchema), ("application_name", "civic:\(location.schema)")]
        var logger = Logger(label: "civic.postgres")
        logger.logLevel = .critical
        self.logger = logger
        self.location = location
        self.clock = clock
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Creates the schema if needed and brings it up to the newest migration.
    public func migrate() async throws(AwardsError) {
        do {
            try await client.withConnection { connection in
                try await PostgresSchema.migrate(connection, schema: location.schema, logger: logger)
            }
        } catch {
            throw Self.storageError(error, "cannot migrate the PostgreSQL schema \(location.schema) at \(location.host):\(location.port)")
        }
    }

    /// The audit entries `query` selects, newest first, a page at a time, with how many match.
    public func auditLog(_ query: AuditQuery) async throws(AwardsError) -> AuditPage {
        try await read { db in
            let entries = try await db.query(PostgresAudit.page(query), logger: logger).collect().map(PostgresAudit.entry)
            var total = 0
            for try await count in try await db.query(PostgresAudit.count(query), logger: logger).decode(Int.self) { total = count }
            return AuditPage(entries: entries, total: total)
        }
    }

    // MARK: Plumbing

    /// Writes an audit entry: action, entity, before, after, reason.
    typealias AuditLogger = (String, String, String?, String?, String?) async throws -> Void

    /// Runs changes and their audit entries in one transaction: all or none. Returns what
    /// `changes` returns.
    @discardableResult
    func transaction<T: Sendable>(by actor: String, _ changes: (PostgresConnection, AuditLogger) async throws -> T) async throws(AwardsError) -> T {
        let at = try auditTime(by: actor)
        do {
            return try await client.withTransaction(logger: logger) { db in
                try await changes(db) { action, entity, before, after, reason in
                    try await db.query(
                        PostgresAudit.append(at: at, actor: actor, action: action, entity: entity, before: before, after: after, reason: reason),
                        logger: self.logger)
                }
            }
        } catch {
            throw Self.storageError(error, "the change failed")
        }
    }

    /// The time stamp of the audit entries of a change by `actor`; a change needs an actor.
    func auditTime(by actor: String) throws(AwardsError) -> String {
        guard !actor.isEmpty else { throw AwardsError(.invalidValue, "every change needs an actor", field: "actor") }
        return clock().formatted(.iso8601)
    }

    /// Runs one change and its audit entry in one transaction.
    func write(
        _ action: String, _ entity: String, by actor: String, reason: String? = nil,
        _ change: (PostgresConnection) async throws -> (before: String?, after: String?)
    ) async throws(AwardsError) {
        try await transaction(by: actor) { db, log in
            try await lock(db, [entity])
            let (before, after) = try await change(db)
            try await log(action, entity, before, after, reason)
        }
    }

    /// Makes other changes of the same entities wait until this transaction ends.
    ///
    /// `SELECT … FOR UPDATE` locks a row only once it exists, so two transactions creating one
    /// entity would both read "nothing before" and the audit log's before-and-after chain would
    /// break; a transaction-scoped advisory lock per entity name (hashed to 64 bits: a rare
    /// collision only makes two unrelated changes take turns) closes that gap. The names are
    /// locked in one order, so two batches cannot wait for each other.
    func lock(_ db: PostgresConnection, _ entities: [String]) async throws {
        for entity in Set(entities).sorted() {
            try await execute(db, "SELECT pg_advisory_xact_lock(hashtextextended(\(entity), 0))")
        }
    }

    /// Runs reads on one connection of the pool.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(AwardsError) -> T {
        do {
            return try await client.withConnection { db in try await body(db) }
        } catch {
            throw Self.storageError(error, "reading failed")
        }
    }

    /// The rows of a prepared statement, read in full: on `db`, or with none given on a
    /// connection of the pool.
    func run<Statement: PostgresPreparedStatement>(_ statement: Statement, on db: PostgresConnection? = nil) async throws -> [Statement.Row] {
        var rows: [Statement.Row] = []
        if let db {
            for try await row in try await db.execute(statement, logger: logger) { rows.append(row) }
        } else {
            for try await row in try await client.execute(statement, logger: logger) { rows.append(row) }
        }
        return rows
    }

    /// The rows of `query`, read in full.
    func rows(_ db: PostgresConnection, _ query: PostgresQuery) async throws -> [PostgresRow] {
        try await db.query(query, logger: logger).collect()
    }

    /// The text of the first column of every row of `query`.
    func strings(_ db: PostgresConnection, _ query: PostgresQuery) async throws -> [String] {
        try await rows(db, query).map { try $0.decode(String.self) }
    }

    /// The text of the first column of the first row of `query`, if any.
    func string(_ db: PostgresConnection, _ query: PostgresQuery) async throws -> String? {
        try await rows(db, query).first?.decode(String.self)
    }

    /// Runs a statement whose rows, if any, are not needed.
    func execute(_ db: PostgresConnection, _ query: PostgresQuery) async throws {
        try await db.query(query, logger: logger)
    }

    /// `error` as the store reports it: an `AwardsError` as it is, even from inside a transaction;
    /// anything else as a storage failure saying what failed, with the server's own message.
    static func storageError(_ error: any Error, _ what: String) -> AwardsError {
        if let error = error as? AwardsError { return error }
        if let transaction = error as? PostgresTransactionError, let inner = transaction.closureError {
            return storageError(inner, what)
        }
        return AwardsError(.storage, "\(what) (\(String(reflecting: error)))")
    }
}

extension PSQLError {
    /// The server's SQLSTATE code, when the server reported the error.
    var sqlState: String? { serverInfo?[.sqlState] }
}
