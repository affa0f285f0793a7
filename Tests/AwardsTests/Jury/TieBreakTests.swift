import Testing
@testable import Awards

extension JuryTests {
    @Suite("deterministic tie-breaks")
    struct TieBreakTests {
        /// A perfectly symmetric cycle: every candidate beats one other 2–1, and all first preferences and Borda scores are equal.
        static let cycle = [JuryKit.ballot("j1", "A>B>C"), JuryKit.ballot("j2", "B>C>A"), JuryKit.ballot("j3", "C>A>B")]

        @Test("a symmetric cycle is ranked in the tie-break's order by every method", arguments: VoteCount.Method.allCases)
        func symmetricCycle(method: VoteCount.Method) throws {
            for tieBreak in [["A", "B", "C"], ["B", "C", "A"], ["C", "A", "B"]] {
                let result = try JuryKit.count(method, Self.cycle, ["A", "B", "C"], tieBreak: tieBreak)
                #expect(result.ranking == tieBreak, "\(method) \(tieBreak)")
                #expect(result.tieBreak == tieBreak)
                // Ranked pairs settles the cycle through the order of its equally strong majorities, which its working shows.
                #expect(result.placedByTieBreak == (method == .rankedPairs ? [] : Array(tieBreak.prefix(2))), "\(method) \(tieBreak)")
            }
        }

        @Test("ranked pairs takes equally strong majorities by the later loser first, skipping the one that closes the cycle")
        func rankedPairsOrder() throws {
            let result = try JuryKit.count(.rankedPairs, Self.cycle, ["A", "B", "C"], tieBreak: ["C", "A", "B"])
            let majorities = try #require(result.majorities)
            #expect(majorities.map { "\($0.winner)>\($0.loser)" } == ["A>B", "C>A", "B>C"])
            #expect(majorities.map(\.locked) == [true, true, false])
        }

        @Test("without a stated tie-break, the candidates' given order decides", arguments: VoteCount.Method.allCases)
        func givenOrder(method: VoteCount.Method) throws {
            let result = try JuryKit.count(method, Self.cycle, ["C", "A", "B"])
            #expect(result.ranking == ["C", "A", "B"])
            #expect(result.tieBreak == ["C", "A", "B"])
        }

        @Test("the same ballots and tie-break give the same result whatever the order of the ballots", arguments: VoteCount.Method.allCases)
        func ballotOrder(method: VoteCount.Method) throws {
            let forward = try JuryKit.count(method, Self.cycle, ["A", "B", "C"], tieBreak: ["B", "C", "A"])
            let backward = try JuryKit.count(method, Self.cycle.reversed(), ["A", "B", "C"], tieBreak: ["B", "C", "A"])
            #expect(forward == backward)
        }

        @Test("a tie-break must list every candidate exactly once")
        func invalidTieBreak() {
            let candidates = ["A", "B", "C"]
            #expect(throws: AwardsError(.invalidValue, "the tie-break leaves out 'C'")) {
                try JuryKit.count(.schulze, Self.cycle, candidates, tieBreak: ["A", "B"])
            }
            #expect(throws: AwardsError(.invalidValue, "the tie-break names 'Z', who is not a candidate")) {
                try JuryKit.count(.schulze, Self.cycle, candidates, tieBreak: ["A", "B", "C", "Z"])
            }
            #expect(throws: AwardsError(.invalidValue, "the tie-break names 'A' twice")) {
                try JuryKit.count(.schulze, Self.cycle, candidates, tieBreak: ["A", "B", "A", "C"])
            }
        }
    }
}
