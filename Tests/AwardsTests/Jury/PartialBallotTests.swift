import Testing
@testable import Awards

extension JuryTests {
    @Suite("partial ballots and ties")
    struct PartialBallotTests {
        /// j1 ranks only A; j2 ties A and B above C and leaves D unranked.
        static let ballots = [JuryKit.ballot("j1", "A"), JuryKit.ballot("j2", "A=B>C")]
        static let candidates = ["A", "B", "C", "D"]

        @Test("unranked candidates are below every ranked one and tied among themselves; tied ones count for neither")
        func pairwise() throws {
            let d = try PairwiseMatrix(ballots: Self.ballots, candidates: Self.candidates)
            JuryKit.expectTable(d.preferences, [
                [0, 1, 2, 2],
                [0, 0, 1, 1],
                [0, 0, 0, 1],
                [0, 0, 0, 0],
            ], "d")
        }

        @Test("ballot levels and explicit ranks with gaps count the same")
        func ranksWithGaps() throws {
            let levels = Ballot(juror: "j1", levels: [["A"], ["B", "C"]])
            let gaps = Ballot(juror: "j1", entries: [.init(candidate: "C", rank: 7), .init(candidate: "A", rank: 2), .init(candidate: "B", rank: 7)])
            #expect(levels.rank(of: "B") == 2 && levels.rank(of: "D") == nil)
            let a = try PairwiseMatrix(ballots: [levels], candidates: Self.candidates)
            let b = try PairwiseMatrix(ballots: [gaps], candidates: Self.candidates)
            #expect(a.preferences == b.preferences)
        }

        @Test("Borda gives unranked candidates equal shares of the remaining points and tied ones the mean of their places")
        func borda() throws {
            let result = try JuryKit.count(.borda, Self.ballots, Self.candidates)
            // j1: A 3, B C D (2 + 1 + 0)/3 = 1 each. j2: A B (3 + 2)/2 = 2.5 each, C 1, D 0.
            #expect(result.bordaScores == ["A": 5.5, "B": 3.5, "C": 2, "D": 1])
            #expect(result.ranking == ["A", "B", "C", "D"])
            #expect(result.placedByTieBreak.isEmpty)
        }

        @Test("every Borda ballot gives out n(n − 1)/2 points")
        func bordaTotal() throws {
            let result = try JuryKit.count(.borda, JuryKit.schulzeExample, JuryKit.abcde)
            let total = try #require(result.bordaScores).values.reduce(0, +)
            #expect(total == 45 * 10)
        }

        @Test("the Condorcet methods rank partial and tied ballots through the pairwise matrix")
        func condorcet() throws {
            for method in [VoteCount.Method.schulze, .rankedPairs] {
                let result = try JuryKit.count(method, Self.ballots, Self.candidates)
                #expect(result.ranking == ["A", "B", "C", "D"], "\(method)")
            }
        }
    }
}
