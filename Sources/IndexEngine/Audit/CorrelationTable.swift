/// Correlations an audit reports: between siblings, and between each node and its ancestors.
public struct CorrelationEntry: Sendable, Equatable {
    /// How the two columns are related in the framework.
    public enum Relation: String, Sendable, Codable {
        /// Two children of the same aggregate.
        case siblings
        /// A node and one of the aggregates above it.
        case ancestor
    }

    public var x: String
    public var y: String
    public var relation: Relation
    public var method: Correlation.Method
    public var correlation: Correlation

    /// Every sibling pair and every node-ancestor pair of `stage`, by each of `methods`.
    ///
    /// Columns missing from the stage (aggregates before aggregation) are skipped.
    public static func table(_ stage: Stage, framework: Framework, methods: [Correlation.Method] = Correlation.Method.auditDefault) -> [CorrelationEntry] {
        let columns = (0..<stage.values.columns).map { stage.values.column($0) }
        var entries: [CorrelationEntry] = []
        for method in methods {
            for children in framework.children where children.count > 1 {
                let present = children.filter { $0 < columns.count }
                for (i, a) in present.enumerated() {
                    for b in present[(i + 1)...] {
                        entries.append(CorrelationEntry(
                            x: framework.nodes[a].code, y: framework.nodes[b].code, relation: .siblings, method: method,
                            correlation: Correlation.of(columns[a], columns[b], method: method)))
                    }
                }
            }
            for node in columns.indices {
                var ancestor = framework.parentIndex[node]
                while let a = ancestor, a < columns.count {
                    entries.append(CorrelationEntry(
                        x: framework.nodes[node].code, y: framework.nodes[a].code, relation: .ancestor, method: method,
                        correlation: Correlation.of(columns[node], columns[a], method: method)))
                    ancestor = framework.parentIndex[a]
                }
            }
        }
        return entries
    }
}
