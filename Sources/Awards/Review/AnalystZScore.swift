/// Each analyst's scores standardised, then put back on the scale with the common mean and spread.
///
/// z = (score − the analyst's mean) / the analyst's sample standard deviation, and the calibrated
/// score is clip(pooled mean + z × pooled sd) to the scale. The pooled mean is the mean of all the
/// scores; the pooled sd is the analysts' common within-analyst spread,
/// √(Σ over analysts of Σ (score − analyst's mean)² / Σ (analyst's count − 1)), so that removing
/// leniency does not widen the scores. An analyst with one score, or with all scores equal, has no
/// spread to standardise by: z is 0 and their scores map to the pooled mean.
struct AnalystZScore: Sendable {
    /// The calibrated value of each entry, in the order given.
    let calibrated: [Double]
    /// Each analyst's mean, by analyst index (`NaN` for analysts without scores here).
    let mean: [Double]
    /// Each analyst's sample standard deviation (`NaN` with fewer than two scores).
    let standardDeviation: [Double]

    init(entries: [ScoreEntry], analystCount: Int, scale: Calibration.Scale) {
        var count = Array(repeating: 0, count: analystCount)
        var sum = Array(repeating: 0.0, count: analystCount)
        for e in entries {
            count[e.analyst] += 1
            sum[e.analyst] += e.value
        }
        let mean = (0..<analystCount).map { count[$0] > 0 ? sum[$0] / Double(count[$0]) : .nan }
        var squares = Array(repeating: 0.0, count: analystCount)
        for e in entries { squares[e.analyst] += (e.value - mean[e.analyst]) * (e.value - mean[e.analyst]) }
        let sd = (0..<analystCount).map { count[$0] > 1 ? (squares[$0] / Double(count[$0] - 1)).squareRoot() : .nan }

        let pooledMean = entries.isEmpty ? .nan : entries.reduce(0) { $0 + $1.value } / Double(entries.count)
        let degrees = count.reduce(0) { $0 + max(0, $1 - 1) }
        let pooledSD = degrees > 0 ? (squares.reduce(0, +) / Double(degrees)).squareRoot() : 0
        calibrated = entries.map { e in
            let spread = sd[e.analyst]
            let z = spread > 0 ? (e.value - mean[e.analyst]) / spread : 0
            return scale.clipped(pooledMean + z * pooledSD)
        }
        self.mean = mean
        standardDeviation = sd
    }
}
