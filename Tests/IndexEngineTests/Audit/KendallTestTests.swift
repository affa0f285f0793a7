import Foundation
import Testing
@testable import IndexEngine

/// Kendall's tau-b with R's p-values: exact below 50 units without ties, else the normal
/// approximation with the tie-corrected variance.
///
/// Oracle figures from scipy 1.17.1, `scipy.stats.kendalltau(x, y, method=...)` with the method
/// named beside each; the 50 values below were drawn by
/// `rs = numpy.random.RandomState(7); x = numpy.round(rs.normal(size=50) * 100, 1);
/// y = numpy.round(x * 0.6 + rs.normal(size=50) * 100, 1)` (no ties in either).
@Suite("Kendall's tau-b")
struct KendallTestTests {
    static let x: [Double] = [
        169.1, -46.6, 3.3, 40.8, -78.9, 0.2, -0.1, -175.5, 101.8, 60.0, -62.5, -17.2, 50.5, -26.1, -24.3, -145.3, 55.5, 12.4, 27.4, -152.7,
        165.1, 15.4, -38.7, 202.9, -4.5, -145.1, -40.5, -228.8, 104.9, -41.6, -74.3, 107.2, -165.1, 53.5, -206.4, -66.2, -120.4, 146.2,
        176.6, -32.9, 84.1, -18.0, 56.8, -75.3, -170.8, -180.3, 38.3, 224.8, 26.9, -52.5,
    ]
    static let y: [Double] = [
        292.7, -4.2, 12.1, 49.7, -60.6, -30.8, -143.6, -55.1, 51.6, 155.3, -74.4, -201.0, 20.3, 154.3, -52.9, -176.2, -86.1, -97.6, -13.6,
        -209.6, 248.8, -19.0, -12.4, 265.6, 147.6, -108.3, 8.9, -63.8, 43.7, -202.8, 20.9, 153.8, -57.5, -60.3, -143.4, -98.8, -102.2,
        217.4, 258.9, 47.2, 105.3, 56.9, 32.9, -52.7, -169.8, -113.8, 249.0, 221.8, -18.1, -78.7,
    ]

    @Test("R's documented example: T = 26, tau = 0.444, exact p = 0.1194")
    func rExample() {
        // Hollander & Wolfe's data from R's ?cor.test; R prints T = 26, p-value = 0.1194 two-sided.
        // scipy: kendalltau(x, y, method='exact') = (0.4444444444444444, 0.11943893298059964).
        let x: [Double] = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1]
        let y: [Double] = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8]
        let c = Correlation.of(x, y, method: .kendall)
        #expect(c.n == 9)
        #expect(close(c.r, 4.0 / 9.0, relative: 1e-14), "(26 − 10)/36")
        #expect(close(c.p, 0.11943893298059964, relative: 1e-12), "\(c.p)")
    }

    @Test("exact p-values without ties below 50 units, as scipy's method='exact'",
          arguments: [(12, 0.606060606060606, 0.005380307706696595), (30, 0.5080459770114942, 4.1777069262710276e-05), (49, 0.5595238095238094, 1.5906531819570864e-09)])
    func exact(_ n: Int, _ tau: Double, _ p: Double) {
        let c = Correlation.of(Array(Self.x.prefix(n)), Array(Self.y.prefix(n)), method: .kendall)
        #expect(close(c.r, tau, relative: 1e-12), "\(c.r)")
        #expect(close(c.p, p, relative: 1e-10), "\(c.p) against \(p)")
    }

    @Test("from 50 units the normal approximation, as scipy's method='asymptotic'")
    func largeSample() {
        // kendalltau(x, y, method='asymptotic') = (0.5575510204081633, 1.1087264308886254e-08).
        let c = Correlation.of(Self.x, Self.y, method: .kendall)
        #expect(c.n == 50)
        #expect(close(c.r, 0.5575510204081633, relative: 1e-12))
        #expect(close(c.p, 1.1087264308886254e-08, relative: 1e-9), "\(c.p)")
        // The same 12 units by the normal approximation (p = 0.006089887114311724) differ from the exact p.
        let s = 0.606060606060606 * 66
        let ties = KendallTest.TieGroups([])
        #expect(close(KendallTest.normalP(s: s.rounded(), n: 12, x: ties, y: ties), 0.006089887114311724, relative: 1e-9))
    }

    @Test("ties: tau-b and the tie-corrected variance, as scipy's method='asymptotic'")
    func ties() {
        // kendalltau([1,2,2,3,4,5,5,6], [2,1,3,3,5,4,6,6], method='asymptotic') = (0.7692307692307694, 0.010747577580460075).
        let a = Correlation.of([1, 2, 2, 3, 4, 5, 5, 6], [2, 1, 3, 3, 5, 4, 6, 6], method: .kendall)
        #expect(close(a.r, 0.7692307692307694, relative: 1e-12))
        #expect(close(a.p, 0.010747577580460075, relative: 1e-9), "\(a.p)")
        // Ties of three and a pair tied in both: kendalltau(...) = (0.7249999999999999, 0.006659878321521174).
        let b = Correlation.of([1, 1, 1, 2, 2, 3, 4, 4, 5, 6], [3, 1, 2, 2, 5, 4, 4, 6, 6, 6], method: .kendall)
        #expect(close(b.r, 0.725, relative: 1e-12))
        #expect(close(b.p, 0.006659878321521174, relative: 1e-9), "\(b.p)")
    }

    @Test("by hand: a perfect order of 5 has p = 2/5!, a reversed one of 40 has p = 2/40!")
    func extremes() {
        let perfect = Correlation.of([1, 2, 3, 4, 5], [2, 4, 6, 8, 10], method: .kendall)
        #expect(perfect.r == 1)
        #expect(close(perfect.p, 2.0 / 120, relative: 1e-14))
        let reversed = Correlation.of((0..<40).map(Double.init), (0..<40).map { Double(40 - $0) }, method: .kendall)
        #expect(reversed.r == -1)
        // 2/40! = 2.451234878256772e-48, also scipy's method='exact'.
        #expect(close(reversed.p, 2.451234878256772e-48, relative: 1e-10), "\(reversed.p)")
        // Three units, one discordant pair of three: tau = 1/3, and D ≤ 1 has probability 3/6, doubled: p = 1.
        let three = Correlation.of([1, 2, 3], [1, 3, 2], method: .kendall)
        #expect(close(three.r, 1.0 / 3, relative: 1e-14) && three.p == 1)
    }

    @Test("the inversion distributions sum to one, are symmetric, and count 1, 3, 5, 6, 5, 3, 1 for 4 units")
    func distributions() {
        for n in 1..<KendallTest.largeSample {
            let d = KendallTest.inversions[n]
            #expect(d.count == n * (n - 1) / 2 + 1)
            #expect(abs(d.reduce(0, +) - 1) < 1e-12, "n = \(n)")
            #expect(zip(d, d.reversed()).allSatisfy { close($0, $1, relative: 1e-9) }, "n = \(n)")
        }
        // Mahonian numbers for n = 4, over 4! = 24.
        #expect(zip(KendallTest.inversions[4], [1.0, 3, 5, 6, 5, 3, 1]).allSatisfy { close($0, $1 / 24, relative: 1e-14) })
    }

    @Test("missing values are dropped pairwise; no spread, too few units and ±inf give NaN or a defined answer")
    func edges() {
        let dropped = Correlation.of([1, .nan, 2, 3, 4, 5], [2, 9, 4, .nan, 8, 10], method: .kendall)
        #expect(dropped.n == 4 && dropped.r == 1)
        #expect(close(dropped.p, 2.0 / 24, relative: 1e-14))
        let flat = Correlation.of([1, 1, 1, 1], [1, 2, 3, 4], method: .kendall)
        #expect(flat.r.isNaN && flat.p.isNaN)
        let two = Correlation.of([1, 2], [2, 1], method: .kendall)
        #expect(two.r == -1 && two.p.isNaN && two.n == 2)
        #expect(Correlation.of([], [], method: .kendall).r.isNaN)
        #expect(Correlation.of([1], [1], method: .kendall).n == 1)
        // Ranks only: infinities and huge values order as any others.
        let wide = Correlation.of([-.infinity, -1e300, 0, 1e300, .infinity], [1, 2, 3, 4, 5], method: .kendall)
        #expect(wide.r == 1 && close(wide.p, 2.0 / 120, relative: 1e-14))
    }

    @Test("the audit reports Kendall's tau beside the others when asked, and not by default")
    func auditMethods() throws {
        let result = try Fixtures.asemBuild()
        let spec = try BuildSpec.read(path: Fixtures.asemSpec)
        let plain = try AuditReport.make(result, spec: spec)
        #expect(Set(plain.correlations.map(\.method)) == [.pearson, .spearman])
        let all = try AuditReport.make(result, spec: spec, correlationMethods: [.pearson, .spearman, .kendall])
        let kendall = all.correlations.filter { $0.method == .kendall }
        #expect(kendall.count == plain.correlations.count / 2)
        #expect(kendall.allSatisfy { $0.correlation.r.isNaN || abs($0.correlation.r) <= 1 })
        #expect(AuditWriter.correlationsTable(kendall).rows.allSatisfy { $0[3] == .text("kendall") })
    }
}
