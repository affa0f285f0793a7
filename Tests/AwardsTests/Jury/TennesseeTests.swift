import Testing
@testable import Awards

extension JuryTests {
    /// Wikipedia's Tennessee capital example, counted by every method.
    @Suite("the Tennessee capital example")
    struct TennesseeTests {
        @Test("Nashville is the Condorcet winner: a majority prefers it to every other city")
        func condorcetWinner() throws {
            let d = try PairwiseMatrix(ballots: JuryKit.tennessee, candidates: JuryKit.cities)
            #expect(d["Nashville", "Memphis"] == 58 && d["Memphis", "Nashville"] == 42)
            #expect(d["Nashville", "Chattanooga"] == 68 && d["Chattanooga", "Nashville"] == 32)
            #expect(d["Nashville", "Knoxville"] == 68 && d["Knoxville", "Nashville"] == 32)
            #expect(d["Chattanooga", "Knoxville"] == 83 && d["Knoxville", "Chattanooga"] == 17)
        }

        @Test("Schulze ranks Nashville > Chattanooga > Knoxville > Memphis")
        func schulze() throws {
            let result = try JuryKit.count(.schulze, JuryKit.tennessee, JuryKit.cities)
            #expect(result.ranking == ["Nashville", "Chattanooga", "Knoxville", "Memphis"])
        }

        @Test("ranked pairs locks every majority, strongest first, and elects Nashville")
        func rankedPairs() throws {
            let result = try JuryKit.count(.rankedPairs, JuryKit.tennessee, JuryKit.cities)
            #expect(result.ranking == ["Nashville", "Chattanooga", "Knoxville", "Memphis"])
            let majorities = try #require(result.majorities)
            // Equal margins: the later loser in the tie-break (the given order) first, then the earlier winner.
            #expect(majorities.map { "\($0.winner)>\($0.loser)" } == [
                "Chattanooga>Knoxville", "Nashville>Knoxville", "Nashville>Chattanooga",
                "Nashville>Memphis", "Chattanooga>Memphis", "Knoxville>Memphis",
            ])
            #expect(majorities.map(\.margin) == [66, 36, 36, 16, 16, 16])
            #expect(majorities[0].votes == 83 && majorities[0].opposingVotes == 17)
            #expect(majorities.allSatisfy { $0.locked })
        }

        @Test("instant runoff eliminates Chattanooga, then Nashville, then Memphis, and elects Knoxville")
        func instantRunoff() throws {
            let result = try JuryKit.count(.instantRunoff, JuryKit.tennessee, JuryKit.cities)
            #expect(result.winner == "Knoxville")
            #expect(result.ranking == ["Knoxville", "Memphis", "Nashville", "Chattanooga"])
            let rounds = try #require(result.rounds)
            #expect(rounds.count == 3)
            #expect(rounds[0].tallies == ["Memphis": 42, "Nashville": 26, "Chattanooga": 15, "Knoxville": 17])
            #expect(rounds[1].tallies == ["Memphis": 42, "Nashville": 26, "Knoxville": 32])
            #expect(rounds[2].tallies == ["Memphis": 42, "Knoxville": 58])
            #expect(rounds.map(\.eliminated) == ["Chattanooga", "Nashville", "Memphis"])
            #expect(rounds.allSatisfy { $0.exhausted == 0 && !$0.eliminatedByTieBreak })
        }

        @Test("Borda scores Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107")
        func borda() throws {
            let result = try JuryKit.count(.borda, JuryKit.tennessee, JuryKit.cities)
            #expect(result.bordaScores == ["Nashville": 194, "Chattanooga": 173, "Memphis": 126, "Knoxville": 107])
            #expect(result.ranking == ["Nashville", "Chattanooga", "Memphis", "Knoxville"])
        }
    }
}
