/// Correlation of two columns over the units observed in both.
public struct Correlation: Sendable, Equatable {
    /// The kind of correlation.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// Pearson's product-moment correlation.
        case pearson
        /// Spearman's rank correlation: Pearson's on ranks, ties sharing their mean rank.
        case spearman
        /// Kendall's tau-b: concordant minus discordant pairs, scaled for ties (see `KendallTest`).
        case kendall

        /// The methods an audit reports unless asked for others.
        public static let auditDefault: [Method] = [.pearson, .spearman]
    }

    /// The correlation coefficient, `NaN` when either column has no spread.
    public var r: Double
    /// The number of units observed in both columns.
    public var n: Int
    /// The two-sided p-value of the test of zero correlation: for Pearson's, the t test with n − 2
    /// degrees of freedom; for Spearman's and Kendall's, as R's `cor.test` (see `SpearmanTest`
    /// and `KendallTest`).
    public var p: Double

    /// The correlation of `x` and `y` over the pairwise-complete observations.
    public static func of(_ x: [Double], _ y: [Double], method: Method = .pearson) -> Correlation {
        var a: [Double] = [], b: [Double] = []
        a.reserveCapacity(x.count)
        b.reserveCapacity(x.count)
        for i in 0..<min(x.count, y.count) where !x[i].isNaN && !y[i].isNaN {
            a.append(x[i])
            b.append(y[i])
        }
        if method == .kendall {
            let (tau, p) = KendallTest.of(a, b)
            return Correlation(r: tau, n: a.count, p: p)
        }
        var ties = false
        if method == .spearman {
            ties = Set(a).count < a.count || Set(b).count < b.count
            a = Ranking.ranks(a)
            b = Ranking.ranks(b)
        }
        let n = a.count
        guard n >= 2 else { return Correlation(r: .nan, n: n, p: .nan) }
        let ma = a.reduce(0, +) / Double(n), mb = b.reduce(0, +) / Double(n)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in 0..<n {
            let da = a[i] - ma, db = b[i] - mb
            sab += da * db; saa += da * da; sbb += db * db
        }
        let r = saa > 0 && sbb > 0 ? max(-1, min(1, sab / (saa * sbb).squareRoot())) : .nan
        guard n > 2, !r.isNaN else { return Correlation(r: r, n: n, p: .nan) }
        let p = method == .spearman ? SpearmanTest.twoSidedP(r: r, n: n, ties: ties) : tTestP(r: r, n: n)
        return Correlation(r: r, n: n, p: p)
    }

    /// The two-sided p-value of the t test of zero correlation: t = r·√((n − 2)/(1 − r²)) with
    /// n − 2 degrees of freedom.
    static func tTestP(r: Double, n: Int) -> Double {
        let df = Double(n - 2)
        return abs(r) == 1 ? 0 : StudentT.twoSidedP(r * (df / (1 - r * r)).squareRoot(), degreesOfFreedom: df)
    }
}
