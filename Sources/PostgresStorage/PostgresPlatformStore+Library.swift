import Awards
import Foundation
import PostgresNIO

extension PostgresPlatformStore: LibraryStore {
    public func saveCaseStudy(_ caseStudy: CaseStudy, by actor: String) async throws(AwardsError) {
        if let problem = caseStudy.problems().first { throw problem }
        try await write("save", "case-study:\(caseStudy.id)", by: actor) { db in
            let body = try StoredJSON.encode(caseStudy)
            let before = try await rows(db, "SELECT body FROM case_study WHERE id = \(caseStudy.id) FOR UPDATE").first?.decode(String.self)
            try await db.query(
                """
                INSERT INTO case_study (id, community, community_name, country, state, year, factors, title, summary, prose, body)
                VALUES (
                    \(caseStudy.id), \(caseStudy.community), \(caseStudy.communityName), \(caseStudy.country), \(caseStudy.state.rawValue),
                    \(caseStudy.year), \(caseStudy.factors), \(caseStudy.title), \(caseStudy.summary), \(caseStudy.body), \(body))
                ON CONFLICT (id) DO UPDATE SET
                    community = excluded.community, community_name = excluded.community_name, country = excluded.country,
                    state = excluded.state, year = excluded.year, factors = excluded.factors, title = excluded.title,
                    summary = excluded.summary, prose = excluded.prose, body = excluded.body
                """,
                logger: logger)
            return (before, body)
        }
    }

    public func caseStudy(_ id: String) async throws(AwardsError) -> CaseStudy? {
        try await read { db in
            try await rows(db, "SELECT body FROM case_study WHERE id = \(id)").first.map { try StoredJSON.decode(CaseStudy.self, try $0.decode(String.self)) }
        }
    }

    public func caseStudies(_ filter: LibraryFilter) async throws(AwardsError) -> [CaseStudy] {
        var bindings = PostgresBindings()
        let condition = Self.condition(filter, &bindings)
        // `lower` under the "C" collation folds ASCII letters only and compares bytes, as SQLite's
        // NOCASE does, so both stores list in the same order.
        let query = PostgresQuery(
            unsafeSQL: #"SELECT c.body FROM case_study c WHERE \#(condition) ORDER BY c.year DESC, lower(c.title COLLATE "C"), c.id COLLATE "C""#,
            binds: bindings)
        return try await read { db in
            try await rows(db, query).map { try StoredJSON.decode(CaseStudy.self, try $0.decode(String.self)) }
        }
    }

    public func search(_ query: LibraryQuery, filter: LibraryFilter, limit: Int) async throws(AwardsError) -> [LibraryHit] {
        // The words and their prefix marks go in as two array parameters; `library_tsquery`
        // makes of them a tsquery that needs every word, to match, and one that takes any, to
        // mark the words in the passages (see `PostgresLibrarySchema`).
        var bindings = PostgresBindings()
        bindings.append(query.terms.map(\.word))
        bindings.append(query.terms.map(\.prefix))
        bindings.append(Self.headlineOptions)
        bindings.append(max(0, limit))
        let condition = Self.condition(filter, &bindings)
        // The passages are cut only for the hits kept, the costly part of a search. Like the
        // SQLite store's, the snippet prefers a passage of the body, then the summary, then the
        // title.
        let sql = #"""
            SELECT hit.body, hit.relevance, hit.prose, hit.summary, hit.title,
                ts_headline('library_text', hit.prose, marks.query, $3) AS prose_passage,
                ts_headline('library_text', hit.summary, marks.query, $3) AS summary_passage,
                ts_headline('library_text', hit.title, marks.query, $3) AS title_passage
            FROM (
                SELECT c.id, c.body, c.prose, c.summary, c.title,
                    ts_rank('\#(PostgresLibrarySchema.rankWeights)', c.search, q.query, 1)::float8 AS relevance
                FROM case_study c, library_tsquery($1, $2, FALSE) AS q(query)
                WHERE c.search @@ q.query AND \#(condition)
                ORDER BY relevance DESC, c.id COLLATE "C"
                LIMIT $4
            ) hit, library_tsquery($1, $2, TRUE) AS marks(query)
            ORDER BY hit.relevance DESC, hit.id COLLATE "C"
            """#
        let statement = PostgresQuery(unsafeSQL: sql, binds: bindings)
        return try await read { db in
            try await rows(db, statement).map { row in
                let (body, relevance, prose, summary, title, prosePassage, summaryPassage, titlePassage) =
                    try row.decode((String, Double, String, String, String, String, String, String).self)
                let snippet = Snippet.preferred([
                    Self.passage(prosePassage, of: prose), Self.passage(summaryPassage, of: summary), Self.passage(titlePassage, of: title),
                ])
                return LibraryHit(caseStudy: try StoredJSON.decode(CaseStudy.self, body), score: relevance, snippet: snippet)
            }
        }
    }

    /// How `ts_headline` cuts a passage: matches between the snippet's marks, and about the
    /// length of SQLite's 24-token snippets (`ts_headline` counts its words its own way, so 24 to
    /// 30 of them make that passage; a field that short is shown whole, as FTS5 shows it).
    static let headlineOptions = "StartSel=\(Snippet.openMark), StopSel=\(Snippet.closeMark), MaxWords=30, MinWords=24"

    /// The passage `ts_headline` cut from `field`, with "…" where the field goes on before or
    /// after it, as FTS5's snippets show.
    static func passage(_ headline: String, of field: String) -> Snippet {
        let shown = Snippet(marked: headline).text
        guard !shown.isEmpty else { return Snippet(parts: []) }
        let field = field.trimmingCharacters(in: .whitespacesAndNewlines)
        return Snippet(marked: (field.hasPrefix(shown) ? "" : "…") + headline + (field.hasSuffix(shown) ? "" : "…"))
    }

    /// The SQL condition on `case_study c` for `filter`; its values are appended to `bindings`
    /// and named by their positions, so no value is ever part of the SQL.
    static func condition(_ filter: LibraryFilter, _ bindings: inout PostgresBindings) -> String {
        func parameter(_ value: String) -> String {
            bindings.append(value)
            return "$\(bindings.count)"
        }
        var clauses = ["TRUE"]
        if !filter.includeDrafts { clauses.append("c.state = \(parameter(CaseStudy.State.published.rawValue))") }
        if let factor = filter.factor { clauses.append("c.factors @> ARRAY[\(parameter(factor))::text]") }
        if let country = filter.country { clauses.append("c.country = \(parameter(country))") }
        if let community = filter.community { clauses.append("c.community = \(parameter(community))") }
        return clauses.joined(separator: " AND ")
    }
}
