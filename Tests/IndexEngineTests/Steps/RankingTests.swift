import Testing
@testable import IndexEngine

/// `Ranking.ranks`: R's `rank` with `ties.method` average, min or max, and `na.last = "keep"`.
@Suite("Statistics: ranking")
struct RankingTests {
    // x = [30, 10, 20, 20, 40]: ascending order 10 (1), 20 20 (2 and 3), 30 (4), 40 (5)
    static let x: [Double] = [30, 10, 20, 20, 40]

    @Test("ties share the mean, the lowest or the highest of the ranks they span")
    func ties() {
        #expect(Ranking.ranks(Self.x) == [4, 1, 2.5, 2.5, 5], "average is the default: (2 + 3)/2")
        #expect(Ranking.ranks(Self.x, ties: .average) == [4, 1, 2.5, 2.5, 5])
        #expect(Ranking.ranks(Self.x, ties: .min) == [4, 1, 2, 2, 5])
        #expect(Ranking.ranks(Self.x, ties: .max) == [4, 1, 3, 3, 5])
    }

    @Test("dense ranks number the distinct values: 1, 2, 2, 3")
    func dense() {
        // x = [30, 10, 20, 20, 40]: distinct values 10 (1), 20 (2), 30 (3), 40 (4)
        #expect(Ranking.ranks(Self.x, ties: .dense) == [3, 1, 2, 2, 4])
        #expect(Ranking.ranks(Self.x, ties: .dense, descending: true) == [2, 4, 3, 3, 1])
        #expect(Ranking.ranks([2, 2, 2], ties: .dense) == [1, 1, 1])
        let missing = Ranking.ranks([5, .nan, 1, 5, .infinity], ties: .dense)
        #expect(missing[0] == 2 && missing[2] == 1 && missing[3] == 2 && missing[1].isNaN && missing[4].isNaN)
    }

    @Test("every tie rule against scipy.stats.rankdata")
    func scipyOracle() {
        // python3 -c "from scipy.stats import rankdata; x = [3.5, 1, 9, 3.5, 9, 7, 7, 0.5];
        //   [print(m, rankdata(x, method=m)) for m in ('min', 'average', 'max', 'dense')]"  (scipy 1.17)
        let x: [Double] = [3.5, 1, 9, 3.5, 9, 7, 7, 0.5]
        #expect(Ranking.ranks(x, ties: .min) == [3, 2, 7, 3, 7, 5, 5, 1])
        #expect(Ranking.ranks(x, ties: .average) == [3.5, 2, 7.5, 3.5, 7.5, 5.5, 5.5, 1])
        #expect(Ranking.ranks(x, ties: .max) == [4, 2, 8, 4, 8, 6, 6, 1])
        #expect(Ranking.ranks(x, ties: .dense) == [3, 2, 5, 3, 5, 4, 4, 1])
    }

    @Test("descending ranks give 1 to the highest: COINr's sport ranking 1, 2, 2, 4")
    func descending() {
        // descending order 40 (1), 30 (2), 20 20 (3 and 4), 10 (5)
        #expect(Ranking.ranks(Self.x, ties: .min, descending: true) == [2, 5, 3, 3, 1])
        #expect(Ranking.ranks(Self.x, ties: .average, descending: true) == [2, 5, 3.5, 3.5, 1])
        #expect(Ranking.ranks(Self.x, ties: .max, descending: true) == [2, 5, 4, 4, 1])
        #expect(Ranking.ranks([9, 7, 7, 1], ties: .min, descending: true) == [1, 2, 2, 4])
    }

    @Test("missing values keep a missing rank and are not counted")
    func missingKept() {
        let r = Ranking.ranks([5, .nan, 1, 5, .nan], ties: .min)
        #expect(r[0] == 2 && r[2] == 1 && r[3] == 2)
        #expect(r[1].isNaN && r[4].isNaN)
        let avg = Ranking.ranks([5, .nan, 1, 5], ties: .average, descending: true)
        #expect(avg[0] == 1.5 && avg[2] == 3 && avg[3] == 1.5 && avg[1].isNaN)
    }

    @Test("all tied, one value, all missing, empty")
    func edges() {
        #expect(Ranking.ranks([2, 2, 2], ties: .average) == [2, 2, 2])
        #expect(Ranking.ranks([2, 2, 2], ties: .min) == [1, 1, 1])
        #expect(Ranking.ranks([2, 2, 2], ties: .max) == [3, 3, 3])
        #expect(Ranking.ranks([42]) == [1])
        #expect(Ranking.ranks([.nan, .nan]).allSatisfy { $0.isNaN })
        #expect(Ranking.ranks([Double]()) == [])
    }

    @Test("negative values, zero and a long tie group in the middle")
    func mixed() {
        let x: [Double] = [0, -1, 3, 0, 0, -7]
        // ascending: −7 (1), −1 (2), 0 0 0 (3, 4, 5), 3 (6)
        #expect(Ranking.ranks(x, ties: .average) == [4, 2, 6, 4, 4, 1])
        #expect(Ranking.ranks(x, ties: .min) == [3, 2, 6, 3, 3, 1])
        #expect(Ranking.ranks(x, ties: .max) == [5, 2, 6, 5, 5, 1])
    }
}
