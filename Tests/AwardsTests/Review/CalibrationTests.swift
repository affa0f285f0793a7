import Foundation
import IndexEngine
import Testing
@testable import Awards

@Suite("Calibration of rubric scores")
struct CalibrationTests {
    private typealias Score = Calibration.Score

    @Test("planted analyst biases are recovered and the model ranks nominations better than the raw mean")
    func recoversPlantedBiases() throws {
        var generator = SplitMix64(seed: 21)
        let quality = (0..<60).map { _ in 2 + 6 * generator.nextUnit() }
        let planted = (0..<12).map { _ in 2 * generator.nextUnit() - 1 }
        var scores: [Score] = []
        for n in 0..<60 {
            var chosen: [Int] = []
            while chosen.count < 3 {
                let a = Int(generator.next() % 12)
                if !chosen.contains(a) { chosen.append(a) }
            }
            for a in chosen {
                let noise = 0.1 * Self.gaussian(&generator)
                scores.append(Score(analyst: "A\(a)", nomination: "N\(n)", factor: "Connect", value: quality[n] + planted[a] + noise))
            }
        }
        let calibration = try Calibration(scores: scores, scale: .init(lower: 0, upper: 10))
        // The model fixes biases only up to a shared constant; they sum to zero, so compare with the planted ones centred.
        let centre = planted.reduce(0, +) / 12
        for a in 0..<12 {
            let leniency = try #require(calibration.leniency(of: "A\(a)"))
            #expect(abs(leniency.bias - (planted[a] - centre)) < 0.15, "A\(a): \(leniency.bias) vs \(planted[a] - centre)")
            #expect(leniency.linkedGroup == 0)
        }
        #expect(abs(calibration.analysts.reduce(0) { $0 + $1.bias }) < 1e-9)

        let ids = (0..<60).map { "N\($0)" }
        let byID = Dictionary(uniqueKeysWithValues: calibration.nominations.map { ($0.nomination, $0) })
        let model = ids.map { byID[$0]!.leastSquares }, raw = ids.map { byID[$0]!.rawMean }
        let modelR = Correlation.of(model, quality, method: .spearman).r
        let rawR = Correlation.of(raw, quality, method: .spearman).r
        #expect(modelR > rawR, "least squares \(modelR) vs raw \(rawR)")
        #expect(modelR > 0.99)
    }

    @Test("noise-free data: biases and qualities are recovered exactly, even with a gap in the design")
    func exactRecovery() throws {
        let quality = ["N1": 5.0, "N2": 6.0, "N3": 7.0, "N4": 4.0]
        let bias = ["A": 1.0, "B": -1.5, "C": 0.5]
        let design = [("N1", ["A", "B"]), ("N2", ["B", "C"]), ("N3", ["A", "C"]), ("N4", ["A", "B", "C"])]
        let scores = design.flatMap { n, analysts in
            analysts.map { Score(analyst: $0, nomination: n, factor: "Work", value: quality[n]! + bias[$0]!) }
        }
        let calibration = try Calibration(scores: scores, scale: .init(lower: 0, upper: 10))
        for (a, b) in bias { #expect(abs(calibration.leniency(of: a)!.bias - b) < 1e-12) }
        for (n, q) in quality { #expect(abs(calibration.score(nomination: n, factor: "Work")!.leastSquares - q) < 1e-12) }
    }

    @Test("z-scores by hand: standardised per analyst, mapped back by the pooled mean and within-analyst sd")
    func zScoreByHand() throws {
        // A scores 2, 4, 6 (mean 4, sd 2); B scores 5, 6, 7 (mean 6, sd 1). Pooled mean 5; pooled
        // within-analyst variance (8 + 2) / (2 + 2) = 2.5. Both analysts' z are −1, 0, 1.
        let scores = [
            Score(analyst: "A", nomination: "N1", factor: "F", value: 2),
            Score(analyst: "A", nomination: "N2", factor: "F", value: 4),
            Score(analyst: "A", nomination: "N3", factor: "F", value: 6),
            Score(analyst: "B", nomination: "N1", factor: "F", value: 5),
            Score(analyst: "B", nomination: "N2", factor: "F", value: 6),
            Score(analyst: "B", nomination: "N3", factor: "F", value: 7),
        ]
        let calibration = try Calibration(scores: scores, scale: .init(lower: 1, upper: 7))
        let spread = 2.5.squareRoot()
        #expect(calibration.scores.map(\.rawMean) == [3.5, 5, 6.5])
        let z = calibration.scores.map(\.zScore)
        #expect(abs(z[0] - (5 - spread)) < 1e-12 && abs(z[1] - 5) < 1e-12 && abs(z[2] - (5 + spread)) < 1e-12)
        #expect(calibration.leniency(of: "A")!.mean == 4 && calibration.leniency(of: "A")!.standardDeviation == 2)
        #expect(abs(calibration.leniency(of: "A")!.bias - (-1)) < 1e-12)
        #expect(abs(calibration.leniency(of: "B")!.bias - 1) < 1e-12)
    }

    @Test("z-scores beyond the scale are clipped to it")
    func zScoreClipped() throws {
        // A: 0, 10 (mean 5, sd √50); B: 9, 10 (mean 9.5, sd √0.5). Pooled mean 7.25, pooled sd √25.25;
        // z = ∓√½ for both, so N2 maps to 7.25 + √12.625 ≈ 10.80, clipped to 10.
        let scores = [
            Score(analyst: "A", nomination: "N1", factor: "F", value: 0),
            Score(analyst: "A", nomination: "N2", factor: "F", value: 10),
            Score(analyst: "B", nomination: "N1", factor: "F", value: 9),
            Score(analyst: "B", nomination: "N2", factor: "F", value: 10),
        ]
        let calibration = try Calibration(scores: scores, scale: .init(lower: 0, upper: 10))
        #expect(calibration.score(nomination: "N2", factor: "F")!.zScore == 10)
        #expect(abs(calibration.score(nomination: "N1", factor: "F")!.zScore - (7.25 - 12.625.squareRoot())) < 1e-12)
    }

    @Test("an analyst with a single score, or with constant scores, maps to the pooled mean")
    func analystsWithoutSpread() throws {
        let scores = [
            Score(analyst: "A", nomination: "N1", factor: "F", value: 2),
            Score(analyst: "A", nomination: "N2", factor: "F", value: 4),
            Score(analyst: "B", nomination: "N1", factor: "F", value: 3),
            Score(analyst: "B", nomination: "N2", factor: "F", value: 3),
            Score(analyst: "C", nomination: "N2", factor: "F", value: 5),
        ]
        let calibration = try Calibration(scores: scores, scale: .init(lower: 1, upper: 5))
        let single = try #require(calibration.leniency(of: "C"))
        #expect(single.scores == 1 && single.standardDeviation.isNaN)
        #expect(calibration.leniency(of: "B")!.standardDeviation == 0)
        // Pooled mean 17/5 = 3.4; pooled within-analyst variance (2 + 0) / (1 + 1) = 1 (C adds no
        // degree of freedom). A's z = ∓1/√2, so A maps to 3.4 ∓ 1/√2; B and C map to 3.4.
        let half = 0.5.squareRoot()
        #expect(abs(calibration.score(nomination: "N1", factor: "F")!.zScore - (3.4 - half + 3.4) / 2) < 1e-12)
        #expect(abs(calibration.score(nomination: "N2", factor: "F")!.zScore - (3.4 + half + 3.4 + 3.4) / 3) < 1e-12)
        // The model still fits: biases sum to zero and every number is finite.
        #expect(abs(calibration.analysts.reduce(0) { $0 + $1.bias }) < 1e-12)
        #expect(calibration.scores.allSatisfy { $0.leastSquares.isFinite })
    }

    @Test("all scores equal: no bias, qualities equal the score, alpha undefined")
    func constantScores() throws {
        let scores = (1...4).flatMap { n in ["A", "B", "C"].map { Score(analyst: $0, nomination: "N\(n)", factor: "F", value: 3) } }
        let calibration = try Calibration(scores: scores, scale: .init(lower: 1, upper: 5))
        #expect(calibration.analysts.allSatisfy { abs($0.bias) < 1e-12 })
        #expect(calibration.scores.allSatisfy { $0.rawMean == 3 && $0.zScore == 3 && abs($0.leastSquares - 3) < 1e-12 && !$0.disagreement })
        #expect(calibration.agreement.first?.alpha.isNaN == true)
    }

    @Test("disagreement flags follow the configurable share of the scale, per factor")
    func disagreementFlags() throws {
        let scores = [
            Score(analyst: "A", nomination: "N1", factor: "Connect", value: 1),
            Score(analyst: "B", nomination: "N1", factor: "Connect", value: 3),
            Score(analyst: "A", nomination: "N2", factor: "Connect", value: 2),
            Score(analyst: "B", nomination: "N2", factor: "Connect", value: 3),
            Score(analyst: "A", nomination: "N1", factor: "Include", value: 4),
            Score(analyst: "B", nomination: "N1", factor: "Include", value: 4),
            Score(analyst: "A", nomination: "N3", factor: "Include", value: 5),
        ]
        // On a 1–5 scale the default threshold, a third of the width, flags ranges above 4/3.
        let calibration = try Calibration(scores: scores, scale: .init(lower: 1, upper: 5))
        #expect(calibration.scores.map { "\($0.nomination)/\($0.factor)" } == ["N1/Connect", "N1/Include", "N2/Connect", "N3/Include"])
        #expect(calibration.scores.map(\.disagreement) == [true, false, false, false])
        #expect(calibration.scores.map(\.range) == [2, 0, 1, 0])
        #expect(calibration.nominations.map(\.disagreements) == [1, 0, 0])
        #expect(calibration.agreement.map(\.factor) == ["Connect", "Include"])
        #expect(calibration.agreement.map(\.disagreements) == [1, 0])
        #expect(calibration.agreement.map(\.nominations) == [2, 2])

        let lenient = try Calibration(scores: scores, scale: .init(lower: 1, upper: 5), settings: .init(disagreementThreshold: 0.5))
        #expect(lenient.scores.allSatisfy { !$0.disagreement })
    }

    @Test("per-factor grouping gives each analyst a leniency per factor")
    func perFactor() throws {
        // A is lenient on Connect and harsh on Include; B the opposite.
        var scores: [Score] = []
        for (n, q) in [("N1", 3.0), ("N2", 5.0), ("N3", 7.0)] {
            scores.append(Score(analyst: "A", nomination: n, factor: "Connect", value: q + 1))
            scores.append(Score(analyst: "B", nomination: n, factor: "Connect", value: q - 1))
            scores.append(Score(analyst: "A", nomination: n, factor: "Include", value: q - 0.5))
            scores.append(Score(analyst: "B", nomination: n, factor: "Include", value: q + 0.5))
        }
        let grouped = try Calibration(scores: scores, scale: .init(lower: 0, upper: 10), settings: .init(grouping: .perFactor))
        #expect(abs(grouped.leniency(of: "A", factor: "Connect")!.bias - 1) < 1e-12)
        #expect(abs(grouped.leniency(of: "A", factor: "Include")!.bias + 0.5) < 1e-12)
        #expect(grouped.analysts.count == 4)
        for row in grouped.scores {
            #expect(abs(row.leastSquares - ["N1": 3.0, "N2": 5.0, "N3": 7.0][row.nomination]!) < 1e-12)
        }
        // Across factors, A's leniency averages out to +0.25.
        let pooled = try Calibration(scores: scores, scale: .init(lower: 0, upper: 10))
        #expect(abs(pooled.leniency(of: "A")!.bias - 0.25) < 1e-12)
        #expect(pooled.leniency(of: "A")!.factor == nil)
    }

    @Test("analysts who never share a nomination form separate linked groups, each with biases summing to zero")
    func disconnectedDesign() throws {
        let scores = [
            Score(analyst: "A", nomination: "N1", factor: "F", value: 6),
            Score(analyst: "B", nomination: "N1", factor: "F", value: 4),
            Score(analyst: "C", nomination: "N2", factor: "F", value: 9),
            Score(analyst: "D", nomination: "N2", factor: "F", value: 8),
        ]
        let calibration = try Calibration(scores: scores, scale: .init(lower: 0, upper: 10))
        #expect(calibration.analysts.map(\.linkedGroup) == [0, 0, 1, 1])
        let expected = [1, -1, 0.5, -0.5]
        #expect(zip(calibration.analysts.map(\.bias), expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("the cycle's calibration choice picks the matching score")
    func cycleChoice() {
        let row = CalibratedScore(nomination: "N", factor: "F", analysts: 3, rawMean: 1, zScore: 2, leastSquares: 3, range: 0, disagreement: false)
        #expect(row.value(.rawMean) == 1 && row.value(.analystZScore) == 2 && row.value(.leastSquares) == 3)
    }

    @Test("scores off the scale, repeated scores and a bad scale are errors")
    func errors() {
        func kind(_ scores: [Score], _ scale: Calibration.Scale = .init(lower: 1, upper: 5)) -> AwardsError.Kind? {
            do { _ = try Calibration(scores: scores, scale: scale); return nil } catch { return error.kind }
        }
        let ok = Score(analyst: "A", nomination: "N1", factor: "F", value: 3)
        #expect(kind([ok]) == nil)
        #expect(kind([Score(analyst: "A", nomination: "N1", factor: "F", value: 6)]) == .invalidValue)
        #expect(kind([Score(analyst: "A", nomination: "N1", factor: "F", value: .nan)]) == .invalidValue)
        #expect(kind([ok, ok]) == .duplicate)
        #expect(kind([ok], .init(lower: 5, upper: 1)) == .invalidValue)
        #expect(kind([]) == nil)
    }

    /// A standard normal draw (Box–Muller).
    private static func gaussian(_ generator: inout SplitMix64) -> Double {
        let u = max(generator.nextUnit(), 1e-300), v = generator.nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
