/// One round of an instant-runoff count: the continuing candidates' tallies and who was eliminated.
public struct InstantRunoffRound: Sendable, Equatable {
    /// The weighted votes of each continuing candidate in this round.
    public let tallies: [String: Double]
    /// The weight of the exhausted ballots: those ranking no continuing candidate.
    public let exhausted: Double
    /// The candidate eliminated at the end of the round.
    public let eliminated: String
    /// Whether the eliminated candidate shared the lowest tally and the tie-break chose it.
    public let eliminatedByTieBreak: Bool
}
