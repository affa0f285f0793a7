import IndexEngine

extension RankIntervalChart {
    /// The chart of an index's rows in rank order (those without a rank last, as "no data"), on
    /// an axis of all `unitCount` ranked units, so that a filtered list keeps the whole index's
    /// scale.
    init(title: String, rows: [IndexView.Row], unitCount: Int, words: ChartWords = .english) {
        let ordered = rows.filter { $0.rank != nil }.sorted { ($0.rank ?? 0, $0.name) < ($1.rank ?? 0, $1.name) } + rows.filter { $0.rank == nil }
        self.init(title: title, units: ordered.map { row in
            let interval = row.rankInterval.flatMap { $0.count == 2 ? $0 : nil }
            return Unit(
                row.name, rank: row.rank.map(Double.init) ?? .nan, low: interval?[0] ?? .nan, high: interval?[1] ?? .nan,
                median: row.medianRank ?? .nan)
        }, maxRank: unitCount, words: words)
    }

    /// The chart of every unit of an uncertainty analysis in nominal-rank order (unranked units last).
    init(title: String, analysis: UncertaintyAnalysis, words: ChartWords = .english) {
        let ordered = analysis.units.filter { !$0.nominalRank.isNaN }.sorted { ($0.nominalRank, $0.name) < ($1.nominalRank, $1.name) }
            + analysis.units.filter { $0.nominalRank.isNaN }
        self.init(
            title: title, units: ordered.map { Unit($0.name, rank: $0.nominalRank, low: $0.rank5, high: $0.rank95, median: $0.medianRank) },
            maxRank: analysis.units.count, words: words)
    }
}
