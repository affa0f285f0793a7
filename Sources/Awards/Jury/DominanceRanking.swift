/// A full ranking from an acyclic "beats" relation: at each step the remaining candidates beaten
/// by no other remaining candidate are level, and the tie-break places the most favoured of them.
enum DominanceRanking {
    /// The candidates' indices, most preferred first, and those placed above a level candidate only by the tie-break.
    static func rank(count: Int, tieBreak: TieBreakOrder, beats: (Int, Int) -> Bool) -> (order: [Int], byTieBreak: Set<Int>) {
        var remaining = Array(0..<count).sorted { tieBreak.favours($0, over: $1) }
        var order: [Int] = []
        var byTieBreak: Set<Int> = []
        while !remaining.isEmpty {
            let unbeaten = remaining.filter { c in !remaining.contains { beats($0, c) } }
            // An acyclic relation always leaves someone unbeaten; should it not, every remaining
            // candidate is treated as level rather than looping.
            let level = unbeaten.isEmpty ? remaining : unbeaten
            let chosen = level[0]
            if level.count > 1 { byTieBreak.insert(chosen) }
            order.append(chosen)
            remaining.removeAll { $0 == chosen }
        }
        return (order, byTieBreak)
    }
}
