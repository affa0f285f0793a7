import Foundation

/// The two-sided p-value of Spearman's rank correlation, as R's `cor.test(method = "spearman")` gives it.
///
/// Without ties and with fewer than 1290 units, the statistic S = Σ(rank differences)² =
/// (n³ − n)(1 − ρ)/6 is referred to its distribution under independence: exactly for n ≤ 9, by
/// counting S over every ordering of n ranks, and by the Edgeworth series of Best and Roberts
/// (Applied Statistics algorithm AS 89, 1975) above. The t approximation with n − 2 degrees of
/// freedom, which is poor for few units, serves only with ties (which the exact distribution does
/// not allow for) and from 1290 units on, where R uses it too.
enum SpearmanTest {
    /// The largest number of units whose distribution is counted exactly, as in R.
    static let exactLimit = 9
    /// The number of units from which the t approximation is used, as in R.
    static let largeSample = 1290

    /// The two-sided p-value of coefficient `r` over `n` units; `ties` when either column has tied values.
    static func twoSidedP(r: Double, n: Int, ties: Bool) -> Double {
        guard n > 2, !r.isNaN else { return .nan }
        guard !ties, n < largeSample else { return Correlation.tTestP(r: r, n: n) }
        let size = Double(n)
        let total = size * (size * size - 1)
        // R rounds S (an even integer without ties) against floating-point error.
        let s = (total * (1 - r) / 6).rounded(.toNearestOrEven)
        // The tail on the side of the observed S, doubled.
        let p = s > total / 6 ? tail(s, n: n, below: false) : tail(s + 2, n: n, below: true)
        return min(2 * p, 1)
    }

    /// P(S ≥ s) over `n` units without ties, or P(S < s) when `below`: each tail is computed
    /// directly, so that a p-value of 10⁻¹⁰ keeps its digits.
    static func tail(_ s: Double, n: Int, below: Bool) -> Double {
        let size = Double(n)
        guard s > 0 else { return below ? 0 : 1 }
        guard s <= size * (size * size - 1) / 3 else { return below ? 1 : 0 }
        if n <= exactLimit {
            let counts = distributions[n]
            let from = Int(s.rounded(.up))
            let tail = below ? counts[..<from] : counts[from...]
            return Double(tail.reduce(0, +)) / Double(counts.reduce(0, +))
        }
        return edgeworthTail(s, n: n, below: below)
    }

    /// P(S ≥ s) (or P(S < s) when `below`) by the Edgeworth series of AS 89: a normal tail in
    /// x ≈ −ρ·√(n − 1) (with a continuity correction of one in S) plus a correction in powers of
    /// 1/n, kept within [0, 1].
    static func edgeworthTail(_ s: Double, n: Int, below: Bool) -> Double {
        let size = Double(n), b = 1 / size
        let x = (6 * (s - 1) * b / (size * size - 1) - 1) * (size - 1).squareRoot()
        let y = x * x
        // AS 89's coefficients.
        let c1 = 0.2274, c2 = 0.2531, c3 = 0.1745, c4 = 0.0758, c5 = 0.1033, c6 = 0.3932
        let c7 = 0.0879, c8 = 0.0151, c9 = 0.0072, c10 = 0.0831, c11 = 0.0131, c12 = 4.6e-4
        let inner = c9 - c10 * b + y * b * (c11 - c12 * y)
        let u = x * b * (c1 + b * (c2 + c3 * b) + y * (-c4 + b * (c5 + c6 * b) - y * b * (c7 + c8 * b - y * inner)))
        let correction = u / exp(y / 2)
        // Φ(x) = erfc(−x/√2)/2 below, 1 − Φ(x) = erfc(x/√2)/2 above.
        let p = below ? 0.5 * erfc(-x / 2.squareRoot()) - correction : correction + 0.5 * erfc(x / 2.squareRoot())
        return min(max(p, 0), 1)
    }

    /// For n = 0…9, how many of the n! orderings of n ranks give each value of S (by index).
    ///
    /// Counted once, by Heap's algorithm: each ordering differs from the last by one swap, so S is
    /// updated from the two positions swapped rather than summed afresh.
    static let distributions: [[Int]] = (0...exactLimit).map { n in
        var counts = [Int](repeating: 0, count: n * (n * n - 1) / 3 + 1)
        var order = Array(0..<n)
        var c = [Int](repeating: 0, count: n)
        func square(_ i: Int) -> Int { (i - order[i]) * (i - order[i]) }
        var s = 0
        counts[s] += 1
        var i = 1
        while i < n {
            if c[i] < i {
                let j = i % 2 == 0 ? 0 : c[i]
                s -= square(i) + square(j)
                order.swapAt(i, j)
                s += square(i) + square(j)
                counts[s] += 1
                c[i] += 1
                i = 1
            } else {
                c[i] = 0
                i += 1
            }
        }
        return counts
    }
}
