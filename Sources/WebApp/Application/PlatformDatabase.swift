import Awards
import Foundation
import PostgresStorage
import ServiceLifecycle
import Storage

/// Where the platform keeps its data: an SQLite file, the embedded database of one server, or a
/// PostgreSQL database that any number of servers share.
///
/// Named by one setting (`--database`, `CIVIC_DATABASE`): a `postgres://user:password@host:port/db`
/// URL (with `?schema=name` for a schema other than `public`), or else the path of an SQLite file.
public enum PlatformDatabase: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresLocation)

    /// The database a `--database` setting names; an unreadable `postgres://` URL is an error
    /// naming the setting.
    public init(_ setting: String) throws(AwardsError) {
        let lowered = setting.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            do {
                self = .postgres(try PostgresLocation(url: setting))
            } catch {
                throw AwardsError(error.kind, error.message, field: "database")
            }
        } else {
            self = .sqlite(path: setting)
        }
    }

    /// The database as logs and messages show it: a path, or a URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.redacted
        }
    }

    /// Opens the store. An SQLite file is created and migrated at once; a PostgreSQL store works
    /// once its `services` run and `prepare` has migrated the schema (under an advisory lock, so
    /// that servers starting together take turns).
    ///
    /// - Parameter connections: the connections a PostgreSQL pool holds open: a server's pool
    ///   opens them all and keeps them.
    public func open(connections: Int = 16) throws(AwardsError) -> OpenDatabase {
        switch self {
        case .sqlite(let path):
            return OpenDatabase(store: try SQLiteStore(path: path), services: [], prepare: {})
        case .postgres(let location):
            let store = PostgresPlatformStore(location: location, connections: connections, keepingConnectionsOpen: true)
            return OpenDatabase(store: store, services: [store.client], prepare: { () async throws(AwardsError) in try await store.migrate() })
        }
    }

    /// Runs `body` on the store, ready to use, and closes it afterwards: for work with a
    /// beginning and an end (a command, a test), where no service group runs the pool.
    public func withStore<T>(_ body: (any PlatformStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite(let path):
            return try await body(try SQLiteStore(path: path))
        case .postgres(let location):
            let store = PostgresPlatformStore(location: location, connections: 4)
            return try await store.client.whileRunning {
                try await store.migrate()
                return try await body(store)
            }
        }
    }
}

/// A store opened by `PlatformDatabase.open`, with what must run for it to work.
public struct OpenDatabase: Sendable {
    /// The store.
    public let store: any PlatformStore
    /// The services the store needs running (PostgreSQL's connection pool), for the server's
    /// service group.
    public let services: [any Service]
    /// Makes the store ready (migrates the schema); run once the services run.
    public let prepare: @Sendable () async throws(AwardsError) -> Void
}
