/// Instant runoff: each round, every ballot counts for its most preferred continuing candidate
/// and the candidate with the fewest votes is eliminated, until one remains; the full ranking is
/// the elimination order reversed.
///
/// Counting continues past an absolute majority so that every place is decided; this never
/// changes the winner. A ballot ranking no continuing candidate is exhausted and drops out. A
/// ballot whose most preferred continuing candidates are tied splits its weight equally among
/// them. One candidate is eliminated a round; among those sharing the fewest votes, the one
/// latest in the tie-break goes.
enum InstantRunoffCount {
    /// Ranks the candidates of `box` by repeated elimination.
    static func count(_ box: BallotBox, pairwise: PairwiseMatrix, tieBreak: TieBreakOrder, groupWeighting: GroupWeighting) -> JuryResult {
        var continuing = Array(0..<box.candidates.count)
        var eliminated: [Int] = []
        var byTieBreak: Set<Int> = []
        var rounds: [InstantRunoffRound] = []
        while continuing.count > 1 {
            let (tallies, exhausted) = tally(box, continuing)
            let fewest = continuing.map { VoteTotal.key(tallies[$0]) }.min() ?? 0
            let lowest = continuing.filter { VoteTotal.key(tallies[$0]) == fewest }
            guard let loser = lowest.max(by: { tieBreak.favours($0, over: $1) }) else { break }
            if lowest.count > 1 { byTieBreak.formUnion(lowest.filter { $0 != loser }) }
            rounds.append(InstantRunoffRound(
                tallies: Dictionary(uniqueKeysWithValues: continuing.map { (box.candidates[$0], tallies[$0]) }),
                exhausted: exhausted, eliminated: box.candidates[loser], eliminatedByTieBreak: lowest.count > 1))
            eliminated.append(loser)
            continuing.removeAll { $0 == loser }
        }
        return JuryResult(
            method: .instantRunoff, groupWeighting: groupWeighting, tieBreak: tieBreak, pairwise: pairwise,
            order: continuing + eliminated.reversed(), byTieBreak: byTieBreak, rounds: rounds)
    }

    /// Each candidate's votes among `continuing`, and the weight of the exhausted ballots.
    private static func tally(_ box: BallotBox, _ continuing: [Int]) -> (tallies: [Double], exhausted: Double) {
        var tallies = Array(repeating: 0.0, count: box.candidates.count)
        var exhausted = 0.0
        for vote in box.votes {
            let top = continuing.map { vote.ranks[$0] }.min() ?? Int.max
            guard top != Int.max else {
                exhausted += vote.weight
                continue
            }
            let preferred = continuing.filter { vote.ranks[$0] == top }
            for candidate in preferred { tallies[candidate] += vote.weight / Double(preferred.count) }
        }
        return (tallies, exhausted)
    }
}
