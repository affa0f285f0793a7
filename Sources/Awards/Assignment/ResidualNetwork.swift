/// The residual network of a flow problem: every edge as a forward arc with its spare capacity and
/// a backward arc with the flow that can be undone, grouped by tail node.
struct ResidualNetwork: Sendable {
    /// One arc of the residual network.
    struct Arc: Sendable {
        /// The node the arc points to.
        var head: Int
        /// The cost of one unit on the arc (the negated edge cost on a backward arc).
        var cost: Double
        /// The spare capacity of a forward arc; the flow on the edge for a backward arc.
        var capacity: Int
        /// The index of the opposite arc.
        var reverse: Int
    }

    /// The arcs, those leaving node v at `firstArc[v]..<firstArc[v + 1]`, in the order of their edges.
    var arcs: [Arc]
    var firstArc: [Int]
    /// The forward arc of each edge.
    let forwardArc: [Int]

    init(nodeCount: Int, edges: [MinCostFlow.Edge]) {
        firstArc = Array(repeating: 0, count: nodeCount + 1)
        for edge in edges {
            firstArc[edge.from + 1] += 1
            firstArc[edge.to + 1] += 1
        }
        for v in 0..<nodeCount { firstArc[v + 1] += firstArc[v] }
        var next = firstArc
        var forwardArc = Array(repeating: 0, count: edges.count)
        var backwardArc = Array(repeating: 0, count: edges.count)
        for (e, edge) in edges.enumerated() {
            forwardArc[e] = next[edge.from]
            next[edge.from] += 1
            backwardArc[e] = next[edge.to]
            next[edge.to] += 1
        }
        arcs = Array(repeating: Arc(head: 0, cost: 0, capacity: 0, reverse: 0), count: 2 * edges.count)
        for (e, edge) in edges.enumerated() {
            arcs[forwardArc[e]] = Arc(head: edge.to, cost: edge.cost, capacity: edge.capacity, reverse: backwardArc[e])
            arcs[backwardArc[e]] = Arc(head: edge.from, cost: -edge.cost, capacity: 0, reverse: forwardArc[e])
        }
        self.forwardArc = forwardArc
    }

    /// The flow on each edge: the capacity of its backward arc.
    var edgeFlows: [Int] {
        forwardArc.map { arcs[arcs[$0].reverse].capacity }
    }

    /// The node an arc leaves.
    func tail(of arc: Int) -> Int {
        arcs[arcs[arc].reverse].head
    }

    /// Shortest-path distances from `source` by queue-based Bellman–Ford (0 for unreachable nodes), or an error on a negative cycle.
    func initialPotentials(from source: Int) throws(AwardsError) -> [Double] {
        let nodeCount = firstArc.count - 1
        // With no negative cost, zero potentials already make every reduced cost non-negative.
        guard arcs.contains(where: { $0.capacity > 0 && $0.cost < 0 }) else {
            return Array(repeating: 0, count: nodeCount)
        }
        var distance = Array(repeating: Double.infinity, count: nodeCount)
        var queued = Array(repeating: false, count: nodeCount)
        var entries = Array(repeating: 0, count: nodeCount)
        var queue = [source]
        var front = 0
        distance[source] = 0
        queued[source] = true
        while front < queue.count {
            let u = queue[front]
            front += 1
            queued[u] = false
            for arc in arcs[firstArc[u]..<firstArc[u + 1]] where arc.capacity > 0 {
                let candidate = distance[u] + arc.cost
                guard candidate < distance[arc.head] else { continue }
                distance[arc.head] = candidate
                guard !queued[arc.head] else { continue }
                // Each pass over the queue is one Bellman–Ford round, and nodeCount − 1 rounds suffice
                // unless a negative cycle keeps improving distances.
                entries[arc.head] += 1
                guard entries[arc.head] < nodeCount else {
                    throw AwardsError(.invalidValue, "the flow network has a cycle of negative cost through node \(arc.head)")
                }
                queued[arc.head] = true
                queue.append(arc.head)
            }
        }
        return distance.map { $0 < .infinity ? $0 : 0 }
    }
}
