import Awards
import Foundation
import Logging
import PostgresNIO

/// Where a PostgreSQL store connects: the server, the role, the database and the schema whose
/// tables hold the programme.
public struct PostgresLocation: Sendable, Equatable {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to sign in as.
    public var username: String
    /// The role's password, if it has one.
    public var password: String?
    /// The database.
    public var database: String
    /// The schema that holds the programme's tables (`public` by default).
    public var schema: String

    /// Creates a location.
    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, schema: String = "public") {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
    }

    /// Reads a location from a URL such as `postgres://civic:civic@127.0.0.1:5432/civic_test`.
    public init(url: String, schema: String = "public") throws(AwardsError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme), let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty else {
            throw AwardsError(.invalidValue, "'\(url)' is not a PostgreSQL URL (postgres://user:password@host:port/database)", field: "url")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        self.init(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 },
            database: database.isEmpty ? user : database, schema: schema)
    }

    /// The schema's name quoted as an SQL identifier.
    var quotedSchema: String { "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

/// A small pool of PostgreSQL connections used from ordinary (blocking) threads.
///
/// Every call waits on the calling thread for PostgresNIO's event-loop futures, so no Swift
/// concurrency thread is involved: a caller on the cooperative pool blocks only itself, and the
/// work it waits for runs on NIO's event loops. Calling from an event-loop thread would wait on
/// the very loop that must do the work, so it is refused.
final class PostgresConnections: @unchecked Sendable {
    private let location: PostgresLocation
    private let maximum: Int
    private let logger: Logger
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0

    init(location: PostgresLocation, maximum: Int) {
        self.location = location
        self.maximum = max(1, maximum)
        var logger = Logger(label: "civic.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        for connection in idle { Self.close(connection) }
    }

    /// Lends a connection to `body`, returning it to the pool afterwards, or closing it when the
    /// body left it unusable.
    func with<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else {
            throw AwardsError(.storage, "the PostgreSQL store was called from an event-loop thread, which would deadlock; call it from another thread")
        }
        let connection = try lease()
        let session = PostgresSession(connection: connection, logger: logger)
        defer { giveBack(connection, usable: !session.broken && !connection.isClosed) }
        return try body(session)
    }

    private func lease() throws -> PostgresConnection {
        condition.lock()
        while idle.isEmpty && open >= maximum { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            if connection.isClosed {
                giveBack(connection, usable: false)
                return try lease()
            }
            return connection
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            return try connect(id: id)
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func giveBack(_ connection: PostgresConnection, usable: Bool) {
        if !usable { Self.close(connection) }
        condition.lock()
        if usable { idle.append(connection) } else { open -= 1 }
        condition.signal()
        condition.unlock()
    }

    /// Closes a connection without waiting, keeping it alive until the channel has closed.
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func connect(id: Int) throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: id, logger: logger
            ).wait()
        } catch {
            throw AwardsError(
                .storage,
                "cannot connect to PostgreSQL at \(location.host):\(location.port) as \(location.username) to the database \(location.database) (\(String(reflecting: error)))")
        }
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \(location.quotedSchema)"), logger: logger).wait()
        } catch {
            Self.close(connection)
            throw AwardsError(.storage, "cannot select the schema \(location.schema) (\(String(reflecting: error)))")
        }
        return connection
    }
}

/// One leased connection: runs queries and waits for their rows.
final class PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    /// Set when the connection's state is unknown (a failed rollback), so it is not reused.
    var broken = false

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs a query and returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        Array(try connection.query(query, logger: logger).wait().rows)
    }

    /// Runs a statement.
    func execute(_ query: PostgresQuery) throws {
        _ = try connection.query(query, logger: logger).wait()
    }

    /// The first column of every row, as text.
    func strings(_ query: PostgresQuery) throws -> [String] {
        try rows(query).map { try $0.decode(String.self) }
    }

    /// The first column of the first row, as text, if there is a row.
    func string(_ query: PostgresQuery) throws -> String? {
        try rows(query).first.map { try $0.decode(String.self) }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        let value: T
        do {
            value = try body()
        } catch {
            do { try execute("ROLLBACK") } catch { broken = true }
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            do { try execute("ROLLBACK") } catch { broken = true }
            throw error
        }
        return value
    }
}

extension PSQLError {
    /// The server's SQLSTATE code, when the server reported the error.
    var sqlState: String? { serverInfo?[.sqlState] }
}
