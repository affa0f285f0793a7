/// The flow network of an assignment problem and the bookkeeping to read a plan or a diagnosis back from it.
///
/// Nodes: the source (0), one per nomination (1…N), one per analyst (N+1…N+A), the sink (N+A+1).
struct AssignmentNetwork: Sendable {
    var flow: MinCostFlow
    let source: Int
    let sink: Int
    /// Per nomination, the analysts forced onto it (analyst indices).
    let forced: [[Int]]
    /// Per nomination, the analysts it may still get: not excluded, not already forced (analyst indices, in order).
    let candidates: [[Int]]
    /// Per nomination, the excluded analysts and why.
    let excluded: [[(analyst: Int, reasons: [AnalystAssignment.ExclusionReason])]]
    /// The nomination → analyst edges: which pair each edge stands for.
    let pairEdges: [(nomination: Int, analyst: Int, edge: Int)]
    /// Per analyst, the pairs forced onto them.
    let forcedLoad: [Int]
    /// Per analyst, the load cap left after forced pairs (never below zero).
    let remainingCap: [Int]
    /// The summed preference reductions, keyed by nomination index × analyst count + analyst index.
    let reductions: [Int: Double]

    init(_ problem: AnalystAssignment) throws(AwardsError) {
        let nominations = problem.nominations, analysts = problem.analysts
        let n = nominations.count, a = analysts.count
        let k = problem.analystsPerNomination
        let nominationIndex = Dictionary(nominations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let analystIndex = Dictionary(analysts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        var forced = Array(repeating: [Int](), count: n)
        var forcedLoad = Array(repeating: 0, count: a)
        for pair in problem.overrides.forced {
            guard let i = nominationIndex[pair.nomination], let j = analystIndex[pair.analyst] else { continue }
            forced[i].append(j)
            forcedLoad[j] += 1
        }
        for i in 0..<n { forced[i].sort() }
        let remainingCap = (0..<a).map { max(0, analysts[$0].loadCap - forcedLoad[$0]) }

        var reductions: [Int: Double] = [:]
        for preference in problem.preferences {
            guard let i = nominationIndex[preference.nomination], let j = analystIndex[preference.analyst] else { continue }
            reductions[i * a + j, default: 0] += preference.reduction
        }

        let excluded = problem.exclusionTable()
        var candidates = Array(repeating: [Int](), count: n)
        for i in 0..<n {
            var open = Array(repeating: true, count: a)
            for j in forced[i] { open[j] = false }
            for e in excluded[i] { open[e.analyst] = false }
            candidates[i] = (0..<a).filter { open[$0] }
        }

        source = 0
        sink = n + a + 1
        var flow = try MinCostFlow(nodeCount: n + a + 2)
        for i in 0..<n {
            try flow.addEdge(from: source, to: 1 + i, capacity: k - forced[i].count, cost: 0)
        }
        var pairEdges: [(nomination: Int, analyst: Int, edge: Int)] = []
        var reach = Array(repeating: 0, count: a)
        for i in 0..<n {
            for j in candidates[i] {
                let edge = try flow.addEdge(from: 1 + i, to: 1 + n + j, capacity: 1, cost: -(reductions[i * a + j] ?? 0))
                pairEdges.append((i, j, edge))
                reach[j] += 1
            }
        }
        for j in 0..<a {
            if problem.loadBalancingCost == 0 {
                try flow.addEdge(from: 1 + n + j, to: sink, capacity: remainingCap[j], cost: 0)
            } else {
                // One unit edge per further place, each dearer than the last: a convex load cost
                // that successive shortest paths fills in order. An analyst never needs more places
                // than the nominations they could take.
                for place in 0..<min(remainingCap[j], reach[j]) {
                    let cost = problem.loadBalancingCost * Double(forcedLoad[j] + place)
                    try flow.addEdge(from: 1 + n + j, to: sink, capacity: 1, cost: cost)
                }
            }
        }
        self.flow = flow
        self.forced = forced
        self.candidates = candidates
        self.excluded = excluded
        self.pairEdges = pairEdges
        self.forcedLoad = forcedLoad
        self.remainingCap = remainingCap
        self.reductions = reductions
    }

    /// The plan read from the solved network, which carries every place.
    func plan(for problem: AnalystAssignment) -> AssignmentPlan {
        let a = problem.analysts.count
        var chosen = forced.map { $0.map { (analyst: $0, forced: true) } }
        for pair in pairEdges where flow.edges[pair.edge].flow > 0 {
            chosen[pair.nomination].append((pair.analyst, false))
        }
        var pairs: [AssignmentPlan.Pair] = []
        var load = Array(repeating: 0, count: a)
        var total = 0.0
        for (i, nomination) in problem.nominations.enumerated() {
            for choice in chosen[i].sorted(by: { $0.analyst < $1.analyst }) {
                let cost = -(reductions[i * a + choice.analyst] ?? 0)
                pairs.append(AssignmentPlan.Pair(
                    nomination: nomination.id, analyst: problem.analysts[choice.analyst].id,
                    cost: cost, forced: choice.forced))
                load[choice.analyst] += 1
                total += cost
            }
        }
        for l in load where l > 1 {
            total += problem.loadBalancingCost * Double(l * (l - 1) / 2)
        }
        var loads: [String: Int] = [:]
        for (j, analyst) in problem.analysts.enumerated() { loads[analyst.id] = load[j] }
        return AssignmentPlan(
            analystsPerNomination: problem.analystsPerNomination, pairs: pairs, totalCost: total,
            loads: loads, exclusions: problem.exclusionRecords(excluded), overrides: problem.overrides)
    }
}
