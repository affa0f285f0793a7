/// Descriptive statistics of one column of a stage, with the audit's flags.
public struct IndicatorStatistics: Sendable, Equatable {
    /// Something about an indicator that deserves a look.
    public enum Flag: Sendable, Equatable, CustomStringConvertible {
        /// |skew| and kurtosis both above their thresholds.
        case outliers
        /// Fewer observed values than the availability threshold.
        case lowAvailability
        /// More zeros than the zeros threshold.
        case mostlyZeros
        /// Correlation above the collinearity threshold with a sibling.
        case collinear(with: String, r: Double)
        /// Absolute correlation above the threshold with a denominator.
        case denominatorCorrelated(denominator: String, r: Double)

        public var description: String {
            switch self {
            case .outliers: "outliers"
            case .lowAvailability: "low availability"
            case .mostlyZeros: "mostly zeros"
            case let .collinear(code, r): "collinear with \(code) (r = \((r * 1000).rounded() / 1000))"
            case let .denominatorCorrelated(name, r): "correlated with denominator \(name) (r = \((r * 1000).rounded() / 1000))"
            }
        }
    }

    public var code: String
    /// The number of units observed.
    public var n: Int
    /// The share of units observed.
    public var availability: Double
    public var min: Double
    public var max: Double
    public var mean: Double
    public var median: Double
    /// The sample standard deviation.
    public var sd: Double
    /// The sample-adjusted skewness.
    public var skew: Double
    /// The sample-adjusted excess kurtosis.
    public var kurtosis: Double
    /// The number of observed zeros.
    public var zeros: Int
    /// The number of distinct observed values.
    public var unique: Int
    public var flags: [Flag]

    /// Statistics of every column of `stage`, flagged against `thresholds`.
    ///
    /// Collinearity is checked among indicators (or aggregates) that share a parent; the
    /// denominator check correlates each indicator with every denominator column of the data.
    public static func of(_ stage: Stage, in result: BuildResult, thresholds: AuditThresholds = AuditThresholds()) -> [IndicatorStatistics] {
        let framework = result.framework
        let columns = (0..<stage.values.columns).map { stage.values.column($0) }
        let denominators = result.dataset.denominators.map { d in (d.name, stage.units.map { d.values[$0] }) }
        return columns.indices.map { c in
            let x = columns[c]
            let observed = x.filter { !$0.isNaN }
            let n = observed.count
            let (skew, kurtosis) = x.withBuffer { Moments.shape($0) }
            var stats = IndicatorStatistics(
                code: framework.nodes[c].code, n: n, availability: Double(n) / Double(Swift.max(1, x.count)),
                min: observed.min() ?? .nan, max: observed.max() ?? .nan,
                mean: x.withBuffer(Moments.mean), median: x.withBuffer(Moments.median), sd: x.withBuffer(Moments.standardDeviation),
                skew: skew, kurtosis: kurtosis, zeros: observed.count { $0 == 0 }, unique: Set(observed).count, flags: [])
            if abs(skew) > thresholds.skew && kurtosis > thresholds.kurtosis { stats.flags.append(.outliers) }
            if stats.availability < thresholds.availability { stats.flags.append(.lowAvailability) }
            if n > 0 && Double(stats.zeros) / Double(n) > thresholds.zeros { stats.flags.append(.mostlyZeros) }
            if let parent = framework.parentIndex[c] {
                for sibling in framework.children[parent] where sibling != c && sibling < columns.count {
                    let r = Correlation.of(x, columns[sibling]).r
                    if r > thresholds.collinearity { stats.flags.append(.collinear(with: framework.nodes[sibling].code, r: r)) }
                }
            }
            if c < framework.indicatorCount {
                for (name, values) in denominators {
                    let r = Correlation.of(x, values).r
                    if abs(r) > thresholds.denominator { stats.flags.append(.denominatorCorrelated(denominator: name, r: r)) }
                }
            }
            return stats
        }
    }
}
