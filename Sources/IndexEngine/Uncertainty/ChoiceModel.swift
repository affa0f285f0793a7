import Foundation

/// The uncertain inputs of an analysis resolved against a spec: what each choice does to the steps.
///
/// Every input has a finite list of options; a sample picks one option per input. The steps a
/// sample runs are the spec's steps with the chosen options applied, prepared once per distinct
/// combination so that thousands of samples never re-parse parameters.
public struct ChoiceModel: Sendable {
    /// The inputs' names.
    public let names: [String]
    /// The inputs as readers call them ("Weights", "Normalisation method"), in the same order.
    public let titles: [String]
    /// For each input, a label per option.
    public let options: [[String]]
    /// For each input, the index of the step it changes.
    public let steps: [Int]
    /// Weight sets of the noisy-weights inputs, by name.
    public let weightSets: [String: [String: Double]]
    private let base: [BuildStep]
    private let patches: [[Patch]]

    /// What one option does to its step's parameters.
    private enum Patch: Sendable {
        case field(String, JSONValue)
        case replace([String: JSONValue])
        /// Every node weighted by one set, which already holds the weights the step's levels and
        /// aggregates named (`Aggregate.withWeights`).
        case weights(String)
    }

    /// Resolves `analysis` against `spec` and its framework.
    public init(_ analysis: AnalysisSpec, spec: BuildSpec, context: BuildContext) throws(IndexEngineError) {
        guard !analysis.inputs.isEmpty else {
            throw IndexEngineError(.invalidSpec, "an analysis needs at least one uncertain input", column: "inputs")
        }
        var names: [String] = [], titles: [String] = [], options: [[String]] = [], steps: [Int] = [], patches: [[Patch]] = []
        var weightSets: [String: [String: Double]] = [:]
        var generator = SplitMix64(seed: analysis.seed)
        for (i, input) in analysis.inputs.enumerated() {
            let field = "inputs[\(i)]"
            if names.contains(input.name) {
                throw IndexEngineError(.duplicateCode, "the input name '\(input.name)' is used twice", column: field + ".name")
            }
            names.append(input.name)
            if let noise = input.noise {
                guard let a = BuildTail.lastAggregate(in: spec), case let .aggregate(aggregate) = spec.steps[a] else {
                    throw IndexEngineError(.invalidSpec, "noisy weights need an aggregate step in the spec", column: field)
                }
                guard (0..<1).contains(noise) else {
                    throw IndexEngineError(.invalidParameter, "noise must be at least 0 and below 1, not \(noise)", column: field + ".noise")
                }
                let draws = input.draws ?? 100
                guard draws >= 1 else { throw IndexEngineError(.invalidParameter, "draws must be at least 1", column: field + ".draws") }
                let framework = context.framework
                let levels = input.levels ?? Array(1...framework.topLevel)
                if let bad = levels.first(where: { !(1...framework.topLevel).contains($0) }) {
                    throw IndexEngineError(.invalidParameter, "level \(bad) is not in the framework (1 to \(framework.topLevel))", column: field + ".levels")
                }
                let nominal = try aggregate.weightSet(context: context)
                var labels: [String] = [], ops: [Patch] = []
                for d in 0..<draws {
                    var set = nominal
                    for node in framework.nodes where levels.contains(node.level) {
                        let u = generator.nextUnit()
                        set[node.code] = (nominal[node.code] ?? 1) * (1 + noise * (2 * u - 1))
                    }
                    let name = "__\(input.name)_\(d)"
                    weightSets[name] = set
                    labels.append("draw \(d + 1)")
                    ops.append(.weights(name))
                }
                steps.append(a)
                titles.append(input.title(stepKind: spec.steps[a].kind))
                options.append(labels)
                patches.append(ops)
                continue
            }
            guard let reference = input.step else {
                throw IndexEngineError(.invalidSpec, "an input needs a step (with field and values, or alternatives) or noise", column: field)
            }
            let s = try Self.resolve(reference, in: spec, field: field + ".step")
            if let values = input.values {
                guard let name = input.field else {
                    throw IndexEngineError(.invalidSpec, "values need the field they set", column: field + ".field")
                }
                guard !values.isEmpty else { throw IndexEngineError(.invalidSpec, "give at least one value", column: field + ".values") }
                options.append(values.map(\.text))
                patches.append(values.map { .field(name, $0) })
            } else if let alternatives = input.alternatives, !alternatives.isEmpty {
                options.append(alternatives.map { JSONValue.object($0).text })
                patches.append(alternatives.map { .replace($0) })
            } else {
                throw IndexEngineError(.invalidSpec, "an input on a step needs field and values, or alternatives", column: field)
            }
            steps.append(s)
            titles.append(input.title(stepKind: spec.steps[s].kind))
        }
        self.names = names
        self.titles = titles
        self.options = options
        self.steps = steps
        self.weightSets = weightSets
        self.base = spec.steps
        self.patches = patches
        // Every option must give a valid step on its own. Parameters that a step checks only
        // when it runs (such as winmax) are checked by running the step on a state without
        // units, where no data can fail; if the spec's own step fails there, that check proves
        // nothing and is left to the samples.
        var probeContext = context
        for (name, set) in weightSets { probeContext.weightSets[name] = set }
        var empty = BuildState(dataset: context.dataset)
        empty.units = []
        empty.values = Matrix(rows: 0, columns: context.framework.indicatorCount)
        func probe(_ step: BuildStep) throws(IndexEngineError) {
            var state = empty, log = BuildLog()
            try IndexBuild.run(step, on: &state, context: probeContext, log: &log)
        }
        var probed: [Int: Bool] = [:]
        for i in patches.indices {
            for k in patches[i].indices {
                var choice = Array(repeating: 0, count: patches.count)
                choice[i] = k
                do {
                    let step = try variant(of: steps[i], choices: choice)
                    if probed[steps[i]] == nil {
                        do { try probe(spec.steps[steps[i]]); probed[steps[i]] = true } catch { probed[steps[i]] = false }
                    }
                    if probed[steps[i]] == true { try probe(step) }
                } catch {
                    throw IndexEngineError(.invalidParameter, "option \(k + 1) (\(options[i][k])) does not give a valid step: \(error.message)", column: "inputs[\(i)]")
                }
            }
        }
    }

    /// The number of inputs.
    public var count: Int { names.count }

    /// The option index an input takes for a point coordinate `u` in [0, 1).
    public func option(_ input: Int, at u: Double) -> Int {
        let n = options[input].count
        // Clamped before the conversion: a coordinate outside [0, 1), or NaN, picks an end
        // option instead of trapping in Int(_:).
        let scaled = u * Double(n)
        guard scaled >= 1 else { return 0 }
        return scaled < Double(n) ? Int(scaled) : n - 1
    }

    /// The step `s` as changed by the inputs that touch it under `choices`.
    func variant(of s: Int, choices: [Int]) throws(IndexEngineError) -> BuildStep {
        var object: [String: JSONValue]
        do {
            let data = try JSONEncoder().encode(base[s])
            guard case let .object(o) = try JSONDecoder().decode(JSONValue.self, from: data) else { return base[s] }
            object = o
        } catch {
            throw IndexEngineError(.invalidSpec, "step \(s) cannot be re-encoded (\(error))", column: "steps[\(s)]")
        }
        // Whole alternatives first, then single fields, so that a field (such as noisy weights)
        // survives an alternative chosen for the same step.
        let touching = steps.indices.filter { steps[$0] == s }
        for i in touching {
            if case let .replace(parameters) = patches[i][choices[i]] {
                let kind = object["step"] ?? .null
                object = parameters
                object["step"] = kind
            }
        }
        var weights: String?
        for i in touching {
            switch patches[i][choices[i]] {
            case let .field(name, value): object[name] = value
            case let .weights(name): weights = name
            case .replace: break
            }
        }
        let step: BuildStep
        do {
            step = try JSONDecoder().decode(BuildStep.self, from: JSONEncoder().encode(JSONValue.object(object)))
        } catch {
            throw IndexEngineError.spec(error, file: "")
        }
        guard let weights, case let .aggregate(aggregate) = step else { return step }
        return .aggregate(aggregate.withWeights(weights))
    }

    /// The index of the step `reference` points at.
    private static func resolve(_ reference: UncertainInput.StepReference, in spec: BuildSpec, field: String) throws(IndexEngineError) -> Int {
        switch reference {
        case let .index(i):
            guard spec.steps.indices.contains(i) else {
                throw IndexEngineError(.invalidParameter, "the spec has no step \(i) (steps 0 to \(spec.steps.count - 1))", column: field)
            }
            return i
        case let .kind(kind):
            let matches = spec.steps.indices.filter { spec.steps[$0].kind == kind }
            guard matches.count == 1 else {
                let why = matches.isEmpty ? "has no \(kind) step" : "has \(matches.count) \(kind) steps; give the step's index instead"
                throw IndexEngineError(.invalidParameter, "the spec \(why)", column: field)
            }
            return matches[0]
        }
    }
}
