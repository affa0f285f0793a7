import Awards
import Foundation
import Testing
@testable import Storage

/// A store in a temporary file, removed afterwards.
func withStore<T>(_ body: (SQLiteStore, String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-\(UUID().uuidString).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    return try await body(try SQLiteStore(path: path), path)
}

@Suite("SQLite store")
struct SQLiteStoreTests {
    static func nomination(_ id: String, _ community: String = "Somewhere") -> Nomination {
        Nomination(id: id, community: community, country: "Canada", region: "North America", year: 2026, answers: ["C1": .number(42)])
    }

    @Test("a cycle, a nomination and an analyst round-trip, and each write is in the audit log")
    func roundTrip() async throws {
        try await withStore { store, _ in
            let cycle = Cycle(year: 2026, phase: .nominationsOpen)
            try await store.createCycle(cycle, by: "admin")
            #expect(try await store.cycle(2026) == cycle)
            try await store.saveNomination(Self.nomination("N-1"), cycle: 2026, by: "community:1")
            var changed = Self.nomination("N-1")
            changed.answers["C1"] = .number(43)
            try await store.saveNomination(changed, cycle: 2026, by: "community:1")
            #expect(try await store.nominations(cycle: 2026) == [changed])
            try await store.saveAnalyst(Analyst(id: "A1", name: "Ada", country: "Finland"), by: "admin")
            #expect(try await store.analysts().map(\.id) == ["A1"])

            let log = try await store.auditLog(entity: nil, limit: 10)
            #expect(log.map(\.entity) == ["analyst:A1", "nomination:N-1", "nomination:N-1", "cycle:2026"])
            #expect(log.map(\.actor) == ["admin", "community:1", "community:1", "admin"])
            // Each row records exactly the change: before and after of the second nomination write.
            let update = log[1]
            #expect(update.before?.contains("\"answers\":{\"C1\":42}") == true)
            #expect(update.after?.contains("\"answers\":{\"C1\":43}") == true)
            #expect(log[2].before == nil)
            #expect(try await store.auditLog(entity: "nomination:", limit: 10).count == 2)
        }
    }

    @Test("missing and duplicate objects are refused with a clear error, and nothing is logged")
    func integrity() async throws {
        try await withStore { store, _ in
            await #expect(throws: AwardsError.self) { try await store.cycle(2030) }
            let orphan = await #expect(throws: AwardsError.self) { try await store.saveNomination(Self.nomination("N-1"), cycle: 2030, by: "admin") }
            #expect(orphan?.kind == .unknownReference)
            try await store.createCycle(Cycle(year: 2026), by: "admin")
            let again = await #expect(throws: AwardsError.self) { try await store.createCycle(Cycle(year: 2026), by: "admin") }
            #expect(again?.kind == .duplicate)
            let unknown = await #expect(throws: AwardsError.self) {
                try await store.replaceAssignments([Assignment(nomination: "N-9", analyst: "A9")], cycle: 2026, round: 1, by: "admin")
            }
            #expect(unknown?.kind == .unknownReference)
            #expect(try await store.assignments(cycle: 2026, round: 1).isEmpty, "a failed replacement leaves nothing behind")
            #expect(try await store.auditLog(entity: nil, limit: 10).count == 1, "only the successful cycle creation is logged")
            await #expect(throws: AwardsError.self) { try await store.createCycle(Cycle(year: 2027), by: "") }
        }
    }

    @Test("a submitted review is locked unless a reason is given, and the reason is logged")
    func reviewLock() async throws {
        try await withStore { store, _ in
            try await store.createCycle(Cycle(year: 2026, phase: .smart21Scoring), by: "admin")
            try await store.saveNomination(Self.nomination("N-1"), cycle: 2026, by: "admin")
            try await store.saveAnalyst(Analyst(id: "A1", name: "Ada", country: "Finland"), by: "admin")
            var review = Review(nomination: "N-1", analyst: "A1", round: 1, scores: ["Connect": .init(score: 7, comment: "fast", confidence: 4)], state: .submitted)
            try await store.saveReview(review, cycle: 2026, by: "A1", reason: nil)
            review.scores["Connect"]?.score = 8
            let locked = await #expect(throws: AwardsError.self) { try await store.saveReview(review, cycle: 2026, by: "A1", reason: nil) }
            #expect(locked?.kind == .invalidState)
            try await store.saveReview(review, cycle: 2026, by: "admin", reason: "typo confirmed by the analyst")
            #expect(try await store.reviews(cycle: 2026, round: 1).first?.scores["Connect"]?.score == 8)
            let entry = try #require(try await store.auditLog(entity: "review:", limit: 1).first)
            #expect(entry.action == "amend")
            #expect(entry.reason == "typo confirmed by the analyst")
            #expect(entry.actor == "admin")
        }
    }

    @Test("the audit log cannot be edited or deleted, even with SQL")
    func appendOnly() async throws {
        try await withStore { store, path in
            try await store.createCycle(Cycle(year: 2026), by: "admin")
            let raw = try SQLiteRaw(path: path)
            #expect(throws: (any Error).self) { try raw.execute("UPDATE audit_log SET actor = 'mallory'") }
            #expect(throws: (any Error).self) { try raw.execute("DELETE FROM audit_log") }
            #expect(try await store.auditLog(entity: nil, limit: 5).first?.actor == "admin")
        }
    }

    @Test("the database survives reopening")
    func reopen() async throws {
        try await withStore { store, path in
            try await store.createCycle(Cycle(year: 2026), by: "admin")
            try await store.replaceRecognitions([Recognition(awardYear: 2023, stage: .communityOfTheYear, community: "Binh Duong", country: "Vietnam")], by: "system")
            let again = try SQLiteStore(path: path)
            #expect(try await again.cycles().map(\.year) == [2026])
            #expect(try await again.recognitions().first?.community == "Binh Duong")
        }
    }
}
