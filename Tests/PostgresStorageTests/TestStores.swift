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
    let kind: StoreKind
    let store: any AwardsStore & AccountStore & LibraryStore & ChangeObservable & Outbox
    /// Runs one SQL statement on the store's database, outside the store.
    let execute: (String) async throws -> Void
    /// Runs `body` on the same database opened again, as a restarted server would.
    let reopened: (_ body: (any AwardsStore & AccountStore & LibraryStore & ChangeObservable & Outbox) async throws -> Void) async throws -> Void
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
func withStore<T>(_ kind: StoreKind, _ body: (TestStore) async throws -> T) async throws -> T {
    switch kind {
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-conformance-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try SQLiteStore(path: path)
        return try await body(TestStore(
            kind: kind, store: store,
            execute: { sql in try DatabaseQueue(path: path).write { try $0.execute(sql: sql) } },
            reopened: { body in try await body(try SQLiteStore(path: path)) }))
    case .postgres:
        return try await withPlatformStore { store in
            try await body(TestStore(
                kind: kind, store: store,
                execute: { sql in try await store.client.query(PostgresQuery(unsafeSQL: sql)) },
                reopened: { body in try await withPlatformStore(at: store.location) { again in try await body(again) } }))
        }
    }
}

/// Errors collected from concurrent workers.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

/// A location on the test server with a schema of its own, new for every call.
func freshPostgresLocation() throws -> PostgresLocation {
    try PostgresLocation(url: testPostgresURL, schema: "conformance_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))
}

/// Runs `body` on a `PostgresPlatformStore` at `location`: its client runs beside `body` in a task
/// group and is cancelled when `body` ends, and the schema is migrated first. The pattern every
/// test of the PostgreSQL store uses, whichever of its protocols it checks.
func withPlatformStore<T>(at location: PostgresLocation, _ body: (PostgresPlatformStore) async throws -> T) async throws -> T {
    let store = PostgresPlatformStore(location: location, connections: 4)
    return try await store.client.whileRunning {
        do throws(AwardsError) {
            try await store.migrate()
        } catch {
            throw PostgresUnavailable(detail: error.message)
        }
        return try await body(store)
    }
}

/// Runs `body` on a `PostgresPlatformStore` in a fresh schema of the test server, dropped afterwards
/// (also when `body` fails).
func withPlatformStore<T>(_ body: (PostgresPlatformStore) async throws -> T) async throws -> T {
    let location = try freshPostgresLocation()
    return try await withPlatformStore(at: location) { store in
        do {
            let value = try await body(store)
            try await store.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(location.quotedSchema) CASCADE"))
            return value
        } catch {
            _ = try? await store.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(location.quotedSchema) CASCADE"))
            throw error
        }
    }
}

/// A fresh, empty library of one kind, with what the tests need beside the store itself.
struct TestLibrary {
    let kind: StoreKind
    let store: any LibraryStore
    /// The store's audit log, newest first.
    let auditLog: (_ entity: String?, _ limit: Int) async throws -> [AuditEntry]
    /// Runs one SQL statement on the store's database, outside the store.
    let execute: (String) async throws -> Void
    /// Runs `body` on the same database opened again, as a restarted server would.
    let reopened: (_ body: (any LibraryStore) async throws -> Void) async throws -> Void
}

/// Runs `body` on a fresh library of `kind`: a temporary SQLite file, or a PostgreSQL schema of
/// its own; both are removed afterwards.
func withLibrary<T>(_ kind: StoreKind, _ body: (TestLibrary) async throws -> T) async throws -> T {
    try await withStore(kind) { t in
        try await body(TestLibrary(
            kind: kind, store: t.store,
            auditLog: { entity, limit in try await t.store.auditLog(entity: entity, limit: limit) },
            execute: t.execute,
            reopened: { body in try await t.reopened { again in try await body(again) } }))
    }
}
