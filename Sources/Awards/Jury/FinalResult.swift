/// The final result of the awards: the jury's ranking combined with the finalists' scores by a
/// published jury weight.
///
/// For n finalists, the one at jury position i (1 = first) has the jury score J = (n − i)/(n − 1),
/// its Borda points normalised to [0, 1] (J = 1 when n = 1). Its score s becomes
/// S = (s − min s)/(max s − min s) over the finalists (S = 1 for all when every score is equal).
/// With jury weight w in [0, 1], the combined score is C = w·J + (1 − w)·S. Finalists are placed by
/// C, highest first, comparing C to a billionth so that ties in exact arithmetic stay ties; then
/// by score s, highest first; then by id in Unicode code-point order.
public struct FinalResult: Sendable, Equatable {
    /// The jury weight w.
    public let juryWeight: Double
    /// The finalists' standings, in final order.
    public let standings: [FinalStanding]

    /// The finalists' ids, in final order.
    public var ranking: [String] { standings.map(\.candidate) }

    /// Combines `jury`'s ranking with `scores` (one per finalist) by the jury weight `juryWeight`.
    public init(jury: JuryResult, scores: [String: Double], juryWeight: Double) throws(AwardsError) {
        try self.init(juryRanking: jury.ranking, scores: scores, juryWeight: juryWeight)
    }

    /// Combines a jury ranking (most preferred first) with `scores` (one per finalist) by the jury weight `juryWeight`.
    public init(juryRanking: [String], scores: [String: Double], juryWeight: Double) throws(AwardsError) {
        try Self.validate(juryRanking: juryRanking, scores: scores, juryWeight: juryWeight)
        let n = juryRanking.count
        let given = juryRanking.map { scores[$0] ?? 0 }
        let low = given.min() ?? 0
        let high = given.max() ?? 0
        var standings = juryRanking.enumerated().map { i, candidate in
            let juryScore = n == 1 ? 1 : Double(n - 1 - i) / Double(n - 1)
            let normalised = high > low ? (given[i] - low) / (high - low) : 1
            return FinalStanding(
                candidate: candidate, place: 0, juryPosition: i + 1, juryScore: juryScore, score: given[i],
                normalisedScore: normalised, combined: juryWeight * juryScore + (1 - juryWeight) * normalised)
        }
        standings.sort(by: Self.precedes)
        self.juryWeight = juryWeight
        self.standings = standings.enumerated().map { place, s in
            FinalStanding(
                candidate: s.candidate, place: place + 1, juryPosition: s.juryPosition, juryScore: s.juryScore,
                score: s.score, normalisedScore: s.normalisedScore, combined: s.combined)
        }
    }

    /// Whether standing `a` comes before `b`: by combined score, then score, then id.
    private static func precedes(_ a: FinalStanding, _ b: FinalStanding) -> Bool {
        let (ka, kb) = (VoteTotal.key(a.combined), VoteTotal.key(b.combined))
        if ka != kb { return ka > kb }
        if a.score != b.score { return a.score > b.score }
        return a.candidate.unicodeScalars.lexicographicallyPrecedes(b.candidate.unicodeScalars)
    }

    /// Checks the jury weight, that the ranking names each finalist once, and one finite score per finalist.
    private static func validate(juryRanking: [String], scores: [String: Double], juryWeight: Double) throws(AwardsError) {
        guard juryWeight >= 0 && juryWeight <= 1 else {
            throw AwardsError(.invalidValue, "the jury weight must lie between 0 and 1, not \(juryWeight)")
        }
        guard !juryRanking.isEmpty else {
            throw AwardsError(.invalidValue, "the jury ranking names no finalist")
        }
        var seen: Set<String> = []
        for candidate in juryRanking {
            guard seen.insert(candidate).inserted else {
                throw AwardsError(.duplicate, "the jury ranking names '\(candidate)' twice")
            }
            guard let score = scores[candidate] else {
                throw AwardsError(.invalidValue, "finalist '\(candidate)' has no score")
            }
            guard score.isFinite else {
                throw AwardsError(.invalidValue, "finalist '\(candidate)' has the score \(score), which is not a finite number")
            }
        }
        if let stray = scores.keys.sorted().first(where: { !seen.contains($0) }) {
            throw AwardsError(.unknownReference, "'\(stray)' has a score but is not in the jury ranking")
        }
    }
}
