/// A minimum-cost maximum-flow solver on integer capacities and real costs.
///
/// Successive shortest paths: Bellman–Ford (queue-based) sets the first node potentials, so
/// negative edge costs are allowed, then Dijkstra on reduced costs finds each augmenting path.
/// The network must hold no cycle of negative cost. The result is deterministic: of equally
/// cheap paths, the search keeps the first it finds, taking nodes in order of distance and then
/// number, and each node's edges in the order they were added.
public struct MinCostFlow: Sendable {
    /// One directed edge of the network and the flow it carries.
    public struct Edge: Sendable, Equatable {
        /// The tail node.
        public let from: Int
        /// The head node.
        public let to: Int
        /// The most flow the edge may carry.
        public let capacity: Int
        /// The cost of one unit of flow on the edge.
        public let cost: Double
        /// The flow the last solve put on the edge.
        public internal(set) var flow: Int
    }

    /// The flow a solve sent and its total cost.
    public struct Solution: Sendable, Equatable {
        /// The units of flow sent from the source to the sink.
        public var flow: Int
        /// The sum over edges of flow × cost.
        public var cost: Double
    }

    /// The number of nodes, numbered from 0.
    public let nodeCount: Int
    /// The edges in the order they were added.
    public private(set) var edges: [Edge] = []

    /// An empty network on `nodeCount` nodes.
    public init(nodeCount: Int) throws(AwardsError) {
        guard nodeCount >= 0 else {
            throw AwardsError(.invalidValue, "a flow network cannot have \(nodeCount) nodes")
        }
        self.nodeCount = nodeCount
    }

    /// Adds an edge and returns its index in `edges`.
    @discardableResult
    public mutating func addEdge(from: Int, to: Int, capacity: Int, cost: Double) throws(AwardsError) -> Int {
        guard (0..<nodeCount).contains(from), (0..<nodeCount).contains(to) else {
            throw AwardsError(.invalidValue, "edge \(from) → \(to) names a node outside 0..<\(nodeCount)")
        }
        guard capacity >= 0 else {
            throw AwardsError(.invalidValue, "edge \(from) → \(to) has negative capacity \(capacity)")
        }
        guard cost.isFinite else {
            throw AwardsError(.invalidValue, "edge \(from) → \(to) has a non-finite cost")
        }
        edges.append(Edge(from: from, to: to, capacity: capacity, cost: cost, flow: 0))
        return edges.count - 1
    }

    /// Sends as much flow as possible (at most `limit`) from `source` to `sink` at least total cost, starting from zero flow.
    @discardableResult
    public mutating func solve(source: Int, sink: Int, limit: Int = .max) throws(AwardsError) -> Solution {
        guard (0..<nodeCount).contains(source), (0..<nodeCount).contains(sink), source != sink else {
            throw AwardsError(.invalidValue, "source \(source) and sink \(sink) must be two distinct nodes of the network")
        }
        var residual = ResidualNetwork(nodeCount: nodeCount, edges: edges)
        var potential = try residual.initialPotentials(from: source)
        var sent = 0
        var search = ShortestPathSearch(nodeCount: nodeCount)
        while sent < limit {
            search.run(on: residual, from: source, to: sink, potential: potential)
            guard search.settled[sink] else { break }
            // Settled nodes add their distance, the rest the sink's: every reduced cost of the
            // residual network stays non-negative (the search stops when the sink is settled).
            let reach = search.distance[sink]
            for v in 0..<nodeCount { potential[v] += search.settled[v] ? search.distance[v] : reach }
            var bottleneck = limit - sent
            var v = sink
            while v != source {
                let arc = search.parentArc[v]
                bottleneck = min(bottleneck, residual.arcs[arc].capacity)
                v = residual.tail(of: arc)
            }
            v = sink
            while v != source {
                let arc = search.parentArc[v]
                residual.arcs[arc].capacity -= bottleneck
                residual.arcs[residual.arcs[arc].reverse].capacity += bottleneck
                v = residual.tail(of: arc)
            }
            sent += bottleneck
        }
        var cost = 0.0
        for (e, flow) in residual.edgeFlows.enumerated() {
            edges[e].flow = flow
            cost += Double(flow) * edges[e].cost
        }
        return Solution(flow: sent, cost: cost)
    }

    /// The nodes reachable from `source` through edges with spare capacity or flow to undo: after a maximum flow, the source side of a minimum cut.
    public func sourceSide(of source: Int) -> [Bool] {
        var reached = Array(repeating: false, count: nodeCount)
        guard (0..<nodeCount).contains(source) else { return reached }
        var outgoing = Array(repeating: [Int](), count: nodeCount)
        for e in edges {
            if e.flow < e.capacity { outgoing[e.from].append(e.to) }
            if e.flow > 0 { outgoing[e.to].append(e.from) }
        }
        reached[source] = true
        var stack = [source]
        while let u = stack.popLast() {
            for v in outgoing[u] where !reached[v] {
                reached[v] = true
                stack.append(v)
            }
        }
        return reached
    }
}
