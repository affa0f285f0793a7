import Testing
@testable import Awards

@Suite("Rank intervals from resampled analysts")
struct ReviewResamplingTests {
    static func review(_ nomination: String, _ analyst: String, _ score: Double) -> Review {
        ScoreSheetTests.review(nomination, analyst, a: score, b: score)
    }

    /// Planted scores, raw means, narrative only (quantitative weight 0), scale 0–10:
    /// - L: three analysts, 10 each → always 100, always first;
    /// - A: analysts scoring 5 and 9 → a bootstrap panel of two draws gives 5 (¼), 7 (½) or 9 (¼);
    /// - B: three analysts, 7 each → always 70;
    /// - T: two analysts, 2 each → always last.
    /// So A is second unless it draws 5, 5 (¼): ranks 2 (¾: ahead of B, or tied with it, ties
    /// sharing the better rank) or 3 (¼); B is second unless A draws 9, 9 (¼). Both intervals
    /// (5th–95th percentile) are therefore 2–3, with median 2.
    @Test("a clear leader keeps its rank; a pair that swaps places gets the interval the draws give")
    func planted() throws {
        let cycle = ScoreSheetTests.cycle(calibration: .rawMean, quantitativeWeight: 0)
        let nominations = ["L", "A", "B", "T"].map { ScoreSheetTests.nomination($0, a: 10, b: 10) }
        let reviews = [
            Self.review("L", "X", 10), Self.review("L", "Y", 10), Self.review("L", "Z", 10),
            Self.review("A", "P", 5), Self.review("A", "Q", 9),
            Self.review("B", "R", 7), Self.review("B", "S", 7), Self.review("B", "U", 7),
            Self.review("T", "V", 2), Self.review("T", "W", 2),
        ]
        let sheet = try ScoreSheet(cycle: cycle, round: 1, nominations: nominations, reviews: reviews)
        #expect(sheet.rows.map(\.nomination) == ["L", "A", "B", "T"], "A's mean 7 ties B's; the sheet breaks the tie by id")
        let intervals = Dictionary(uniqueKeysWithValues: sheet.rankIntervals(samples: 2000, seed: 7).map { ($0.nomination, $0) })
        #expect(intervals["L"] == NomineeRankInterval(nomination: "L", rank: 1, median: 1, rank5: 1, rank95: 1))
        #expect(intervals["A"] == NomineeRankInterval(nomination: "A", rank: 2, median: 2, rank5: 2, rank95: 3))
        #expect(intervals["B"] == NomineeRankInterval(nomination: "B", rank: 3, median: 2, rank5: 2, rank95: 3))
        #expect(intervals["T"] == NomineeRankInterval(nomination: "T", rank: 4, median: 4, rank5: 4, rank95: 4))
        #expect(sheet.rankIntervals(samples: 300, seed: 3) == sheet.rankIntervals(samples: 300, seed: 3), "the same seed gives the same intervals")
    }

    @Test("the calibrated entries average to the calibrated scores, each way")
    func entriesAverageToScores() throws {
        let demo = DemoCycle(nominations: 30, analysts: 8, jurors: 3)
        var reviews: [Review] = []
        for (i, n) in demo.nominations.enumerated() {
            for k in 0..<3 { reviews.append(demo.review(of: n.id, by: demo.analysts[(i + k) % demo.analysts.count].id, round: 1)) }
        }
        let scores = reviews.flatMap { r in r.scores.map { Calibration.Score(analyst: r.analyst, nomination: r.nomination, factor: $0.key, value: $0.value.score) } }
        let calibration = try Calibration(scores: scores, scale: .init(lower: 1, upper: 10))
        #expect(calibration.entries.count == scores.count)
        for score in calibration.scores {
            let entries = calibration.entries.filter { $0.nomination == score.nomination && $0.factor == score.factor }
            for choice in CycleRules.CalibrationChoice.allCases {
                let mean = entries.map { $0.value(choice) }.reduce(0, +) / Double(entries.count)
                #expect(abs(mean - score.value(choice)) < 1e-9, "\(score.nomination) \(score.factor) \(choice)")
            }
        }
    }
}
