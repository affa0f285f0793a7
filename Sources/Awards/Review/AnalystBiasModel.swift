/// The least-squares fit of score = item quality + analyst bias + noise, an item being one factor of one nomination.
///
/// Eliminating the qualities (each is the mean of its scores less its analysts' biases) leaves
/// the normal equations L b = r for the biases, with L_aa′ = n_a·[a = a′] − Σ over items scored
/// by both of 1 / (analysts on the item) and r_a = Σ over a's items of (score − item mean). L is
/// singular: adding a constant to the biases of a linked group of analysts (those joined by
/// shared items) and taking it from their items' qualities fits equally well. The constraint that
/// biases sum to zero within each linked group removes that freedom; it is imposed by solving
/// (L + Σ over groups of 1 1ᵀ) b = r, whose solution satisfies it because r sums to zero over a group.
struct AnalystBiasModel: Sendable {
    /// Each analyst's bias, by analyst index (0 for analysts without scores here).
    let bias: [Double]
    /// Each analyst's linked group, numbered in order of first appearance (-1 for analysts without scores here).
    let linkedGroup: [Int]
    /// Each item's quality, by item index (`NaN` for items without scores here).
    let quality: [Double]

    init(entries: [ScoreEntry], analystCount: Int, itemCount: Int) {
        // Local numbering of the analysts present, in order of first appearance.
        var local = Array(repeating: -1, count: analystCount)
        var present: [Int] = []
        for e in entries where local[e.analyst] < 0 {
            local[e.analyst] = present.count
            present.append(e.analyst)
        }
        let m = present.count
        var byItem = Array(repeating: [ScoreEntry](), count: itemCount)
        for e in entries { byItem[e.item].append(e) }
        let itemMean = byItem.map { $0.isEmpty ? .nan : $0.reduce(0) { $0 + $1.value } / Double($0.count) }

        var system = Array(repeating: Array(repeating: 0.0, count: m), count: m)
        var residual = Array(repeating: 0.0, count: m)
        var links = LinkedGroups(count: m)
        for scores in byItem where !scores.isEmpty {
            let share = 1 / Double(scores.count)
            for e in scores {
                let a = local[e.analyst]
                system[a][a] += 1
                residual[a] += e.value - itemMean[e.item]
                for other in scores { system[a][local[other.analyst]] -= share }
                links.join(a, local[scores[0].analyst])
            }
        }
        let group = (0..<m).map { links.label($0) }
        for a in 0..<m {
            for b in 0..<m where group[a] == group[b] { system[a][b] += 1 }
        }
        let localBias = LinearSystem.solve(system, residual) ?? Array(repeating: 0, count: m)

        var bias = Array(repeating: 0.0, count: analystCount)
        var linkedGroup = Array(repeating: -1, count: analystCount)
        for (a, analyst) in present.enumerated() {
            bias[analyst] = localBias[a]
            linkedGroup[analyst] = group[a]
        }
        quality = byItem.enumerated().map { item, scores in
            scores.isEmpty ? .nan : itemMean[item] - scores.reduce(0) { $0 + bias[$1.analyst] } / Double(scores.count)
        }
        self.bias = bias
        self.linkedGroup = linkedGroup
    }
}

/// Union–find over analysts, labelling each group by the order of its first member.
private struct LinkedGroups {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(_ a: Int) -> Int {
        var a = a
        while parent[a] != a {
            parent[a] = parent[parent[a]]
            a = parent[a]
        }
        return a
    }

    mutating func join(_ a: Int, _ b: Int) {
        let (ra, rb) = (root(a), root(b))
        // The smaller index stays root, so labels follow first appearance.
        if ra < rb { parent[rb] = ra } else if rb < ra { parent[ra] = rb }
    }

    /// The group's number: how many groups have a smaller first member.
    mutating func label(_ a: Int) -> Int {
        let r = root(a)
        return (0..<r).filter { root($0) == $0 }.count
    }
}
