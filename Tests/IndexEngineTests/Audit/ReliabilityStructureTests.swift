import Foundation
import Testing
@testable import IndexEngine

/// Cronbach's alpha, the Jacobi eigen-decomposition and PCA against hand arithmetic and NumPy 2.4.6.
@Suite("Audit: alpha, eigenvectors and PCA against references")
struct AuditReliabilityStructureTests {
    /// Three items, six respondents.
    static let items: [[Double]] = [[2, 4, 3, 5, 1, 4], [3, 4, 5, 6, 2, 3], [3, 5, 4, 6, 2, 5]]

    @Test("alpha of a complete 6×3 matrix: 489/521 by hand")
    func alphaByHand() {
        // Column sums 19, 23, 25: each column's sample variance is 13/6 (e.g. column 1: mean 19/6,
        // Σ(x − mean)² = 65/6, /5 = 13/6). Row sums [8, 13, 12, 17, 5, 12]: mean 67/6, variance 521/30.
        // alpha = k/(k − 1)·(1 − Σvar/var(sum)) = 3/2·(1 − (39/6)/(521/30)) = 3/2·(326/521) = 489/521.
        // numpy: 3/2*(1 - X.var(axis=0, ddof=1).sum()/X.sum(axis=1).var(ddof=1)) = 0.9385796545105565.
        let alpha = CronbachAlpha.of(Self.items)
        #expect(close(alpha, 489.0 / 521.0, relative: 1e-13), "alpha = \(alpha)")
        #expect(close(alpha, 0.9385796545105565, relative: 1e-13))
        // The first two items alone (numpy, same formula with k = 2).
        #expect(close(CronbachAlpha.of(Array(Self.items.prefix(2))), 0.8596491228070173, relative: 1e-13))
    }

    @Test("alpha is NaN with fewer than two columns or no variance at all")
    func alphaDegenerate() {
        #expect(CronbachAlpha.of([Self.items[0]]).isNaN)
        #expect(CronbachAlpha.of([]).isNaN)
        #expect(CronbachAlpha.of([[1, 1, 1], [2, 2, 2]]).isNaN)
    }

    /// The correlation matrix of `data` columns below (numpy.corrcoef, upper triangle used for both halves).
    static let correlation: [Double] = {
        let upper: [[Double]] = [
            [1, 0.9452130115198878, -0.9925124767661314, 0.5799149792402364],
            [0, 1, -0.9509920266143761, 0.6135180638292761],
            [0, 0, 1, -0.5985612963604087],
            [0, 0, 0, 1],
        ]
        var m = [Double](repeating: 0, count: 16)
        for i in 0..<4 { for j in i..<4 { m[i * 4 + j] = upper[i][j]; m[j * 4 + i] = upper[i][j] } }
        return m
    }()

    /// Eight units, four columns; the third falls as the others rise.
    static let data: [[Double]] = [
        [0.2, 1.4, 2.1, 2.9, 4.2, 5.0, 5.8, 7.1],
        [1.1, 2.2, 2.0, 3.7, 3.1, 4.8, 6.3, 6.0],
        [3.0, 2.1, 1.2, 0.8, 0.4, -0.6, -1.1, -2.0],
        [0.5, -0.3, 0.1, 1.9, 0.7, 2.2, 0.9, 1.5],
    ]

    /// `numpy.linalg.eigh` of `correlation`, sorted descending, each vector signed to a non-negative sum.
    static let eigenvalues: [Double] = [3.376326178014159, 0.551229299174951, 0.0653385649501524, 0.00710595786073727]
    static let eigenvectors: [[Double]] = [
        [0.5291880494051403, 0.5265723972805014, -0.5323007356998858, 0.3991709477935599],
        [-0.2670777652600812, -0.18524278314984188, 0.23765668649004532, 0.9153545094449226],
        [-0.42594379228931606, 0.8289003707795728, 0.35918930644062036, -0.049790594195972926],
        [0.6835212955575413, 0.03648009093536414, 0.7288060566972799, 0.01759469255340701],
    ]

    @Test("Jacobi eigen-decomposition of a 4×4 correlation matrix against numpy.linalg.eigh")
    func eigen() {
        let (values, vectors) = SymmetricEigen.decompose(Self.correlation, size: 4)
        AuditKit.expectClose(values, Self.eigenvalues, relative: 1e-10, "eigenvalues")
        #expect(close(values.reduce(0, +), 4, relative: 1e-13), "the trace is kept")
        for (j, (v, e)) in zip(vectors, Self.eigenvectors).enumerated() {
            // Up to sign: compare with whichever sign matches the reference's first component.
            let sign: Double = (v[0] < 0) == (e[0] < 0) ? 1 : -1
            for i in 0..<4 { #expect(abs(sign * v[i] - e[i]) < 1e-9, "vector \(j)[\(i)]: \(v[i]) vs \(e[i])") }
            #expect(v.reduce(0, +) >= 0, "vector \(j) is signed to a non-negative sum")
            #expect(abs(v.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12, "vector \(j) is a unit vector")
            // A·v = λ·v.
            for i in 0..<4 {
                let av = (0..<4).reduce(0.0) { $0 + Self.correlation[i * 4 + $1] * v[$1] }
                #expect(abs(av - values[j] * v[i]) < 1e-10)
            }
        }
    }

    @Test("eigen-decomposition of a diagonal and of a 2×2 matrix by hand")
    func eigenByHand() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1, 1)/√2 and (1, −1)/√2 (sign: sum ≥ 0).
        let (values, vectors) = SymmetricEigen.decompose([2, 1, 1, 2], size: 2)
        AuditKit.expectClose(values, [3, 1], relative: 1e-14, "2×2 values")
        let h = 0.5.squareRoot()
        #expect(abs(vectors[0][0] - h) < 1e-14 && abs(vectors[0][1] - h) < 1e-14, "\(vectors[0])")
        #expect(abs(abs(vectors[1][0]) - h) < 1e-14 && abs(vectors[1][0] + vectors[1][1]) < 1e-14, "\(vectors[1])")
        let (d, _) = SymmetricEigen.decompose([1, 0, 0, 0, 5, 0, 0, 0, 3], size: 3)
        #expect(d == [5, 3, 1])
    }

    @Test("PCA: explained variance and weights against numpy; the anti-correlated column surfaced")
    func pca() throws {
        let pca = try #require(PrincipalComponents.of(Self.data, codes: ["a", "b", "c", "d"]))
        #expect(pca.n == 8 && pca.codes == ["a", "b", "c", "d"])
        AuditKit.expectClose(pca.eigenvalues, Self.eigenvalues, relative: 1e-9, "eigenvalues")
        // numpy: w / w.sum()
        AuditKit.expectClose(pca.explained, [0.8440815445035398, 0.13780732479373775, 0.0163346412375381, 0.0017764894651843175], relative: 1e-9, "explained")
        #expect(close(pca.explained.reduce(0, +), 1, relative: 1e-14))
        // numpy: V[:, 0] / V[:, 0].sum()
        let weights = pca.weights
        AuditKit.expectClose(weights, [0.5735643449192132, 0.5707293511979992, -0.5769380527676644, 0.43264435665045214], relative: 1e-9, "weights")
        #expect(close(weights.reduce(0, +), 1, relative: 1e-14))
        #expect(pca.negativeLoadings == ["c"])

        // Turning the third column round removes the negative loading and keeps the spectrum.
        var flipped = Self.data
        flipped[2] = flipped[2].map { -$0 }
        let positive = try #require(PrincipalComponents.of(flipped, codes: ["a", "b", "c", "d"]))
        #expect(positive.negativeLoadings.isEmpty)
        AuditKit.expectClose(positive.eigenvalues, Self.eigenvalues, relative: 1e-9, "flipped eigenvalues")
        #expect(positive.weights.allSatisfy { $0 > 0 })
    }

    @Test("PCA uses complete cases and needs at least three of them and two columns")
    func pcaCompleteCases() throws {
        var data = Self.data
        // A ninth unit missing one value is dropped: the result equals the 8-unit one.
        for c in 0..<4 { data[c].append(c == 1 ? .nan : 100) }
        let pca = try #require(PrincipalComponents.of(data, codes: ["a", "b", "c", "d"]))
        #expect(pca.n == 8)
        AuditKit.expectClose(pca.eigenvalues, Self.eigenvalues, relative: 1e-9, "eigenvalues")
        #expect(PrincipalComponents.of([Self.data[0]], codes: ["a"]) == nil)
        #expect(PrincipalComponents.of([[1, 2, .nan, 4], [2, 1, 3, .nan]], codes: ["a", "b"]) == nil)
        #expect(PrincipalComponents.of([[1, 2, 3], [5, 5, 5]], codes: ["a", "b"]) == nil, "a constant column")
    }
}
