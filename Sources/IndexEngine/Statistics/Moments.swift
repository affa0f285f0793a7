/// Summary statistics of a column of values; every function skips missing (`NaN`) values.
public enum Moments {
    /// The number of observed values.
    @inlinable public static func count(_ x: UnsafeBufferPointer<Double>) -> Int {
        var n = 0
        for v in x where !v.isNaN { n += 1 }
        return n
    }

    /// The arithmetic mean, `NaN` when nothing is observed.
    @inlinable public static func mean(_ x: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0, n = 0
        for v in x where !v.isNaN { sum += v; n += 1 }
        return n == 0 ? .nan : sum / Double(n)
    }

    /// The sample standard deviation (divisor n − 1), `NaN` with fewer than two values.
    @inlinable public static func standardDeviation(_ x: UnsafeBufferPointer<Double>) -> Double {
        let m = mean(x)
        var ss = 0.0, n = 0
        for v in x where !v.isNaN { ss += (v - m) * (v - m); n += 1 }
        return n < 2 ? .nan : (ss / Double(n - 1)).squareRoot()
    }

    /// The smallest and largest observed values, `nil` when nothing is observed.
    @inlinable public static func range(_ x: UnsafeBufferPointer<Double>) -> (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity, any = false
        for v in x where !v.isNaN {
            any = true
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        return any ? (lo, hi) : nil
    }

    /// The sample-adjusted skewness G1 = g1·√(n(n−1))/(n−2), `NaN` with fewer than three values.
    @inlinable public static func skewness(_ x: UnsafeBufferPointer<Double>) -> Double {
        let (n, m2, m3, _) = centralMoments(x)
        guard n > 2 else { return .nan }
        let g1 = m3 / (m2 * m2.squareRoot())
        let nd = Double(n)
        return g1 * (nd * (nd - 1)).squareRoot() / (nd - 2)
    }

    /// The sample-adjusted excess kurtosis G2 = ((n+1)g2 + 6)(n−1)/((n−2)(n−3)), `NaN` with fewer than four values.
    @inlinable public static func kurtosis(_ x: UnsafeBufferPointer<Double>) -> Double {
        let (n, m2, _, m4) = centralMoments(x)
        guard n > 3 else { return .nan }
        let g2 = m4 / (m2 * m2) - 3
        let nd = Double(n)
        return ((nd + 1) * g2 + 6) * (nd - 1) / ((nd - 2) * (nd - 3))
    }

    /// n and the second, third and fourth central moments (divisor n).
    @inlinable public static func centralMoments(_ x: UnsafeBufferPointer<Double>) -> (n: Int, m2: Double, m3: Double, m4: Double) {
        let m = mean(x)
        var s2 = 0.0, s3 = 0.0, s4 = 0.0, n = 0
        for v in x where !v.isNaN {
            let d = v - m, d2 = d * d
            s2 += d2; s3 += d2 * d; s4 += d2 * d2; n += 1
        }
        let nd = Double(n)
        return (n, s2 / nd, s3 / nd, s4 / nd)
    }

    /// The median (mean of the two middle values for an even count), `NaN` when nothing is observed.
    public static func median(_ x: UnsafeBufferPointer<Double>) -> Double {
        var observed = x.filter { !$0.isNaN }
        guard !observed.isEmpty else { return .nan }
        observed.sort()
        let n = observed.count
        return n % 2 == 1 ? observed[n / 2] : (observed[n / 2 - 1] + observed[n / 2]) / 2
    }
}

extension Array where Element == Double {
    /// Runs `body` over the array's storage as a read-only buffer.
    @inlinable func withBuffer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer(body)
    }
}
