/// Benefit-of-the-doubt scores (Cherchye, Moesen, Rogge and Van Puyenbroeck 2007): each unit is
/// scored with the weights most favourable to it,
///
///     score(u) = max Σᵢ wᵢ y_ui   subject to   Σᵢ wᵢ y_ji ≤ 1 for every unit j,   w ≥ 0,
///
/// a linear programme per unit (data envelopment analysis with one constant input). Scores lie
/// in [0, 1]; a unit on the frontier scores 1. Values must not be negative, and a unit needs a
/// value of every child: only units with all of them enter the programme or get a score.
///
/// Unrestricted, a unit that is best on any one child scores 1 by weighting that child alone.
/// `shares = [l, u]` bounds every weight's share of their sum, `l·Σw ≤ wᵢ ≤ u·Σw`, as the OECD/JRC
/// Handbook on Constructing Composite Indicators (2008, §6.3) does with 10 % and 15 %.
enum BenefitOfTheDoubt {
    /// The most units scored: each programme has a constraint per unit, on a dense tableau of
    /// units × (children + units) cells, and one is solved per unit.
    static let maximumUnits = 1000

    /// Checks that `shares` bounds the weights of `children` children to a set that holds some
    /// weights: two finite shares `0 ≤ l ≤ u ≤ 1` with `k·l ≤ 1 ≤ k·u`.
    static func check(shares: [Double], children k: Int, field: String) throws(IndexEngineError) {
        guard shares.count == 2, shares.allSatisfy(\.isFinite) else {
            throw IndexEngineError(.invalidParameter, "needs two finite shares, [least, most], not \(shares.count) number(s)", column: field)
        }
        let (l, u) = (shares[0], shares[1])
        guard 0 <= l, l <= u, u <= 1 else {
            throw IndexEngineError(.invalidParameter, "[\(l), \(u)] must run from low to high within [0, 1]", column: field)
        }
        // The shares of k weights add up to 1: k·l above it or k·u below it leaves no weights at all.
        guard Double(k) * l <= 1 + 1e-12, Double(k) * u >= 1 - 1e-12 else {
            throw IndexEngineError(
                .invalidParameter, "the shares of \(k) weight(s) add up to 1, so [\(l), \(u)] admits none: the least share may be at most 1/\(k), the most at least 1/\(k)",
                column: field)
        }
    }

    /// The score and most favourable weights of every row of `columns` (one column per child),
    /// `nil` where a value is missing; `nil` as a whole if a programme could not be solved.
    static func scores(_ columns: [[Double]], shares: [Double]? = nil) -> [(score: Double, weights: [Double])?]? {
        let rows = columns.first?.count ?? 0
        let k = columns.count
        let complete = (0..<rows).filter { r in columns.allSatisfy { !$0[r].isNaN } }
        var constraints = complete.map { r in columns.map { $0[r] } }
        var bounds = [Double](repeating: 1, count: constraints.count)
        if let shares, shares.count == 2 {
            // wᵢ − u·Σw ≤ 0 and l·Σw − wᵢ ≤ 0 for every child i.
            for i in 0..<k {
                constraints.append((0..<k).map { ($0 == i ? 1 : 0) - shares[1] })
                constraints.append((0..<k).map { shares[0] - ($0 == i ? 1 : 0) })
                bounds += [0, 0]
            }
        }
        var out: [(score: Double, weights: [Double])?] = Array(repeating: nil, count: rows)
        for (i, r) in complete.enumerated() {
            switch Simplex().maximise(constraints[i], subjectTo: constraints, atMost: bounds) {
            case let .optimal(value, x): out[r] = (value, x)
            case .unbounded, .stalled: return nil
            }
        }
        return out
    }
}
