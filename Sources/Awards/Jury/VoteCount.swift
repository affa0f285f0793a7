/// A jury vote count: the published method that turns the jurors' ranked ballots into a full ranking.
public struct VoteCount: Sendable, Equatable, Codable {
    /// The counting methods of the awards programme.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// Schulze's beatpath method, with winning-votes link strengths (the default).
        case schulze
        /// Tideman's ranked pairs, with majorities ordered by margin.
        case rankedPairs
        /// Instant runoff, eliminating one candidate a round.
        case instantRunoff
        /// The Borda count, unranked candidates sharing the remaining points.
        case borda
    }

    /// The counting method.
    public var method: Method

    /// Creates a count by `method`.
    public init(method: Method = .schulze) {
        self.method = method
    }

    /// Counts `ballots` over `candidates` into a full ranking with the method's working.
    ///
    /// `tieBreak` lists every candidate once, most favoured first, and settles whatever the method
    /// leaves level; nil means the candidates' given order (e.g. their score order).
    public func count(
        ballots: [Ballot], candidates: [String], tieBreak: [String]? = nil, groupWeighting: GroupWeighting = .perJuror
    ) throws(AwardsError) -> JuryResult {
        let box = try BallotBox(ballots: ballots, candidates: candidates, groupWeighting: groupWeighting)
        let order = try TieBreakOrder(tieBreak, candidates: candidates)
        let pairwise = PairwiseMatrix(box)
        switch method {
        case .schulze:
            return SchulzeCount.count(pairwise, tieBreak: order, groupWeighting: groupWeighting)
        case .rankedPairs:
            return RankedPairsCount.count(pairwise, tieBreak: order, groupWeighting: groupWeighting)
        case .instantRunoff:
            return InstantRunoffCount.count(box, pairwise: pairwise, tieBreak: order, groupWeighting: groupWeighting)
        case .borda:
            return BordaCount.count(box, pairwise: pairwise, tieBreak: order, groupWeighting: groupWeighting)
        }
    }
}
