import Foundation
import Testing
@testable import IndexEngine

/// The ASEM analyses the uncertainty tests run, and an independent way to apply a sample's
/// choices to the spec for a full rebuild.
enum UncertaintyKit {
    static let winmax: [Int] = [1, 2, 3, 4, 5]
    /// The normalisation alternatives, as JSON step objects.
    static let normalisations = [
        #"{"step": "normalise", "method": "minMax", "range": [1, 100]}"#,
        #"{"step": "normalise", "method": "zScore", "mean": 10, "sd": 2}"#,
    ]
    static let aggregations: [Aggregate.Method] = [.arithmetic, .geometric]

    static func winmaxInput() -> UncertainInput {
        .parameter("winmax", step: .kind("treat"), field: "winmax", values: winmax.map { .number(Double($0)) })
    }

    /// winmax, normalisation, noisy weights of levels 2 and 3, aggregation: the inputs of
    /// Examples/asem/sensitivity.json, with `draws` weight draws.
    static func fullInputs(draws: Int = 8) -> [UncertainInput] {
        [
            winmaxInput(),
            .alternatives("normalisation", step: .kind("normalise"), [
                ["method": .string("minMax"), "range": .array([.number(1), .number(100)])],
                ["method": .string("zScore"), "mean": .number(10), "sd": .number(2)],
            ]),
            .noisyWeights("weights", noise: 0.25, levels: [2, 3], draws: draws),
            .parameter("aggregation", step: .kind("aggregate"), field: "method", values: [.string("arithmetic"), .string("geometric")]),
        ]
    }

    /// The ASEM spec with the options `choice` picks for the inputs of `fullInputs` (or the first
    /// `choice.count` of them), applied by editing the steps directly.
    static func apply(_ choice: [Int], model: ChoiceModel, to spec: BuildSpec) throws -> BuildSpec {
        var spec = spec
        for (input, option) in choice.enumerated() {
            switch model.names[input] {
            case "winmax":
                guard case var .treat(step) = spec.steps[3] else { throw IndexEngineError(.invalidSpec, "step 3 is not treat") }
                step.winmax = winmax[option]
                spec.steps[3] = .treat(step)
            case "normalisation":
                spec.steps[4] = try JSONDecoder().decode(BuildStep.self, from: Data(normalisations[option].utf8))
            case "weights":
                guard case var .aggregate(step) = spec.steps[5] else { throw IndexEngineError(.invalidSpec, "step 5 is not aggregate") }
                spec.weightSets["drawn"] = model.weightSets["__weights_\(option)"]
                step.weights = "drawn"
                spec.steps[5] = .aggregate(step)
            case "aggregation":
                guard case var .aggregate(step) = spec.steps[5] else { throw IndexEngineError(.invalidSpec, "step 5 is not aggregate") }
                step.method = aggregations[option]
                spec.steps[5] = .aggregate(step)
            default:
                throw IndexEngineError(.invalidSpec, "unexpected input \(model.names[input])")
            }
        }
        return spec
    }

    /// R's type-7 quantile (numpy's default 'linear'), written out independently of `Quantile`.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        let s = values.sorted()
        let h = Double(s.count - 1) * p
        let i = Int(h)
        return i + 1 < s.count ? s[i] + (h - Double(i)) * (s[i + 1] - s[i]) : s[i]
    }

    /// The ASEM unit codes of the nominal build, in row order.
    static func unitCodes(_ result: BuildResult) -> [String] {
        result.final.units.map { result.dataset.units[$0].code }
    }
}
