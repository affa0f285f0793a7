/// The validated ballots of one count, as ranks over the candidates' indices, with their weights.
struct BallotBox: Sendable {
    /// One ballot: `ranks[i]` is candidate i's rank, `Int.max` when unranked (below every ranked one).
    struct Vote: Sendable {
        let ranks: [Int]
        let weight: Double

        /// Whether the ballot ranks candidate `a` above candidate `b`.
        func prefers(_ a: Int, over b: Int) -> Bool {
            ranks[a] < ranks[b]
        }
    }

    /// The candidates, in their given order.
    let candidates: [String]
    /// The ballots, in their given order.
    let votes: [Vote]
    /// The sum of the ballots' weights.
    let totalWeight: Double

    /// Validates the candidates and ballots and weights the ballots by `groupWeighting`.
    init(ballots: [Ballot], candidates: [String], groupWeighting: GroupWeighting) throws(AwardsError) {
        guard !candidates.isEmpty else {
            throw AwardsError(.invalidValue, "there are no candidates to count")
        }
        var index: [String: Int] = [:]
        for (i, candidate) in candidates.enumerated() {
            guard index.updateValue(i, forKey: candidate) == nil else {
                throw AwardsError(.duplicate, "candidate '\(candidate)' is listed twice")
            }
        }
        guard !ballots.isEmpty else {
            throw AwardsError(.invalidValue, "there are no ballots to count")
        }
        let known = Set(candidates)
        var jurors: Set<String> = []
        for ballot in ballots {
            try ballot.validate(candidates: known)
            guard jurors.insert(ballot.juror).inserted else {
                throw AwardsError(.duplicate, "juror '\(ballot.juror)' cast more than one ballot")
            }
        }
        let weights = try Self.weights(of: ballots, groupWeighting)
        self.candidates = candidates
        self.votes = zip(ballots, weights).map { ballot, weight in
            var ranks = Array(repeating: Int.max, count: candidates.count)
            for entry in ballot.entries { if let i = index[entry.candidate] { ranks[i] = entry.rank } }
            return Vote(ranks: ranks, weight: weight)
        }
        self.totalWeight = weights.reduce(0, +)
    }

    /// Each ballot's weight: 1, or 1 / (its group's size) when groups are weighted equally.
    private static func weights(of ballots: [Ballot], _ groupWeighting: GroupWeighting) throws(AwardsError) -> [Double] {
        switch groupWeighting {
        case .perJuror:
            return Array(repeating: 1, count: ballots.count)
        case .equalGroups:
            var sizes: [String: Int] = [:]
            for ballot in ballots {
                guard let group = ballot.group else {
                    throw AwardsError(.invalidBallot, "juror '\(ballot.juror)' has no group, but groups are weighted equally")
                }
                sizes[group, default: 0] += 1
            }
            return ballots.map { 1 / Double(sizes[$0.group ?? "", default: 1]) }
        }
    }
}
