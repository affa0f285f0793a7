/// One majority in a ranked-pairs count: a candidate preferred over another by more jurors, and
/// whether the count locked it in.
public struct MajorityPair: Sendable, Equatable {
    /// The candidate preferred by the majority.
    public let winner: String
    /// The candidate the majority ranks lower.
    public let loser: String
    /// The weighted number of jurors ranking the winner above the loser.
    public let votes: Double
    /// The weighted number of jurors ranking the loser above the winner.
    public let opposingVotes: Double
    /// Whether the pair was locked in; a pair is skipped when it would close a cycle with stronger pairs.
    public let locked: Bool

    /// The strength of the majority: its margin, `votes − opposingVotes`.
    public var margin: Double { votes - opposingVotes }
}
