/// Sample quantiles by linear interpolation between order statistics (R's default, type 7).
enum Quantile {
    /// The `p`-quantile of already sorted, non-missing `values`.
    static func of(sorted values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let h = Double(values.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(values.count - 1, lo + 1)
        return values[lo] + (h - Double(lo)) * (values[hi] - values[lo])
    }
}
