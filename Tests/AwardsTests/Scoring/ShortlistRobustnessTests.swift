import Testing
@testable import Awards

@Suite("Shortlist robustness")
struct ShortlistRobustnessTests {
    /// Planted scores, raw means, narrative only, scale 0–10, a shortlist of two:
    /// - L: three analysts at 10 → always first, so always on the list (probability 1);
    /// - A: analysts at 5 and 9 → a redrawn panel of two gives 5, 7 or 9 (¼, ½, ¼);
    /// - B: analysts at 5.5 and 8.5 → 5.5, 7 or 8.5 (¼, ½, ¼);
    /// - T: two analysts at 2 → never on the list.
    /// A beats B when it draws 9 (¼) or draws 7 against B's 5.5 (½ · ¼): ⅜; they tie at 7 (¼),
    /// and a tie goes to A by name; B wins otherwise (⅜). So A is on the list with ⅝ and B with ⅜:
    /// a near coin flip, both borderline.
    @Test("a clear leader is on the list in every sample, a close pair shares the last place as the draws say")
    func planted() async throws {
        let cycle = ScoreSheetTests.cycle(calibration: .rawMean, quantitativeWeight: 0)
        let nominations = ["L", "A", "B", "T"].map { ScoreSheetTests.nomination($0, a: 10, b: 10) }
        let review = ReviewResamplingTests.review
        let reviews = [
            review("L", "X", 10), review("L", "Y", 10), review("L", "Z", 10),
            review("A", "P", 5), review("A", "Q", 9), review("B", "R", 5.5), review("B", "S", 8.5),
            review("T", "V", 2), review("T", "W", 2),
        ]
        let sheet = try ScoreSheet(cycle: cycle, round: 1, nominations: nominations, reviews: reviews)
        var rules = cycle.rules
        rules.smart21Size = 2
        rules.maxPerCountry = nil
        let result = try await ShortlistRobustness.smart21(sheet, rules: rules, samples: 8000, seed: 11, methods: [.rawMean])
        let by = Dictionary(uniqueKeysWithValues: result.nominees.map { ($0.nomination, $0) })
        #expect(by["L"]?.probability == 1)
        #expect(by["T"]?.probability == 0)
        #expect(abs((by["A"]?.probability ?? 0) - 5.0 / 8) < 0.025, "A: \(by["A"]?.probability ?? -1)")
        #expect(abs((by["B"]?.probability ?? 0) - 3.0 / 8) < 0.025, "B: \(by["B"]?.probability ?? -1)")
        #expect((by["A"]?.probability ?? 0) + (by["B"]?.probability ?? 0) == 1, "exactly one of the pair takes the second place")
        #expect(result.nominees.filter(\.borderline).map(\.nomination).sorted() == ["A", "B"])
        #expect(by["L"]?.rank5 == 1 && by["L"]?.rank95 == 1)
        #expect(by["A"]?.rank5 == 2 && by["A"]?.rank95 == 3)
        // The same seed gives the same figures, however the samples are spread over the cores.
        let again = try await ShortlistRobustness.smart21(sheet, rules: rules, samples: 8000, seed: 11, methods: [.rawMean])
        #expect(again == result)
    }

    @Test("bad requests are refused with the field named")
    func refusals() async throws {
        let cycle = ScoreSheetTests.cycle(calibration: .rawMean, quantitativeWeight: 0)
        let sheet = try ScoreSheet(cycle: cycle, round: 1, nominations: [ScoreSheetTests.nomination("A", a: 1, b: 1)], reviews: [ReviewResamplingTests.review("A", "P", 5)])
        await #expect(throws: AwardsError.self) { try await ShortlistRobustness.smart21(sheet, rules: cycle.rules, samples: 0, seed: 1) }
        await #expect(throws: AwardsError.self) { try await ShortlistRobustness.smart21(sheet, rules: cycle.rules, samples: 10, seed: 1, methods: []) }
    }
}
