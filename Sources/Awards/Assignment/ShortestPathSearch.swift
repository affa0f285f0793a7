/// Dijkstra's search on reduced costs over a residual network, with buffers reused between searches.
///
/// The queue is a binary heap indexed by node (each node at most once, keys lowered in place),
/// ordered by distance and then node number, so the search is deterministic.
struct ShortestPathSearch: Sendable {
    /// The reduced-cost distance of each node from the source: final for settled nodes, tentative (or infinity) for the rest.
    private(set) var distance: [Double]
    /// Whether each node's distance is final.
    private(set) var settled: [Bool]
    /// The arc by which each reached node was first reached at its current distance.
    private(set) var parentArc: [Int]
    private var heap: [Int]
    private var position: [Int]

    init(nodeCount: Int) {
        distance = Array(repeating: .infinity, count: nodeCount)
        settled = Array(repeating: false, count: nodeCount)
        parentArc = Array(repeating: -1, count: nodeCount)
        heap = Array(repeating: 0, count: nodeCount)
        position = Array(repeating: -1, count: nodeCount)
    }

    /// Finds shortest paths from `source` through arcs with spare capacity, costs reduced by `potential`, stopping once `target` is settled.
    mutating func run(on network: ResidualNetwork, from source: Int, to target: Int, potential: [Double]) {
        // The buffers are moved out of self and worked on through pointers: the search is the hot
        // loop of every assignment, and this keeps it fast in unoptimised builds too.
        var distance = take(\.distance), settled = take(\.settled), parentArc = take(\.parentArc)
        var heap = take(\.heap), position = take(\.position)
        distance.withUnsafeMutableBufferPointer { distance in
        settled.withUnsafeMutableBufferPointer { settled in
        parentArc.withUnsafeMutableBufferPointer { parentArc in
        heap.withUnsafeMutableBufferPointer { heap in
        position.withUnsafeMutableBufferPointer { position in
        network.arcs.withUnsafeBufferPointer { arcs in
        network.firstArc.withUnsafeBufferPointer { firstArc in
        potential.withUnsafeBufferPointer { potential in
            for v in 0..<distance.count {
                distance[v] = .infinity
                settled[v] = false
                parentArc[v] = -1
                position[v] = -1
            }
            var count = 0
            func precedes(_ a: Int, _ b: Int) -> Bool {
                distance[a] < distance[b] || (distance[a] == distance[b] && a < b)
            }
            func place(_ v: Int, at slot: Int) {
                heap[slot] = v
                position[v] = slot
            }
            func siftUp(_ v: Int) {
                var slot = position[v]
                while slot > 0 {
                    let parent = (slot - 1) / 2
                    guard precedes(v, heap[parent]) else { break }
                    place(heap[parent], at: slot)
                    slot = parent
                }
                place(v, at: slot)
            }
            func popFirst() -> Int {
                let first = heap[0]
                position[first] = -1
                count -= 1
                guard count > 0 else { return first }
                let last = heap[count]
                var slot = 0
                while true {
                    var child = 2 * slot + 1
                    guard child < count else { break }
                    if child + 1 < count && precedes(heap[child + 1], heap[child]) { child += 1 }
                    guard precedes(heap[child], last) else { break }
                    place(heap[child], at: slot)
                    slot = child
                }
                place(last, at: slot)
                return first
            }

            distance[source] = 0
            place(source, at: 0)
            count = 1
            while count > 0 {
                let u = popFirst()
                settled[u] = true
                if u == target { break }
                let du = distance[u], pu = potential[u]
                for a in firstArc[u]..<firstArc[u + 1] where arcs[a].capacity > 0 {
                    let v = arcs[a].head
                    guard !settled[v] else { continue }
                    // Rounding can leave a reduced cost a hair below zero; it cannot reorder settled nodes.
                    let candidate = du + max(0, arcs[a].cost + pu - potential[v])
                    // Strictly shorter only, so the first path found in edge order keeps a tie.
                    guard candidate < distance[v] else { continue }
                    distance[v] = candidate
                    parentArc[v] = a
                    if position[v] < 0 {
                        position[v] = count
                        count += 1
                    }
                    siftUp(v)
                }
            }
        }}}}}}}}
        self.distance = distance
        self.settled = settled
        self.parentArc = parentArc
        self.heap = heap
        self.position = position
    }

    /// Moves a buffer out of self, so that it can be mutated without a copy.
    private mutating func take<T>(_ buffer: WritableKeyPath<Self, [T]>) -> [T] {
        let taken = self[keyPath: buffer]
        self[keyPath: buffer] = []
        return taken
    }
}
