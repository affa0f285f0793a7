extension Moments {
    /// Sample-adjusted skewness and excess kurtosis from one pass over the centred values.
    ///
    /// Gives the same numbers as `skewness` and `kurtosis` for half the work, which matters in
    /// winsorisation where the shape is checked after every round.
    @inlinable public static func shape(_ x: UnsafeBufferPointer<Double>) -> (skew: Double, kurtosis: Double) {
        let (n, m2, m3, m4) = centralMoments(x)
        let nd = Double(n)
        let skew = n > 2 ? m3 / (m2 * m2.squareRoot()) * (nd * (nd - 1)).squareRoot() / (nd - 2) : .nan
        let kurtosis = n > 3 ? ((nd + 1) * (m4 / (m2 * m2) - 3) + 6) * (nd - 1) / ((nd - 2) * (nd - 3)) : .nan
        return (skew, kurtosis)
    }
}
