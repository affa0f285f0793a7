/// The stated order that settles ties a count cannot separate: earlier candidates are favoured.
struct TieBreakOrder: Sendable {
    /// `position[i]`: candidate i's place in the tie-break order (0 = most favoured).
    let position: [Int]
    /// The order, as candidate ids.
    let order: [String]

    /// The tie-break `order` over `candidates`, or the candidates' given order when `order` is nil.
    init(_ order: [String]?, candidates: [String]) throws(AwardsError) {
        let order = order ?? candidates
        var index: [String: Int] = [:]
        for (i, candidate) in candidates.enumerated() { index[candidate] = i }
        var position = Array(repeating: -1, count: candidates.count)
        for (place, candidate) in order.enumerated() {
            guard let i = index[candidate] else {
                throw AwardsError(.invalidValue, "the tie-break names '\(candidate)', who is not a candidate")
            }
            guard position[i] < 0 else {
                throw AwardsError(.invalidValue, "the tie-break names '\(candidate)' twice")
            }
            position[i] = place
        }
        if let missing = position.firstIndex(of: -1) {
            throw AwardsError(.invalidValue, "the tie-break leaves out '\(candidates[missing])'")
        }
        self.position = position
        self.order = order
    }

    /// Whether candidate `a` comes before candidate `b` in the tie-break.
    func favours(_ a: Int, over b: Int) -> Bool {
        position[a] < position[b]
    }
}
