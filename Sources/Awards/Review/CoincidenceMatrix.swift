/// The coincidences of values within units: how often value c is paired with value k, each unit's
/// m(m − 1) ordered pairs weighted 1/(m − 1), so that each pairable value counts once.
struct CoincidenceMatrix: Sendable {
    /// The distinct values, ascending.
    let values: [Double]
    /// counts[c][k]: the coincidences o_ck of values[c] with values[k].
    let counts: [[Double]]
    /// The marginal n_c of each value: the sum of its row.
    let totals: [Double]
    /// The number of pairable values n.
    let pairableValues: Int

    init(units: [[Double]]) {
        let pairable = units.filter { $0.count >= 2 }
        values = Array(Set(pairable.joined())).sorted()
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0.0, count: values.count), count: values.count)
        for unit in pairable {
            var tally: [Int: Double] = [:]
            for value in unit { tally[index[value] ?? 0, default: 0] += 1 }
            let weight = 1 / Double(unit.count - 1)
            for (c, nc) in tally {
                for (k, nk) in tally {
                    // Pairs of different coders only: a value is not paired with itself.
                    counts[c][k] += nc * (c == k ? nk - 1 : nk) * weight
                }
            }
        }
        self.counts = counts
        totals = counts.map { $0.reduce(0, +) }
        pairableValues = pairable.reduce(0) { $0 + $1.count }
    }
}
