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

    /// The unit's rank uncertainty in one plain sentence in the page's language: "Ranks between
    /// 5th and 29th depending on method choices (median 12th)."; nil without an interval from
    /// the uncertainty analysis.
    func uncertaintySentence(_ pages: Pages) -> String? {
        let format = pages.format
        guard let interval = rankInterval, interval.count == 2, let low = format.ordinal(rank: interval[0]), let high = format.ordinal(rank: interval[1]) else { return nil }
        if low == high { return pages.phrase("unit.ranksAlways", ["rank": low]) }
        guard let median = medianRank.flatMap(format.ordinal(rank:)) else { return pages.phrase("unit.ranksBetween", ["low": low, "high": high]) }
        return pages.phrase("unit.ranksBetweenMedian", ["low": low, "high": high, "median": median])
    }

    /// The page's template context, in the page's language.
    func context(index: IndexView, pages: Pages) -> [String: Any] {
        let format = pages.format
        let byCode = Dictionary(uniqueKeysWithValues: scores.map { ($0.code, $0) })
        func list(_ codes: [String]) -> [[String: Any]] {
            codes.enumerated().map { i, c in
                ["name": byCode[c]?.name ?? c, "rankWords": pages.phrase("unit.rank", ["rank": String(byCode[c]?.rank ?? 0)]), "last": i == codes.count - 1]
            }
        }
        let chart = BarChart(
            title: pages.phrase("unit.chartTitle", ["name": name]),
            bars: scores.map { .init($0.name, $0.score ?? .nan, comparison: $0.median) },
            scale: 0...100, comparisonLabel: pages.phrase("unit.peerMedian"), words: pages.chartWords)
        var context: [String: Any] = [
            "title": name, "name": name,
            "chart": chart.svg(),
            "scores": scores.map { ["name": $0.name, "score": format.score($0.score), "rank": $0.rank.map(String.init) ?? "—", "median": format.score($0.median)] },
            "strengths": list(strengths), "weaknesses": list(weaknesses),
        ]
        // Absent rather than nil: a template section takes a nil inside `Any` as a value.
        context["uncertainty"] = uncertaintySentence(pages)
        return context
    }
}
