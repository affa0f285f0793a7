import IndexEngine

/// How a cycle scores nominations and names its shortlists.
public struct CycleRules: Sendable, Codable, Equatable {
    /// The rubric scale analysts score narrative answers on.
    public var scaleLow: Double
    public var scaleHigh: Double
    /// Analysts per nomination.
    public var analystsPerNomination: Int
    /// The most nominations one analyst reviews in a round.
    public var analystLoad: Int
    /// Whether an analyst from a nomination's country is a conflict of interest.
    public var sameCountryConflict: Bool
    /// How narrative scores are calibrated.
    public var calibration: CalibrationChoice
    /// The weight of the quantitative part of each factor score (the rest is narrative).
    public var quantitativeWeight: Double
    /// The size of the first shortlist.
    public var smart21Size: Int
    /// The size of the second shortlist.
    public var top7Size: Int
    /// The most Smart21 places one country may take, if limited.
    public var maxPerCountry: Int?
    /// The least Smart21 places each listed region must take.
    public var minPerRegion: [String: Int]
    /// The weight of the first round in the Top7 selection (the rest is the second round).
    public var firstRoundWeight: Double
    /// The weight of the jury in the final result (the rest is the Top7 score).
    public var juryWeight: Double
    /// How the jury's ballots are counted.
    public var votingMethod: String
    /// Whether each group of jurors counts equally.
    public var equalJurorGroups: Bool
    /// How many past cycles a submitted questionnaire stays eligible for, counting its own.
    public var eligibilityYears: Int
    /// The uncertain choices of the quantitative index (an engine analysis: which outlier
    /// treatment, normalisation or weights might as well have been used), drawn by the shortlist
    /// robustness runs; its `samples` and `seed` are the run's own. None by default.
    public var quantitativeAnalysis: AnalysisSpec?

    /// How narrative scores are calibrated for lenient and harsh analysts.
    public enum CalibrationChoice: String, Sendable, Codable, CaseIterable {
        /// The plain mean of the analysts' scores.
        case rawMean
        /// Each analyst's scores standardised, then put back on the scale.
        case analystZScore
        /// A least-squares model: score = nomination quality + analyst bias + noise.
        case leastSquares

        /// The method's name for people.
        public var title: String {
            switch self {
            case .rawMean: "raw mean"
            case .analystZScore: "analyst z-score"
            case .leastSquares: "least squares"
            }
        }
    }

    /// The programme's defaults.
    public init(
        scaleLow: Double = 1, scaleHigh: Double = 10, analystsPerNomination: Int = 3, analystLoad: Int = 40,
        sameCountryConflict: Bool = true, calibration: CalibrationChoice = .leastSquares, quantitativeWeight: Double = 0.5,
        smart21Size: Int = 21, top7Size: Int = 7, maxPerCountry: Int? = nil, minPerRegion: [String: Int] = [:],
        firstRoundWeight: Double = 0.5, juryWeight: Double = 0.5, votingMethod: String = "schulze", equalJurorGroups: Bool = false,
        eligibilityYears: Int = 3, quantitativeAnalysis: AnalysisSpec? = nil
    ) {
        self.scaleLow = scaleLow
        self.scaleHigh = scaleHigh
        self.analystsPerNomination = analystsPerNomination
        self.analystLoad = analystLoad
        self.sameCountryConflict = sameCountryConflict
        self.calibration = calibration
        self.quantitativeWeight = quantitativeWeight
        self.smart21Size = smart21Size
        self.top7Size = top7Size
        self.maxPerCountry = maxPerCountry
        self.minPerRegion = minPerRegion
        self.firstRoundWeight = firstRoundWeight
        self.juryWeight = juryWeight
        self.votingMethod = votingMethod
        self.equalJurorGroups = equalJurorGroups
        self.eligibilityYears = eligibilityYears
        self.quantitativeAnalysis = quantitativeAnalysis
    }

    /// Checks that every rule is within its range.
    public func validate() throws(AwardsError) {
        guard scaleLow < scaleHigh, scaleLow.isFinite, scaleHigh.isFinite else {
            throw AwardsError(.invalidValue, "the rubric scale needs a low end below its high end", field: "rules.scaleLow")
        }
        guard abs(scaleLow) <= Question.largestMagnitude, abs(scaleHigh) <= Question.largestMagnitude else {
            throw AwardsError(.invalidValue, "the rubric scale must lie within ±\(Question.text(Question.largestMagnitude))", field: "rules.scaleLow")
        }
        for (name, value) in [("analystsPerNomination", analystsPerNomination), ("analystLoad", analystLoad), ("smart21Size", smart21Size), ("top7Size", top7Size), ("eligibilityYears", eligibilityYears)] where value < 1 {
            throw AwardsError(.invalidValue, "must be at least 1, not \(value)", field: "rules.\(name)")
        }
        guard top7Size <= smart21Size else {
            throw AwardsError(.invalidValue, "the Top7 cannot be larger than the Smart21", field: "rules.top7Size")
        }
        for (name, value) in [("quantitativeWeight", quantitativeWeight), ("firstRoundWeight", firstRoundWeight), ("juryWeight", juryWeight)] where !(0...1).contains(value) {
            throw AwardsError(.invalidValue, "must lie between 0 and 1, not \(value)", field: "rules.\(name)")
        }
        if let maxPerCountry, maxPerCountry < 1 {
            throw AwardsError(.invalidValue, "must be at least 1", field: "rules.maxPerCountry")
        }
        if let (region, count) = minPerRegion.first(where: { $0.value < 0 }) {
            throw AwardsError(.invalidValue, "the minimum for \(region) cannot be \(count)", field: "rules.minPerRegion")
        }
        guard minPerRegion.values.reduce(0, +) <= smart21Size else {
            throw AwardsError(.invalidValue, "the regional minimums add up to more than the Smart21", field: "rules.minPerRegion")
        }
        guard ["schulze", "rankedPairs", "instantRunoff", "borda"].contains(votingMethod) else {
            throw AwardsError(.invalidValue, "'\(votingMethod)' is not a voting method; expected schulze, rankedPairs, instantRunoff or borda", field: "rules.votingMethod")
        }
    }
}
