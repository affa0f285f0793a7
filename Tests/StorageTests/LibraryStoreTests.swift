import Awards
import Foundation
import GRDB
import Testing
@testable import Storage

/// What only the SQLite library has: FTS5 and its index kept by triggers. What every library
/// store does is checked on SQLite and PostgreSQL alike by `LibraryConformanceTests`.
@Suite("SQLite store: the best-practice library's FTS5 index")
struct LibraryStoreTests {
    static func study(_ id: String, title: String, body: String, state: CaseStudy.State = .published) -> CaseStudy {
        CaseStudy(
            id: id, communityName: "Norvale (synthetic)", country: "Canada", title: title, summary: "What was done.", body: body,
            factors: ["Connect"], year: 2025, state: state, published: state == .published ? "2025-05-01" : nil, author: "editor")
    }

    @Test("the system SQLite that GRDB links has FTS5, and the migration builds the index with it")
    func fts5Available() async throws {
        let queue = try DatabaseQueue()
        await #expect(try queue.read { try Bool.fetchOne($0, sql: "SELECT sqlite_compileoption_used('ENABLE_FTS5')") } == true)
        try await withStore { _, path in
            let raw = try SQLiteRaw(path: path)
            let sql = try raw.queue.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'case_study_text'") }
            #expect(sql?.contains("USING fts5") == true)
            let migrations = try raw.queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(migrations.contains("v3: library"))
        }
    }

    @Test("the index agrees with its table after inserts, replacements, unpublishing and reopening")
    func integrity() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        try await store.saveCaseStudy(Self.study("fibre", title: "Fibre co-operative", body: "Residents bought shares."), by: "editor")
        var changed = Self.study("fibre", title: "Mentors in robotics", body: "Evening modules.")
        try await store.saveCaseStudy(changed, by: "editor")
        changed.state = .draft
        changed.published = nil
        try await store.saveCaseStudy(changed, by: "editor")
        try await store.saveCaseStudy(Self.study("other", title: "Another", body: "Text."), by: "editor")
        // FTS5's own check that the index agrees with its content table.
        let check = "INSERT INTO case_study_text (case_study_text, rank) VALUES ('integrity-check', 1)"
        try SQLiteRaw(path: path).execute(check)
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.search("robotics", filter: .all, limit: 10).map(\.caseStudy.id) == ["fibre"])
        #expect(try await reopened.search("shares", filter: .all, limit: 10).isEmpty)
        try SQLiteRaw(path: path).execute(check)
    }
}
