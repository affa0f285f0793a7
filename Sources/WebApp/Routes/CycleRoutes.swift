import Awards
import Hummingbird

/// The public results of each awards cycle: shortlists, the jury's pairwise matrix, the winner.
enum CycleRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let store = platform.store

        routes.get("/cycles/{year}", access: .everyone, summary: "A cycle's published results") { _, context in
            let year: Int = try context.parameters.require("year", as: Int.self)
            let results = try CycleResults(year: year, store: store)
            return try pages.render("cycle", results.context())
        }

        routes.get("/api/v1/cycles/{year}", access: .everyone, summary: "A cycle's published results: shortlists, ranking, pairwise matrix, rules") { _, context in
            let year: Int = try context.parameters.require("year", as: Int.self)
            let results = try CycleResults(year: year, store: store)
            return try Respond.json(results)
        }
    }
}

/// What the public may see of a cycle: the phase, the named shortlists and the publication.
struct CycleResults: Encodable {
    struct Entry: Encodable {
        var nomination: String
        var community: String
        var country: String
        var score: Double
    }

    var year: Int
    var phase: String
    var smart21: [Entry]
    var top7: [Entry]
    var publication: Publication?

    init(year: Int, store: any AwardsStore) throws {
        let cycles: [Cycle] = try store.cycles()
        guard let cycle = cycles.first(where: { $0.year == year }) else {
            throw HTTPError(.notFound, message: "there is no \(year) cycle")
        }
        self.year = year
        phase = cycle.phase.title
        smart21 = try Self.entries("smart21", year: year, store: store)
        top7 = try Self.entries("top7", year: year, store: store)
        publication = try store.publication(cycle: year)
    }

    /// The selected nominations of a shortlist, in rank order.
    static func entries(_ name: String, year: Int, store: any AwardsStore) throws -> [Entry] {
        guard let list = try store.shortlist(name, cycle: year) else { return [] }
        var result: [Entry] = []
        for id in list.selected {
            guard let candidate = list.candidates.first(where: { $0.nomination == id }) else { continue }
            result.append(Entry(nomination: id, community: candidate.community, country: candidate.country, score: candidate.score))
        }
        return result
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

    /// The page's template context.
    func context() -> [String: Any] {
        var context: [String: Any] = [:]
        context["title"] = "The \(year) awards"
        context["year"] = year
        context["phase"] = phase
        var synthetic = false
        var shortlist: [[String: Any]] = []
        for entry in smart21 {
            if entry.community.contains("(synthetic)") { synthetic = true }
            let row: [String: Any] = ["name": entry.community, "country": entry.country, "score": Show.score(entry.score)]
            shortlist.append(row)
        }
        context["synthetic"] = synthetic
        context["smart21Count"] = smart21.count
        context["smart21"] = shortlist
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
