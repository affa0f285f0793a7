import Awards
import Foundation
import PostgresNIO
import Testing
@testable import PostgresStorage

/// What only the PostgreSQL library has: its migration, its text search configuration and the
/// tsquery it builds from parameters.
@Suite("PostgreSQL store: the best-practice library")
struct PostgresLibraryTests {
    /// The first column of every row of `sql`, as text.
    static func strings(_ store: PostgresPlatformStore, _ query: PostgresQuery) async throws -> [String] {
        var values: [String] = []
        for try await value in try await store.client.query(query).decode(String.self) { values.append(value) }
        return values
    }

    @Test("the library is migration 2 of the one schema: a generated tsvector with a GIN index, unaccent outside the schema")
    func migration() async throws {
        try await withPlatformStore { store in
            #expect(
                try await Self.strings(store, "SELECT version || ' ' || name FROM schema_version ORDER BY version")
                    == ["1 programme", "2 library", "3 accounts", "4 change notifications", "5 sign-in attempts", "6 outbox"])
            #expect(try await Self.strings(store, "SELECT indexdef FROM pg_indexes WHERE indexname = 'case_study_search' AND schemaname = current_schema()")
                .first?.contains("USING gin (search)") == true)
            #expect(try await Self.strings(store, "SELECT attgenerated::text FROM pg_attribute WHERE attrelid = 'case_study'::regclass AND attname = 'search'") == ["s"])
            #expect(try await Self.strings(store, "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'") == ["public"])
            // Migrating again, as every start does, changes nothing.
            try await store.migrate()
            #expect(try await Self.strings(store, "SELECT count(*)::text FROM schema_version") == ["\(PostgresSchema.migrations.count)"])
        }
    }

    @Test("the programme, the accounts and the library share one schema and one audit log")
    func oneSchema() async throws {
        try await withPlatformStore { store in
            try await store.saveCaseStudy(LibraryConformanceTests.study("fibre", title: "Fibre", body: "Text."), by: "editor")
            try await store.createCycle(Cycle(year: 2026), by: "admin")
            #expect(try await store.auditLog(entity: nil, limit: 10).map(\.entity) == ["cycle:2026", "case-study:fibre"])
        }
    }

    @Test("dropping another store's schema leaves this store's search working")
    func schemasIndependent() async throws {
        try await withPlatformStore { store in
            try await store.saveCaseStudy(LibraryConformanceTests.study("binh", title: "Bình Dương", body: "Text."), by: "editor")
            try await withPlatformStore { other in
                try await other.saveCaseStudy(LibraryConformanceTests.study("other", title: "Elsewhere", body: "Text."), by: "editor")
            }
            #expect(try await store.search("binh duong", limit: 5).map(\.caseStudy.id) == ["binh"])
        }
    }

    @Test(
        "library_tsquery quotes every lexeme itself: quotes, backslashes and operators in a word are text, never syntax",
        arguments: [
            ["it's"], ["a\\b"], ["\\"], ["'"], ["''"], ["&|!:*()"], ["a:*", "b:A"], ["'; DROP TABLE case_study; --"], ["x@y.org"],
            ["C:\\path\\x"], ["http://x.org/a\\b'c"], ["!broadband", "(farm"], ["<->", "<2>"], [String(repeating: "ab'\\", count: 200)],
        ])
    func tsqueryFromParameters(_ words: [String]) async throws {
        try await withPlatformStore { store in
            for (prefix, anyWord) in [(false, false), (true, false), (false, true), (true, true)] {
                let prefixes = Array(repeating: prefix, count: words.count)
                let query = try await Self.strings(store, "SELECT coalesce(library_tsquery(\(words), \(prefixes), \(anyWord))::text, 'none')")
                #expect(query.count == 1)
                // Whatever the words made, the query runs against the index and cuts passages.
                _ = try await store.client.query("""
                    SELECT ts_headline('library_text', 'text', q) FROM library_tsquery(\(words), \(prefixes), \(anyWord)) AS q
                    WHERE to_tsvector('library_text', 'text') @@ q OR q IS NULL
                    """)
                _ = try await store.client.query("SELECT count(*) FROM case_study WHERE search @@ library_tsquery(\(words), \(prefixes), \(anyWord))")
            }
            #expect(try await Self.strings(store, "SELECT count(*)::text FROM pg_tables WHERE tablename = 'case_study' AND schemaname = current_schema()") == ["1"])
        }
    }

    @Test("library_tsquery: stems, accents folded, prefixes marked; to match every word is required and a word without lexemes finds nothing, to mark any word will do")
    func tsqueryShape() async throws {
        try await withPlatformStore { store in
            let query = try await Self.strings(store, "SELECT library_tsquery(\(["Bình", "Households", "broad", "the"]), \([false, false, true, false]), FALSE)::text")
            #expect(query == ["'binh' & 'household' & 'broad':* & 'the'"])
            let quoted = try await Self.strings(store, "SELECT library_tsquery(\(["C:\\path"]), \([true]), FALSE)::text")
            #expect(quoted == ["'c':* & 'path':*"])
            let nothing = try await Self.strings(store, "SELECT coalesce(library_tsquery(\(["farm", "²"]), \([false, false]), FALSE)::text, 'none')")
            #expect(nothing == ["none"])
            let any = try await Self.strings(store, "SELECT library_tsquery(\(["farm", "²", "broad"]), \([false, false, true]), TRUE)::text")
            #expect(any == ["'farm' | 'broad':*"])
        }
    }

    @Test("a hostile schema name is one schema: the platform lives in it, and nothing else is touched")
    func hostileSchema() async throws {
        var location = try freshPostgresLocation()
        location.schema = #"x"; DROP SCHEMA public CASCADE; --"# + location.schema.suffix(20)
        try await withPlatformStore(at: location) { store in
            try await store.createCycle(Cycle(year: 2026), by: "admin")
            #expect(try await store.cycles().map(\.year) == [2026])
            #expect(try await Self.strings(store, "SELECT nspname::text FROM pg_namespace WHERE nspname = 'public'") == ["public"])
            #expect(try await Self.strings(store, "SELECT current_schema()::text") == [location.schema])
            try await store.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(location.quotedSchema) CASCADE"))
        }
    }
}
