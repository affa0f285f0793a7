import Testing
@testable import Awards

extension JuryTests {
    @Suite("Schulze method")
    struct SchulzeTests {
        @Test("the pairwise matrix of the 45-voter example matches the published table, entry by entry")
        func pairwiseMatrix() throws {
            let d = try PairwiseMatrix(ballots: JuryKit.schulzeExample, candidates: JuryKit.abcde)
            JuryKit.expectTable(d.preferences, [
                [0, 20, 26, 30, 22],
                [25, 0, 16, 33, 18],
                [19, 29, 0, 17, 24],
                [15, 12, 28, 0, 14],
                [23, 27, 21, 31, 0],
            ], "d")
            #expect(d["A", "B"] == 20)
            #expect(d["E", "D"] == 31)
            #expect(d["A", "Z"] == nil)
            #expect(d.totalWeight == 45)
        }

        @Test("the strongest-path table of the 45-voter example matches the published table, entry by entry")
        func strongestPaths() throws {
            let p = StrongestPaths(try PairwiseMatrix(ballots: JuryKit.schulzeExample, candidates: JuryKit.abcde))
            JuryKit.expectTable(p.strengths, [
                [0, 28, 28, 30, 24],
                [25, 0, 28, 33, 24],
                [25, 29, 0, 29, 24],
                [25, 28, 28, 0, 24],
                [25, 28, 28, 31, 0],
            ], "p")
            #expect(p["E", "A"] == 25)
            #expect(p["A", "E"] == 24)
        }

        @Test("the 45-voter example ranks E > A > C > B > D, with its working published")
        func ranking() throws {
            let result = try VoteCount().count(ballots: JuryKit.schulzeExample, candidates: JuryKit.abcde)
            #expect(result.method == .schulze)
            #expect(result.winner == "E")
            #expect(result.ranking == ["E", "A", "C", "B", "D"])
            #expect(result.placedByTieBreak.isEmpty)
            #expect(result.pairwise["C", "B"] == 29)
            #expect(result.strongestPaths?["C", "B"] == 29)
            #expect(result.majorities == nil && result.rounds == nil && result.bordaScores == nil)
        }

        @Test("the result does not depend on the order of the candidates or of the ballots")
        func orderIndependence() throws {
            let result = try JuryKit.count(.schulze, JuryKit.schulzeExample.reversed(), ["D", "C", "B", "E", "A"])
            #expect(result.ranking == ["E", "A", "C", "B", "D"])
            #expect(result.strongestPaths?["E", "D"] == 31)
        }

        @Test("Schulze is the default counting method")
        func defaultMethod() {
            #expect(VoteCount().method == .schulze)
        }
    }
}
