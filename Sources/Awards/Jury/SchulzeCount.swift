/// Schulze's method: a beats b when the strongest path from a to b is stronger than the one back.
///
/// The relation is transitive (Schulze 2011), so the ranking places at each step a remaining
/// candidate beaten by no other remaining one, the tie-break choosing among several.
enum SchulzeCount {
    /// Ranks the candidates of `pairwise` by their strongest paths.
    static func count(_ pairwise: PairwiseMatrix, tieBreak: TieBreakOrder, groupWeighting: GroupWeighting) -> JuryResult {
        let paths = StrongestPaths(pairwise)
        let (order, byTieBreak) = DominanceRanking.rank(count: pairwise.candidates.count, tieBreak: tieBreak, beats: paths.beats)
        return JuryResult(
            method: .schulze, groupWeighting: groupWeighting, tieBreak: tieBreak, pairwise: pairwise,
            order: order, byTieBreak: byTieBreak, strongestPaths: paths)
    }
}
