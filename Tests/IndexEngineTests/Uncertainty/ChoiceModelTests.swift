import Foundation
import Testing
@testable import IndexEngine

/// Resolving analysis inputs against the ASEM spec: the options, and every error naming its input.
@Suite("Uncertainty: choice model")
struct UncertaintyChoiceModelTests {
    static func model(_ inputs: [UncertainInput], edit: (inout BuildSpec) -> Void = { _ in }) throws -> ChoiceModel {
        var spec = try BuildSpec.read(path: Fixtures.asemSpec)
        edit(&spec)
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: Fixtures.path("Examples/asem"))
        return try ChoiceModel(AnalysisSpec(inputs: inputs, samples: 10), spec: spec, context: BuildContext(dataset: dataset, weightSets: spec.weightSets))
    }

    /// The error resolving `inputs` raises.
    static func error(_ inputs: [UncertainInput], edit: (inout BuildSpec) -> Void = { _ in }, sourceLocation: SourceLocation = #_sourceLocation) -> IndexEngineError? {
        do {
            _ = try model(inputs, edit: edit)
            Issue.record("resolving the inputs was expected to fail", sourceLocation: sourceLocation)
        } catch let error as IndexEngineError {
            return error
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    @Test("the inputs of sensitivity.json resolve to their steps and options")
    func resolves() throws {
        let m = try Self.model(UncertaintyKit.fullInputs(draws: 4))
        #expect(m.count == 4 && m.names == ["winmax", "normalisation", "weights", "aggregation"])
        #expect(m.steps == [3, 4, 5, 5])
        #expect(m.options[0] == ["1", "2", "3", "4", "5"])
        #expect(m.options[1] == ["{method: minMax, range: [1, 100]}", "{mean: 10, method: zScore, sd: 2}"])
        #expect(m.options[2] == ["draw 1", "draw 2", "draw 3", "draw 4"])
        #expect(m.options[3] == ["arithmetic", "geometric"])
        // A point coordinate u picks option ⌊u·count⌋.
        #expect(m.option(0, at: 0) == 0 && m.option(0, at: 0.199) == 0 && m.option(0, at: 0.2) == 1 && m.option(0, at: 0.999) == 4)
        // Drawn weights: nominal (1) × (1 + 0.25·(2u − 1)) on levels 2 and 3 only.
        #expect(m.weightSets.count == 4)
        let draw = try #require(m.weightSets["__weights_0"])
        #expect(draw.count == 60)
        #expect(draw["LPI"] == 1 && draw["Index"] == 1)
        for code in ["Physical", "Social", "Conn", "Sust"] { #expect((0.75...1.25).contains(draw[code] ?? .nan) && draw[code] != 1, "\(code): \(draw[code] ?? .nan)") }
        #expect(m.weightSets["__weights_0"] != m.weightSets["__weights_1"], "draws differ")
        // The same analysis resolves to the same draws.
        #expect(try Self.model(UncertaintyKit.fullInputs(draws: 4)).weightSets == m.weightSets)
    }

    @Test("noisy weights reach every node, also where a level or an aggregate names its own weight set")
    func noisyWeightsOverOverrides() throws {
        // The Index weighs Conn 3 : Sust 1 by a level override, and P2P weighs its indicators by
        // an aggregate override; the noise applies to these weights, not to the step's own.
        let edit = { (spec: inout BuildSpec) in
            guard case var .aggregate(step) = spec.steps[5] else { return }
            spec.weightSets["heavy"] = ["Conn": 3, "Sust": 1]
            spec.weightSets["people"] = ["Tourist": 4]
            step.levels["4"] = Aggregate.Settings(weights: "heavy")
            step.aggregates["P2P"] = Aggregate.Settings(weights: "people")
            spec.steps[5] = .aggregate(step)
        }
        var spec = try BuildSpec.read(path: Fixtures.asemSpec)
        edit(&spec)
        let m = try Self.model([.noisyWeights("w", noise: 0.25, levels: [1, 3], draws: 3)], edit: edit)
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: Fixtures.path("Examples/asem"))
        var context = BuildContext(dataset: dataset, weightSets: spec.weightSets)
        for (name, set) in m.weightSets { context.weightSets[name] = set }
        let codes = context.framework.nodes.map(\.code)
        for d in 0..<3 {
            guard case let .aggregate(step) = try m.variant(of: 5, choices: [d]) else { Issue.record("step 5 is not aggregate"); return }
            let applied = Dictionary(uniqueKeysWithValues: zip(codes, try step.composedWeights(context: context)))
            let drawn = try #require(m.weightSets["__w_\(d)"])
            #expect(applied == drawn, "draw \(d): the step applies the drawn weights")
            #expect((2.25...3.75).contains(applied["Conn"] ?? .nan) && applied["Conn"] != 3, "Conn: 3 × (1 ± 0.25), not \(applied["Conn"] ?? .nan)")
            #expect((0.75...1.25).contains(applied["Sust"] ?? .nan) && applied["Sust"] != 1)
            #expect((3...5).contains(applied["Tourist"] ?? .nan) && applied["Tourist"] != 4, "Tourist: 4 × (1 ± 0.25)")
            #expect(applied["Physical"] == 1 && applied["Index"] == 1, "levels 2 and 4 keep their weights")
        }
    }

    @Test("errors name the input at fault")
    func errors() {
        let winmax = UncertaintyKit.winmaxInput()
        var e = Self.error([winmax, winmax])
        #expect(e?.kind == .duplicateCode && e?.column == "inputs[1].name" && e?.message.contains("'winmax'") == true, "\(String(describing: e))")

        e = Self.error([.parameter("x", step: .kind("transform"), field: "winmax", values: [.number(1)])])
        #expect(e?.column == "inputs[0].step" && e?.message.contains("no transform step") == true, "\(String(describing: e))")

        e = Self.error([winmax, .parameter("range", step: .kind("normalise"), field: "range", values: [.array([.number(0), .number(10)])])]) { spec in
            spec.steps.insert(spec.steps[4], at: 4)
        }
        #expect(e?.column == "inputs[1].step" && e?.message.contains("has 2 normalise steps") == true, "\(String(describing: e))")

        e = Self.error([.parameter("x", step: .index(6), field: "winmax", values: [.number(1)])])
        #expect(e?.column == "inputs[0].step" && e?.message.contains("no step 6") == true, "\(String(describing: e))")

        e = Self.error([.noisyWeights("w", noise: 1, levels: [2], draws: 3)])
        #expect(e?.kind == .invalidParameter && e?.column == "inputs[0].noise", "\(String(describing: e))")
        e = Self.error([winmax, .noisyWeights("w", noise: -0.1, levels: [2], draws: 3)])
        #expect(e?.column == "inputs[1].noise", "\(String(describing: e))")
        e = Self.error([.noisyWeights("w", noise: 0.2, levels: [2, 5], draws: 3)])
        #expect(e?.column == "inputs[0].levels" && e?.message.contains("level 5") == true, "\(String(describing: e))")
        e = Self.error([.noisyWeights("w", noise: 0.2, levels: [0], draws: 3)])
        #expect(e?.column == "inputs[0].levels", "\(String(describing: e))")
        e = Self.error([.noisyWeights("w", noise: 0.2, levels: [2], draws: 0)])
        #expect(e?.column == "inputs[0].draws", "\(String(describing: e))")
        e = Self.error([])
        #expect(e?.column == "inputs", "\(String(describing: e))")
    }

    @Test("an option that gives an invalid step is refused, naming inputs[i] and the option")
    func invalidOptions() {
        // A value that does not decode (winmax must be whole).
        var e = Self.error([.parameter("winmax", step: .kind("treat"), field: "winmax", values: [.number(2), .number(2.5)])])
        #expect(e?.kind == .invalidParameter && e?.column == "inputs[0]" && e?.message.contains("option 2 (2.5)") == true, "\(String(describing: e))")
        // Values that decode but that the step refuses when it runs: checked before any sample.
        e = Self.error([.parameter("winmax", step: .kind("treat"), field: "winmax", values: [.number(3), .number(-1)])])
        #expect(e?.column == "inputs[0]" && e?.message.contains("option 2 (-1)") == true && e?.message.contains("winmax must be 0 or more") == true,
                "\(String(describing: e))")
        e = Self.error([UncertaintyKit.fullInputs()[1], .parameter("winmax", step: .index(3), field: "winmax", values: [.number(-2)])])
        #expect(e?.column == "inputs[1]" && e?.message.contains("option 1 (-2)") == true, "\(String(describing: e))")
        e = Self.error([.parameter("threshold", step: .kind("aggregate"), field: "threshold", values: [.number(0.5), .number(1.5)])])
        #expect(e?.column == "inputs[0]" && e?.message.contains("option 2 (1.5)") == true, "\(String(describing: e))")
        e = Self.error([.parameter("method", step: .kind("aggregate"), field: "method", values: [.string("arithmetic"), .string("median")])])
        #expect(e?.column == "inputs[0]" && e?.message.contains("option 2 (median)") == true, "\(String(describing: e))")
        // Valid options on the same steps pass the check (including geometric, which only fails on data).
        #expect(throws: Never.self) { try Self.model(UncertaintyKit.fullInputs(draws: 2)) }
    }

    @Test("a parameter a step checks only on data fails in the samples, naming the sample's choices")
    func invalidOnData() throws {
        // Normalise checks range only for columns with data, so an empty probe cannot catch it.
        let (spec, _, result) = try AuditKit.asem()
        let norm = UncertainInput.alternatives("norm", step: .kind("normalise"), [["method": .string("minMax"), "range": .array([.number(1)])]])
        let error = #expect(throws: IndexEngineError.self) {
            try UncertaintyAnalysis.run(result, spec: spec, analysis: AnalysisSpec(inputs: [norm], samples: 2))
        }
        #expect(error?.message.contains("sample") == true && error?.message.contains("norm = {method: minMax, range: [1]}") == true
                && error?.message.contains("needs two finite numbers") == true, "\(String(describing: error))")
    }
}
