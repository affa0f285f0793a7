/// How ranks move when one indicator or aggregate is dropped from the index.
public struct RemoveOne: Sendable, Equatable {
    /// The effect of dropping one node.
    public struct Removal: Sendable, Equatable {
        /// The node dropped.
        public var code: String
        /// For each unit of the build, its rank without the node minus its nominal rank
        /// (`NaN` when the node cannot be dropped: it is its parent's only weighted child).
        public var rankChange: [Double]
        /// The mean absolute rank change over the units.
        public var meanAbsoluteChange: Double
    }

    /// The unit codes, in the build's row order.
    public var units: [String]
    /// The nominal ranks.
    public var nominal: [Double]
    /// One entry per node below the top level.
    public var removals: [Removal]

    /// Drops each node in turn (its weight set to zero) and re-aggregates.
    public static func analyse(_ result: BuildResult, spec: BuildSpec) throws(IndexEngineError) -> RemoveOne {
        guard let a = BuildTail.lastAggregate(in: spec), case let .aggregate(step) = spec.steps[a], result.stages.count > a else {
            throw IndexEngineError(.invalidSpec, "removing elements needs a build with an aggregate step and all its stages", column: "steps")
        }
        let tail = BuildTail(result, spec: spec, from: a)
        let framework = result.framework
        let base = try step.weightSet(context: tail.context, of: result)
        let changed = step.withWeights("__remove_one")
        let nominal = result.ranks
        let headline = result.headline
        var removals: [Removal] = []
        for node in framework.nodes.indices where framework.parentIndex[node] != nil {
            let code = framework.nodes[node].code
            var weights = base
            weights[code] = 0
            var change = [Double](repeating: .nan, count: nominal.count)
            if let parent = framework.parentIndex[node], framework.children[parent].contains(where: { $0 != node && (weights[framework.nodes[$0].code] ?? 0) > 0 }) {
                let state = try tail.run(replacing: [a: .aggregate(changed)], weightSets: ["__remove_one": weights])
                let ranks = Ranking.ranks(state.values.column(headline), ties: .min, descending: true)
                change = zip(ranks, nominal).map { $0 - $1 }
            }
            let observed = change.filter { !$0.isNaN }
            let mean = observed.isEmpty ? Double.nan : observed.reduce(0) { $0 + abs($1) } / Double(observed.count)
            removals.append(Removal(code: code, rankChange: change, meanAbsoluteChange: mean))
        }
        return RemoveOne(units: result.final.units.map { result.dataset.units[$0].code }, nominal: nominal, removals: removals)
    }
}
