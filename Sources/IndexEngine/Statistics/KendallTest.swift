import Foundation

/// Kendall's rank correlation tau-b and its two-sided p-value, as R's
/// `cor.test(method = "kendall")` and scipy's `kendalltau` give them.
///
/// Tau-b counts concordant pairs C and discordant pairs D among the n(n − 1)/2 pairs of units and
/// divides S = C − D by √((n₀ − n₁)(n₀ − n₂)), where n₁ and n₂ are the pairs tied in x and in y,
/// so that ties do not keep a perfect agreement below 1. Without ties and for fewer than 50 units
/// the p-value is exact: D is referred to its distribution over the n! orderings (the number of
/// inversions of a random permutation). With ties, or from 50 units on, S is referred to the normal
/// distribution with the variance corrected for ties, without a continuity correction, as R does.
enum KendallTest {
    /// The number of units from which the normal approximation is used even without ties, as in R.
    static let largeSample = 50

    /// Tau-b and the two-sided p-value of `x` against `y`, which hold no missing values.
    ///
    /// Tau-b is `NaN` when either column has no spread; the p-value is `NaN` with it and below 3 units.
    static func of(_ x: [Double], _ y: [Double]) -> (tau: Double, p: Double) {
        let n = min(x.count, y.count)
        var s = 0
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let dx = x[j] - x[i], dy = y[j] - y[i]
                if dx != 0 && dy != 0 { s += (dx > 0) == (dy > 0) ? 1 : -1 }
            }
        }
        let tx = TieGroups(x.prefix(n)), ty = TieGroups(y.prefix(n))
        let size = Double(n), pairs = size * (size - 1) / 2
        let denominator = ((pairs - tx.pairs) * (pairs - ty.pairs)).squareRoot()
        guard denominator > 0 else { return (.nan, .nan) }
        let tau = max(-1, min(1, Double(s) / denominator))
        guard n > 2 else { return (tau, .nan) }
        if tx.pairs == 0 && ty.pairs == 0 && n < largeSample {
            // Without ties every pair is concordant or discordant: D = (n₀ − S)/2.
            let discordant = (n * (n - 1) / 2 - s) / 2
            return (tau, exactP(discordant: discordant, n: n))
        }
        return (tau, normalP(s: Double(s), n: n, x: tx, y: ty))
    }

    /// Tied values of one column: Σt(t − 1)/2 and the sums the variance of S needs, over groups of t equal values.
    struct TieGroups {
        /// The pairs of units tied with each other, Σt(t − 1)/2.
        var pairs = 0.0
        /// Σt(t − 1)(2t + 5).
        var spread = 0.0
        /// Σt(t − 1)(t − 2).
        var triples = 0.0

        init(_ values: ArraySlice<Double>) {
            let sorted = values.sorted()
            var start = 0
            while start < sorted.count {
                var end = start + 1
                while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
                let t = Double(end - start)
                pairs += t * (t - 1) / 2
                spread += t * (t - 1) * (2 * t + 5)
                triples += t * (t - 1) * (t - 2)
                start = end
            }
        }
    }

    /// The two-sided p-value of S from the normal distribution, with the variance of S under
    /// independence corrected for ties in either column.
    static func normalP(s: Double, n: Int, x: TieGroups, y: TieGroups) -> Double {
        let size = Double(n), m = size * (size - 1)
        let variance = (m * (2 * size + 5) - x.spread - y.spread) / 18
            + (2 * x.pairs) * (2 * y.pairs) / (2 * m)
            + x.triples * y.triples / (9 * m * (size - 2))
        guard variance > 0 else { return .nan }
        // 2·(1 − Φ(|z|)) = erfc(|z|/√2).
        return min(1, erfc(abs(s) / variance.squareRoot() / 2.squareRoot()))
    }

    /// The exact two-sided p-value of `discordant` pairs among `n` untied units: twice the
    /// probability of a count at least as far from the middle on the observed side, at most 1.
    static func exactP(discordant: Int, n: Int) -> Double {
        let probabilities = inversions[n]
        let total = n * (n - 1) / 2
        // The distribution is symmetric about total/2: sum the nearer tail.
        let nearer = min(discordant, total - discordant)
        return min(1, 2 * probabilities[...nearer].reduce(0, +))
    }

    /// For n = 0…49, the probability of each number of inversions (discordant pairs) of a
    /// random ordering of n units.
    ///
    /// An ordering of n units adds 0…n − 1 inversions, equally likely, to one of n − 1 units, so
    /// each distribution is the last one averaged over a window of n counts. Each window is summed
    /// afresh, not kept as a running sum, so that the tails keep their digits; and probabilities
    /// are kept rather than counts, since 49! overflows any integer.
    static let inversions: [[Double]] = {
        var all: [[Double]] = [[1]]
        for n in 1..<largeSample {
            let last = all[n - 1]
            let total = n * (n - 1) / 2
            all.append((0...total).map { k in
                last[max(0, k - n + 1)...min(k, last.count - 1)].reduce(0, +) / Double(n)
            })
        }
        return all
    }()
}
