/// Cronbach's alpha: how consistently a group of columns measures one thing.
public enum CronbachAlpha {
    /// Alpha of `columns` from their pairwise-complete covariances: k/(k−1)·(1 − Σ var / Σ cov).
    ///
    /// `NaN` with fewer than two columns or when the total covariance is zero.
    public static func of(_ columns: [[Double]]) -> Double {
        let k = columns.count
        guard k >= 2 else { return .nan }
        var total = 0.0, variances = 0.0
        for i in 0..<k {
            for j in i..<k {
                let c = covariance(columns[i], columns[j])
                guard !c.isNaN else { return .nan }
                if i == j { variances += c; total += c } else { total += 2 * c }
            }
        }
        guard total != 0 else { return .nan }
        let kd = Double(k)
        return kd / (kd - 1) * (1 - variances / total)
    }

    /// The sample covariance of `x` and `y` over the units observed in both.
    static func covariance(_ x: [Double], _ y: [Double]) -> Double {
        var n = 0, sx = 0.0, sy = 0.0
        for i in x.indices where !x[i].isNaN && !y[i].isNaN { n += 1; sx += x[i]; sy += y[i] }
        guard n >= 2 else { return .nan }
        let mx = sx / Double(n), my = sy / Double(n)
        var s = 0.0
        for i in x.indices where !x[i].isNaN && !y[i].isNaN { s += (x[i] - mx) * (y[i] - my) }
        return s / Double(n - 1)
    }
}
