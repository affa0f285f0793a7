/// Comparison of weighted vote totals.
///
/// Group weights are fractions (1/6, 1/10, …), so totals that are equal in exact arithmetic can
/// differ in their last bits (ten ballots of weight 1/10 sum to 0.9999999999999999). Every count
/// therefore compares totals by their value to a billionth of a vote; the published totals are
/// the unrounded sums.
enum VoteTotal {
    /// The total to a billionth, as an integer: equal keys mean equal totals.
    static func key(_ total: Double) -> Int {
        Int((total * 1e9).rounded())
    }
}
