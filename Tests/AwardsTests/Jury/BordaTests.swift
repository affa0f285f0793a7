import Testing
@testable import Awards

extension JuryTests {
    @Suite("Borda count")
    struct BordaTests {
        @Test("Borda scores the cycle A 105, B 110, C 85 and, unlike ranked pairs, ranks B first")
        func cycle() throws {
            let result = try JuryKit.count(.borda, JuryKit.cycle, ["A", "B", "C"])
            #expect(result.bordaScores == ["A": 105, "B": 110, "C": 85])
            #expect(result.ranking == ["B", "A", "C"])
        }

        @Test("equal Borda scores are ordered by the tie-break")
        func equalScores() throws {
            let ballots = [JuryKit.ballot("j1", "A>B>C"), JuryKit.ballot("j2", "B>A>C")]
            let result = try JuryKit.count(.borda, ballots, ["A", "B", "C"], tieBreak: ["C", "B", "A"])
            #expect(result.bordaScores == ["A": 3, "B": 3, "C": 0])
            #expect(result.ranking == ["B", "A", "C"])
            #expect(result.placedByTieBreak == ["B"])
        }
    }
}
