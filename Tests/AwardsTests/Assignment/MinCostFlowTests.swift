import Testing
@testable import Awards

@Suite("Minimum-cost flow")
struct MinCostFlowTests {
    /// s=0, t=3: every unit out of s reaches t, and only one way of routing 3 units exists.
    private func diamond() throws -> MinCostFlow {
        var network = try MinCostFlow(nodeCount: 4)
        try network.addEdge(from: 0, to: 1, capacity: 2, cost: 1)
        try network.addEdge(from: 0, to: 2, capacity: 1, cost: 2)
        try network.addEdge(from: 1, to: 2, capacity: 1, cost: 1)
        try network.addEdge(from: 1, to: 3, capacity: 1, cost: 3)
        try network.addEdge(from: 2, to: 3, capacity: 2, cost: 1)
        return network
    }

    @Test("a hand-worked network: maximum flow 3 at cost 10, flows on every edge")
    func handWorked() throws {
        var network = try diamond()
        let solution = try network.solve(source: 0, sink: 3)
        #expect(solution == MinCostFlow.Solution(flow: 3, cost: 10))
        #expect(network.edges.map(\.flow) == [2, 1, 1, 1, 2])
        #expect(network.sourceSide(of: 0) == [true, false, false, false])
    }

    @Test("a flow limit stops early on the cheapest paths")
    func limit() throws {
        var network = try diamond()
        let solution = try network.solve(source: 0, sink: 3, limit: 1)
        #expect(solution.flow == 1)
        // s→2→t and s→1→2→t both cost 3; node 2 is first reached by edge s→2 (added before
        // 1→2), and a tie does not replace it.
        #expect(solution.cost == 3)
        #expect(network.edges.map(\.flow) == [0, 1, 0, 0, 1])
    }

    @Test("negative edge costs are allowed and used")
    func negativeCosts() throws {
        var network = try MinCostFlow(nodeCount: 4)
        try network.addEdge(from: 0, to: 1, capacity: 1, cost: 5)
        try network.addEdge(from: 0, to: 2, capacity: 1, cost: 1)
        try network.addEdge(from: 1, to: 3, capacity: 1, cost: -4)
        try network.addEdge(from: 2, to: 3, capacity: 1, cost: 2)
        var one = network
        #expect(try one.solve(source: 0, sink: 3, limit: 1) == MinCostFlow.Solution(flow: 1, cost: 1))
        #expect(try network.solve(source: 0, sink: 3) == MinCostFlow.Solution(flow: 2, cost: 4))
    }

    @Test("the second path undoes part of the first through a backward arc")
    func reroutesFlow() throws {
        var network = try MinCostFlow(nodeCount: 4)
        try network.addEdge(from: 0, to: 1, capacity: 1, cost: 1)
        try network.addEdge(from: 0, to: 2, capacity: 1, cost: 10)
        try network.addEdge(from: 1, to: 2, capacity: 1, cost: 1)
        try network.addEdge(from: 1, to: 3, capacity: 1, cost: 10)
        try network.addEdge(from: 2, to: 3, capacity: 1, cost: 1)
        let solution = try network.solve(source: 0, sink: 3)
        #expect(solution == MinCostFlow.Solution(flow: 2, cost: 22))
        #expect(network.edges[2].flow == 0)
    }

    @Test("the source side of a minimum cut stops at the saturated edge")
    func minimumCut() throws {
        var network = try MinCostFlow(nodeCount: 4)
        try network.addEdge(from: 0, to: 1, capacity: 5, cost: 0)
        try network.addEdge(from: 1, to: 2, capacity: 1, cost: 0)
        try network.addEdge(from: 2, to: 3, capacity: 5, cost: 0)
        #expect(try network.solve(source: 0, sink: 3).flow == 1)
        #expect(network.sourceSide(of: 0) == [true, true, false, false])
    }

    @Test("solving twice gives the same flows")
    func deterministic() throws {
        var a = try diamond(), b = try diamond()
        _ = try a.solve(source: 0, sink: 3, limit: 2)
        _ = try b.solve(source: 0, sink: 3, limit: 2)
        #expect(a.edges == b.edges)
    }

    @Test("malformed networks and negative cycles are errors, not crashes")
    func errors() throws {
        var network = try MinCostFlow(nodeCount: 3)
        #expect(throws: AwardsError.self) { try network.addEdge(from: 0, to: 3, capacity: 1, cost: 0) }
        #expect(throws: AwardsError.self) { try network.addEdge(from: 0, to: 1, capacity: -1, cost: 0) }
        #expect(throws: AwardsError.self) { try network.addEdge(from: 0, to: 1, capacity: 1, cost: .nan) }
        #expect(throws: AwardsError.self) { try network.solve(source: 1, sink: 1) }
        #expect(throws: AwardsError.self) { try MinCostFlow(nodeCount: -1) }
        try network.addEdge(from: 0, to: 1, capacity: 1, cost: -1)
        try network.addEdge(from: 1, to: 0, capacity: 1, cost: -1)
        try network.addEdge(from: 1, to: 2, capacity: 1, cost: 0)
        do {
            try network.solve(source: 0, sink: 2)
            Issue.record("a negative cycle went unnoticed")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.message.contains("negative"))
        }
    }
}
