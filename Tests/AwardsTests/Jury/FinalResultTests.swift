import Testing
@testable import Awards

extension JuryTests {
    @Suite("final result")
    struct FinalResultTests {
        @Test("the combined score is w·J + (1 − w)·S, with J the jury position and S the score, both in [0, 1]")
        func formula() throws {
            let result = try FinalResult(juryRanking: ["A", "B", "C"], scores: ["A": 70, "B": 90, "C": 80], juryWeight: 0.5)
            #expect(result.ranking == ["B", "A", "C"])
            let b = result.standings[0]
            #expect(b.candidate == "B" && b.place == 1 && b.juryPosition == 2)
            #expect(b.juryScore == 0.5 && b.score == 90 && b.normalisedScore == 1 && b.combined == 0.75)
            #expect(result.standings.map(\.combined) == [0.75, 0.5, 0.25])
            #expect(result.standings.map(\.place) == [1, 2, 3])
            #expect(result.juryWeight == 0.5)
        }

        @Test("a jury weight of 1 keeps the jury's ranking and 0 the score order")
        func extremeWeights() throws {
            let scores = ["A": 70.0, "B": 90, "C": 80]
            #expect(try FinalResult(juryRanking: ["A", "B", "C"], scores: scores, juryWeight: 1).ranking == ["A", "B", "C"])
            #expect(try FinalResult(juryRanking: ["A", "B", "C"], scores: scores, juryWeight: 0).ranking == ["B", "C", "A"])
        }

        @Test("equal combined scores are ordered by score, then by id")
        func ties() throws {
            let byScore = try FinalResult(juryRanking: ["A", "B"], scores: ["A": 60, "B": 80], juryWeight: 0.5)
            #expect(byScore.standings.map(\.combined) == [0.5, 0.5])
            #expect(byScore.ranking == ["B", "A"])
            let byId = try FinalResult(juryRanking: ["B", "A"], scores: ["A": 50, "B": 50], juryWeight: 0)
            #expect(byId.ranking == ["A", "B"])
        }

        /// With w = 0.1: A has 0.1·1 + 0.9·0 = 0.1 and C has 0.9·(1/9) = 0.09999999999999999.
        @Test("combined scores equal in exact arithmetic tie despite rounding")
        func roundingTie() throws {
            let result = try FinalResult(juryRanking: ["A", "B", "C"], scores: ["A": 0, "B": 9, "C": 1], juryWeight: 0.1)
            #expect(result.standings[2].combined != result.standings[1].combined)
            #expect(result.ranking == ["B", "C", "A"])
        }

        @Test("a single finalist, or finalists with equal scores, get the full score share")
        func degenerate() throws {
            let single = try FinalResult(juryRanking: ["A"], scores: ["A": 3], juryWeight: 0.4)
            #expect(single.standings[0].juryScore == 1 && single.standings[0].normalisedScore == 1 && single.standings[0].combined == 1)
            let equal = try FinalResult(juryRanking: ["A", "B"], scores: ["A": 3, "B": 3], juryWeight: 0.4)
            #expect(equal.standings.map(\.normalisedScore) == [1, 1])
            #expect(equal.ranking == ["A", "B"])
        }

        @Test("a jury result combines through its ranking")
        func fromJury() throws {
            let jury = try JuryKit.count(.schulze, JuryKit.tennessee, JuryKit.cities)
            let scores = ["Memphis": 80.0, "Nashville": 60, "Chattanooga": 70, "Knoxville": 75]
            let result = try FinalResult(jury: jury, scores: scores, juryWeight: 0.5)
            // J: Nashville 1, Chattanooga 2/3, Knoxville 1/3, Memphis 0; S: Memphis 1, Knoxville 0.75, Chattanooga 0.5,
            // Nashville 0. Combined: Chattanooga 7/12, Knoxville 13/24, then Memphis and Nashville level at 1/2, Memphis
            // ahead on score.
            #expect(result.ranking == ["Chattanooga", "Knoxville", "Memphis", "Nashville"])
            #expect(result.standings.map(\.combined)[2...] == [0.5, 0.5])
        }

        @Test("the weight, the ranking and the scores are checked")
        func validation() {
            let scores = ["A": 1.0, "B": 2]
            #expect(throws: AwardsError(.invalidValue, "the jury weight must lie between 0 and 1, not 1.5")) {
                try FinalResult(juryRanking: ["A", "B"], scores: scores, juryWeight: 1.5)
            }
            #expect(throws: AwardsError.self) { try FinalResult(juryRanking: ["A", "B"], scores: scores, juryWeight: .nan) }
            #expect(throws: AwardsError(.invalidValue, "the jury ranking names no finalist")) {
                try FinalResult(juryRanking: [], scores: [:], juryWeight: 0.5)
            }
            #expect(throws: AwardsError(.duplicate, "the jury ranking names 'A' twice")) {
                try FinalResult(juryRanking: ["A", "B", "A"], scores: scores, juryWeight: 0.5)
            }
            #expect(throws: AwardsError(.invalidValue, "finalist 'B' has no score")) {
                try FinalResult(juryRanking: ["A", "B"], scores: ["A": 1], juryWeight: 0.5)
            }
            #expect(throws: AwardsError(.invalidValue, "finalist 'A' has the score inf, which is not a finite number")) {
                try FinalResult(juryRanking: ["A", "B"], scores: ["A": .infinity, "B": 2], juryWeight: 0.5)
            }
            #expect(throws: AwardsError(.unknownReference, "'C' has a score but is not in the jury ranking")) {
                try FinalResult(juryRanking: ["A", "B"], scores: ["A": 1, "B": 2, "C": 3], juryWeight: 0.5)
            }
        }
    }
}
