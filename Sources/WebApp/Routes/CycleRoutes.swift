import Awards
import Hummingbird

/// What each awards cycle has announced: its shortlists once named in public, then its results
/// — the winner, the final ranking, the jury's pairwise matrix and the scores.
enum CycleRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let store = platform.store
        let kept = platform.responses

        routes.get("/cycles/{year}", access: .everyone, summary: "What a cycle has announced: its shortlists, then its results") { _, context in
            let year: Int = try context.parameters.require("year", as: Int.self)
            return try await kept.response("cycle:\(year)") {
                try pages.render("cycle", try await CycleResults(year: year, store: store).context())
            }
        }

        routes.get("/api/v1/cycles/{year}", access: .everyone, summary: "What a cycle has announced: shortlists once announced; ranking, pairwise matrix and scores once published") { _, context in
            let year: Int = try context.parameters.require("year", as: Int.self)
            return try await kept.response("cycle.json:\(year)") { try Respond.json(try await CycleResults(year: year, store: store)) }
        }
    }
}

/// What the public may see of a cycle: its phase, what it has announced, the announced
/// shortlists and, once published, the results (see `Disclosure`).
struct CycleResults: Encodable {
    /// Which of the cycle's artefacts are public.
    struct Announced: Encodable {
        var smart21: Bool
        var top7: Bool
        var results: Bool
    }

    var year: Int
    var phase: String
    var announced: Announced
    var smart21: [CycleAnnouncement.Entry]
    var top7: [CycleAnnouncement.Entry]
    var publication: Publication?

    init(year: Int, store: any AwardsStore) async throws {
        guard let cycle = try await store.cycles().first(where: { $0.year == year }) else {
            throw HTTPError(.notFound, message: "there is no \(year) cycle")
        }
        let announcement = try await CycleAnnouncement(cycle: cycle, store: store)
        let disclosure = announcement.disclosure
        self.year = year
        phase = cycle.phase.title
        announced = Announced(smart21: disclosure.smart21, top7: disclosure.top7, results: disclosure.results)
        smart21 = announcement.smart21
        top7 = announcement.top7
        publication = announcement.publication
    }

    /// The community name of a nomination.
    func name(_ id: String) -> String {
        for entry in smart21 + top7 where entry.nomination == id { return entry.community }
        return id
    }

    /// The country of a nomination.
    func country(_ id: String) -> String {
        for entry in smart21 + top7 where entry.nomination == id { return entry.country }
        return ""
    }

    /// A shortlist's rows for the page: name, country and, once public, the score.
    private static func rows(_ entries: [CycleAnnouncement.Entry]) -> [[String: Any]] {
        entries.map { entry in
            var row: [String: Any] = ["name": entry.community, "country": entry.country]
            if let score = entry.score { row["score"] = Show.score(score) }
            return row
        }
    }

    /// The page's template context.
    func context() -> [String: Any] {
        var context: [String: Any] = [:]
        context["title"] = "The \(year) awards"
        context["year"] = year
        context["phase"] = phase
        context["synthetic"] = (smart21 + top7).contains { $0.community.contains("(synthetic)") }
        context["hasSmart21"] = !smart21.isEmpty
        context["smart21"] = Self.rows(smart21)
        // Until the results, in alphabetical order: the rank order would tell the scores.
        context["smart21Order"] = announced.results ? "In rank order, with their scores" : "In alphabetical order; scores are published with the results"
        context["smart21List"] = announced.results ? "ol" : "ul"
        // The Top7 have their own list until the final ranking replaces it.
        context["hasTop7"] = publication == nil && !top7.isEmpty
        context["top7"] = Self.rows(top7)
        context["pending"] = announced.smart21 ? "The results have not been published yet." : "No shortlist has been announced yet."
        guard let p = publication else { return context }
        var ranking: [[String: Any]] = []
        var columns: [[String: Any]] = []
        var matrix: [[String: Any]] = []
        var position = 0
        for a in p.ranking {
            position += 1
            let entry: [String: Any] = ["name": name(a), "country": country(a)]
            ranking.append(entry)
            let column: [String: Any] = ["short": String(position)]
            columns.append(column)
            var cells: [[String: Any]] = []
            for b in p.ranking {
                let count: Double? = p.pairwise[a]?[b]
                let value: String = a == b ? "—" : Show.count(count)
                let cell: [String: Any] = ["value": value]
                cells.append(cell)
            }
            let row: [String: Any] = ["name": "\(position). " + name(a), "cells": cells]
            matrix.append(row)
        }
        var rules: [[String: Any]] = []
        for rule in p.rules {
            let item: [String: Any] = ["text": rule]
            rules.append(item)
        }
        var published: [String: Any] = [:]
        published["winner"] = name(p.winner)
        published["ranking"] = ranking
        published["columns"] = columns
        published["matrix"] = matrix
        published["rules"] = rules
        context["published"] = published
        return context
    }
}
