/// The last steps of a build, re-run from a saved state with some steps or weights changed.
///
/// Audits and uncertainty analysis change one choice at a time (a weight, a method); running
/// only the steps from the first one affected saves repeating everything before it.
public struct BuildTail: Sendable {
    /// The full build's context.
    public let context: BuildContext
    /// All steps of the spec.
    public let steps: [BuildStep]
    /// The index of the first step that is re-run.
    public let start: Int
    /// The state before step `start`.
    public let state: BuildState

    /// The tail of `result`'s build from step `start` (which needs all stages kept).
    public init(_ result: BuildResult, spec: BuildSpec, from start: Int) {
        context = BuildContext(dataset: result.dataset, spec: spec)
        steps = spec.steps
        self.start = start
        state = result.stages[start].state(of: result)
    }

    /// The tail from `start` given the state before it.
    public init(context: BuildContext, steps: [BuildStep], from start: Int, state: BuildState) {
        self.context = context
        self.steps = steps
        self.start = start
        self.state = state
    }

    /// Runs the steps from `start` on, with `replacements` (by step index) and extra weight sets.
    public func run(replacing replacements: [Int: BuildStep] = [:], weightSets: [String: [String: Double]] = [:]) throws(IndexEngineError) -> BuildState {
        var context = self.context
        for (name, set) in weightSets { context.weightSets[name] = set }
        var state = self.state
        var log = BuildLog()
        var inspector = StepInspector(state)
        var steps = self.steps
        for (i, step) in replacements where steps.indices.contains(i) { steps[i] = step }
        for i in start..<steps.count {
            let firstWarning = log.warnings.count
            try IndexBuild.run(steps[i], on: &state, context: context, log: &log)
            inspector.inspect(&state, after: i, of: steps, context: context, log: &log, firstWarning: firstWarning)
        }
        IndexBuild.completeColumns(&state, framework: context.framework)
        return state
    }

    /// The index of the last aggregate step of `spec`, if any.
    public static func lastAggregate(in spec: BuildSpec) -> Int? {
        spec.steps.lastIndex { if case .aggregate = $0 { true } else { false } }
    }
}

extension Stage {
    /// The build state this stage records (for panel data, the panel of the raw dataset).
    func state(of result: BuildResult) -> BuildState {
        var state = BuildState(dataset: result.dataset)
        state.units = units
        state.values = values
        return state
    }
}

extension Aggregate {
    /// The weights of every node that this step uses, as a complete weight set by code: as
    /// `result` applied them when this is its last aggregate step (weights computed from the
    /// data included), else as the spec gives them.
    func weightSet(context: BuildContext, of result: BuildResult? = nil) throws(IndexEngineError) -> [String: Double] {
        let weights: [Double]
        if let applied = result?.final.weights { weights = applied } else { weights = try composedWeights(context: context) }
        return Dictionary(uniqueKeysWithValues: zip(context.framework.nodes.map(\.code), weights))
    }
}
