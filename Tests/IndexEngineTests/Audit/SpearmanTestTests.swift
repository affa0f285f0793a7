import Foundation
import Testing
@testable import IndexEngine

/// Spearman's p-value as R's `cor.test`: exact for n ≤ 9, AS 89's Edgeworth series below 1290
/// units, the t approximation with ties or beyond.
@Suite("Spearman's test as R's cor.test")
struct SpearmanTestTests {
    @Test("R's documented example: S = 48, p = 0.0968 (exactly 2509/25920, counted in Python)")
    func rExample() {
        // Hollander & Wolfe's data from R's ?cor.test; R prints S = 48, p-value = 0.0968, rho 0.6.
        let x: [Double] = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1]
        let y: [Double] = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8]
        let c = Correlation.of(x, y, method: .spearman)
        #expect(close(c.r, 0.6, relative: 1e-12))
        #expect(close(c.p, 2509.0 / 25920.0, relative: 1e-12), "\(c.p)")
    }

    @Test("the exact distributions count every ordering, and are symmetric about (n³ − n)/6")
    func distributions() {
        for n in 2...9 {
            let counts = SpearmanTest.distributions[n]
            #expect(counts.reduce(0, +) == (1...n).reduce(1, *))
            #expect(counts == counts.reversed(), "S and (n³ − n)/3 − S are equally likely (n = \(n))")
            #expect(counts.enumerated().allSatisfy { $0.offset % 2 == 0 || $0.element == 0 }, "S is even")
        }
        // n = 4 by hand: S = 0 for the identity, 2 for the three adjacent swaps.
        #expect(SpearmanTest.distributions[4].prefix(3) == [1, 0, 3])
    }

    @Test("the Edgeworth series gives pspearman's published AS 89 value")
    func edgeworth() {
        // pspearman(36, 10, approximation = "AS89") = 0.005825634 (P(S ≤ 36), i.e. P(S < 38)).
        #expect(close(SpearmanTest.tail(38, n: 10, below: true), 0.005825634, relative: 1e-6))
        // Both tails of the series sum to one where nothing is clamped.
        let above = SpearmanTest.tail(100, n: 12, below: false), below = SpearmanTest.tail(100, n: 12, below: true)
        #expect(close(above + below, 1, relative: 1e-14))
    }

    @Test("ties and large samples use the t approximation")
    func tApproximation() {
        #expect(SpearmanTest.twoSidedP(r: 0.5, n: 8, ties: true) == Correlation.tTestP(r: 0.5, n: 8))
        #expect(SpearmanTest.twoSidedP(r: 0.05, n: 1290, ties: false) == Correlation.tTestP(r: 0.05, n: 1290))
        #expect(SpearmanTest.twoSidedP(r: 0.05, n: 1289, ties: false) != Correlation.tTestP(r: 0.05, n: 1289))
        // A perfect correlation of 5 untied units: only the identity has S = 0, so p = 2/120.
        #expect(close(Correlation.of([1, 2, 3, 4, 5], [2, 4, 6, 8, 10], method: .spearman).p, 2.0 / 120.0, relative: 1e-12))
    }
}
