/// The weight each node really carries in the index: its share within its parent times its
/// parent's effective weight, down from the top.
public enum EffectiveWeights {
    /// Effective weights of every node of `framework` under `weights` (column order).
    public static func of(_ framework: Framework, weights: [Double]) -> [Double] {
        var effective = [Double](repeating: 0, count: framework.nodes.count)
        let top = framework.aggregates(atLevel: framework.topLevel)
        let roots = top.isEmpty ? Array(0..<framework.indicatorCount) : top
        let rootTotal = roots.reduce(0) { $0 + weights[$1] }
        for r in roots { effective[r] = rootTotal > 0 ? weights[r] / rootTotal : 0 }
        for node in (0..<framework.nodes.count).reversed() where !framework.children[node].isEmpty {
            let children = framework.children[node]
            let total = children.reduce(0) { $0 + weights[$1] }
            for c in children { effective[c] = total > 0 ? effective[node] * weights[c] / total : 0 }
        }
        return effective
    }
}
