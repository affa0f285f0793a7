import Testing
@testable import Awards

extension JuryTests {
    @Suite("equal weighting of juror groups")
    struct GroupWeightingTests {
        /// Six industry jurors, five of them for A over B; two academics, both for B over A.
        static let ballots =
            JuryKit.ballots([(5, "A>B>C"), (1, "B>A>C")], prefix: "i", group: "industry")
            + JuryKit.ballots([(2, "B>A>C")], prefix: "a", group: "academia")

        @Test("each group's ballots weigh 1 in the pairwise matrix")
        func pairwise() throws {
            let perJuror = try PairwiseMatrix(ballots: Self.ballots, candidates: ["A", "B", "C"])
            #expect(perJuror["A", "B"] == 5 && perJuror["B", "A"] == 3 && perJuror.totalWeight == 8)
            let equal = try PairwiseMatrix(ballots: Self.ballots, candidates: ["A", "B", "C"], groupWeighting: .equalGroups)
            #expect(abs((equal["A", "B"] ?? 0) - 5.0 / 6) < 1e-12)
            #expect(abs((equal["B", "A"] ?? 0) - 7.0 / 6) < 1e-12)
            #expect(abs((equal["A", "C"] ?? 0) - 2) < 1e-12)
            #expect(equal.totalWeight == 2)
        }

        @Test("weighting the groups equally turns A's win into B's, by every method", arguments: VoteCount.Method.allCases)
        func changesTheResult(method: VoteCount.Method) throws {
            let perJuror = try JuryKit.count(method, Self.ballots, ["A", "B", "C"])
            #expect(perJuror.ranking == ["A", "B", "C"])
            let equal = try JuryKit.count(method, Self.ballots, ["A", "B", "C"], groupWeighting: .equalGroups)
            #expect(equal.ranking == ["B", "A", "C"])
            #expect(equal.groupWeighting == .equalGroups)
        }

        /// Ten ballots of weight 1/10 sum to 0.9999999999999999 in floating point: still a tie with one ballot of weight 1.
        @Test("totals equal in exact arithmetic tie despite rounding, and the tie-break decides", arguments: VoteCount.Method.allCases)
        func exactTies(method: VoteCount.Method) throws {
            let ballots = JuryKit.ballots([(10, "A>B")], prefix: "x", group: "x") + JuryKit.ballots([(1, "B>A")], prefix: "y", group: "y")
            let favoursA = try JuryKit.count(method, ballots, ["A", "B"], groupWeighting: .equalGroups)
            #expect(favoursA.ranking == ["A", "B"])
            #expect(favoursA.placedByTieBreak == ["A"])
            let favoursB = try JuryKit.count(method, ballots, ["A", "B"], tieBreak: ["B", "A"], groupWeighting: .equalGroups)
            #expect(favoursB.ranking == ["B", "A"])
            #expect(favoursB.placedByTieBreak == ["B"])
        }

        @Test("groups are ignored when every juror weighs 1")
        func perJurorIgnoresGroups() throws {
            let ballots = [JuryKit.ballot("j1", "A>B", group: "x"), JuryKit.ballot("j2", "A>B"), JuryKit.ballot("j3", "B>A", group: "y")]
            #expect(try JuryKit.count(.schulze, ballots, ["A", "B"]).ranking == ["A", "B"])
        }

        @Test("equal group weighting needs every juror's group")
        func missingGroup() {
            let ballots = [JuryKit.ballot("j1", "A>B", group: "x"), JuryKit.ballot("j2", "B>A")]
            #expect(throws: AwardsError(.invalidBallot, "juror 'j2' has no group, but groups are weighted equally")) {
                try JuryKit.count(.schulze, ballots, ["A", "B"], groupWeighting: .equalGroups)
            }
        }
    }
}
