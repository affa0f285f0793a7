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
                let results = try await CycleResults(year: year, store: store, translations: pages.translations)
                let cycle = try await store.cycle(year)
                var page = results.context(phase: cycle.phase, pages: pages)
                page.merge(Timeline.context(cycle, pages: pages)) { _, timeline in timeline }
                return try pages.render("cycle", page)
            }
        }

        routes.get("/api/v1/cycles/{year}", access: .everyone, summary: "What a cycle has announced: shortlists once announced; ranking, pairwise matrix and scores once published") { _, context in
            let year: Int = try context.parameters.require("year", as: Int.self)
            return try await kept.response("cycle.json:\(year)") { try Respond.json(try await CycleResults(year: year, store: store, translations: pages.translations)) }
        }

        routes.get("/cycles/{year}/results.csv", access: .everyone, summary: "A published cycle's final ranking with each finalist's score parts and head-to-head record, as CSV") { _, context in
            let year: Int = try context.parameters.require("year", as: Int.self)
            return try await kept.response("cycle.csv:\(year)") {
                Respond.csv(try await CycleResults.published(year: year, store: store, translations: pages.translations).csv(), filename: "civic-awards-\(year)-results.csv")
            }
        }

        routes.get("/api/v1/cycles/{year}/results", access: .everyone, summary: "A published cycle's final ranking with each finalist's score parts, the weights and head-to-head records; 404 until published") { _, context in
            let year: Int = try context.parameters.require("year", as: Int.self)
            return try await kept.response("cycle.results:\(year)") { try Respond.json(try await CycleResults.published(year: year, store: store, translations: pages.translations)) }
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
    /// How far the Smart21's ranks could have moved, once the scores are public.
    var smart21Ranks: RankUncertainty?
    /// The final ranking with each finalist's score parts, once published.
    var results: PublishedResults?

    /// What the public may see of the `year` cycle, results written in English (`translations`'
    /// English), as the downloads give them; the page writes them again in its own language.
    init(year: Int, store: any AwardsStore, translations: Translations) async throws {
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
        smart21Ranks = announcement.smart21Ranks
        results = nil
        let english = PageFormat(language: .en, translations: translations)
        results = announcement.publication.map { PublishedResults($0, year: year, name: name, country: country, format: english) }
    }

    /// The published results of the `year` cycle; the same 404 for a cycle not yet published as
    /// for a year with no cycle, so that the answer tells nothing of what is to come.
    static func published(year: Int, store: any AwardsStore, translations: Translations) async throws -> PublishedResults {
        let results: PublishedResults?
        do {
            results = try await CycleResults(year: year, store: store, translations: translations).results
        } catch let error as HTTPError where error.status == .notFound {
            results = nil
        }
        guard let results else { throw HTTPError(.notFound, message: "no results are published for \(year)") }
        return results
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
    private static func rows(_ entries: [CycleAnnouncement.Entry], format: PageFormat) -> [[String: Any]] {
        entries.map { entry in
            var row: [String: Any] = ["name": entry.community, "country": entry.country]
            if let score = entry.score { row["score"] = format.score(score) }
            return row
        }
    }

    /// Short, distinct column labels for `names`: the first three letters of each name's first
    /// word, in capitals, numbered where two would read the same.
    static func abbreviations(_ names: [String]) -> [String] {
        let stems = names.map { String(($0.split(separator: " ").first ?? "").prefix(3)).uppercased() }
        return stems.enumerated().map { i, stem in
            stems.filter { $0 == stem }.count > 1 ? stem + String(stems[...i].filter { $0 == stem }.count) : stem
        }
    }

    /// The Smart21's rank chart and the words around it: each member's rank among all the
    /// nominees, its median and its 5–95 % range over the robustness samples, in the page's language.
    static func robustnessContext(_ ranks: RankUncertainty, names: [String: String], year: Int, pages: Pages) -> [String: Any] {
        let format = pages.format
        let units = ranks.ranks.map { r in
            RankIntervalChart.Unit(names[r.nomination] ?? r.nomination, rank: Double(r.rank), low: r.rank5, high: r.rank95, median: r.medianRank)
        }
        // The axis runs to the worst 95th percentile rank among the members (in tens, at least
        // the list's length), not to the last nominee: on 400 ranks the Smart21 would be one smudge.
        let worst = units.map(\.high).filter(\.isFinite).max() ?? Double(units.count)
        let axis = min(ranks.nominees, Int((max(worst, Double(units.count)) / 10).rounded(.up)) * 10)
        let chart = RankIntervalChart(
            title: pages.phrase("cycle.smart21ChartTitle", ["year": String(year), "nominees": format.count(Double(ranks.nominees))]), units: units, maxRank: axis,
            labelWidth: ChartFormat.labelWidth(fitting: units.map(\.label), least: 100, most: 260), id: "smart21-ranks", words: pages.chartWords)
        let unsure = ranks.ranks.filter { ShortlistRobustness.borderline.contains($0.probability) }.compactMap { names[$0.nomination] }
        return [
            "chart": chart.svg(),
            "text": pages.phrase("cycle.smart21Robustness", [
                "samples": format.count(Double(ranks.samples)), "inputs": RobustnessWords.drawn(ranks.inputs, pages: pages),
                "nominees": format.count(Double(ranks.nominees)),
            ]),
            "borderline": unsure.isEmpty
                ? pages.phrase("cycle.noBorderline") : pages.phrase("cycle.borderline", ["names": RobustnessWords.list(unsure, pages: pages)]),
        ]
    }

    /// The page's template context in the page's language; `phase` is the cycle's (`phase` here
    /// holds its English title, as the API gives it).
    func context(phase: Phase, pages: Pages) -> [String: Any] {
        let format = pages.format
        var context: [String: Any] = [:]
        context["title"] = pages.phrase("cycle.title", ["year": String(year)])
        context["year"] = year
        context["phase"] = pages.phrase("phases." + phase.rawValue)
        context["synthetic"] = (smart21 + top7).contains { $0.community.contains("(synthetic)") }
        context["hasSmart21"] = !smart21.isEmpty
        context["smart21"] = Self.rows(smart21, format: format)
        // Until the results, in alphabetical order: the rank order would tell the scores.
        context["smart21Order"] = pages.phrase(announced.results ? "cycle.rankOrder" : "cycle.alphabetical")
        context["smart21List"] = announced.results ? "ol" : "ul"
        // The Top7 have their own list until the final ranking replaces it.
        context["hasTop7"] = publication == nil && !top7.isEmpty
        context["top7"] = Self.rows(top7, format: format)
        if let ranks = smart21Ranks, !ranks.ranks.isEmpty {
            context["smart21Robustness"] = Self.robustnessContext(ranks, names: Dictionary(smart21.map { ($0.nomination, $0.community) }, uniquingKeysWith: { a, _ in a }), year: year, pages: pages)
        }
        context["pending"] = pages.phrase(announced.smart21 ? "cycle.resultsPending" : "cycle.nothingAnnounced")
        guard let p = publication, let results else { return context }
        let abbreviations = Self.abbreviations(results.finalists.map(\.community))
        let contests = max(0, results.finalists.count - 1)
        var published: [String: Any] = [:]
        published["winner"] = name(p.winner)
        published["explanation"] = ResultsExplanation.sentence(results.finalists, juryWeight: results.juryWeight, format: format)
        published["rule"] = results.juryWeight.map { PublishedResults.rule(juryWeight: $0, finalists: results.finalists.count, format: format) } ?? ""
        published["hasParts"] = results.rule != nil
        published["finalists"] = results.finalists.map { f -> [String: Any] in
            [
                "rank": f.rank, "name": f.community, "country": f.country, "won": pages.phrase("cycle.wonOf", ["won": String(f.headToHead.won), "contests": String(contests)]),
                "juryPosition": f.juryPosition.map(String.init) ?? "—", "juryScore": ResultsExplanation.score(f.juryScore, format: format),
                "top7Score": format.score(f.top7Score), "normalised": ResultsExplanation.score(f.normalisedTop7Score, format: format),
                "final": ResultsExplanation.score(f.finalScore, format: format),
            ]
        }
        published["weights"] = results.juryWeight.map { w in
            pages.phrase("cycle.weights", ["jury": format.number(w, decimals: 2), "top7": format.number(1 - w, decimals: 2)])
        } ?? ""
        published["columns"] = zip(results.finalists, abbreviations).map { f, short in ["short": short, "name": f.community] }
        published["matrix"] = results.finalists.map { a -> [String: Any] in
            let cells = results.finalists.map { b -> [String: Any] in
                guard a.nomination != b.nomination else { return ["value": "—", "shade": "diagonal", "title": pages.phrase("cycle.itself", ["name": a.community])] }
                let count = p.pairwise[a.nomination]?[b.nomination] ?? 0
                let total = results.ballotWeight ?? 0
                guard total > 0 else {
                    return ["value": format.count(count), "shade": "", "title": pages.phrase("cycle.preferred", ["count": format.count(count), "row": a.community, "column": b.community])]
                }
                // The shade follows the per cent as written, so that colour and text never disagree.
                let percent = Show.integer((min(1, max(0, count / total)) * 100).rounded()) ?? 0
                return [
                    "value": "\(format.count(count)) (\(percent) %)", "shade": "share\(min(4, percent / 20))",
                    "title": pages.phrase("cycle.preferredOf", ["count": format.count(count), "total": format.count(total), "row": a.community, "column": b.community]),
                ]
            }
            return ["name": "\(a.rank). \(a.community)", "cells": cells]
        }
        published["hasShares"] = (results.ballotWeight ?? 0) > 0
        published["matrixCaption"] = results.ballotWeight.flatMap { $0 > 0 ? pages.phrase("cycle.matrixShares", ["ballots": format.count($0)]) : nil }
            ?? pages.phrase("cycle.matrix")
        published["rules"] = p.rules.map { ["text": $0] }
        context["published"] = published
        return context
    }
}
