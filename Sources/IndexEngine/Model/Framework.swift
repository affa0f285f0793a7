/// The validated hierarchy of an index: indicators at level 1 and aggregates above them.
///
/// Columns of an aggregated matrix follow `nodes`: first the indicators in the order given, then
/// the aggregates level by level. Each aggregate knows the column indices of its children, so a
/// build never looks codes up by name.
public struct Framework: Sendable, Equatable {
    /// All nodes: indicators first, then aggregates by ascending level.
    public let nodes: [FrameworkNode]
    /// The number of indicators; they occupy columns `0..<indicatorCount`.
    public let indicatorCount: Int
    /// The highest level (1 when there are no aggregates).
    public let topLevel: Int
    /// For each node, the column indices of its children (empty for indicators).
    public let children: [[Int]]
    /// For each node, the column index of its parent, or `nil` at the top.
    public let parentIndex: [Int?]
    private let indexByCode: [String: Int]

    /// Validates `nodes` into a framework.
    ///
    /// - Parameters:
    ///   - nodes: indicators and aggregates in any order.
    ///   - file: the file the nodes were read from, for error messages.
    ///   - rows: for each node, its row in `file`.
    public init(nodes input: [FrameworkNode], file: String? = nil, rows: [Int]? = nil) throws(IndexEngineError) {
        func rowOf(_ i: Int) -> Int? { rows.map { $0[i] } }
        var position: [String: Int] = [:]
        for (i, node) in input.enumerated() {
            if let first = position[node.code] {
                let firstRow = rowOf(first).map { " (first on row \($0))" } ?? ""
                throw IndexEngineError(.duplicateCode, "the code '\(node.code)' is defined twice\(firstRow)", file: file, row: rowOf(i), column: "iCode")
            }
            position[node.code] = i
        }
        guard input.contains(where: { $0.kind == .indicator }) else {
            throw IndexEngineError(.noData, "the framework has no indicators", file: file)
        }
        let hasAggregates = input.contains { $0.kind == .aggregate }
        // Parents must exist, be aggregates, and the chain upward must end.
        for (i, node) in input.enumerated() {
            if node.weight < 0 || !node.weight.isFinite {
                throw IndexEngineError(.invalidWeight, "the weight of '\(node.code)' is \(node.weight); weights must be finite and not negative", file: file, row: rowOf(i), column: "Weight")
            }
            guard let parent = node.parent else {
                if node.kind == .indicator && hasAggregates {
                    throw IndexEngineError(.missingParent, "the indicator '\(node.code)' has no parent aggregate", file: file, row: rowOf(i), column: "Parent")
                }
                continue
            }
            guard let p = position[parent] else {
                throw IndexEngineError(.unknownCode, "the parent '\(parent)' of '\(node.code)' is not defined", file: file, row: rowOf(i), column: "Parent")
            }
            if input[p].kind != .aggregate {
                throw IndexEngineError(.invalidHierarchy, "the parent '\(parent)' of '\(node.code)' is an indicator, not an aggregate", file: file, row: rowOf(i), column: "Parent")
            }
            var seen: Set<Int> = [i]
            var cursor: Int? = p
            while let c = cursor {
                if !seen.insert(c).inserted {
                    // `c` is the first node met twice, so it lies on the cycle: report the cycle
                    // from there, at its row (the node we started from may only lead into it).
                    var members = [c]
                    var next = input[c].parent.flatMap { position[$0] }
                    while let n = next, n != c, !members.contains(n) { members.append(n); next = input[n].parent.flatMap { position[$0] } }
                    let path = members.map { input[$0].code }.joined(separator: ", ")
                    throw IndexEngineError(.cycle, "the hierarchy has a cycle through \(path)", file: file, row: rowOf(c), column: "Parent")
                }
                cursor = input[c].parent.flatMap { position[$0] }
            }
        }
        for (i, node) in input.enumerated() {
            if let parent = node.parent, let p = position[parent], input[p].level != node.level + 1 {
                throw IndexEngineError(
                    .invalidHierarchy,
                    "'\(node.code)' is at level \(node.level) but its parent '\(parent)' is at level \(input[p].level); a parent must be one level up",
                    file: file, row: rowOf(i), column: "Level")
            }
            if node.kind == .indicator && node.level != 1 {
                throw IndexEngineError(.invalidHierarchy, "the indicator '\(node.code)' must be at level 1, not \(node.level)", file: file, row: rowOf(i), column: "Level")
            }
            if node.kind == .aggregate && node.level < 2 {
                throw IndexEngineError(.invalidHierarchy, "the aggregate '\(node.code)' must be at level 2 or above, not \(node.level)", file: file, row: rowOf(i), column: "Level")
            }
        }
        let topLevel = input.map(\.level).max() ?? 1
        for (i, node) in input.enumerated() where node.parent == nil && node.level != topLevel {
            throw IndexEngineError(.missingParent, "'\(node.code)' is at level \(node.level) but has no parent; only the top level (\(topLevel)) may", file: file, row: rowOf(i), column: "Parent")
        }

        // Order: indicators as given, then aggregates by level, each level as given.
        let order = input.indices.filter { input[$0].kind == .indicator }
            + input.indices.filter { input[$0].kind == .aggregate }.sorted {
                (input[$0].level, $0) < (input[$1].level, $1)
            }
        let nodes = order.map { input[$0] }
        var indexByCode: [String: Int] = [:]
        for (i, node) in nodes.enumerated() { indexByCode[node.code] = i }
        var children = Array(repeating: [Int](), count: nodes.count)
        var parentIndex = Array(repeating: Int?.none, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            if let parent = node.parent, let p = indexByCode[parent] {
                children[p].append(i)
                parentIndex[i] = p
            }
        }
        for (i, node) in nodes.enumerated() where node.kind == .aggregate {
            let row = rowOf(order[i])
            if children[i].isEmpty {
                throw IndexEngineError(.invalidHierarchy, "the aggregate '\(node.code)' has no children", file: file, row: row, column: "iCode")
            }
            if children[i].allSatisfy({ nodes[$0].weight == 0 }) {
                throw IndexEngineError(.invalidWeight, "all children of '\(node.code)' have weight zero", file: file, row: row, column: "Weight")
            }
        }
        self.nodes = nodes
        self.indicatorCount = nodes.count { $0.kind == .indicator }
        self.topLevel = topLevel
        self.children = children
        self.parentIndex = parentIndex
        self.indexByCode = indexByCode
    }

    /// The indicators, in column order.
    public var indicators: ArraySlice<FrameworkNode> { nodes[0..<indicatorCount] }

    /// The column index of the node with `code`, if any.
    public func index(of code: String) -> Int? { indexByCode[code] }

    /// The column indices of the aggregates at `level`, in column order.
    public func aggregates(atLevel level: Int) -> [Int] {
        (indicatorCount..<nodes.count).filter { nodes[$0].level == level }
    }

    /// The weights of all nodes, in column order, as given by the metadata.
    public var weights: [Double] { nodes.map(\.weight) }
}
