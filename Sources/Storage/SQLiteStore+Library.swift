import Awards
import GRDB

extension SQLiteStore: LibraryStore {
    public func saveCaseStudy(_ caseStudy: CaseStudy, by actor: String) async throws(AwardsError) {
        if let problem = caseStudy.problems().first { throw problem }
        try await write("save", "case-study:\(caseStudy.id)", by: actor) { db in
            let body = try JSON.encode(caseStudy)
            let before = try String.fetchOne(db, sql: "SELECT body FROM case_study WHERE id = ?", arguments: [caseStudy.id])
            try db.execute(
                sql: """
                    INSERT INTO case_study (id, community, community_name, country, state, year, title, summary, prose, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        community = excluded.community, community_name = excluded.community_name, country = excluded.country,
                        state = excluded.state, year = excluded.year, title = excluded.title, summary = excluded.summary,
                        prose = excluded.prose, body = excluded.body
                    """,
                arguments: [
                    caseStudy.id, caseStudy.community, caseStudy.communityName, caseStudy.country, caseStudy.state.rawValue,
                    caseStudy.year, caseStudy.title, caseStudy.summary, caseStudy.body, body,
                ])
            let key = try Int64.fetchOne(db, sql: "SELECT key FROM case_study WHERE id = ?", arguments: [caseStudy.id])
            try db.execute(sql: "DELETE FROM case_study_factor WHERE case_study = ?", arguments: [key])
            for factor in caseStudy.factors {
                try db.execute(sql: "INSERT INTO case_study_factor (factor, case_study) VALUES (?, ?)", arguments: [factor, key])
            }
            return (before, body)
        }
    }

    public func caseStudy(_ id: String) async throws(AwardsError) -> CaseStudy? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT body FROM case_study WHERE id = ?", arguments: [id]).map { try JSON.decode(CaseStudy.self, $0) }
        }
    }

    public func caseStudies(_ filter: LibraryFilter) async throws(AwardsError) -> [CaseStudy] {
        let (condition, arguments) = Self.condition(filter)
        return try await read { db in
            try String.fetchAll(
                db, sql: "SELECT c.body FROM case_study c WHERE \(condition) ORDER BY c.year DESC, c.title COLLATE NOCASE, c.id",
                arguments: arguments
            ).map { try JSON.decode(CaseStudy.self, $0) }
        }
    }

    public func search(_ query: LibraryQuery, filter: LibraryFilter, limit: Int) async throws(AwardsError) -> [LibraryHit] {
        let (condition, filterArguments) = Self.condition(filter)
        let weights = LibrarySchema.columnWeights.map { String($0) }.joined(separator: ", ")
        // The snippet prefers a passage of the body, then of the summary, then the title: the
        // title is shown with every hit anyway.
        let sql = """
            SELECT c.body, bm25(case_study_text, \(weights)) AS relevance,
                snippet(case_study_text, 2, :open, :close, '…', 24) AS prose,
                snippet(case_study_text, 1, :open, :close, '…', 24) AS summary,
                snippet(case_study_text, 0, :open, :close, '…', 24) AS title
            FROM case_study_text JOIN case_study c ON c.key = case_study_text.rowid
            WHERE case_study_text MATCH :match AND \(condition)
            ORDER BY relevance, c.id LIMIT :limit
            """
        var arguments = filterArguments
        arguments += [
            "open": String(Snippet.openMark), "close": String(Snippet.closeMark), "match": query.fts5Expression, "limit": max(0, limit),
        ]
        return try await read { [arguments] db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let prose: String = row["prose"], summary: String = row["summary"], title: String = row["title"]
                let snippet = Snippet.preferred([prose, summary, title].map(Snippet.init(marked:)))
                // bm25 is lower for better matches; the hit's score is higher for them.
                let relevance: Double = row["relevance"]
                return LibraryHit(caseStudy: try JSON.decode(CaseStudy.self, row["body"]), score: -relevance, snippet: snippet)
            }
        }
    }

    /// The SQL condition on `case_study c` for `filter`, with its named arguments.
    private static func condition(_ filter: LibraryFilter) -> (String, StatementArguments) {
        var clauses: [String] = []
        var values: [String: String] = [:]
        func argument(_ value: String) -> String {
            let name = "f\(values.count)"
            values[name] = value
            return ":" + name
        }
        if !filter.includeDrafts { clauses.append("c.state = \(argument(CaseStudy.State.published.rawValue))") }
        if let factor = filter.factor {
            clauses.append("EXISTS (SELECT 1 FROM case_study_factor f WHERE f.case_study = c.key AND f.factor = \(argument(factor)))")
        }
        if let country = filter.country { clauses.append("c.country = \(argument(country))") }
        if let community = filter.community { clauses.append("c.community = \(argument(community))") }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), StatementArguments(values))
    }
}
