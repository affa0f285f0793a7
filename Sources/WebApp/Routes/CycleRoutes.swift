import Awards
import Hummingbird

/// The public results of each awards cycle: shortlists, the jury's pairwise matrix, the winner.
enum CycleRoutes {
    static func add<Context: RequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let store = platform.store

        routes.get("/cycles/{year}", access: .everyone, summary: "A cycle's published results") { _, context in
            let year = try context.parameters.require("year", as: Int.self)
            let results = try CycleResults(year: year, store: store)
            return try pages.render("cycle", results.context())
        }

        routes.get("/api/v1/cycles/{year}", access: .everyone, summary: "A cycle's published results: shortlists, ranking, pairwise matrix, rules") { _, context in
            let year = try context.parameters.require("year", as: Int.self)
            return try Respond.json(try CycleResults(year: year, store: store))
        }
    }
}

/// What the public may see of a cycle: the phase, the named shortlists and the publication.
struct CycleResults: Encodable {
    struct Entry: Encodable {
        var nomination: String
        var community: String
        var country: String
        var score: Double?
    }

    var year: Int
    var phase: String
    var smart21: [Entry]
    var top7: [Entry]
    var publication: Publication?

    init(year: Int, store: any AwardsStore) throws {
        let cycle: Cycle
        do {
            cycle = try store.cycle(year)
        } catch let error where error.kind == .unknownReference {
            throw HTTPError(.notFound, message: "there is no \(year) cycle")
        }
        self.year = year
        phase = cycle.phase.title
        func entries(_ name: String) throws -> [Entry] {
            guard let list = try store.shortlist(name, cycle: year) else { return [] }
            let byID = Dictionary(uniqueKeysWithValues: list.candidates.map { ($0.nomination, $0) })
            return list.selected.map { Entry(nomination: $0, community: byID[$0]?.community ?? $0, country: byID[$0]?.country ?? "", score: byID[$0]?.score) }
        }
        smart21 = try entries("smart21")
        top7 = try entries("top7")
        publication = try store.publication(cycle: year)
    }

    func context() -> [String: Any] {
        var names: [String: Entry] = [:]
        for entry in smart21 + top7 { names[entry.nomination] = entry }
        func name(_ id: String) -> String { names[id]?.community ?? id }
        var shortlist: [[String: Any]] = []
        for e in smart21 { shortlist.append(["name": e.community, "country": e.country, "score": Show.score(e.score)]) }
        var context: [String: Any] = ["title": "The \(year) awards", "year": year, "phase": phase]
        context["synthetic"] = (smart21 + top7).contains { $0.community.contains("(synthetic)") }
        context["smart21Count"] = smart21.count
        context["smart21"] = shortlist
        guard let p = publication else { return context }
        let finalists = p.ranking
        var ranking: [[String: Any]] = []
        var columns: [[String: Any]] = []
        var matrix: [[String: Any]] = []
        for (i, a) in finalists.enumerated() {
            ranking.append(["name": name(a), "country": names[a]?.country ?? ""])
            columns.append(["short": String(i + 1)])
            var cells: [[String: Any]] = []
            for b in finalists {
                let value: String = a == b ? "—" : Show.count(p.pairwise[a]?[b])
                cells.append(["value": value])
            }
            matrix.append(["name": "\(i + 1). \(name(a))", "cells": cells])
        }
        var published: [String: Any] = ["winner": name(p.winner)]
        published["ranking"] = ranking
        published["columns"] = columns
        published["matrix"] = matrix
        published["rules"] = p.rules.map { ["text": $0] as [String: Any] }
        context["published"] = published
        return context
    }
}
