import Awards
import Foundation
import PostgresNIO
import Testing
@testable import PostgresStorage
import Storage

/// Every store reports changes of the public data, and only those; on PostgreSQL, changes made
/// through another store on the same schema too, and a lost link is reported and restored.
@Suite("Change observation")
struct ChangeObservationTests {
    /// The reports a store has made so far.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [StoreChange] = []
        func add(_ change: StoreChange) { lock.withLock { items.append(change) } }
        var all: [StoreChange] { lock.withLock { items } }

        /// Waits (at most 10 s) until `condition` holds of the reports.
        func wait(for what: String, _ condition: @escaping ([StoreChange]) -> Bool) async throws {
            for _ in 0..<200 {
                if condition(all) { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("never saw \(what); reports: \(all)")
        }
    }

    /// Runs `body` while `store` is observed, with the reports so far.
    static func observing(_ store: any ChangeObservable, _ body: (Reports) async throws -> Void) async throws {
        let reports = Reports()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.observeChanges { reports.add($0) } }
            defer { group.cancelAll() }
            try await reports.wait(for: "listening") { $0.first == .listening }
            try await body(reports)
        }
    }

    @Test("a change of public data is reported after it commits; a new session or account is not", arguments: StoreKind.allCases)
    func publicChangesOnly(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await Self.observing(t.store) { reports in
                try await t.store.saveAccount(Account(id: "ana", name: "Ana", role: .admin, passwordHash: "$2b$04$abcdefghijklmnopqrstuv"), by: "admin")
                try await t.store.createSession(Session(id: "s", account: "ana", csrfToken: "c", created: Date(), expires: Date().addingTimeInterval(60), waitingFor: nil))
                try await t.store.createCycle(Cycle(year: 2026), by: "admin")
                try await reports.wait(for: "the cycle's change") { $0.contains(.changed) }
                // Reports arrive in commit order, so had the account or the session been
                // reported, its report would be here before the cycle's.
                #expect(reports.all == [.listening, .changed])
                let failed = await #expect(throws: AwardsError.self) { try await t.store.createCycle(Cycle(year: 2026), by: "admin") }
                #expect(failed?.kind == .duplicate)
                try await t.store.saveCommunities([Community(name: "Somewhere", country: "Canada", region: "North America")], by: "admin")
                try await reports.wait(for: "the community's change") { $0.count == 3 }
                #expect(reports.all == [.listening, .changed, .changed], "a change rolled back is not reported")
            }
        }
    }

    @Test("on PostgreSQL, a change through another store on the schema is reported, one in another schema is not")
    func otherServers() async throws {
        try await withPlatformStore { store in
            try await Self.observing(store) { reports in
                try await withPlatformStore { elsewhere in try await elsewhere.createCycle(Cycle(year: 2030), by: "admin") }
                try await withPlatformStore(at: store.location) { other in try await other.createCycle(Cycle(year: 2026), by: "admin") }
                try await reports.wait(for: "the other store's change") { $0.contains(.changed) }
                #expect(reports.all == [.listening, .changed])
            }
        }
    }

    @Test("on PostgreSQL, a lost link is reported, listening resumes, and later changes are reported again")
    func lostLink() async throws {
        try await withPlatformStore { store in
            try await Self.observing(store) { reports in
                let ended = try await store.client.query("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE application_name = \("civic:" + store.location.schema) AND query ILIKE 'LISTEN%'
                    """).collect().count
                #expect(ended == 1)
                try await reports.wait(for: "the loss and the new link") { $0.suffix(2) == [.lost, .listening] }
                try await store.createCycle(Cycle(year: 2026), by: "admin")
                try await reports.wait(for: "a change after the new link") { $0.last == .changed }
                #expect(reports.all == [.listening, .lost, .listening, .changed])
            }
        }
    }

    @Test("on PostgreSQL, every public table, and no other, reports its changes")
    func triggersCoverPublicTables() async throws {
        try await withPlatformStore { store in
            let rows = try await store.client.query("""
                SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE p.proname = 'civic_notify_change' AND c.relnamespace = \(store.location.schema)::regnamespace
                """).collect()
            let tables = Set(try rows.map { try $0.decode(String.self) })
            #expect(tables == Set(PlatformTables.publicData))
        }
    }
}
