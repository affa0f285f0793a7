import Awards
import Foundation
import GRDB
import Testing
@testable import Storage

/// A store in a temporary file, removed afterwards.
func withAsyncStore<T>(_ body: (SQLiteStore, String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-\(UUID().uuidString).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    return try await body(try SQLiteStore(path: path), path)
}

@Suite("SQLite store: the best-practice library")
struct LibraryStoreTests {
    static func study(
        _ id: String, title: String, summary: String = "What was done.", body: String, factors: [String] = ["Connect"],
        country: String = "Canada", community: String = "Norvale (synthetic)", state: CaseStudy.State = .published, year: Int = 2025
    ) -> CaseStudy {
        CaseStudy(
            id: id, communityName: community, country: country, title: title, summary: summary, body: body, factors: factors,
            year: year, state: state, published: state == .published ? "\(year)-05-01" : nil, author: "editor")
    }

    /// Three published case studies and a draft: "broadband" in one title and one body.
    static func fill(_ store: SQLiteStore) async throws {
        try await store.saveCaseStudy(study("in-title", title: "Broadband for every farm", body: "Farms were connected by a co-operative.\n\nIt took two years."), by: "editor")
        try await store.saveCaseStudy(study(
            "in-body", title: "A co-operative of subscribers", summary: "Residents own their network.",
            body: "Residents bought shares.\n\nThe co-operative laid fibre and now sells broadband to every household in the valley, with open access for providers.",
            factors: ["Connect", "Include"], country: "Kenya", community: "Dunmere (synthetic)"), by: "editor")
        try await store.saveCaseStudy(study(
            "apprentices", title: "Apprenticeships in software", body: "Employers and the college agreed on a shared curriculum.",
            factors: ["Work"], country: "Finland", community: "São Brook (synthetic)", year: 2024), by: "editor")
        try await store.saveCaseStudy(study(
            "draft-broadband", title: "Broadband draft", body: "Broadband broadband broadband.", state: .draft), by: "editor")
    }

    @Test("the system SQLite that GRDB links has FTS5, and the migration builds the index with it")
    func fts5Available() throws {
        let queue = try DatabaseQueue()
        #expect(try queue.read { try Bool.fetchOne($0, sql: "SELECT sqlite_compileoption_used('ENABLE_FTS5')") } == true)
        try withStore { _, path in
            let raw = try SQLiteRaw(path: path)
            let sql = try raw.queue.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'case_study_text'") }
            #expect(sql?.contains("USING fts5") == true)
            let migrations = try raw.queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(migrations.contains("v3: library"))
        }
    }

    @Test("a case study round-trips; saving again replaces it; both saves are in the audit log")
    func roundTrip() async throws {
        try await withAsyncStore { store, _ in
            let original = Self.study("fibre", title: "Fibre co-operative", body: "Residents bought shares.")
            try await store.saveCaseStudy(original, by: "editor")
            #expect(try await store.caseStudy("fibre") == original)
            var changed = original
            changed.title = "A fibre co-operative owned by its subscribers"
            changed.factors = ["Include"]
            try await store.saveCaseStudy(changed, by: "admin")
            #expect(try await store.caseStudy("fibre") == changed)
            #expect(try await store.caseStudy("nothing") == nil)
            #expect(try await store.caseStudies(.all) == [changed])

            let log = try store.auditLog(entity: "case-study:", limit: 10)
            #expect(log.map(\.entity) == ["case-study:fibre", "case-study:fibre"])
            #expect(log.map(\.actor) == ["admin", "editor"])
            #expect(log.map(\.action) == ["save", "save"])
            #expect(log[1].before == nil)
            #expect(log[0].before?.contains("\"title\":\"Fibre co-operative\"") == true)
            #expect(log[0].after?.contains("\"title\":\"A fibre co-operative owned by its subscribers\"") == true)
        }
    }

    @Test("an invalid case study or a missing actor is refused, naming the field, and nothing is written or logged")
    func refusals() async throws {
        try await withAsyncStore { store, _ throws in
            let untitled = Self.study("untitled", title: "", body: "Text.")
            let error = await #expect(throws: AwardsError.self) { try await store.saveCaseStudy(untitled, by: "editor") }
            #expect(error?.field == "title")
            let unknown = Self.study("unknown", title: "Unknown factor", body: "Text.", factors: ["Broadband"])
            await #expect(throws: AwardsError(.unknownReference, "there is no factor 'Broadband'", field: "factors")) { try await store.saveCaseStudy(unknown, by: "editor") }
            let anonymous = await #expect(throws: AwardsError.self) { try await store.saveCaseStudy(Self.study("ok", title: "Fine", body: "Text."), by: "") }
            #expect(anonymous?.field == "actor")
            #expect(try await store.caseStudies(.all).isEmpty)
            #expect(try store.auditLog(entity: "case-study:", limit: 10).isEmpty)
        }
    }

    @Test("lists show published case studies, newest year first, filtered by factor, country and community")
    func listsAndFilters() async throws {
        try await withAsyncStore { store, _ in
            try await Self.fill(store)
            #expect(try await store.caseStudies().map(\.id) == ["in-body", "in-title", "apprentices"])
            #expect(try await store.caseStudies(.all).map(\.id) == ["in-body", "draft-broadband", "in-title", "apprentices"])
            #expect(try await store.caseStudies(LibraryFilter(factor: "Include")).map(\.id) == ["in-body"])
            #expect(try await store.caseStudies(LibraryFilter(factor: "Connect")).map(\.id) == ["in-body", "in-title"])
            #expect(try await store.caseStudies(LibraryFilter(includeDrafts: true, factor: "Connect")).count == 3)
            #expect(try await store.caseStudies(LibraryFilter(country: "Finland")).map(\.id) == ["apprentices"])
            let dunmere = Community.id(name: "Dunmere (synthetic)", country: "Kenya")
            #expect(try await store.caseStudies(LibraryFilter(community: dunmere)).map(\.id) == ["in-body"])
            #expect(try await store.caseStudies(LibraryFilter(factor: "Sustain")).isEmpty)
        }
    }

    @Test("search ranks a match in the title above one in the body, and leaves drafts out")
    func ranking() async throws {
        try await withAsyncStore { store, _ in
            try await Self.fill(store)
            let hits = try await store.search("broadband", limit: 10)
            #expect(hits.map(\.caseStudy.id) == ["in-title", "in-body"])
            #expect(hits[0].score > hits[1].score)
            #expect(hits.allSatisfy { $0.score > 0 })
            #expect(try await store.search("broadband", filter: .all, limit: 10).map(\.caseStudy.id).contains("draft-broadband"))
            #expect(try await store.search("broadband", limit: 1).map(\.caseStudy.id) == ["in-title"])
        }
    }

    @Test("the snippet marks the words found, preferring a passage of the body to the title")
    func snippets() async throws {
        try await withAsyncStore { store, _ in
            try await Self.fill(store)
            let hit = try #require(try await store.search("household", limit: 10).first)
            #expect(hit.caseStudy.id == "in-body")
            #expect(hit.snippet.matches == ["household"])
            #expect(hit.snippet.text.contains("broadband to every household in the valley"))
            // "Broadband" is in in-title's title and not its body: the title is the passage.
            let title = try #require(try await store.search("broadband", limit: 10).first)
            #expect(title.snippet.matches == ["Broadband"])
            #expect(title.snippet.text == "Broadband for every farm")
            // Both words marked, whichever form they take.
            let both = try #require(try await store.search("fibre household*", limit: 10).first)
            #expect(both.snippet.matches == ["fibre", "household"])
        }
    }

    @Test("prefixes, stems, accents, filters and every word required")
    func matching() async throws {
        try await withAsyncStore { store, _ in
            try await Self.fill(store)
            #expect(try await store.search("broad*", limit: 10).map(\.caseStudy.id) == ["in-title", "in-body"])
            #expect(try await store.search("apprenticeship", limit: 10).map(\.caseStudy.id) == ["apprentices"], "stemmed: Apprenticeships")
            #expect(try await store.search("sao", limit: 10).map(\.caseStudy.id) == ["apprentices"], "the community's name, without its accent")
            #expect(try await store.search("broadband valley", limit: 10).map(\.caseStudy.id) == ["in-body"])
            #expect(try await store.search("broadband nowhere", limit: 10).isEmpty)
            #expect(try await store.search("co-operative", filter: LibraryFilter(country: "Kenya"), limit: 10).map(\.caseStudy.id) == ["in-body"])
            #expect(try await store.search("co-operative", filter: LibraryFilter(factor: "Work"), limit: 10).isEmpty)
        }
    }

    @Test("the index follows every change: replaced text is no longer found, new text is")
    func indexFollowsChanges() async throws {
        try await withAsyncStore { store, path in
            try await Self.fill(store)
            var changed = try #require(try await store.caseStudy("apprentices"))
            changed.body = "Mentors teach evening modules in robotics."
            changed.factors = ["Innovate"]
            try await store.saveCaseStudy(changed, by: "editor")
            #expect(try await store.search("curriculum", limit: 10).isEmpty)
            #expect(try await store.search("robotics", limit: 10).map(\.caseStudy.id) == ["apprentices"])
            #expect(try await store.caseStudies(LibraryFilter(factor: "Work")).isEmpty)
            #expect(try await store.caseStudies(LibraryFilter(factor: "Innovate")).map(\.id) == ["apprentices"])
            changed.state = .draft
            try await store.saveCaseStudy(changed, by: "editor")
            #expect(try await store.search("robotics", limit: 10).isEmpty, "unpublished case studies leave the public search")
            // FTS5's own check that the index agrees with its content table.
            try SQLiteRaw(path: path).execute("INSERT INTO case_study_text (case_study_text, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test(
        "hostile searches never reach SQLite as syntax: they find words or name the field q",
        arguments: [
            "\"", "\"\"", "broadband\"", "NEAR(", "NEAR(broadband farm, 1)", "*", "**", "broad**", "-", "-broadband", "AND", "OR NOT",
            "broadband AND", "title:broadband", "{title}: farm", "^broadband", "(broadband", "broadband)", "'; DROP TABLE case_study; --",
            "São", "東京", "🚀", "\u{0}", "%_", "\\", "broadband\u{2}farm\u{3}",
        ])
    func hostile(_ text: String) async throws {
        try await withAsyncStore { store, _ in
            try await Self.fill(store)
            do throws(AwardsError) {
                let hits = try await store.search(text, limit: 10)
                #expect(hits.allSatisfy { $0.caseStudy.state == .published })
            } catch {
                #expect(error.field == "q", "\(text): \(error)")
                #expect(error.kind == .invalidValue)
            }
            #expect(try await store.caseStudies(.all).count == 4, "the table is intact")
        }
    }

    @Test("the keywords of FTS5 are searched as words")
    func keywordsAreWords() async throws {
        try await withAsyncStore { store, _ in
            try await store.saveCaseStudy(Self.study("near", title: "Near and far", body: "Services near or not near the centre."), by: "editor")
            #expect(try await store.search("NEAR", limit: 10).map(\.caseStudy.id) == ["near"])
            #expect(try await store.search("not OR", limit: 10).map(\.caseStudy.id) == ["near"])
            #expect(try await store.search("AND", limit: 10).map(\.caseStudy.id) == ["near"])
        }
    }

    @Test("case studies and their index persist across reopening the database")
    func persistence() async throws {
        try await withAsyncStore { store, path in
            try await Self.fill(store)
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.caseStudies().count == 3)
            #expect(try await reopened.search("household", limit: 10).map(\.caseStudy.id) == ["in-body"])
            #expect(try await reopened.caseStudy("in-title") == (try await store.caseStudy("in-title")))
            try SQLiteRaw(path: path).execute("INSERT INTO case_study_text (case_study_text, rank) VALUES ('integrity-check', 1)")
        }
    }
}
