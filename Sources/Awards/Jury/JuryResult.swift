/// The outcome of a jury vote count: the full ranking and the method's published working.
public struct JuryResult: Sendable, Equatable {
    /// The counting method used.
    public let method: VoteCount.Method
    /// How the ballots were weighted.
    public let groupWeighting: GroupWeighting
    /// The tie-break order used, most favoured first.
    public let tieBreak: [String]
    /// Every candidate, most preferred first.
    public let ranking: [String]
    /// The candidates placed above a candidate the method left level with them only by the tie-break, in ranking order.
    ///
    /// Ranked pairs also uses the tie-break to order majorities of equal margin; `majorities`
    /// shows that order and which majorities were skipped.
    public let placedByTieBreak: [String]
    /// The pairwise preferences of the jury (published with every method).
    public let pairwise: PairwiseMatrix
    /// Schulze's strongest-path table (Schulze only).
    public let strongestPaths: StrongestPaths?
    /// The majorities in the order they were considered, locked or skipped (ranked pairs only).
    public let majorities: [MajorityPair]?
    /// The elimination rounds (instant runoff only).
    public let rounds: [InstantRunoffRound]?
    /// Each candidate's Borda score (Borda only).
    public let bordaScores: [String: Double]?

    /// The first-ranked candidate.
    public var winner: String { ranking[0] }

    /// Assembles a result from a ranking of candidate indices and the method's working.
    init(
        method: VoteCount.Method, groupWeighting: GroupWeighting, tieBreak: TieBreakOrder, pairwise: PairwiseMatrix,
        order: [Int], byTieBreak: Set<Int>, strongestPaths: StrongestPaths? = nil, majorities: [MajorityPair]? = nil,
        rounds: [InstantRunoffRound]? = nil, bordaScores: [String: Double]? = nil
    ) {
        let candidates = pairwise.candidates
        self.method = method
        self.groupWeighting = groupWeighting
        self.tieBreak = tieBreak.order
        self.ranking = order.map { candidates[$0] }
        self.placedByTieBreak = order.filter(byTieBreak.contains).map { candidates[$0] }
        self.pairwise = pairwise
        self.strongestPaths = strongestPaths
        self.majorities = majorities
        self.rounds = rounds
        self.bordaScores = bordaScores
    }
}
