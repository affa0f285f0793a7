/// Ordered weighted averaging (Yager 1988): the weights apply to positions, not to children —
/// the first to a unit's highest child value, the second to its next, and so on — so that one
/// vector moves the aggregate anywhere between the minimum and the maximum of the children.
enum OrderedWeightedAveraging {
    /// `Σⱼ Wⱼ bⱼ`, with `b` the values in descending order; `values` and `w` have equal lengths.
    static func aggregate(_ values: [Double], weights w: [Double]) -> Double {
        let sorted = values.sorted(by: >)
        var s = 0.0
        for (v, weight) in zip(sorted, w) { s += weight * v }
        return s
    }

    /// Yager's orness, `Σⱼ (n − j)/(n − 1) · Wⱼ` for j = 1…n: 1 for the maximum (1, 0, …, 0), 0 for
    /// the minimum (…, 0, 1), ½ for the plain mean; 1 for a single weight.
    static func orness(_ w: [Double]) -> Double {
        let n = w.count
        guard n > 1 else { return 1 }
        return w.enumerated().reduce(0) { $0 + Double(n - 1 - $1.offset) / Double(n - 1) * $1.element }
    }

    /// Checks a weight vector: finite, not negative, summing to 1 (within 1e-9).
    static func check(_ w: [Double], field: String) throws(IndexEngineError) {
        guard !w.isEmpty else { throw IndexEngineError(.invalidParameter, "the ordered weights are empty", column: field) }
        if let bad = w.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw IndexEngineError(.invalidWeight, "ordered weights must be finite and not negative, not \(w[bad])", column: "\(field)[\(bad)]")
        }
        let sum = w.reduce(0, +)
        guard abs(sum - 1) <= 1e-9 else {
            throw IndexEngineError(.invalidWeight, "ordered weights must sum to 1, not \(sum)", column: field)
        }
    }
}
