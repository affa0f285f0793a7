/// Principal component analysis of a group of columns on their correlation matrix.
public struct PrincipalComponents: Sendable, Equatable {
    /// The codes of the columns analysed.
    public var codes: [String]
    /// The number of units with values in every column (PCA uses complete cases).
    public var n: Int
    /// Eigenvalues of the correlation matrix, largest first.
    public var eigenvalues: [Double]
    /// The share of total variance each component explains.
    public var explained: [Double]
    /// For each component, the loading of each column (unit eigenvectors, summing to ≥ 0).
    public var loadings: [[Double]]

    /// Weights from the first component: its loadings scaled to sum to 1.
    ///
    /// A negative loading gives a negative weight; `negativeLoadings` names those columns so the
    /// modeller sees them instead of having them silently clipped.
    public var weights: [Double] {
        guard let first = loadings.first else { return [] }
        let sum = first.reduce(0, +)
        return first.map { $0 / sum }
    }

    /// The columns whose loading on the first component is negative.
    public var negativeLoadings: [String] {
        guard let first = loadings.first else { return [] }
        return zip(codes, first).filter { $0.1 < 0 }.map(\.0)
    }

    /// PCA of `columns` (named by `codes`) over the units observed in all of them.
    public static func of(_ columns: [[Double]], codes: [String]) -> PrincipalComponents? {
        let k = columns.count
        guard k >= 2, let rows = columns.first?.count else { return nil }
        let complete = (0..<rows).filter { r in columns.allSatisfy { !$0[r].isNaN } }
        guard complete.count >= 3 else { return nil }
        let data = columns.map { c in complete.map { c[$0] } }
        var correlation = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            correlation[i * k + i] = 1
            for j in (i + 1)..<k {
                let r = Correlation.of(data[i], data[j]).r
                guard !r.isNaN else { return nil }
                correlation[i * k + j] = r
                correlation[j * k + i] = r
            }
        }
        let (values, vectors) = SymmetricEigen.decompose(correlation, size: k)
        let total = values.reduce(0, +)
        return PrincipalComponents(codes: codes, n: complete.count, eigenvalues: values, explained: values.map { $0 / total }, loadings: vectors)
    }
}
