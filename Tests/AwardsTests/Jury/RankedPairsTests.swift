import Testing
@testable import Awards

extension JuryTests {
    @Suite("ranked pairs")
    struct RankedPairsTests {
        @Test("the weakest majority of a cycle is skipped")
        func skipsTheCycle() throws {
            let result = try JuryKit.count(.rankedPairs, JuryKit.cycle, ["A", "B", "C"])
            let majorities = try #require(result.majorities)
            #expect(majorities.map { "\($0.winner)>\($0.loser)" } == ["B>C", "A>B", "C>A"])
            #expect(majorities.map(\.margin) == [50, 30, 20])
            #expect(majorities.map(\.locked) == [true, true, false])
            #expect(result.ranking == ["A", "B", "C"])
            #expect(result.placedByTieBreak.isEmpty)
        }

        /// Worked by hand from the published pairwise matrix: margins B>D 21, E>D 17, A>D 15, C>B 13,
        /// D>C 11 (skipped: C>B>D), E>B 9, A>C 7, B>A 5 (skipped: A>C>B), C>E 3, E>A 1 (skipped: A>C>E).
        @Test("on the 45-voter Schulze example ranked pairs skips three majorities and elects A")
        func schulzeExample() throws {
            let result = try JuryKit.count(.rankedPairs, JuryKit.schulzeExample, JuryKit.abcde)
            let majorities = try #require(result.majorities)
            #expect(majorities.map { "\($0.winner)>\($0.loser)" } == ["B>D", "E>D", "A>D", "C>B", "D>C", "E>B", "A>C", "B>A", "C>E", "E>A"])
            #expect(majorities.map(\.margin) == [21, 17, 15, 13, 11, 9, 7, 5, 3, 1])
            #expect(majorities.filter { !$0.locked }.map { "\($0.winner)>\($0.loser)" } == ["D>C", "B>A", "E>A"])
            #expect(result.ranking == ["A", "C", "E", "B", "D"])
        }

        @Test("a pair with no majority is neither locked nor listed, and the tie-break orders its candidates")
        func noMajority() throws {
            let ballots = [JuryKit.ballot("j1", "A>B>C"), JuryKit.ballot("j2", "B>A>C")]
            let result = try JuryKit.count(.rankedPairs, ballots, ["A", "B", "C"], tieBreak: ["B", "A", "C"])
            // Equal margins with the same loser: the winner earlier in the tie-break first.
            #expect(result.majorities?.map { "\($0.winner)>\($0.loser)" } == ["B>C", "A>C"])
            #expect(result.ranking == ["B", "A", "C"])
            #expect(result.placedByTieBreak == ["B"])
        }
    }
}
