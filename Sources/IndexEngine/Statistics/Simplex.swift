/// A linear programme small enough to solve on a dense tableau: maximise `c·x` subject to
/// `A x ≤ b` and `x ≥ 0`, with every `bᵢ ≥ 0` so that `x = 0` is a feasible start.
///
/// Pivots follow Bland's rule (the entering column is the first that improves the objective,
/// the leaving row the first of the tied ratios by basic variable), which cannot cycle on a
/// degenerate vertex — benefit-of-the-doubt problems, with many units on the frontier, are full
/// of them.
struct Simplex {
    /// The outcome of a solve.
    enum Outcome: Equatable {
        /// The optimum and a point attaining it.
        case optimal(value: Double, x: [Double])
        /// The objective grows without bound.
        case unbounded
        /// The pivots ran out (only floating-point trouble can cause it).
        case stalled
    }

    /// Coefficients smaller than this count as zero.
    var tolerance = 1e-12

    /// Maximises `c·x` subject to `a x ≤ b`, `x ≥ 0`; `a` has one row per constraint, `b ≥ 0`.
    func maximise(_ c: [Double], subjectTo a: [[Double]], atMost b: [Double]) -> Outcome {
        let n = c.count, m = a.count
        precondition(b.count == m && a.allSatisfy { $0.count == n } && b.allSatisfy { $0 >= 0 })
        let width = n + m + 1
        // Rows 0..<m are the constraints with their slacks and right-hand side; row m holds the
        // reduced costs, negated, with the objective's value in its last cell.
        var t = [Double](repeating: 0, count: (m + 1) * width)
        for i in 0..<m {
            for j in 0..<n { t[i * width + j] = a[i][j] }
            t[i * width + n + i] = 1
            t[i * width + width - 1] = b[i]
        }
        for j in 0..<n { t[m * width + j] = -c[j] }
        var basis = Array(n..<(n + m))
        let limit = 50 * (n + m + 1)
        for _ in 0..<limit {
            guard let entering = (0..<(n + m)).first(where: { t[m * width + $0] < -tolerance }) else {
                var x = [Double](repeating: 0, count: n)
                for (i, variable) in basis.enumerated() where variable < n { x[variable] = t[i * width + width - 1] }
                return .optimal(value: t[m * width + width - 1], x: x)
            }
            var leaving: Int?
            var best = Double.infinity
            for i in 0..<m where t[i * width + entering] > tolerance {
                let ratio = t[i * width + width - 1] / t[i * width + entering]
                if ratio < best || (ratio == best && leaving.map({ basis[i] < basis[$0] }) == true) {
                    best = ratio
                    leaving = i
                }
            }
            guard let row = leaving else { return .unbounded }
            let pivot = t[row * width + entering]
            for j in 0..<width { t[row * width + j] /= pivot }
            for i in 0...m where i != row {
                let factor = t[i * width + entering]
                guard factor != 0 else { continue }
                for j in 0..<width { t[i * width + j] -= factor * t[row * width + j] }
            }
            basis[row] = entering
        }
        return .stalled
    }
}
