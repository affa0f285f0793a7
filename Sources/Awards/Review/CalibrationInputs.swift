extension Calibration {
    /// One analyst's rubric score for one factor of one nomination.
    public struct Score: Sendable, Equatable, Hashable {
        /// The analyst's identifier.
        public var analyst: String
        /// The nomination's identifier.
        public var nomination: String
        /// The factor's code.
        public var factor: String
        /// The score, on the cycle's scale.
        public var value: Double

        /// A score.
        public init(analyst: String, nomination: String, factor: String, value: Double) {
            self.analyst = analyst
            self.nomination = nomination
            self.factor = factor
            self.value = value
        }
    }

    /// The cycle's rubric scale: scores lie in [lower, upper].
    public struct Scale: Sendable, Equatable, Hashable {
        /// The lowest score.
        public var lower: Double
        /// The highest score.
        public var upper: Double

        /// A scale.
        public init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }

        /// `value` moved to the nearest end of the scale if it lies beyond it.
        public func clipped(_ value: Double) -> Double {
            min(upper, max(lower, value))
        }
    }

    /// Which scores an analyst's leniency is estimated from.
    public enum Grouping: String, Sendable, Codable, CaseIterable {
        /// One leniency per analyst over all factors: standardise over all of an analyst's scores, one bias per analyst.
        case acrossFactors
        /// One leniency per analyst and factor: each factor calibrated on its own.
        case perFactor
    }

    /// How calibration groups scores and when it flags a disagreement.
    public struct Settings: Sendable, Equatable, Hashable {
        /// Which scores an analyst's leniency is estimated from; across factors by default.
        public var grouping: Grouping
        /// A nomination's scores on a factor disagree when their range (highest − lowest) exceeds this share of the scale's width; a third by default.
        public var disagreementThreshold: Double

        /// Settings.
        public init(grouping: Grouping = .acrossFactors, disagreementThreshold: Double = 1.0 / 3) {
            self.grouping = grouping
            self.disagreementThreshold = disagreementThreshold
        }
    }
}
