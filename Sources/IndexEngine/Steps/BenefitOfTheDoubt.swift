/// Benefit-of-the-doubt scores (Cherchye, Moesen, Rogge and Van Puyenbroeck 2007): each unit is
/// scored with the weights most favourable to it,
///
///     score(u) = max Σᵢ wᵢ y_ui   subject to   Σᵢ wᵢ y_ji ≤ 1 for every unit j,   w ≥ 0,
///
/// a linear programme per unit (data envelopment analysis with one constant input). Scores lie
/// in [0, 1]; a unit on the frontier scores 1. Values must not be negative, and a unit needs a
/// value of every child: only units with all of them enter the programme or get a score.
enum BenefitOfTheDoubt {
    /// The most units scored: each programme has a constraint per unit, on a dense tableau of
    /// units × (children + units) cells, and one is solved per unit.
    static let maximumUnits = 1000

    /// The score and most favourable weights of every row of `columns` (one column per child),
    /// `nil` where a value is missing; `nil` as a whole if a programme could not be solved.
    static func scores(_ columns: [[Double]]) -> [(score: Double, weights: [Double])?]? {
        let rows = columns.first?.count ?? 0
        let complete = (0..<rows).filter { r in columns.allSatisfy { !$0[r].isNaN } }
        let constraints = complete.map { r in columns.map { $0[r] } }
        let ones = [Double](repeating: 1, count: constraints.count)
        var out: [(score: Double, weights: [Double])?] = Array(repeating: nil, count: rows)
        for (i, r) in complete.enumerated() {
            switch Simplex().maximise(constraints[i], subjectTo: constraints, atMost: ones) {
            case let .optimal(value, x): out[r] = (value, x)
            case .unbounded, .stalled: return nil
            }
        }
        return out
    }
}
