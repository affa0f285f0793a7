/// Tideman's ranked pairs: majorities are locked in from the strongest down, skipping any that
/// would close a cycle with those already locked; the locked majorities then order the candidates.
///
/// A majority's strength is its margin d[a][b] − d[b][a], as in Tideman (1987); with complete
/// strict ballots margins order majorities exactly as winning votes do. Majorities of equal
/// margin are taken in the tie-break's order: first the one whose loser comes later in the
/// tie-break, then the one whose winner comes earlier. Pairs with no majority are not listed.
enum RankedPairsCount {
    /// Ranks the candidates of `pairwise` by their locked majorities.
    static func count(_ pairwise: PairwiseMatrix, tieBreak: TieBreakOrder, groupWeighting: GroupWeighting) -> JuryResult {
        let n = pairwise.candidates.count
        let d = pairwise.preferences
        var majorities: [(winner: Int, loser: Int, margin: Int)] = []
        for a in 0..<n {
            for b in 0..<n where a != b && pairwise.majority(a, over: b) {
                majorities.append((a, b, VoteTotal.key(d[a][b]) - VoteTotal.key(d[b][a])))
            }
        }
        majorities.sort { x, y in
            if x.margin != y.margin { return x.margin > y.margin }
            if x.loser != y.loser { return tieBreak.favours(y.loser, over: x.loser) }
            return tieBreak.favours(x.winner, over: y.winner)
        }
        var defeats = Array(repeating: Set<Int>(), count: n)
        var working: [MajorityPair] = []
        for majority in majorities {
            let locks = !reaches(majority.loser, majority.winner, defeats)
            if locks { defeats[majority.winner].insert(majority.loser) }
            working.append(MajorityPair(
                winner: pairwise.candidates[majority.winner], loser: pairwise.candidates[majority.loser],
                votes: d[majority.winner][majority.loser], opposingVotes: d[majority.loser][majority.winner],
                locked: locks))
        }
        let (order, byTieBreak) = DominanceRanking.rank(count: n, tieBreak: tieBreak) { defeats[$0].contains($1) }
        return JuryResult(
            method: .rankedPairs, groupWeighting: groupWeighting, tieBreak: tieBreak, pairwise: pairwise,
            order: order, byTieBreak: byTieBreak, majorities: working)
    }

    /// Whether a chain of locked defeats leads from candidate `start` to candidate `target`.
    private static func reaches(_ start: Int, _ target: Int, _ defeats: [Set<Int>]) -> Bool {
        var seen: Set<Int> = [start]
        var stack = [start]
        while let current = stack.popLast() {
            if current == target { return true }
            for next in defeats[current] where seen.insert(next).inserted { stack.append(next) }
        }
        return false
    }
}
