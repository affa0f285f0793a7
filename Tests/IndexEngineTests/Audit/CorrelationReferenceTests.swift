import Foundation
import Testing
@testable import IndexEngine

/// `Correlation.of` and `StudentT` against hand arithmetic and SciPy 1.17.1 (NumPy 2.4.6).
///
/// Reference literals were produced by running, in python3:
/// `scipy.stats.pearsonr(x, y)`, `scipy.stats.spearmanr(x, y)`, `2 * scipy.stats.t.sf(abs(t), df)`
/// and `scipy.special.betainc(a, b, x)`, printed with `repr` (17 significant digits).
@Suite("Audit: correlations and Student's t against references")
struct AuditCorrelationReferenceTests {
    @Test("a 3-point correlation computed by hand: r = 1/2, p = 2/3")
    func handComputed() {
        // x = [1, 2, 3], y = [1, 3, 2]: means 2 and 2, deviations [−1, 0, 1] and [−1, 1, 0];
        // Σdxdy = 1, Σdx² = 2, Σdy² = 2, so r = 1/√(2·2) = 0.5.
        // t = r·√(df/(1 − r²)) = 0.5·√(1/0.75) = 1/√3 with df = 1 (the Cauchy distribution),
        // so p = 1 − (2/π)·atan(1/√3) = 1 − (2/π)(π/6) = 2/3.
        let c = Correlation.of([1, 2, 3], [1, 3, 2])
        #expect(c.n == 3)
        #expect(close(c.r, 0.5, relative: 1e-15))
        #expect(close(c.p, 2.0 / 3.0, relative: 1e-12), "p = \(c.p)")
        // The values are their own ranks, so Spearman's coefficient is the same. Its p-value is
        // exact, as R's cor.test: S = Σd² = 2, and the 6 orderings of 3 ranks give S = 0, 2, 2,
        // 6, 6, 8, so P(S ≤ 2) = 3/6, doubled: 1.
        let s = Correlation.of([1, 2, 3], [1, 3, 2], method: .spearman)
        #expect(close(s.r, 0.5, relative: 1e-15) && s.p == 1)
    }

    @Test("Pearson and Spearman against scipy.stats.pearsonr / spearmanr")
    func againstSciPy() {
        // x = 1…8, y = [3, 1, 4, 1, 5, 9, 2, 6] (y has a tie).
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8], y: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]
        let p = Correlation.of(x, y), s = Correlation.of(x, y, method: .spearman)
        #expect(p.n == 8 && s.n == 8)
        #expect(close(p.r, 0.47745526055942267, relative: 1e-12), "pearson r \(p.r)")  // scipy.stats.pearsonr
        #expect(close(p.p, 0.23151983207369461, relative: 1e-9), "pearson p \(p.p)")
        #expect(close(s.r, 0.5030030300035688, relative: 1e-12), "spearman r \(s.r)")  // scipy.stats.spearmanr
        #expect(close(s.p, 0.203876682008432, relative: 1e-9), "spearman p \(s.p)")

        // Ties in both columns: Spearman ranks ties by their mean rank, as scipy does.
        let a: [Double] = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7], b: [Double] = [2, 1, 3, 3, 5, 4, 6, 6, 8, 7]
        let tp = Correlation.of(a, b), ts = Correlation.of(a, b, method: .spearman)
        #expect(close(tp.r, 0.91305728641498, relative: 1e-12), "pearson r \(tp.r)")
        #expect(close(tp.p, 0.00022483521855769665, relative: 1e-8), "pearson p \(tp.p)")
        #expect(close(ts.r, 0.93812095999547, relative: 1e-12), "spearman r \(ts.r)")
        #expect(close(ts.p, 5.950220707696844e-05, relative: 1e-8), "spearman p \(ts.p)")

        // A negative correlation: r < 0, p two-sided.
        let nx: [Double] = [10, 20, 30, 40, 50, 60], ny: [Double] = [5.5, 4.1, 4.9, 2.0, 1.2, 1.8]
        let np = Correlation.of(nx, ny), ns = Correlation.of(nx, ny, method: .spearman)
        #expect(close(np.r, -0.8890512998362119, relative: 1e-12) && close(np.p, 0.0177815532618681, relative: 1e-9), "\(np)")
        // Spearman's p without ties is exact, as R's cor.test: S = 66 of at most 70; counting the
        // 720 orderings of 6 ranks in Python (itertools.permutations), P(S ≥ 66) = 1/60, doubled 1/30.
        #expect(close(ns.r, -0.8857142857142858, relative: 1e-12) && close(ns.p, 1.0 / 30.0, relative: 1e-12), "\(ns)")
    }

    @Test("missing values: only pairs observed in both columns count")
    func pairwiseComplete() {
        let nan = Double.nan
        let x: [Double] = [1.5, nan, 3.2, 4.8, 2.2, 7.1, nan, 6.0, 5.5, 0.4]
        let y: [Double] = [2.0, 3.3, nan, 5.1, 1.9, 8.8, 4.0, 5.2, 6.9, 1.1]
        // Rows 1, 2 and 6 miss a value; scipy on the 7 complete pairs gives:
        let p = Correlation.of(x, y), s = Correlation.of(x, y, method: .spearman)
        #expect(p.n == 7 && s.n == 7)
        #expect(close(p.r, 0.9543933030495718, relative: 1e-12) && close(p.p, 0.0008323984053871719, relative: 1e-8), "\(p)")
        // No ties among the 7 pairs, so exact: S = 4, and counting the 5040 orderings in Python,
        // P(S ≤ 4) = 17/5040, doubled 17/2520.
        #expect(close(s.r, 0.9285714285714288, relative: 1e-12) && close(s.p, 17.0 / 2520.0, relative: 1e-12), "\(s)")
        // The same as correlating the complete pairs directly.
        let keep = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }
        #expect(Correlation.of(keep.map { x[$0] }, keep.map { y[$0] }) == p)
    }

    @Test("a constant column has no correlation; fewer than 3 pairs have no p-value")
    func degenerate() {
        for method in Correlation.Method.allCases {
            let constant = Correlation.of([1, 2, 3, 4], [5, 5, 5, 5], method: method)
            #expect(constant.r.isNaN && constant.p.isNaN && constant.n == 4, "\(method): \(constant)")
            // Constant once the missing pairs are dropped.
            let constantPairs = Correlation.of([1, 2, .nan, 4], [5, 5, 7, 5], method: method)
            #expect(constantPairs.r.isNaN && constantPairs.n == 3, "\(method): \(constantPairs)")
            // Two pairs: r = ±1 but no degrees of freedom for a test.
            let two = Correlation.of([1, .nan, 3], [2, 9, 1], method: method)
            #expect(two.n == 2 && two.r == -1 && two.p.isNaN, "\(method): \(two)")
            let one = Correlation.of([1, 2], [.nan, 4], method: method)
            #expect(one.n == 1 && one.r.isNaN && one.p.isNaN, "\(method): \(one)")
        }
        // A perfect correlation with n ≥ 3 is certain: p = 0 (scipy.stats.pearsonr gives 0 too).
        let perfect = Correlation.of([1, 2, 3, 4], [3, 5, 7, 9])
        #expect(perfect.r == 1 && perfect.p == 0)
    }

    @Test("two-sided t p-values against 2·scipy.stats.t.sf(|t|, df)")
    func studentT() {
        // Closed forms: df = 1 is Cauchy, p = 1 − (2/π)·atan|t|; df = 2 gives p = 1 − |t|/√(2 + t²).
        #expect(close(StudentT.twoSidedP(1, degreesOfFreedom: 1), 0.5, relative: 1e-14))
        #expect(close(StudentT.twoSidedP(1, degreesOfFreedom: 2), 1 - 1 / 3.0.squareRoot(), relative: 1e-13))
        let cases: [(t: Double, df: Double, p: Double)] = [
            (0.5, 1, 0.7048327646991335),
            (2.0, 1, 0.2951672353008665),
            (-3.0, 2, 0.09546596626670913),
            (1.0, 2, 0.4226497308103742),
            (2.042272456301238, 30, 0.049999999999999975),  // the 97.5% quantile of t(30)
            (0.3, 30, 0.7662461052843528),
            (1.97, 200, 0.05021860451812482),
            (4.5, 200, 1.151878126287533e-05),
            (10.0, 5, 0.00017094757574296363),
            (0.0, 7, 1.0),
            (0.01, 50, 0.992061081367143),
            (2.0, 10_000, 0.04552726066143543),
            (0.5, 10_000, 0.6170860793232337),
        ]
        for c in cases {
            let p = StudentT.twoSidedP(c.t, degreesOfFreedom: c.df)
            #expect(close(p, c.p, relative: 1e-10), "t = \(c.t), df = \(c.df): \(p) vs scipy \(c.p)")
        }
        // Very large df lose a little to lgamma's cancellation but stay within 1e-8 (scipy: 0.3173107498335783).
        #expect(close(StudentT.twoSidedP(1, degreesOfFreedom: 1e6), 0.3173107498335783, relative: 1e-8))
        #expect(StudentT.twoSidedP(.infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.twoSidedP(.nan, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.twoSidedP(1, degreesOfFreedom: 0).isNaN)
    }

    @Test("the regularised incomplete beta function against scipy.special.betainc")
    func incompleteBeta() {
        // By hand: I_0.2(2, 3) = Σ_{j=2}^{4} C(4, j)·0.2^j·0.8^(4−j) = 0.1536 + 0.0256 + 0.0016 = 0.1808,
        // and I_x(1, 1) = x.
        #expect(close(StudentT.regularizedIncompleteBeta(0.2, a: 2, b: 3), 0.1808, relative: 1e-13))
        #expect(close(StudentT.regularizedIncompleteBeta(0.5, a: 1, b: 1), 0.5, relative: 1e-14))
        let cases: [(x: Double, a: Double, b: Double, i: Double)] = [
            (0.3, 0.5, 0.5, 0.36901011956554536),
            (0.9, 15, 0.5, 0.07785867031466781),
            (0.2, 2, 3, 0.18080000000000004),
            (0.7, 2, 3, 0.9163),
            (0.99, 100, 0.5, 0.1567758654244408),
            (0.05, 0.5, 15, 0.7813910033037652),
            (0.6, 40, 60, 0.9999721885677186),
        ]
        for c in cases {
            let i = StudentT.regularizedIncompleteBeta(c.x, a: c.a, b: c.b)
            #expect(close(i, c.i, relative: 1e-11), "I_\(c.x)(\(c.a), \(c.b)) = \(i) vs scipy \(c.i)")
        }
        #expect(StudentT.regularizedIncompleteBeta(0, a: 2, b: 3) == 0)
        #expect(StudentT.regularizedIncompleteBeta(1, a: 2, b: 3) == 1)
    }
}
