/// Comparison of weighted vote totals.
///
/// Group weights are fractions (1/6, 1/10, …), so totals that are equal in exact arithmetic can
/// differ in their last bits (ten ballots of weight 1/10 sum to 0.9999999999999999). Every count
/// therefore compares totals by their value to a billionth of a vote; the published totals are
/// the unrounded sums.
enum VoteTotal {
    /// The total to a billionth, as an integer: equal keys mean equal totals.
    static func key(_ total: Double) -> Int {
        // Totals are sums of ballot weights, far below the ~9.2 billion votes where the key
        // would leave Int; a total beyond (or NaN) gets an end key rather than trapping.
        let scaled = (total * 1e9).rounded()
        if let key = Int(exactly: scaled) { return key }
        return scaled.isNaN ? 0 : (scaled > 0 ? .max : .min)
    }
}
