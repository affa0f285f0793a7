/// A weight set the build computes from the data as it aggregates, rather than one the spec lists.
///
/// In `weightSets` it is an object with a `method` (a plain set maps codes to numbers):
/// `{ "method": "pca" }` weights the children of every aggregate (or of those at `levels`) by
/// the first principal component of their values; `{ "method": "optimised", "targets": { "P1":
/// {}, "P2": { "x3": 0.8, "x4": 0.6 } } }` weights the children of each aggregate named so
/// that each child's correlation with it meets a target (equal correlations for `{}`). Every
/// aggregate the set does not cover keeps its metadata weights.
public struct DerivedWeights: Sendable, Codable, Equatable {
    /// How the weights are found.
    public enum Method: String, Sendable, Codable, SpecChoice {
        /// The first principal component's loadings of an aggregate's children, scaled to sum to 1.
        case pca
        /// `WeightOptimiser`'s weights: each child's correlation with its aggregate meets a target.
        case optimised
    }

    public var method: Method
    /// For `pca`: the levels whose aggregates are weighted; every aggregation level when absent.
    public var levels: [Int]?
    /// For `optimised`: by aggregate code, each child's target correlation; an empty map aims
    /// at equal correlations.
    public var targets: [String: [String: Double]]?

    public init(method: Method, levels: [Int]? = nil, targets: [String: [String: Double]]? = nil) {
        self.method = method
        self.levels = levels
        self.targets = targets
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["method", "levels", "targets"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            method: try c.decode(Method.self, forKey: .method), levels: try c.decodeIfPresent([Int].self, forKey: .levels),
            targets: try c.decodeIfPresent([String: [String: Double]].self, forKey: .targets))
    }

    /// Checks the set against `framework`; `field` is its place in the spec (`weightSets.name`).
    func check(_ framework: Framework, field: String) throws(IndexEngineError) {
        switch method {
        case .pca:
            guard targets == nil else { throw IndexEngineError(.invalidParameter, "PCA weights take no targets", column: field + ".targets") }
            for level in levels ?? [] where !(2...max(2, framework.topLevel)).contains(level) || framework.topLevel < 2 {
                throw IndexEngineError(.invalidParameter, "\(level) is not an aggregation level; levels run from 2 to \(framework.topLevel)", column: field + ".levels")
            }
        case .optimised:
            guard levels == nil else { throw IndexEngineError(.invalidParameter, "optimised weights name their aggregates in targets, not levels", column: field + ".levels") }
            guard let targets, !targets.isEmpty else {
                throw IndexEngineError(.invalidParameter, "optimised weights need targets: the aggregates to weight, each with its children's target correlations ({} for equal ones)", column: field + ".targets")
            }
            for code in targets.keys.sorted() {
                guard let a = framework.index(of: code), !framework.children[a].isEmpty else {
                    throw IndexEngineError(.unknownCode, "'\(code)' is not an aggregate", column: "\(field).targets.\(code)")
                }
                guard let goals = targets[code], !goals.isEmpty else { continue }
                let children = Set(framework.children[a].map { framework.nodes[$0].code })
                for (child, goal) in goals.sorted(by: { $0.key < $1.key }) {
                    guard children.contains(child) else {
                        throw IndexEngineError(.unknownCode, "'\(child)' is not a child of '\(code)'", column: "\(field).targets.\(code).\(child)")
                    }
                    guard (-1...1).contains(goal) else {
                        throw IndexEngineError(.invalidParameter, "a target correlation lies in [-1, 1], not \(goal)", column: "\(field).targets.\(code).\(child)")
                    }
                }
                if let missing = children.sorted().first(where: { goals[$0] == nil }) {
                    throw IndexEngineError(.invalidParameter, "give every child of '\(code)' a target, or none for equal correlations; '\(missing)' has none", column: "\(field).targets.\(code)")
                }
            }
        }
    }

    /// Whether the set weights the children of aggregate `a`.
    func covers(_ a: Int, framework: Framework) -> Bool {
        switch method {
        case .pca: levels.map { $0.contains(framework.nodes[a].level) } ?? true
        case .optimised: targets?[framework.nodes[a].code] != nil
        }
    }
}
