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
            if context.weightSets[name] == nil, let derived = context.derivedWeightSets[name] {
                // The metadata's weights, which the build replaces for the aggregates the set covers.
                try derived.check(framework, field: "weightSets.\(name)")
                return framework.weights
            }
            guard let set = context.weightSets[name] else {
                let named = Set(context.weightSets.keys).union(context.derivedWeightSets.keys).sorted()
                let known = (["metadata", "equal"] + named).joined(separator: ", ")
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
    /// The weight of every framework node of `dataset` as the spec's last aggregate step applies
    /// them (each child by the set of its parent's level or own override), in column order (the metadata's when it has none): what the audit's effective weights,
    /// the workbook and the methodology's framework all show.
    public func aggregationWeights(for dataset: Dataset) throws(IndexEngineError) -> [Double] {
        guard let aggregate = BuildTail.lastAggregate(in: self), case let .aggregate(step) = steps[aggregate] else { return dataset.framework.weights }
        return try step.composedWeights(context: BuildContext(dataset: dataset, spec: self))
    }
}

extension BuildResult {
    /// The weight of every framework node as the build's last aggregate step applied it, with
    /// any weights it computed from the data (PCA, optimised); for a build without aggregation,
    /// as `spec` would apply them.
    public func appliedWeights(spec: BuildSpec) throws(IndexEngineError) -> [Double] {
        if let weights = final.weights { return weights }
        return try spec.aggregationWeights(for: dataset)
    }
}
