import Testing
@testable import Awards

@Suite("Score sheet")
struct ScoreSheetTests {
    /// Two factors, one data point each (A up, B down), one narrative question each; scale 0–10.
    static func cycle(calibration: CycleRules.CalibrationChoice = .rawMean, quantitativeWeight: Double = 0.5) -> Cycle {
        Cycle(
            year: 2026,
            factors: [Factor(code: "A", name: "A"), Factor(code: "B", name: "B", weight: 3)],
            questions: [
                Question(id: "A1", factor: "A", text: "a", kind: .quantitative(indicator: "a", unit: "%", direction: 1)),
                Question(id: "B1", factor: "B", text: "b", kind: .quantitative(indicator: "b", unit: "%", direction: -1)),
                Question(id: "AN", factor: "A", text: "an", kind: .narrative(rubric: "0–10"), required: false),
                Question(id: "BN", factor: "B", text: "bn", kind: .narrative(rubric: "0–10"), required: false),
            ],
            phase: .smart21Scoring,
            rules: CycleRules(scaleLow: 0, scaleHigh: 10, calibration: calibration, quantitativeWeight: quantitativeWeight))
    }

    static func nomination(_ id: String, a: Double, b: Double) -> Nomination {
        Nomination(id: id, community: id, country: "X", region: "R", year: 2026, answers: ["A1": .number(a), "B1": .number(b)], state: .submitted)
    }

    static func review(_ nomination: String, _ analyst: String, a: Double, b: Double) -> Review {
        Review(nomination: nomination, analyst: analyst, round: 1, scores: [
            "A": .init(score: a, comment: "ok", confidence: 3), "B": .init(score: b, comment: "ok", confidence: 3),
        ], state: .submitted)
    }

    @Test("factor = w·quantitative + (1 − w)·narrative, overall = factor weights' mean")
    func blending() throws {
        let nominations = [Self.nomination("N1", a: 10, b: 30), Self.nomination("N2", a: 20, b: 20), Self.nomination("N3", a: 30, b: 10)]
        // Min-max on 0–100 after direction: A → 0, 50, 100; B (lower is better) → 0, 50, 100.
        let reviews = [Self.review("N1", "X", a: 2, b: 4), Self.review("N1", "Y", a: 4, b: 6), Self.review("N2", "X", a: 6, b: 6), Self.review("N3", "Y", a: 10, b: 8)]
        let sheet = try ScoreSheet(cycle: Self.cycle(), round: 1, nominations: nominations, reviews: reviews)
        let n1 = try #require(sheet.rows.first { $0.nomination == "N1" })
        // Narrative raw mean: A (2+4)/2 = 3 → 30; B (4+6)/2 = 5 → 50.
        #expect(n1.quantitative == ["A": 0, "B": 0])
        #expect(n1.narrative == ["A": 30, "B": 50])
        #expect(n1.factors == ["A": 15, "B": 25])
        // Overall: (1·15 + 3·25)/4 = 22.5.
        #expect(n1.overall == 22.5)
        #expect(n1.reviews == 2)
        let n3 = try #require(sheet.rows.first { $0.nomination == "N3" })
        // A: 0.5·100 + 0.5·100 = 100; B: 0.5·100 + 0.5·80 = 90; overall (100 + 270)/4 = 92.5.
        #expect(n3.factors == ["A": 100, "B": 90])
        #expect(n3.overall == 92.5)
        #expect(sheet.rows.map(\.nomination) == ["N3", "N2", "N1"])
        // The shortlist's tie-break is the mean quantitative factor score.
        #expect(sheet.candidates.first { $0.nomination == "N2" }?.tieBreakScore == 50)
    }

    @Test("disagreement is flagged when the analysts' scores span more than a third of the scale")
    func disagreement() throws {
        let nominations = [Self.nomination("N1", a: 1, b: 1), Self.nomination("N2", a: 2, b: 2)]
        let reviews = [Self.review("N1", "X", a: 1, b: 5), Self.review("N1", "Y", a: 9, b: 6), Self.review("N2", "X", a: 5, b: 5), Self.review("N2", "Y", a: 6, b: 5)]
        let sheet = try ScoreSheet(cycle: Self.cycle(), round: 1, nominations: nominations, reviews: reviews)
        #expect(sheet.rows.first { $0.nomination == "N1" }?.disagreements == ["A"])
        #expect(sheet.rows.first { $0.nomination == "N2" }?.disagreements == [])
    }

    @Test("least squares removes a harsh analyst's bias that the raw mean keeps")
    func leastSquaresRemovesBias() throws {
        // Truth: N1 = 4, N2 = 6, N3 = 8. Analyst H scores 2 points low, L scores truthfully.
        // H rates N1 and N2, L rates N2 and N3: raw means are N1 2, N2 5, N3 8; the model recovers 4, 6, 8 up to a common shift.
        let nominations = [Self.nomination("N1", a: 1, b: 1), Self.nomination("N2", a: 2, b: 2), Self.nomination("N3", a: 3, b: 3)]
        let reviews = [Self.review("N1", "H", a: 2, b: 2), Self.review("N2", "H", a: 4, b: 4), Self.review("N2", "L", a: 6, b: 6), Self.review("N3", "L", a: 8, b: 8)]
        let raw = try ScoreSheet(cycle: Self.cycle(calibration: .rawMean, quantitativeWeight: 0), round: 1, nominations: nominations, reviews: reviews)
        let fitted = try ScoreSheet(cycle: Self.cycle(calibration: .leastSquares, quantitativeWeight: 0), round: 1, nominations: nominations, reviews: reviews)
        func gap(_ sheet: ScoreSheet, _ a: String, _ b: String) -> Double {
            (sheet.rows.first { $0.nomination == b }?.narrative["A"] ?? .nan) - (sheet.rows.first { $0.nomination == a }?.narrative["A"] ?? .nan)
        }
        #expect(abs(gap(raw, "N1", "N2") - 30) < 1e-9, "raw: 2 → 5 on the scale is 30 points")
        #expect(abs(gap(fitted, "N1", "N2") - 20) < 1e-6, "fitted: 4 → 6 is 20 points")
        #expect(abs(gap(fitted, "N2", "N3") - 20) < 1e-6)
        // Both sheets carry all three methods side by side, whichever one the cycle chose.
        let n1 = try #require(raw.rows.first { $0.nomination == "N1" })
        #expect(Set(n1.narrativeByMethod.keys) == ["rawMean", "analystZScore", "leastSquares"])
        #expect(abs((n1.narrativeByMethod["rawMean"] ?? .nan) - 20) < 1e-9, "raw mean of 2 on a 0–10 scale")
        #expect(fitted.rows.first { $0.nomination == "N1" }?.narrativeByMethod == n1.narrativeByMethod)
        #expect(raw.csv().split(separator: "\n").first?.contains("narrative_rawMean,narrative_analystZScore,narrative_leastSquares") == true)
    }

    @Test("quantitative scoring needs data points and two nominations")
    func quantitativeNeedsData() {
        let error = #expect(throws: AwardsError.self) {
            try QuantitativeScores.score([Self.nomination("N1", a: 1, b: 1)], cycle: Self.cycle())
        }
        #expect(error?.field == "questions")
    }
}
