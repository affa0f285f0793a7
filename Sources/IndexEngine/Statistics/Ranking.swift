/// Ranks of values with ties handled as R's `rank` does (or densely, as scipy's `rankdata`
/// offers); missing values keep a missing rank.
///
/// ±∞ is not a score: ranked, it would put every unit holding it first (or last) whatever its
/// data. It gets no rank, like a missing value; a build never hands it on (it turns infinite
/// values into missing ones and warns, see `BuildWarning.Code.nonFinite`).
public enum Ranking {
    /// How tied values share ranks.
    public enum Ties: String, Sendable, Codable, SpecChoice {
        /// Tied values get the mean of the ranks they span.
        case average
        /// Tied values all get the lowest rank they span.
        case min
        /// Tied values all get the highest rank they span.
        case max
        /// Tied values share one rank and the next value takes the next one: 1, 2, 2, 3.
        case dense
    }

    /// Ranks `x` in ascending order (1 = smallest), or descending when `descending` is set.
    public static func ranks(_ x: UnsafeBufferPointer<Double>, ties: Ties = .average, descending: Bool = false) -> [Double] {
        var order = x.indices.filter { x[$0].isFinite }
        if descending {
            order.sort { x[$0] > x[$1] || (x[$0] == x[$1] && $0 < $1) }
        } else {
            order.sort { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
        }
        var result = Array(repeating: Double.nan, count: x.count)
        var start = 0, groups = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && x[order[end + 1]] == x[order[start]] { end += 1 }
            groups += 1
            let rank: Double
            switch ties {
            case .average: rank = Double(start + end + 2) / 2
            case .min: rank = Double(start + 1)
            case .max: rank = Double(end + 1)
            case .dense: rank = Double(groups)
            }
            for k in start...end { result[order[k]] = rank }
            start = end + 1
        }
        return result
    }

    /// Ranks of an array, as `ranks(_:ties:descending:)`.
    public static func ranks(_ x: [Double], ties: Ties = .average, descending: Bool = false) -> [Double] {
        x.withUnsafeBufferPointer { ranks($0, ties: ties, descending: descending) }
    }
}
