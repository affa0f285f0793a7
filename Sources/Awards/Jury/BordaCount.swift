/// The Borda count: with n candidates, a ballot gives n − 1 points to its first place, n − 2 to
/// its second, down to 0 for the last.
///
/// Tied candidates share the points of the places they span equally, and the candidates a partial
/// ballot leaves unranked are tied below all ranked ones, so they share the remaining points
/// equally: a candidate scores the number of candidates the ballot ranks below it plus half the
/// number tied with it. Every ballot thus gives out n(n − 1)/2 points times its weight.
enum BordaCount {
    /// Ranks the candidates of `box` by their Borda scores, highest first.
    static func count(_ box: BallotBox, pairwise: PairwiseMatrix, tieBreak: TieBreakOrder, groupWeighting: GroupWeighting) -> JuryResult {
        let n = box.candidates.count
        var scores = Array(repeating: 0.0, count: n)
        for vote in box.votes {
            for c in 0..<n {
                let below = (0..<n).filter { vote.prefers(c, over: $0) }.count
                let tied = (0..<n).filter { $0 != c && vote.ranks[$0] == vote.ranks[c] }.count
                scores[c] += vote.weight * (Double(below) + Double(tied) / 2)
            }
        }
        let keys = scores.map(VoteTotal.key)
        let order = (0..<n).sorted { a, b in
            keys[a] != keys[b] ? keys[a] > keys[b] : tieBreak.favours(a, over: b)
        }
        let byTieBreak = Set(zip(order, order.dropFirst()).filter { keys[$0] == keys[$1] }.map(\.0))
        return JuryResult(
            method: .borda, groupWeighting: groupWeighting, tieBreak: tieBreak, pairwise: pairwise,
            order: order, byTieBreak: byTieBreak,
            bordaScores: Dictionary(uniqueKeysWithValues: zip(box.candidates, scores)))
    }
}
