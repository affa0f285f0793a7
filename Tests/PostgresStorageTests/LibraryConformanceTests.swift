import Awards
import Foundation
import Testing
import PostgresStorage
import Storage

/// What every `LibraryStore` must do, checked on SQLite and on PostgreSQL alike.
@Suite("Library conformance")
struct LibraryConformanceTests {
    static func study(
        _ id: String, title: String, summary: String = "What was done.", body: String, factors: [String] = ["Connect"],
        country: String = "Canada", community: String = "Norvale (synthetic)", state: CaseStudy.State = .published, year: Int = 2025
    ) -> CaseStudy {
        CaseStudy(
            id: id, communityName: community, country: country, title: title, summary: summary, body: body, factors: factors,
            year: year, state: state, published: state == .published ? "\(year)-05-01" : nil, author: "editor")
    }

    /// Three published case studies and a draft: "broadband" in one title and one body.
    static func fill(_ store: any LibraryStore) async throws {
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

    /// The ids of the hits for `text`, best first.
    static func ids(_ store: any LibraryStore, _ text: String, filter: LibraryFilter = .published, limit: Int = 10) async throws -> [String] {
        try await store.search(text, filter: filter, limit: limit).map(\.caseStudy.id)
    }

    @Test("a case study round-trips; saving again replaces it; both saves are in the audit log", arguments: StoreKind.allCases)
    func roundTrip(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            let original = Self.study("fibre", title: "Fibre co-operative", body: "Residents bought shares.")
            try await t.store.saveCaseStudy(original, by: "editor")
            #expect(try await t.store.caseStudy("fibre") == original)
            var changed = original
            changed.title = "A fibre co-operative owned by its subscribers"
            changed.factors = ["Include"]
            try await t.store.saveCaseStudy(changed, by: "admin")
            #expect(try await t.store.caseStudy("fibre") == changed)
            #expect(try await t.store.caseStudy("nothing") == nil)
            #expect(try await t.store.caseStudies(.all) == [changed])

            let log = try await t.auditLog("case-study:", 10)
            #expect(log.map(\.entity) == ["case-study:fibre", "case-study:fibre"])
            #expect(log.map(\.actor) == ["admin", "editor"])
            #expect(log.map(\.action) == ["save", "save"])
            #expect(log[1].before == nil)
            #expect(log[0].before?.contains("\"title\":\"Fibre co-operative\"") == true)
            #expect(log[0].after?.contains("\"title\":\"A fibre co-operative owned by its subscribers\"") == true)
            #expect(log[0].before == log[1].after, "each entry's before is the last one's after")
        }
    }

    @Test("both stores write the same audit entries, byte for byte")
    func sameAuditEntries() async throws {
        var bodies: [StoreKind: [String?]] = [:]
        for kind in StoreKind.allCases {
            bodies[kind] = try await withLibrary(kind) { t in
                try await Self.fill(t.store)
                var changed = try #require(try await t.store.caseStudy("apprentices"))
                changed.state = .draft
                try await t.store.saveCaseStudy(changed, by: "editor")
                return try await t.auditLog("case-study:", 10).flatMap { [$0.entity, $0.before, $0.after] }
            }
        }
        #expect(bodies[.sqlite]?.count == 15)
        #expect(bodies[.sqlite] == bodies[.postgres])
    }

    @Test("an invalid case study or a missing actor is refused, naming the field, and nothing is written or logged", arguments: StoreKind.allCases)
    func refusals(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t throws in
            let untitled = Self.study("untitled", title: "", body: "Text.")
            let error = await #expect(throws: AwardsError.self) { try await t.store.saveCaseStudy(untitled, by: "editor") }
            #expect(error?.field == "title")
            let unknown = Self.study("unknown", title: "Unknown factor", body: "Text.", factors: ["Broadband"])
            await #expect(throws: AwardsError(.unknownReference, "there is no factor 'Broadband'", field: "factors")) {
                try await t.store.saveCaseStudy(unknown, by: "editor")
            }
            let anonymous = await #expect(throws: AwardsError.self) { try await t.store.saveCaseStudy(Self.study("ok", title: "Fine", body: "Text."), by: "") }
            #expect(anonymous?.field == "actor")
            #expect(try await t.store.caseStudies(.all).isEmpty)
            #expect(try await t.auditLog("case-study:", 10).isEmpty)
        }
    }

    @Test("a save whose audit entry fails leaves no case study behind", arguments: StoreKind.allCases)
    func atomicity(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            // The database refuses audit entries by "mallory": the save must fail as a whole.
            switch kind {
            case .sqlite:
                try await t.execute("CREATE TRIGGER refuse_mallory BEFORE INSERT ON audit_log WHEN new.actor = 'mallory' BEGIN SELECT RAISE(ABORT, 'refused'); END")
            case .postgres:
                try await t.execute("ALTER TABLE audit_log ADD CONSTRAINT refuse_mallory CHECK (actor <> 'mallory')")
            }
            try await Self.fill(t.store)
            var changed = try #require(try await t.store.caseStudy("in-title"))
            changed.title = "Taken over"
            let refused = await #expect(throws: AwardsError.self) { try await t.store.saveCaseStudy(changed, by: "mallory") }
            #expect(refused?.kind == .storage)
            let new = Self.study("new", title: "Never saved", body: "Text.")
            await #expect(throws: AwardsError.self) { try await t.store.saveCaseStudy(new, by: "mallory") }
            #expect(try await t.store.caseStudy("in-title")?.title == "Broadband for every farm")
            #expect(try await t.store.caseStudy("new") == nil)
            #expect(try await Self.ids(t.store, "taken").isEmpty, "the index holds the old text")
            #expect(try await t.auditLog("case-study:", 10).count == 4)
        }
    }

    @Test("the audit entries of case studies cannot be edited or deleted, even with SQL", arguments: StoreKind.allCases)
    func auditLogAppendOnly(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            let update = await #expect(throws: (any Error).self) { try await t.execute("UPDATE audit_log SET actor = 'mallory'") }
            let delete = await #expect(throws: (any Error).self) { try await t.execute("DELETE FROM audit_log WHERE entity LIKE 'case-study:%'") }
            #expect(update.map { String(reflecting: $0) }?.contains("append-only") == true)
            #expect(delete.map { String(reflecting: $0) }?.contains("append-only") == true)
            #expect(try await t.auditLog("case-study:", 10).map(\.actor) == Array(repeating: "editor", count: 4))
        }
    }

    @Test("concurrent saves lose nothing, and each is audited once", arguments: StoreKind.allCases)
    func concurrentSaves(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            let store = t.store
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<24 {
                    group.addTask {
                        try await store.saveCaseStudy(Self.study("study-\(i)", title: "Practice \(i)", body: "Body of practice number \(i)."), by: "editor-\(i % 4)")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.caseStudies(.all).count == 24)
            #expect(try await t.auditLog("case-study:", 100).count == 24)
            #expect(try await Self.ids(store, "practice", limit: 100).count == 24)
        }
    }

    @Test("lists show published case studies, newest year first, filtered by factor, country and community", arguments: StoreKind.allCases)
    func listsAndFilters(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            #expect(try await t.store.caseStudies().map(\.id) == ["in-body", "in-title", "apprentices"])
            #expect(try await t.store.caseStudies(.all).map(\.id) == ["in-body", "draft-broadband", "in-title", "apprentices"])
            #expect(try await t.store.caseStudies(LibraryFilter(factor: "Include")).map(\.id) == ["in-body"])
            #expect(try await t.store.caseStudies(LibraryFilter(factor: "Connect")).map(\.id) == ["in-body", "in-title"])
            #expect(try await t.store.caseStudies(LibraryFilter(includeDrafts: true, factor: "Connect")).count == 3)
            #expect(try await t.store.caseStudies(LibraryFilter(country: "Finland")).map(\.id) == ["apprentices"])
            let dunmere = Community.id(name: "Dunmere (synthetic)", country: "Kenya")
            #expect(try await t.store.caseStudies(LibraryFilter(community: dunmere)).map(\.id) == ["in-body"])
            #expect(try await t.store.caseStudies(LibraryFilter(factor: "Sustain")).isEmpty)
            #expect(try await t.store.caseStudies(LibraryFilter(country: "kenya")).isEmpty, "filters are exact")
            #expect(try await t.store.caseStudies(LibraryFilter(factor: "Connect', 'Work")).isEmpty)
        }
    }

    @Test("titles are listed case-blind in ASCII and by code point beyond it, as SQLite's NOCASE orders them", arguments: StoreKind.allCases)
    func titleOrder(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            for (i, title) in ["zebra crossings", "Éclairage public", "apples", "Bridges", "éco-quartier", "Apples", "banks"].enumerated() {
                try await t.store.saveCaseStudy(Self.study("s\(i)", title: title, body: "Text."), by: "editor")
            }
            // "apples" and "Apples" are equal titles: the id (s2 before s5) decides.
            #expect(try await t.store.caseStudies().map(\.title) == ["apples", "Apples", "banks", "Bridges", "zebra crossings", "Éclairage public", "éco-quartier"])
        }
    }

    @Test("search ranks a match in the title above one in the body, and leaves drafts out", arguments: StoreKind.allCases)
    func ranking(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            let hits = try await t.store.search("broadband", limit: 10)
            #expect(hits.map(\.caseStudy.id) == ["in-title", "in-body"])
            #expect(hits[0].score > hits[1].score)
            #expect(hits.allSatisfy { $0.score > 0 })
            #expect(try await Self.ids(t.store, "broadband", filter: .all).contains("draft-broadband"))
            #expect(try await Self.ids(t.store, "broadband", limit: 1) == ["in-title"])
            #expect(try await Self.ids(t.store, "broadband", limit: 0).isEmpty)
            #expect(try await Self.ids(t.store, "broadband", limit: -5).isEmpty)
        }
    }

    @Test("the snippet marks the words found, preferring a passage of the body to the title", arguments: StoreKind.allCases)
    func snippets(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            let hit = try #require(try await t.store.search("household", limit: 10).first)
            #expect(hit.caseStudy.id == "in-body")
            #expect(hit.snippet.matches == ["household"])
            #expect(hit.snippet.text.contains("broadband to every household in the valley"))
            #expect(hit.snippet.text == (try await t.store.caseStudy("in-body"))?.body, "a short body is the passage, whole")
            // A long body is cut around the word, and "…" says where.
            let words = (1...80).map { "word\($0)" }
            try await t.store.saveCaseStudy(Self.study(
                "long", title: "Long", body: (words[..<40] + ["zeppelin"] + words[40...]).joined(separator: " ")), by: "editor")
            let long = try #require(try await t.store.search("zeppelin", limit: 10).first)
            #expect(long.snippet.matches == ["zeppelin"])
            #expect(long.snippet.text.hasPrefix("…") && long.snippet.text.hasSuffix("…"))
            #expect((15...40).contains(long.snippet.text.split(separator: " ").count), "about two dozen words: \(long.snippet.text)")
            // "Broadband" is in in-title's title and not its body: the title is the passage.
            let title = try #require(try await t.store.search("broadband", limit: 10).first)
            #expect(title.snippet.matches == ["Broadband"])
            #expect(title.snippet.text == "Broadband for every farm")
            // Both words marked, whichever form they take.
            let both = try #require(try await t.store.search("fibre household*", limit: 10).first)
            #expect(both.snippet.matches == ["fibre", "household"])
            // Found only in the community's name: the passage is the body's start, nothing marked.
            let name = try #require(try await t.store.search("dunmere", limit: 10).first)
            #expect(name.caseStudy.id == "in-body")
            #expect(name.snippet.matches.isEmpty)
            #expect(name.snippet.text.hasPrefix("Residents bought shares."))
        }
    }

    @Test("prefixes, stems, accents, filters and every word required", arguments: StoreKind.allCases)
    func matching(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            #expect(try await Self.ids(t.store, "broad*") == ["in-title", "in-body"])
            #expect(try await Self.ids(t.store, "apprenticeship") == ["apprentices"], "stemmed: Apprenticeships")
            #expect(try await Self.ids(t.store, "households") == ["in-body"], "stemmed: household")
            #expect(try await Self.ids(t.store, "sao") == ["apprentices"], "the community's name, without its accent")
            #expect(try await Self.ids(t.store, "SÃO") == ["apprentices"], "any case, with its accent")
            #expect(try await Self.ids(t.store, "broadband valley") == ["in-body"])
            #expect(try await Self.ids(t.store, "broadband nowhere").isEmpty)
            #expect(try await Self.ids(t.store, "co-operative", filter: LibraryFilter(country: "Kenya")) == ["in-body"])
            #expect(try await Self.ids(t.store, "co-operative", filter: LibraryFilter(factor: "Work")).isEmpty)
            #expect(try await Self.ids(t.store, "operative") == ["in-body", "in-title"], "a hyphenated word's parts are words")
        }
    }

    @Test("Vietnamese and other accented names are found with or without their accents", arguments: StoreKind.allCases)
    func accents(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await t.store.saveCaseStudy(Self.study(
                "binh-duong", title: "Bình Dương's smart city operations centre", body: "The province of Bình Dương joined its services in one centre.",
                country: "Vietnam", community: "Bình Dương"), by: "editor")
            try await t.store.saveCaseStudy(Self.study(
                "zurich", title: "Zürich's open data", body: "Crème brûlée for the naïve façade of the café.", country: "Switzerland", community: "Zürich"), by: "editor")
            for text in ["binh duong", "Bình Dương", "BÌNH", "duong*", "Dương"] {
                #expect(try await Self.ids(t.store, text) == ["binh-duong"], "\(text)")
            }
            for text in ["zurich", "Zürich", "creme brulee", "naive facade", "CAFÉ", "cafe"] {
                #expect(try await Self.ids(t.store, text) == ["zurich"], "\(text)")
            }
            let hit = try #require(try await t.store.search("binh duong", limit: 1).first)
            #expect(hit.snippet.matches == ["Bình", "Dương"], "the passage shows the words as written")
        }
    }

    @Test("the index follows every change: replaced text is no longer found, new text is", arguments: StoreKind.allCases)
    func indexFollowsChanges(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            var changed = try #require(try await t.store.caseStudy("apprentices"))
            changed.body = "Mentors teach evening modules in robotics."
            changed.factors = ["Innovate"]
            try await t.store.saveCaseStudy(changed, by: "editor")
            #expect(try await Self.ids(t.store, "curriculum").isEmpty)
            #expect(try await Self.ids(t.store, "robotics") == ["apprentices"])
            #expect(try await t.store.caseStudies(LibraryFilter(factor: "Work")).isEmpty)
            #expect(try await t.store.caseStudies(LibraryFilter(factor: "Innovate")).map(\.id) == ["apprentices"])
            changed.state = .draft
            try await t.store.saveCaseStudy(changed, by: "editor")
            #expect(try await Self.ids(t.store, "robotics").isEmpty, "unpublished case studies leave the public search")
            #expect(try await Self.ids(t.store, "robotics", filter: .all) == ["apprentices"])
        }
    }

    /// Searches that try the syntax of FTS5, of tsquery or of SQL.
    static let hostileSearches = [
        "\"", "\"\"", "broadband\"", "NEAR(", "NEAR(broadband farm, 1)", "*", "**", "broad**", "-", "-broadband", "AND", "OR NOT",
        "broadband AND", "title:broadband", "{title}: farm", "^broadband", "(broadband", "broadband)", "'; DROP TABLE case_study; --",
        "São", "東京", "🚀", "\u{0}", "broad\u{0}band", "%_", "\\", "broadband\u{2}farm\u{3}",
        // tsquery's operators and quoting.
        "broadband & farm", "broadband | farm", "!broadband", "broadband <-> farm", "broadband:*", "broadband:A", "broad:*B",
        "'broadband'", "''", "'", "\\'", "broad\\band", "\\\\", "&|!:*()", "(broadband | !farm) & 'x':*", "<2>", "!!", "a:*:*",
        // SQL and PostgreSQL's own quoting.
        "'); DROP TABLE case_study; --", "x' OR '1'='1", "$1", "$$ $$", "E'\\x27'", "broadband; SELECT pg_sleep(5)", "U&'\\0041'",
        "/* comment */ broadband", "broadband -- comment",
        // Too long, and just long enough.
        String(repeating: "a", count: LibraryQuery.lengthLimit + 1), String(repeating: "a", count: LibraryQuery.lengthLimit),
        String(repeating: "broadband ", count: 25), String(repeating: "é", count: 256), String(repeating: "x:* ", count: 64),
    ]

    @Test("hostile searches never reach the database as syntax: they find words or name the field q", arguments: StoreKind.allCases, hostileSearches)
    func hostile(_ kind: StoreKind, _ text: String) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            do throws(AwardsError) {
                let hits = try await t.store.search(text, limit: 10)
                #expect(hits.allSatisfy { $0.caseStudy.state == .published })
            } catch {
                #expect(error.field == "q", "\(text): \(error)")
                #expect(error.kind == .invalidValue)
            }
            #expect(try await t.store.caseStudies(.all).count == 4, "the table is intact")
        }
    }

    @Test("operators are words: a search finds the words around them and nothing else", arguments: StoreKind.allCases)
    func operatorsAreWords(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            #expect(try await Self.ids(t.store, "broadband & farm") == ["in-title"])
            #expect(try await Self.ids(t.store, "broadband | farm") == ["in-title"], "| does not mean OR: both words are required")
            #expect(try await Self.ids(t.store, "!broadband") == ["in-title", "in-body"], "! does not mean NOT")
            #expect(try await Self.ids(t.store, "'farm':*") == ["in-title"])
            #expect(try await Self.ids(t.store, "x' OR '1'='1").isEmpty)
            #expect(try await Self.ids(t.store, "'; DROP TABLE case_study; --").isEmpty)
        }
    }

    @Test("the keywords of FTS5 and common English words are searched as words", arguments: StoreKind.allCases)
    func keywordsAreWords(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await t.store.saveCaseStudy(Self.study("near", title: "Near and far", body: "Services near or not near the centre."), by: "editor")
            try await t.store.saveCaseStudy(Self.study("other", title: "Elsewhere", body: "Nothing in common."), by: "editor")
            #expect(try await Self.ids(t.store, "NEAR") == ["near"])
            #expect(try await Self.ids(t.store, "not OR") == ["near"])
            #expect(try await Self.ids(t.store, "AND") == ["near"])
            #expect(try await Self.ids(t.store, "the") == ["near"], "no stop words")
        }
    }

    @Test("case studies and their index persist across reopening the database, and migrating again changes nothing", arguments: StoreKind.allCases)
    func persistence(_ kind: StoreKind) async throws {
        try await withLibrary(kind) { t in
            try await Self.fill(t.store)
            let inTitle = try await t.store.caseStudy("in-title")
            try await t.reopened { reopened throws in
                #expect(try await reopened.caseStudies().count == 3)
                #expect(try await Self.ids(reopened, "household") == ["in-body"])
                #expect(try await reopened.caseStudy("in-title") == inTitle)
            }
            #expect(try await t.auditLog("case-study:", 10).count == 4)
        }
    }

    /// Searches of the demo library: words of titles, summaries and bodies, stems, prefixes,
    /// several words, a community's name, and words found nowhere.
    static let demoSearches = [
        "fibre", "co-operative", "broadband", "apprentice*", "apprenticeships", "software", "school", "maker space", "budget",
        "households", "residents", "data", "open data", "sensors", "heating", "village halls", "repair", "café", "cafe", "university",
        "digital champions", "street lights", "wireless network", "flood", "council", "synthetic", "volunteers", "energy",
        "work", "work*", "connect*", "laptops", "library", "libraries", "bus", "spin-out", "air quality", "zeppelin", "fibre zeppelin",
    ]

    @Test("on the demo library both stores find the same case studies, and rank them alike where their scores do not tie")
    func demoLibraryAgrees() async throws {
        let demo = DemoCycle(nominations: 40, analysts: 12, jurors: 5)
        let studies = DemoLibrary.caseStudies(from: demo)
        var hits: [StoreKind: [String: [LibraryHit]]] = [:]
        for kind in StoreKind.allCases {
            hits[kind] = try await withLibrary(kind) { t in
                for study in studies { try await t.store.saveCaseStudy(study, by: "demo") }
                var found: [String: [LibraryHit]] = [:]
                for text in Self.demoSearches { found[text] = try await t.store.search(text, limit: 50) }
                // A community's name, as a reader might type it.
                let name = studies[0].communityName
                found[name] = try await t.store.search(name, limit: 50)
                return found
            }
        }
        let sqlite = try #require(hits[.sqlite]), postgres = try #require(hits[.postgres])
        #expect(Set(sqlite.keys) == Set(postgres.keys))
        #expect(sqlite.values.contains { $0.count > 5 }, "some searches find many")
        #expect(sqlite["zeppelin"]?.isEmpty == true)
        for (text, expected) in sqlite {
            let found = try #require(postgres[text])
            #expect(Set(found.map(\.caseStudy.id)) == Set(expected.map(\.caseStudy.id)), "\(text)")
            #expect(found.first.map { Self.isBest($0.caseStudy.id, in: expected) } ?? true, "\(text): the best hit is among SQLite's best")
            for (a, b) in Self.pairs(found) {
                let inSQLite = (expected.firstIndex { $0.caseStudy.id == a.caseStudy.id }, expected.firstIndex { $0.caseStudy.id == b.caseStudy.id })
                guard let i = inSQLite.0, let j = inSQLite.1 else { continue }
                #expect(i < j || Self.tie(expected[i].score, expected[j].score) || Self.tie(a.score, b.score), "\(text): \(a.caseStudy.id) before \(b.caseStudy.id)")
            }
            for hit in found where !hit.snippet.matches.isEmpty {
                #expect(hit.snippet.parts.allSatisfy { !$0.text.contains(Snippet.openMark) && !$0.text.contains(Snippet.closeMark) })
            }
        }
    }

    /// Whether `id` scores as well as SQLite's best hit, within the tie tolerance.
    static func isBest(_ id: String, in hits: [LibraryHit]) -> Bool {
        guard let best = hits.first, let hit = hits.first(where: { $0.caseStudy.id == id }) else { return false }
        return tie(best.score, hit.score)
    }

    /// Two scores that rank equally: within 1% of each other. Relevance is a measure, not a count;
    /// rounding in either database must not reorder equals.
    static func tie(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 0.01 * max(abs(a), abs(b))
    }

    /// Every pair of hits in ranked order, the better first.
    static func pairs(_ hits: [LibraryHit]) -> [(LibraryHit, LibraryHit)] {
        hits.indices.flatMap { i in hits.indices.filter { $0 > i }.map { (hits[i], hits[$0]) } }
    }
}
