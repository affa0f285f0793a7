import Foundation
import IndexEngine
import Testing
@testable import Awards

@Suite("Shortlist robustness over the quantitative index's own choices")
struct QuantitativeVariantsTests {
    /// Quantitative scores alone (weight 1), one analyst each scoring alike, so only the index's
    /// normalisation can move the order. Data points, A higher-better (weight 1), B lower-better
    /// (weight 3): N1 (a 0, b 0), N2 (90, 10), N3 (100, 100).
    /// - min-max onto 0–100: A = 0, 90, 100; B = 100, 90, 0; overall (A + 3B)/4 = 75, 90, 25 → N2 first.
    /// - ranks (1 = lowest after direction): A = 1, 2, 3; B = 3, 2, 1; overall = 2.5, 2, 1.5 → N1 first.
    /// With the two normalisations equally likely, a shortlist of one takes N2 or N1 half the time
    /// each: 512 of 1,024 Sobol' points fall on each alternative, so exactly ½.
    static let nominations = [
        ScoreSheetTests.nomination("N1", a: 0, b: 0), ScoreSheetTests.nomination("N2", a: 90, b: 10), ScoreSheetTests.nomination("N3", a: 100, b: 100),
    ]
    static let reviews = ["N1", "N2", "N3"].map { ReviewResamplingTests.review($0, "X", 5) }

    static func analysis(_ json: String) throws -> AnalysisSpec {
        try JSONDecoder().decode(AnalysisSpec.self, from: Data(json.utf8))
    }

    static let normalisations = """
        {"inputs": [{"name": "normalisation", "step": "normalise", "alternatives": [{"method": "minMax", "range": [0, 100]}, {"method": "rank"}]}]}
        """

    static func rules() -> CycleRules {
        var rules = ScoreSheetTests.cycle(calibration: .rawMean, quantitativeWeight: 1).rules
        rules.smart21Size = 1
        return rules
    }

    @Test("a choice of normalisation that flips the leader makes the first place a coin flip, exactly")
    func normalisationFlip() async throws {
        let sheet = try ScoreSheet(cycle: ScoreSheetTests.cycle(calibration: .rawMean, quantitativeWeight: 1), round: 1, nominations: Self.nominations, reviews: Self.reviews)
        #expect(sheet.rows.map(\.nomination) == ["N2", "N1", "N3"])
        #expect(sheet.rows.map(\.overall) == [90, 75, 25])

        // Without the index's choices nothing varies: N2 always.
        let fixed = try await ShortlistRobustness.smart21(sheet, rules: Self.rules(), samples: 1024, seed: 3, methods: [.rawMean])
        #expect(fixed.nominees.map(\.probability) == [1, 0, 0])
        #expect(fixed.inputs == ["analysts", "calibration method"])

        let analysis = try Self.analysis(Self.normalisations)
        let varied = try await ShortlistRobustness.smart21(sheet, rules: Self.rules(), samples: 1024, seed: 3, methods: [.rawMean], analysis: analysis)
        let by = Dictionary(uniqueKeysWithValues: varied.nominees.map { ($0.nomination, $0) })
        #expect(by["N2"]?.probability == 0.5)
        #expect(by["N1"]?.probability == 0.5)
        #expect(by["N3"]?.probability == 0)
        #expect(by["N1"]?.borderline == true && by["N2"]?.borderline == true)
        #expect(by["N1"]?.rank5 == 1 && by["N1"]?.rank95 == 2)
        #expect(by["N3"]?.rank5 == 3 && by["N3"]?.rank95 == 3)
        #expect(varied.inputs == ["analysts", "calibration method", "normalisation"])

        // The cycle's own analysis is used when none is given, and the same seed gives the same figures.
        var rules = Self.rules()
        rules.quantitativeAnalysis = analysis
        let fromRules = try await ShortlistRobustness.smart21(sheet, rules: rules, samples: 1024, seed: 3, methods: [.rawMean])
        #expect(fromRules == varied)
    }

    @Test("the Top7 draws the first round's index choices too")
    func top7() async throws {
        let cycle = ScoreSheetTests.cycle(calibration: .rawMean, quantitativeWeight: 1)
        let round1 = try ScoreSheet(cycle: cycle, round: 1, nominations: Self.nominations, reviews: Self.reviews)
        // Round 2: narrative only, every nominee alike, so the first round decides.
        let round2Reviews = Self.reviews.map { r -> Review in
            var r = r
            r.round = 2
            return r
        }
        let round2 = try ScoreSheet(cycle: cycle, round: 2, nominations: Self.nominations, reviews: round2Reviews)
        var rules = Self.rules()
        rules.top7Size = 1
        let result = try await ShortlistRobustness.top7(
            round1: round1, round2: round2, smart21: ["N1", "N2", "N3"], rules: rules, samples: 1024, seed: 5, analysis: try Self.analysis(Self.normalisations))
        let by = Dictionary(uniqueKeysWithValues: result.nominees.map { ($0.nomination, $0.probability) })
        #expect(by == ["N1": 0.5, "N2": 0.5, "N3": 0])
    }

    @Test("an analysis the quantitative index cannot run is refused, naming the rule")
    func refusals() async throws {
        let sheet = try ScoreSheet(cycle: ScoreSheetTests.cycle(calibration: .rawMean, quantitativeWeight: 1), round: 1, nominations: Self.nominations, reviews: Self.reviews)
        let missingStep = try Self.analysis(#"{"inputs": [{"name": "w", "step": "denominate", "field": "method", "values": ["none"]}]}"#)
        do {
            _ = try await ShortlistRobustness.smart21(sheet, rules: Self.rules(), samples: 10, seed: 1, analysis: missingStep)
            Issue.record("an analysis of a step the index does not have ran")
        } catch {
            #expect(error.field == "rules.quantitativeAnalysis")
        }
    }

    @Test("figures recorded before the inputs were listed still read, as analysts and method")
    func olderRecords() throws {
        let json = #"{"list": "smart21", "size": 21, "samples": 10, "seed": 1, "nominees": []}"#
        let read = try JSONDecoder().decode(ShortlistRobustness.self, from: Data(json.utf8))
        #expect(read.inputs == ["analysts", "calibration method"])
        let again = try JSONDecoder().decode(ShortlistRobustness.self, from: try JSONEncoder().encode(read))
        #expect(again == read)
    }
}
