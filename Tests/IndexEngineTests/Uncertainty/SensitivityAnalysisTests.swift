import Foundation
import Testing
@testable import IndexEngine

/// The sensitivity analysis of Examples/asem/sensitivity.json at N = 64.
@Suite("Sensitivity: analysis of ASEM", .serialized)
struct SensitivityAnalysisASEMTests {
    static func analysis() throws -> AnalysisSpec {
        var analysis = try AnalysisSpec.read(path: Fixtures.path("Examples/asem/sensitivity.json"))
        analysis.samples = 64
        return analysis
    }

    @Test("mean absolute rank change: finite indices, total ≥ first, aggregation dominates")
    func meanAbsoluteRankChange() throws {
        let (spec, dataset, result) = try AuditKit.asem()
        let analysis = try Self.analysis()
        #expect(analysis.inputs.map(\.name) == ["winmax", "normalisation", "weights", "aggregation"] && analysis.bootstrap == 1000)
        let s = try SensitivityAnalysis.run(result, spec: spec, analysis: analysis)
        #expect(s.inputs == ["winmax", "normalisation", "weights", "aggregation"])
        #expect(s.runs == 64 * 6 && s.outputs.count == 384 && s.uncertainty.outputs.completed == 384)
        #expect(s.statistic == .meanAbsoluteRankChange)
        for (i, name) in s.inputs.enumerated() {
            let x = s.indices[i]
            #expect([x.first, x.total, x.firstLow, x.firstHigh, x.totalLow, x.totalHigh].allSatisfy { $0.isFinite }, "\(name): \(x)")
            #expect(x.total >= x.first - 0.1, "\(name): first \(x.first), total \(x.total)")
            #expect(x.firstLow <= x.firstHigh && x.totalLow <= x.totalHigh, "\(name)")
        }
        let totals = s.inputs.indices.map { s.indices[$0].total }
        #expect(totals.firstIndex(of: totals.max()!) == 3, "aggregation has the largest total index: \(zip(s.inputs, totals).map { "\($0) \($1)" })")
        #expect(s.outputs.allSatisfy { $0.isFinite && $0 >= 0 })

        // Two runs' statistics from independent full builds: mean |rank − nominal rank| over the units.
        let nominal = result.ranks
        for r in [0, 100, 383] {
            let choice = s.uncertainty.choices[r]
            let full = try IndexBuild.run(dataset, spec: try UncertaintyKit.apply(choice, model: s.uncertainty.model, to: spec))
            let mean = zip(full.ranks, nominal).reduce(0) { $0 + abs($1.0 - $1.1) } / 51
            #expect(close(s.outputs[r], mean, relative: 1e-12), "run \(r) \(choice): \(s.outputs[r]) vs \(mean)")
        }
    }

    @Test("one unit's score as the statistic; an unknown unit is refused")
    func score() throws {
        let (spec, _, result) = try AuditKit.asem()
        var analysis = try Self.analysis()
        analysis.bootstrap = 200
        let s = try SensitivityAnalysis.run(result, spec: spec, analysis: analysis, statistic: .score(unit: "CHE"))
        #expect(s.statistic == .score(unit: "CHE") && s.outputs.count == 384)
        let row = try #require(UncertaintyKit.unitCodes(result).firstIndex(of: "CHE"))
        for r in [0, 1, 200, 383] {
            #expect(s.outputs[r] == s.uncertainty.outputs.scores[r * 51 + row], "run \(r)")
        }
        #expect(s.outputs.allSatisfy { $0.isFinite } && Set(s.outputs).count > 10)
        for i in s.inputs.indices {
            let x = s.indices[i]
            #expect(x.first.isFinite && x.total.isFinite && x.total >= x.first - 0.1, "\(s.inputs[i]): \(x)")
        }
        // The normalisation sets CHE's scale (1–100 against z-scores around 10), so it matters most.
        let totals = s.inputs.indices.map { s.indices[$0].total }
        #expect(totals.firstIndex(of: totals.max()!) == 1, "\(zip(s.inputs, totals).map { "\($0) \($1)" })")

        let error = #expect(throws: IndexEngineError.self) {
            try SensitivityAnalysis.run(result, spec: spec, analysis: AnalysisSpec(inputs: [UncertaintyKit.winmaxInput()], samples: 4), statistic: .score(unit: "XXX"))
        }
        #expect(error?.kind == .unknownCode && error?.message.contains("'XXX'") == true && error?.column == "unit", "\(String(describing: error))")
    }

    @Test("fewer than 2 base samples are refused")
    func tooFewSamples() throws {
        let (spec, _, result) = try AuditKit.asem()
        let error = #expect(throws: IndexEngineError.self) {
            try SensitivityAnalysis.run(result, spec: spec, analysis: AnalysisSpec(inputs: [UncertaintyKit.winmaxInput()], samples: 1))
        }
        #expect(error?.column == "samples")
    }
}
