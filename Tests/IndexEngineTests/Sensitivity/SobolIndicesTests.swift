import Foundation
import Testing
@testable import IndexEngine

/// The Sobol' index estimators against models whose indices are known analytically.
@Suite("Sobol' indices")
struct SensitivitySobolIndicesTests {
    /// The Ishigami function, a = 7 and b = 0.1, with each input mapped from [0, 1) to [−π, π).
    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        return sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    /// The Ishigami function's analytic first- and total-order indices.
    static var ishigamiIndices: (first: [Double], total: [Double]) {
        let (a, b, pi4) = (7.0, 0.1, pow(Double.pi, 4))
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2)
        let v2 = a * a / 8
        let v13 = 8 * b * b * pi4 * pi4 / 225
        let v = v1 + v2 + v13
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }

    @Test("the analytic Ishigami indices are the published ones")
    func ishigamiReference() {
        let (first, total) = Self.ishigamiIndices
        for (x, y) in zip(first + total, [0.3139, 0.4424, 0, 0.5576, 0.4424, 0.2437]) { #expect(abs(x - y) < 5e-5) }
    }

    @Test("Ishigami at N = 8192: the indices within 0.02 and the intervals containing them")
    func ishigami() throws {
        let design = try SensitivityDesign(inputs: 3, baseSamples: 8192, seed: 20_240_601)
        let result = try SobolIndices(outputs: design.evaluate(Self.ishigami), design: design)
        let (first, total) = Self.ishigamiIndices
        #expect(result.indices.count == 3)
        #expect(result.confidence == 0.95 && result.resamples == 1000)
        for i in 0..<3 {
            let s = result[i]
            #expect(abs(s.first - first[i]) < 0.02, "S\(i + 1) = \(s.first), analytic \(first[i])")
            #expect(abs(s.total - total[i]) < 0.02, "ST\(i + 1) = \(s.total), analytic \(total[i])")
            #expect(s.firstLow <= first[i] && first[i] <= s.firstHigh, "S\(i + 1) in [\(s.firstLow), \(s.firstHigh)]")
            #expect(s.totalLow <= total[i] && total[i] <= s.totalHigh, "ST\(i + 1) in [\(s.totalLow), \(s.totalHigh)]")
            #expect(s.firstHigh - s.firstLow < 0.1 && s.totalHigh - s.totalLow < 0.1, "intervals of useful width")
        }
    }

    @Test("a linear model's indices are its squared coefficients' shares", arguments: [nil, 77] as [UInt64?])
    func linear(seed: UInt64?) throws {
        let c = [1.0, -2, 3, 0.5, 0]
        let design = try SensitivityDesign(inputs: c.count, baseSamples: 4096, seed: seed)
        let outputs = design.evaluate { x in zip(c, x).reduce(100) { $0 + $1.0 * $1.1 } }
        let result = try SobolIndices(outputs: outputs, design: design, resamples: 200)
        let sum = c.reduce(0) { $0 + $1 * $1 }
        #expect(abs(result.variance - sum / 12) < 0.01 * sum / 12)
        for (i, ci) in c.enumerated() {
            #expect(abs(result[i].first - ci * ci / sum) < 0.01, "S\(i + 1) = \(result[i].first)")
            #expect(abs(result[i].total - ci * ci / sum) < 0.01, "ST\(i + 1) = \(result[i].total)")
        }
    }

    @Test("a constant output gives NaN indices and no variance", arguments: [0.0, 0.1, 1e300])
    func constant(value: Double) throws {
        let design = try SensitivityDesign(inputs: 3, baseSamples: 64, seed: 1)
        let result = try SobolIndices(outputs: design.evaluate { _ in value }, design: design, resamples: 50)
        #expect(result.variance == 0)
        for s in result.indices {
            #expect(s.first.isNaN && s.total.isNaN)
            #expect(s.firstLow.isNaN && s.firstHigh.isNaN && s.totalLow.isNaN && s.totalHigh.isNaN)
        }
    }

    @Test("an output constant over A and B but not over A_B still gives NaN, not infinity")
    func constantBase() throws {
        let n = 16
        let outputs = [Double](repeating: 1, count: 2 * n) + (0..<(3 * n)).map(Double.init)
        let result = try SobolIndices(outputs: outputs, inputs: 3, baseSamples: n, resamples: 20)
        #expect(result.indices.allSatisfy { $0.first.isNaN && $0.total.isNaN })
    }

    @Test("the bootstrap is deterministic by seed and wider at higher confidence")
    func bootstrap() throws {
        let design = try SensitivityDesign(inputs: 3, baseSamples: 512, seed: 4)
        let outputs = design.evaluate(Self.ishigami)
        let one = try SobolIndices(outputs: outputs, design: design, resamples: 300, seed: 8)
        let same = try SobolIndices(outputs: outputs, design: design, resamples: 300, seed: 8)
        let other = try SobolIndices(outputs: outputs, design: design, resamples: 300, seed: 9)
        let narrow = try SobolIndices(outputs: outputs, design: design, resamples: 300, confidence: 0.5, seed: 8)
        #expect(one.indices == same.indices)
        #expect(one.indices != other.indices)
        for i in 0..<3 {
            #expect(one[i].first == other[i].first && one[i].total == other[i].total, "point estimates ignore the bootstrap")
            #expect(one[i].firstLow <= narrow[i].firstLow && narrow[i].firstHigh <= one[i].firstHigh)
            #expect(one[i].totalLow <= narrow[i].totalLow && narrow[i].totalHigh <= one[i].totalHigh)
            #expect(narrow[i].firstLow < narrow[i].firstHigh)
        }
        let none = try SobolIndices(outputs: outputs, design: design, resamples: 0)
        #expect(none[0].first == one[0].first && none[0].firstLow.isNaN && none[0].totalHigh.isNaN)
    }

    @Test("outputs that do not fit the design are refused")
    func invalid() throws {
        let design = try SensitivityDesign(inputs: 2, baseSamples: 8, seed: 1)
        let outputs = design.evaluate { $0[0] }
        #expect(throws: IndexEngineError.self) { try SobolIndices(outputs: Array(outputs.dropLast()), design: design) }
        var broken = outputs
        broken[5] = .nan
        #expect { try SobolIndices(outputs: broken, design: design) } throws: { ($0 as? IndexEngineError)?.kind == .nonFinite }
        #expect(throws: IndexEngineError.self) { try SobolIndices(outputs: outputs, design: design, confidence: 1) }
        #expect(throws: IndexEngineError.self) { try SobolIndices(outputs: outputs, design: design, resamples: -1) }
    }
}
