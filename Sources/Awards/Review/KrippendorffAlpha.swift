/// Krippendorff's alpha: how far coders agree beyond chance, on data with missing values.
///
/// Computed by the coincidence-matrix method of Krippendorff, "Computing Krippendorff's
/// Alpha-Reliability" (2011): α = 1 − D_o / D_e, the observed over the expected disagreement.
/// Only units coded by at least two coders count (their values are "pairable").
public struct KrippendorffAlpha: Sendable, Equatable {
    /// How far apart two values are, the metric's difference function δ².
    public enum Metric: String, Sendable, Codable, CaseIterable {
        /// Values are categories: any two different values disagree equally.
        case nominal
        /// Values are ranks: the disagreement grows with how many values lie between them.
        case ordinal
        /// Values are on an interval scale: the squared difference.
        case interval
        /// Values are on a ratio scale: the squared difference relative to the sum.
        case ratio
    }

    /// The reliability coefficient: 1 for perfect agreement, 0 for agreement by chance; `NaN` when undefined.
    public var alpha: Double
    /// The observed disagreement D_o.
    public var observedDisagreement: Double
    /// The disagreement expected by chance D_e.
    public var expectedDisagreement: Double
    /// The number of pairable values n: those in units with at least two values.
    public var pairableValues: Int
    /// The metric used.
    public var metric: Metric

    /// Alpha of a reliability-data matrix: one row per coder, one column per unit, `NaN` for a missing value.
    ///
    /// Alpha is `NaN` when fewer than two values are pairable or when every pairable value is the
    /// same (no variation: D_e = 0).
    public init(reliabilityData: [[Double]], metric: Metric) throws(AwardsError) {
        let units = reliabilityData.first?.count ?? 0
        for (c, row) in reliabilityData.enumerated() {
            guard row.count == units else {
                throw AwardsError(.invalidValue, "coder \(c + 1) has \(row.count) values for \(units) units", row: c + 1)
            }
            if let bad = row.firstIndex(where: { $0.isInfinite }) {
                throw AwardsError(.invalidValue, "coder \(c + 1) has an infinite value for unit \(bad + 1)", row: c + 1)
            }
        }
        let columns = (0..<units).map { u in reliabilityData.map { $0[u] }.filter { !$0.isNaN } }
        self.init(units: columns, metric: metric)
    }

    /// Alpha of the values each unit received (order and coder identity do not matter).
    init(units: [[Double]], metric: Metric) {
        self.metric = metric
        let coincidences = CoincidenceMatrix(units: units)
        let values = coincidences.values, totals = coincidences.totals
        let n = coincidences.pairableValues
        pairableValues = n
        guard n >= 2 else {
            (alpha, observedDisagreement, expectedDisagreement) = (.nan, .nan, .nan)
            return
        }
        let delta = Self.differences(values: values, totals: totals, metric: metric)
        var observed = 0.0, expected = 0.0
        for c in values.indices {
            for k in values.indices where k != c {
                observed += coincidences.counts[c][k] * delta[c][k]
                expected += totals[c] * totals[k] * delta[c][k]
            }
        }
        let nd = Double(n)
        observedDisagreement = observed / nd
        expectedDisagreement = expected / (nd * (nd - 1))
        alpha = expectedDisagreement > 0 ? 1 - observedDisagreement / expectedDisagreement : .nan
    }

    /// Alpha alone, for one metric.
    public static func of(_ reliabilityData: [[Double]], metric: Metric = .interval) throws(AwardsError) -> Double {
        try KrippendorffAlpha(reliabilityData: reliabilityData, metric: metric).alpha
    }

    /// The squared difference δ²(c, k) between every two values, `totals` being each value's count n_c.
    static func differences(values: [Double], totals: [Double], metric: Metric) -> [[Double]] {
        let m = values.count
        var delta = Array(repeating: Array(repeating: 0.0, count: m), count: m)
        for c in 0..<m {
            // For the ordinal metric: the running sum of counts from value c up to value k.
            var between = totals[c]
            for k in c + 1..<m {
                between += totals[k]
                let d: Double
                switch metric {
                case .nominal: d = 1
                case .ordinal:
                    let span = between - (totals[c] + totals[k]) / 2
                    d = span * span
                case .interval: d = (values[c] - values[k]) * (values[c] - values[k])
                case .ratio:
                    let sum = values[c] + values[k]
                    d = sum == 0 ? 0 : ((values[c] - values[k]) / sum) * ((values[c] - values[k]) / sum)
                }
                delta[c][k] = d
                delta[k][c] = d
            }
        }
        return delta
    }
}
