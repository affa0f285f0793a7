/// One factor of one nomination, its scores calibrated three ways side by side, with their spread.
public struct CalibratedScore: Sendable, Equatable {
    /// The nomination's identifier.
    public var nomination: String
    /// The factor's code.
    public var factor: String
    /// How many analysts scored it.
    public var analysts: Int
    /// The plain mean of the scores.
    public var rawMean: Double
    /// The mean of the scores after standardising each analyst's scores and mapping them back to the scale.
    public var zScore: Double
    /// The nomination's quality in the least-squares model score = quality + analyst bias + noise.
    public var leastSquares: Double
    /// The highest score minus the lowest.
    public var range: Double
    /// Whether the range exceeds the disagreement threshold.
    public var disagreement: Bool

    /// A calibrated score.
    public init(
        nomination: String, factor: String, analysts: Int, rawMean: Double, zScore: Double,
        leastSquares: Double, range: Double, disagreement: Bool
    ) {
        self.nomination = nomination
        self.factor = factor
        self.analysts = analysts
        self.rawMean = rawMean
        self.zScore = zScore
        self.leastSquares = leastSquares
        self.range = range
        self.disagreement = disagreement
    }

    /// The score a cycle's calibration choice selects.
    public func value(_ choice: CycleRules.CalibrationChoice) -> Double {
        switch choice {
        case .rawMean: rawMean
        case .analystZScore: zScore
        case .leastSquares: leastSquares
        }
    }
}

/// One nomination's calibrated scores averaged over the factors it was scored on (the factors weigh equally).
public struct CalibratedNomination: Sendable, Equatable {
    /// The nomination's identifier.
    public var nomination: String
    /// How many factors were scored.
    public var factors: Int
    /// The mean over factors of the raw means.
    public var rawMean: Double
    /// The mean over factors of the z-score calibrated scores.
    public var zScore: Double
    /// The mean over factors of the least-squares qualities.
    public var leastSquares: Double
    /// How many of its factors are flagged for disagreement.
    public var disagreements: Int

    /// A calibrated nomination.
    public init(nomination: String, factors: Int, rawMean: Double, zScore: Double, leastSquares: Double, disagreements: Int) {
        self.nomination = nomination
        self.factors = factors
        self.rawMean = rawMean
        self.zScore = zScore
        self.leastSquares = leastSquares
        self.disagreements = disagreements
    }

    /// The score a cycle's calibration choice selects.
    public func value(_ choice: CycleRules.CalibrationChoice) -> Double {
        switch choice {
        case .rawMean: rawMean
        case .analystZScore: zScore
        case .leastSquares: leastSquares
        }
    }
}
