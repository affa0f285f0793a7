import Foundation

/// A unit's profile: its score, rank and the peers' median on every aggregate, and the
/// aggregates where it ranks best and worst among all units.
struct UnitProfile: Encodable {
    struct Score: Encodable {
        var code: String
        var name: String
        var level: Int
        var score: Double?
        var rank: Int?
        var median: Double?
    }

    var code: String
    var name: String
    var rank: Int?
    var rankInterval: [Double]?
    /// The median rank over the uncertainty analysis's runs.
    var medianRank: Double?
    var scores: [Score]
    var strengths: [String]
    var weaknesses: [String]

    init?(code: String, index: IndexView) {
        guard let row = index.row(code) else { return nil }
        self.code = row.code
        name = row.name
        rank = row.rank
        rankInterval = row.rankInterval.flatMap { $0.count == 2 && $0.allSatisfy(\.isFinite) ? $0 : nil }
        medianRank = row.medianRank.flatMap { $0.isFinite ? $0 : nil }
        scores = index.aggregates.map { a in
            let all = index.rows.compactMap { $0.scores[a.code] }.sorted()
            let mine = row.scores[a.code]
            let rank = mine.map { value in 1 + all.filter { $0 > value }.count }
            // Halves added, not a sum halved, so that two huge scores cannot overflow to infinity.
            let median = all.isEmpty ? nil : (all.count % 2 == 1 ? all[all.count / 2] : all[all.count / 2 - 1] / 2 + all[all.count / 2] / 2)
            return Score(code: a.code, name: a.name, level: a.level, score: mine, rank: rank, median: median)
        }
        // Strengths and weaknesses are judged on the lowest aggregate level (the pillars).
        let lowest = index.aggregates.map(\.level).min() ?? 2
        let pillars = scores.filter { $0.level == lowest && $0.rank != nil }.sorted { ($0.rank ?? 0, $0.code) < ($1.rank ?? 0, $1.code) }
        strengths = pillars.prefix(3).map(\.code)
        weaknesses = pillars.suffix(3).reversed().map(\.code)
    }

    /// The unit's rank uncertainty in one plain sentence: "Ranks between 5th and 29th depending on
    /// method choices (median 12th)."; nil without an interval from the uncertainty analysis.
    var uncertaintySentence: String? {
        guard let interval = rankInterval, let low = ChartFormat.ordinal(rank: interval[0]), let high = ChartFormat.ordinal(rank: interval[1]) else { return nil }
        let median = medianRank.flatMap(ChartFormat.ordinal(rank:)).map { " (median \($0))" } ?? ""
        if low == high { return "Ranks \(low) whatever the method choices." }
        return "Ranks between \(low) and \(high) depending on method choices\(median)."
    }

    /// The page's template context.
    func context(index: IndexView) -> [String: Any] {
        let byCode = Dictionary(uniqueKeysWithValues: scores.map { ($0.code, $0) })
        func list(_ codes: [String]) -> [[String: Any]] {
            codes.enumerated().map { i, c in ["name": byCode[c]?.name ?? c, "rank": byCode[c]?.rank ?? 0, "last": i == codes.count - 1] }
        }
        let chart = BarChart(
            title: "\(name): scores by aggregate",
            bars: scores.map { .init($0.name, $0.score ?? .nan, comparison: $0.median) },
            scale: 0...100, comparisonLabel: "Peer median")
        var context: [String: Any] = [
            "title": name, "name": name, "rank": rank.map(String.init) ?? "—", "unitCount": index.rows.count, "indexName": index.name,
            "chart": chart.svg(),
            "scores": scores.map { ["name": $0.name, "score": Show.score($0.score), "rank": $0.rank.map(String.init) ?? "—", "median": Show.score($0.median)] },
            "strengths": list(strengths), "weaknesses": list(weaknesses),
        ]
        // Absent rather than nil: a template section takes a nil inside `Any` as a value.
        context["uncertainty"] = uncertaintySentence
        return context
    }
}
