/// What the treat step did to one indicator, in the terms of COINr's treatment details.
public struct TreatmentReport: Sendable, Equatable {
    /// The result of a skew and kurtosis check.
    public struct Check: Sendable, Equatable {
        /// Whether the check passed; `nil` when it could not be computed (too few or constant values).
        public var pass: Bool?
        /// The sample-adjusted skewness.
        public var skew: Double
        /// The sample-adjusted excess kurtosis.
        public var kurtosis: Double
    }

    /// The indicator's code.
    public var indicator: String
    /// The check before treatment.
    public var before: Check
    /// The number of points winsorised, if winsorisation ran.
    public var winsorised: Int?
    /// The check after the first treatment, if it ran.
    public var afterFirst: Check?
    /// The check after the fallback treatment, if it ran.
    public var afterFallback: Check?
    /// The rows (of the treated stage) of the points changed, with `high` or `low`.
    public var points: [(row: Int, side: Side)]
    /// The treatment that produced the final values.
    public var applied: String

    /// The side on which a point was winsorised.
    public enum Side: String, Sendable, Equatable {
        case high, low
    }

    public static func == (lhs: TreatmentReport, rhs: TreatmentReport) -> Bool {
        lhs.indicator == rhs.indicator && lhs.before == rhs.before && lhs.winsorised == rhs.winsorised
            && lhs.afterFirst == rhs.afterFirst && lhs.afterFallback == rhs.afterFallback && lhs.applied == rhs.applied
            && lhs.points.map(\.row) == rhs.points.map(\.row) && lhs.points.map(\.side) == rhs.points.map(\.side)
    }
}
