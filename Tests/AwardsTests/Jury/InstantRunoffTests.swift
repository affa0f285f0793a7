import Testing
@testable import Awards

extension JuryTests {
    @Suite("instant runoff")
    struct InstantRunoffTests {
        @Test("a cycle's instant runoff eliminates the fewest first preferences each round")
        func cycle() throws {
            let result = try JuryKit.count(.instantRunoff, JuryKit.cycle, ["A", "B", "C"])
            let rounds = try #require(result.rounds)
            #expect(rounds.map(\.tallies) == [["A": 40, "B": 35, "C": 25], ["A": 65, "B": 35]])
            #expect(result.ranking == ["A", "B", "C"])
        }

        @Test("ballots ranking no continuing candidate are exhausted and drop out")
        func exhaustedBallots() throws {
            let ballots = [
                JuryKit.ballot("j1", "A"), JuryKit.ballot("j2", "A"), JuryKit.ballot("j3", "B>C"),
                JuryKit.ballot("j4", "B"), JuryKit.ballot("j5", "C"), JuryKit.ballot("j6", "C>B"), JuryKit.ballot("j7", "C"),
            ]
            let result = try JuryKit.count(.instantRunoff, ballots, ["A", "B", "C"])
            let rounds = try #require(result.rounds)
            // Round 1: A and B share the fewest votes; B comes later in the tie-break (the given order) and goes.
            #expect(rounds[0].tallies == ["A": 2, "B": 2, "C": 3])
            #expect(rounds[0].eliminated == "B" && rounds[0].eliminatedByTieBreak)
            // B's ballots: "B>C" moves to C, "B" is exhausted.
            #expect(rounds[1].tallies == ["A": 2, "C": 4])
            #expect(rounds[1].exhausted == 1)
            #expect(rounds[1].eliminated == "A" && !rounds[1].eliminatedByTieBreak)
            #expect(result.ranking == ["C", "A", "B"])
            #expect(result.placedByTieBreak == ["A"])
        }

        @Test("a ballot whose most preferred continuing candidates are tied splits its weight equally")
        func tiedFirstPreferences() throws {
            let ballots = [JuryKit.ballot("j1", "A=B"), JuryKit.ballot("j2", "C"), JuryKit.ballot("j3", "A")]
            let result = try JuryKit.count(.instantRunoff, ballots, ["A", "B", "C"])
            let rounds = try #require(result.rounds)
            #expect(rounds[0].tallies == ["A": 1.5, "B": 0.5, "C": 1])
            #expect(rounds[1].tallies == ["A": 2, "C": 1])
            #expect(result.ranking == ["A", "C", "B"])
        }
    }
}
