/// Eigenvalues and eigenvectors of a symmetric matrix, by cyclic Jacobi rotations.
public enum SymmetricEigen {
    /// Decomposes the symmetric `k × k` matrix `a` (row-major).
    ///
    /// - Returns: eigenvalues in descending order and, for each, its unit eigenvector, signed so
    ///   that its components sum to a non-negative number (a stable convention for loadings).
    public static func decompose(_ a: [Double], size k: Int) -> (values: [Double], vectors: [[Double]]) {
        var m = a
        var v = [Double](repeating: 0, count: k * k)
        for i in 0..<k { v[i * k + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<k { for j in (i + 1)..<max(k, i + 1) { off += m[i * k + j] * m[i * k + j] } }
            if off < 1e-30 { break }
            for p in 0..<k {
                for q in (p + 1)..<max(k, p + 1) where m[p * k + q] != 0 {
                    let theta = (m[q * k + q] - m[p * k + p]) / (2 * m[p * k + q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for r in 0..<k {
                        let mrp = m[r * k + p], mrq = m[r * k + q]
                        m[r * k + p] = c * mrp - s * mrq
                        m[r * k + q] = s * mrp + c * mrq
                    }
                    for r in 0..<k {
                        let mpr = m[p * k + r], mqr = m[q * k + r]
                        m[p * k + r] = c * mpr - s * mqr
                        m[q * k + r] = s * mpr + c * mqr
                    }
                    for r in 0..<k {
                        let vrp = v[r * k + p], vrq = v[r * k + q]
                        v[r * k + p] = c * vrp - s * vrq
                        v[r * k + q] = s * vrp + c * vrq
                    }
                }
            }
        }
        let order = (0..<k).sorted { m[$0 * k + $0] > m[$1 * k + $1] }
        let values = order.map { m[$0 * k + $0] }
        let vectors = order.map { j -> [Double] in
            let vector = (0..<k).map { v[$0 * k + j] }
            return vector.reduce(0, +) < 0 ? vector.map { -$0 } : vector
        }
        return (values, vectors)
    }
}
