/// Resolves the weights a build aggregates with: the metadata's, equal, or a named set.
enum WeightSet {
    /// Weights for every framework node, in column order.
    static func resolve(_ name: String, context: BuildContext, field: String) throws(IndexEngineError) -> [Double] {
        if let resolved = context.resolvedWeights[name] { return resolved }
        let framework = context.framework
        switch name {
        case "metadata":
            return framework.weights
        case "equal":
            return Array(repeating: 1, count: framework.nodes.count)
        default:
            guard let set = context.weightSets[name] else {
                let known = (["metadata", "equal"] + context.weightSets.keys.sorted()).joined(separator: ", ")
                throw IndexEngineError(.unknownCode, "there is no weight set '\(name)'; known: \(known)", column: field)
            }
            var weights = framework.weights
            for (code, weight) in set.sorted(by: { $0.key < $1.key }) {
                guard let i = framework.index(of: code) else {
                    throw IndexEngineError(.unknownCode, "'\(code)' is not an indicator or aggregate", column: "weightSets.\(name).\(code)")
                }
                guard weight >= 0, weight.isFinite else {
                    throw IndexEngineError(.invalidWeight, "weights must be finite and not negative, not \(weight)", column: "weightSets.\(name).\(code)")
                }
                weights[i] = weight
            }
            for (p, children) in framework.children.enumerated() where !children.isEmpty && children.allSatisfy({ weights[$0] == 0 }) {
                throw IndexEngineError(.invalidWeight, "all children of '\(framework.nodes[p].code)' have weight zero", column: "weightSets.\(name)")
            }
            return weights
        }
    }
}

extension BuildSpec {
    /// The weight of every framework node of `result` as the spec's last aggregate step applies
    /// them (the metadata's when it has none): what the audit's effective weights and the
    /// methodology's framework both show.
    public func aggregationWeights(_ result: BuildResult) throws(IndexEngineError) -> [Double] {
        guard let aggregate = BuildTail.lastAggregate(in: self), case let .aggregate(step) = steps[aggregate] else { return result.framework.weights }
        return try WeightSet.resolve(step.weights, context: BuildContext(dataset: result.dataset, weightSets: weightSets), field: "weights")
    }
}
