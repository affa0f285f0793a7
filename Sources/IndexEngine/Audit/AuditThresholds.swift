/// The limits beyond which the audit flags an indicator; the defaults are COINr's.
public struct AuditThresholds: Sendable, Codable, Equatable {
    /// |skew| above this, together with kurtosis above `kurtosis`, flags outliers.
    public var skew: Double = 2
    /// Excess kurtosis above this, together with |skew| above `skew`, flags outliers.
    public var kurtosis: Double = 3.5
    /// A share of observed values below this flags low availability.
    public var availability: Double = 0.65
    /// A share of zeros above this flags a mostly-zero indicator.
    public var zeros: Double = 0.5
    /// A correlation above this with an indicator of the same group flags collinearity.
    public var collinearity: Double = 0.9
    /// An absolute correlation above this with a denominator flags a size effect.
    public var denominator: Double = 0.6
    /// A Cronbach's alpha below this flags a group whose members agree only weakly (0.7, the
    /// usual rule of thumb; COINr reports alpha without judging it).
    public var alpha: Double = 0.7

    /// COINr's default thresholds.
    public init() {}
}
