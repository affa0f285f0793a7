/// The jury's pairwise preferences: for each ordered pair of candidates (a, b), the weighted number
/// of jurors ranking a above b.
///
/// A juror who ranks a and b equally, or leaves both unranked, counts for neither. With
/// `.equalGroups` weighting each ballot weighs 1 / (its group's size), so every group's ballots
/// together weigh 1.
public struct PairwiseMatrix: Sendable, Equatable {
    /// The candidates, in the order of the rows and columns.
    public let candidates: [String]
    /// `preferences[a][b]`: the weighted number of jurors ranking candidate a above candidate b (0 on the diagonal).
    public let preferences: [[Double]]
    /// The total weight of the ballots counted (the number of jurors, or of groups when groups weigh equally).
    public let totalWeight: Double
    /// Each candidate's row and column.
    private let index: [String: Int]

    /// Counts the pairwise preferences of validated `ballots` over `candidates`.
    public init(ballots: [Ballot], candidates: [String], groupWeighting: GroupWeighting = .perJuror) throws(AwardsError) {
        self.init(try BallotBox(ballots: ballots, candidates: candidates, groupWeighting: groupWeighting))
    }

    /// Counts the pairwise preferences of an already validated ballot box.
    init(_ box: BallotBox) {
        let n = box.candidates.count
        var preferences = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for vote in box.votes {
            for a in 0..<n {
                for b in 0..<n where vote.prefers(a, over: b) {
                    preferences[a][b] += vote.weight
                }
            }
        }
        self.candidates = box.candidates
        self.preferences = preferences
        self.totalWeight = box.totalWeight
        self.index = Dictionary(uniqueKeysWithValues: box.candidates.enumerated().map { ($1, $0) })
    }

    /// The weighted number of jurors ranking `a` above `b`, or nil when either is not a candidate.
    public subscript(_ a: String, _ b: String) -> Double? {
        guard let i = index[a], let j = index[b] else { return nil }
        return preferences[i][j]
    }

    /// Whether more (weighted) jurors rank candidate `a` above `b` than `b` above `a`.
    func majority(_ a: Int, over b: Int) -> Bool {
        VoteTotal.key(preferences[a][b]) > VoteTotal.key(preferences[b][a])
    }
}
