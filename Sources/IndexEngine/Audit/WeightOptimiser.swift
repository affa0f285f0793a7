import Foundation

/// Finds weights for the children of one aggregate so that each child's correlation with the
/// aggregate meets a target — by default, so that all children correlate equally, which is what
/// modellers usually mean by "each component really counts as much as its weight says".
public struct WeightOptimiser: Sendable {
    /// The outcome of an optimisation.
    public struct Outcome: Sendable, Equatable {
        /// The aggregate whose children were weighted.
        public var aggregate: String
        /// The children's codes.
        public var children: [String]
        /// The weights found, summing to 1.
        public var weights: [Double]
        /// Each child's Pearson correlation with the aggregate under those weights.
        public var correlations: [Double]
        /// The targets aimed at.
        public var targets: [Double]
        /// Whether every correlation came within the tolerance of its target.
        public var converged: Bool
        /// The rounds run.
        public var iterations: Int
    }

    /// The largest accepted distance between a correlation and its target.
    public var tolerance = 0.001
    /// The most rounds to run.
    public var maxIterations = 500

    /// Creates an optimiser.
    public init(tolerance: Double = 0.001, maxIterations: Int = 500) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// Optimises the weights of the children of `aggregate`.
    ///
    /// - Parameter targets: one target correlation per child; when `nil`, the children aim at
    ///   equal correlations (each round's mean).
    public func optimise(_ aggregate: String, in result: BuildResult, spec: BuildSpec, targets: [Double]? = nil) throws(IndexEngineError) -> Outcome {
        let framework = result.framework
        guard let node = framework.index(of: aggregate), !framework.children[node].isEmpty else {
            throw IndexEngineError(.unknownCode, "'\(aggregate)' is not an aggregate", column: "aggregate")
        }
        guard let a = BuildTail.lastAggregate(in: spec), case let .aggregate(step) = spec.steps[a], result.stages.count > a else {
            throw IndexEngineError(.invalidSpec, "optimising weights needs a build with an aggregate step and all its stages", column: "steps")
        }
        let children = framework.children[node]
        if let targets, targets.count != children.count || targets.contains(where: { !(-1...1).contains($0) }) {
            throw IndexEngineError(.invalidParameter, "give one target in [-1, 1] per child of '\(aggregate)' (\(children.count))", column: "targets")
        }
        let tail = BuildTail(result, spec: spec, from: a)
        var set = try step.weightSet(context: tail.context, of: result)
        let changed = step.withWeights("__optimised")
        let codes = children.map { framework.nodes[$0].code }
        return try search(aggregate, children: codes, start: codes.map { set[$0] ?? 1 }, targets: targets) { (w: [Double]) throws(IndexEngineError) in
            for (code, weight) in zip(codes, w) { set[code] = weight }
            let state = try tail.run(replacing: [a: .aggregate(changed)], weightSets: ["__optimised": set])
            return (state.values.column(node), children.map { state.values.column($0) })
        }
    }

    /// The rounds of an optimisation: from the `start` weights, scores the aggregate with
    /// `score` (its column and its children's under the weights given) until every child's
    /// correlation with it meets its target, or the rounds run out.
    func search(
        _ aggregate: String, children: [String], start: [Double], targets: [Double]?,
        score: ([Double]) throws(IndexEngineError) -> (parent: [Double], children: [[Double]])
    ) throws(IndexEngineError) -> Outcome {
        let total = start.reduce(0, +)
        var w = start.map { $0 / total }
        var r: [Double] = []
        var goal: [Double] = []
        for iteration in 0...maxIterations {
            let scored = try score(w)
            r = scored.children.map { Correlation.of($0, scored.parent).r }
            guard !r.contains(where: \.isNaN) else {
                throw IndexEngineError(.invalidParameter, "correlations of the children of '\(aggregate)' cannot be computed (a constant child?)", column: "aggregate")
            }
            goal = targets ?? Array(repeating: r.reduce(0, +) / Double(r.count), count: r.count)
            let converged = zip(r, goal).allSatisfy { abs($0 - $1) <= tolerance }
            if converged || iteration == maxIterations {
                return Outcome(aggregate: aggregate, children: children, weights: w, correlations: r, targets: goal, converged: converged, iterations: iteration)
            }
            // A child correlating less than its target gains weight, and the other way round.
            w = zip(w, zip(r, goal)).map { weight, pair in weight * exp(2 * (pair.1 - pair.0)) }
            let sum = w.reduce(0, +)
            w = w.map { $0 / sum }
        }
        return Outcome(aggregate: aggregate, children: children, weights: w, correlations: r, targets: goal, converged: false, iterations: maxIterations)
    }
}
