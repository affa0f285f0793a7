import IndexEngine

/// One award year of the Intelligent Community Index: every scored nominee of a cycle whose
/// scores are public.
public struct CommunityIndexEdition: Sendable {
    /// The award year.
    public var year: Int
    /// The cycle's factors, in order, with their weights.
    public var factors: [Factor]
    /// The nominees, best rank first.
    public var scores: [CommunityScore]
    /// The lowest overall score that made the Smart21, if it was named.
    public var smart21Cutoff: Double?
    /// The lowest score among the Smart21 per factor code, and under `overall` the cut-off: what
    /// a nominee's feedback sets each of its scores against. Empty until the Smart21 is named.
    public var smart21Lowest: [String: Double]
    /// The median nominee's score per factor code, and under `overall` the median overall score.
    public var medians: [String: Double]

    /// Samples of other analyst panels drawn for the rank intervals.
    public static let samples = 500

    /// The edition of `cycle` from its round-1 score sheet, the shortlist and publication named.
    ///
    /// The rank intervals resample each nominee's analysts (`ScoreSheet.rankIntervals`) with a
    /// seed fixed by the year, so an edition reads the same on every server and every day.
    public init(cycle: Cycle, sheet: ScoreSheet, smart21: Shortlist?, publication: Publication?) {
        year = cycle.year
        factors = cycle.factors
        let ranked = sheet.rows.filter { $0.overall.isFinite }
        let intervals = Dictionary(uniqueKeysWithValues: sheet.rankIntervals(samples: Self.samples, seed: UInt64(cycle.year)).map { ($0.nomination, $0) })
        var stages: [String: AwardStage] = [:]
        if let publication {
            for id in publication.smart21 { stages[id] = .smart21 }
            for id in publication.top7 { stages[id] = .top7 }
            stages[publication.winner] = .communityOfTheYear
        }
        // A community nominated twice in one year (it should not be) keeps its better nomination.
        var seen = Set<String>()
        let nominees = ranked.count
        scores = ranked.enumerated().compactMap { position, row in
            let id = Community.id(name: row.community, country: row.country)
            guard seen.insert(id).inserted else { return nil }
            let interval = intervals[row.nomination]
            return CommunityScore(
                year: cycle.year, community: id, name: row.community, country: row.country, region: row.region,
                nomination: row.nomination, factors: row.factors, overall: row.overall, rank: position + 1,
                rankInterval: interval.map { [$0.rank5, $0.rank95] } ?? [Double(position + 1), Double(position + 1)],
                nominees: nominees, stage: stages[row.nomination])
        }
        let selected = Set(smart21?.selected ?? [])
        let chosen = ranked.filter { selected.contains($0.nomination) }
        smart21Cutoff = chosen.map(\.overall).min()
        var lowest: [String: Double] = [:]
        for factor in cycle.factors {
            lowest[factor.code] = chosen.compactMap { $0.factors[factor.code] }.filter(\.isFinite).min()
        }
        lowest["overall"] = smart21Cutoff
        smart21Lowest = lowest
        var medians: [String: Double] = [:]
        for factor in cycle.factors {
            let m = ranked.compactMap { $0.factors[factor.code] }.withUnsafeBufferPointer(Moments.median)
            if !m.isNaN { medians[factor.code] = m }
        }
        let overall = ranked.map(\.overall).withUnsafeBufferPointer(Moments.median)
        if !overall.isNaN { medians["overall"] = overall }
        self.medians = medians
    }

    /// The scores of community `id` this year, if it was a scored nominee.
    public func score(of id: String) -> CommunityScore? { scores.first { $0.community == id } }

}
