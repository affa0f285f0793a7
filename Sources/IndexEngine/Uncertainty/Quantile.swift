/// Sample quantiles by linear interpolation between order statistics (R's default, type 7).
public enum Quantile {
    /// The `p`-quantile of already sorted, non-missing `values`.
    public static func of(sorted values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty, !p.isNaN else { return .nan }
        // p is clamped to [0, 1], so that the index below is in range and Int(_:) cannot trap.
        let h = Double(values.count - 1) * Swift.min(Swift.max(p, 0), 1)
        let lo = Int(h.rounded(.down)), hi = min(values.count - 1, lo + 1)
        return values[lo] + (h - Double(lo)) * (values[hi] - values[lo])
    }
}
