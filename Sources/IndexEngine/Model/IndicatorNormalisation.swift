/// An indicator's own parameters of the normalise step, as COINr's iMeta parameter columns give them.
///
/// COINr reads these columns when a normalisation names `f_n_para = "use_iMeta"`; here they are
/// used whenever they are present, each by its own method only (the minmax columns by `minMax`,
/// the scaled columns by `scaled`, …). They stand between the spec's override of the indicator
/// and the step's own settings: override, then these, then the step, then the defaults.
public struct IndicatorNormalisation: Sendable, Hashable {
    /// `[goalpost_lower, goalpost_upper]`, in the indicator's units.
    public var goalposts: [Double]?
    /// `goalpost_scale`: what the goalpost score is multiplied by.
    public var goalpostScale: Double?
    /// `goalpost_trunc2posts`: whether scores outside the posts are truncated.
    public var truncateToPosts: Bool?
    /// `dist2targ_cap_max`: whether distance-to-target scores are capped at 1.
    public var capAtTarget: Bool?
    /// `[minmax_lower, minmax_upper]`: the range min-max scales onto.
    public var minMaxRange: [Double]?
    /// `zscore_mean`.
    public var zScoreMean: Double?
    /// `zscore_sd`.
    public var zScoreSD: Double?
    /// `[scaled_lower, scaled_upper]`.
    public var scaledRange: [Double]?
    /// `scaled_scale_factor` (or COINr's `scale_factor`).
    public var scaledScaleFactor: Double?

    /// No parameters: the step's settings apply.
    public init() {}

    /// Whether no parameter is given.
    var isEmpty: Bool { self == IndicatorNormalisation() }

    /// The settings these parameters give `method`: its own, and no other method's.
    func settings(for method: Normalise.Method) -> Normalise.Settings {
        var s = Normalise.Settings()
        switch method {
        case .goalposts:
            s.goalposts = goalposts
            s.scale = goalpostScale
            s.truncate = truncateToPosts
        case .distanceToTarget:
            s.capAtMax = capAtTarget
        case .minMax:
            s.range = minMaxRange
        case .zScore:
            s.mean = zScoreMean
            s.sd = zScoreSD
        case .scaled:
            s.range = scaledRange
            s.scaleFactor = scaledScaleFactor
        case .none, .rank, .percentileRank, .distanceToMax, .distanceToReference, .fractionOfMax, .borda:
            break
        }
        return s
    }
}
