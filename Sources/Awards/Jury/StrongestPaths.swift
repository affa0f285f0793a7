/// Schulze's strongest-path table: `strengths[a][b]` is the strength of the strongest path from
/// candidate a to candidate b.
///
/// A link a → b has the winning-votes strength d[a][b] when d[a][b] > d[b][a], and 0 otherwise; a
/// path is as strong as its weakest link. The table is computed by the widest-path variant of the
/// Floyd–Warshall algorithm (Schulze 2011).
public struct StrongestPaths: Sendable, Equatable {
    /// The candidates, in the order of the rows and columns.
    public let candidates: [String]
    /// `strengths[a][b]`: the strength of the strongest path from candidate a to candidate b (0 on the diagonal).
    public let strengths: [[Double]]
    /// Each candidate's row and column.
    private let index: [String: Int]

    /// Computes the strongest paths between the candidates of `pairwise`.
    public init(_ pairwise: PairwiseMatrix) {
        let n = pairwise.candidates.count
        let d = pairwise.preferences
        var p = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for a in 0..<n {
            for b in 0..<n where a != b && pairwise.majority(a, over: b) {
                p[a][b] = d[a][b]
            }
        }
        // Every path strength is one of the d values, so min and max only select, never round.
        for via in 0..<n {
            for a in 0..<n where a != via {
                for b in 0..<n where b != via && b != a {
                    let through = VoteTotal.key(p[a][via]) < VoteTotal.key(p[via][b]) ? p[a][via] : p[via][b]
                    if VoteTotal.key(through) > VoteTotal.key(p[a][b]) { p[a][b] = through }
                }
            }
        }
        self.candidates = pairwise.candidates
        self.strengths = p
        self.index = Dictionary(uniqueKeysWithValues: pairwise.candidates.enumerated().map { ($1, $0) })
    }

    /// The strength of the strongest path from `a` to `b`, or nil when either is not a candidate.
    public subscript(_ a: String, _ b: String) -> Double? {
        guard let i = index[a], let j = index[b] else { return nil }
        return strengths[i][j]
    }

    /// Whether candidate `a` beats `b` in Schulze's sense: p[a][b] > p[b][a].
    func beats(_ a: Int, _ b: Int) -> Bool {
        VoteTotal.key(strengths[a][b]) > VoteTotal.key(strengths[b][a])
    }
}
