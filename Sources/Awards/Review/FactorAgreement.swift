/// How well the analysts agree on one factor: Krippendorff's interval alpha over the nominations they scored.
public struct FactorAgreement: Sendable, Equatable {
    /// The factor's code.
    public var factor: String
    /// Krippendorff's alpha, interval metric, analysts as coders and nominations as units; `NaN` when undefined.
    public var alpha: Double
    /// How many analysts scored the factor.
    public var analysts: Int
    /// How many nominations were scored on the factor.
    public var nominations: Int
    /// How many of those nominations are flagged for disagreement.
    public var disagreements: Int

    /// An agreement record.
    public init(factor: String, alpha: Double, analysts: Int, nominations: Int, disagreements: Int) {
        self.factor = factor
        self.alpha = alpha
        self.analysts = analysts
        self.nominations = nominations
        self.disagreements = disagreements
    }
}
