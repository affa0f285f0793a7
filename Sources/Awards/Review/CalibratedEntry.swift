/// One analyst's score of one factor of one nomination, calibrated three ways side by side.
///
/// A `CalibratedScore` is the mean of its item's entries in each way, so resampling a
/// nomination's analysts and averaging their entries gives the score that panel would have given,
/// with the analysts' leniency estimated once from every score.
public struct CalibratedEntry: Sendable, Equatable {
    public var analyst: String
    public var nomination: String
    public var factor: String
    /// The score as given.
    public var rawMean: Double
    /// The score standardised within the analyst's scores and mapped back to the scale.
    public var zScore: Double
    /// The score less the analyst's estimated bias.
    public var leastSquares: Double

    /// The entry a cycle's calibration choice selects.
    public func value(_ choice: CycleRules.CalibrationChoice) -> Double {
        switch choice {
        case .rawMean: rawMean
        case .analystZScore: zScore
        case .leastSquares: leastSquares
        }
    }
}
