import Awards
import Foundation
import GRDB
import PostgresNIO
import Testing
@testable import PostgresStorage
import Storage

/// The stores the programme can run on; each conformance test runs against every one.
enum StoreKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

/// A fresh, empty store of one kind, with plain SQL on its database to prove what the database
/// itself refuses.
struct TestStore {
    let store: any AwardsStore
    /// Runs one SQL statement on the store's database, outside the store.
    let execute: (String) throws -> Void
    /// Opens the same database again, as a restarted server would.
    let reopen: () throws -> any AwardsStore
}

/// The PostgreSQL server the tests use: `CIVIC_TEST_POSTGRES`, or the one `.ci/run` sets up.
let testPostgresURL = ProcessInfo.processInfo.environment["CIVIC_TEST_POSTGRES"] ?? "postgres://civic:civic@127.0.0.1:5432/civic_test"

/// The PostgreSQL server could not be used: the test fails and says how to get one.
struct PostgresUnavailable: Error, CustomStringConvertible {
    let detail: String
    var description: String {
        "PostgreSQL is not available at \(testPostgresURL) (\(detail)). Run .ci/run, which installs PostgreSQL, starts it and "
            + "creates the role civic and the database civic_test; or set CIVIC_TEST_POSTGRES to the URL of a server."
    }
}

/// Runs `body` on a fresh store of `kind`: a temporary SQLite file, or a PostgreSQL schema of its
/// own; both are removed afterwards.
func withStore<T>(_ kind: StoreKind, _ body: (TestStore) throws -> T) throws -> T {
    switch kind {
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-conformance-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try SQLiteStore(path: path)
        return try body(TestStore(
            store: store,
            execute: { sql in try DatabaseQueue(path: path).write { try $0.execute(sql: sql) } },
            reopen: { try SQLiteStore(path: path) }))
    case .postgres:
        let schema = "conformance_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let location = try PostgresLocation(url: testPostgresURL, schema: schema)
        let store: PostgresStore
        do {
            store = try PostgresStore(location: location)
        } catch {
            throw PostgresUnavailable(detail: error.message)
        }
        let raw = PostgresConnections(location: location, maximum: 1)
        defer {
            var administration = location
            administration.schema = "public"
            _ = try? PostgresConnections(location: administration, maximum: 1).with { session in
                try session.execute(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(location.quotedSchema) CASCADE"))
            }
        }
        return try body(TestStore(
            store: store,
            execute: { sql in try raw.with { session in try session.execute(PostgresQuery(unsafeSQL: sql)) } },
            reopen: { try PostgresStore(location: location) }))
    }
}

/// Errors collected from concurrent workers.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
