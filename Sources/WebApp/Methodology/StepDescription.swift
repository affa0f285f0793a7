import IndexEngine

/// A build step in plain words, for readers of the methodology page who do not read JSON:
/// "Treat outliers: where an indicator's skew is above 2 (in size) and its kurtosis above 3.5,
/// winsorise up to 5 points; if that is not enough, log-transform it instead."
///
/// The words cover each step's settings for every indicator; per-indicator overrides are counted,
/// and the raw spec stays on the page for their detail.
struct StepDescription: Sendable, Equatable {
    /// What the step does, as a heading: "Impute missing values".
    var title: String
    /// How it does it, in a sentence or two.
    var text: String

    /// The description of `step`; `groupName` gives a group column's plain name.
    init(_ step: BuildStep, groupName: (String) -> String = { $0 }) {
        let n = { (x: Double) in ChartFormat.fixed(x, decimals: 4) }
        let percent = { (x: Double) in ChartFormat.fixed(x * 100, decimals: 2) + " %" }
        var overrides = 0
        switch step {
        case let .denominate(s):
            title = "Divide by denominators"
            text = "divide each indicator that has a denominator in the metadata (population, GDP, area, …) by it" + (s.scale == 1 ? "." : ", then multiply by \(n(s.scale)).")
            overrides = s.overrides.count
        case let .screen(s):
            title = "Screen units"
            let missing = "at least \(percent(s.threshold)) of its indicators observed"
            let zeros = "at least \(percent(s.nonZeroThreshold)) of its observed values non-zero"
            let rule = switch s.by {
            case .missing: missing
            case .zeros: zeros
            case .missingOrZeros: missing + " and " + zeros
            }
            text = "keep a unit only with \(rule)."
            if !s.include.isEmpty { text += " Always kept: \(ChartFormat.list(s.include.sorted()))." }
            if !s.exclude.isEmpty { text += " Always removed: \(ChartFormat.list(s.exclude.sorted()))." }
        case let .impute(s):
            title = "Impute missing values"
            let group = s.group.map { " (\(groupName($0)))" } ?? ""
            text = switch s.method {
            case .none: "none; missing values stay missing and are left out of the averages above them."
            case .mean: "replace each by the indicator's mean over all units."
            case .median: "replace each by the indicator's median over all units."
            case .groupMean: "replace each by the indicator's mean over the units of the same group\(group)."
            case .groupMedian: "replace each by the indicator's median over the units of the same group\(group)."
            case .panelLatest: "replace each by the unit's most recent earlier value" + (s.maxTime.map { ", looking back at most \($0) time point\($0 == 1 ? "" : "s")." } ?? ".")
            case .panelConstant: "replace each by the unit's last earlier value, or its first later one when there is none."
            case .panelLinear: "interpolate linearly in time between the unit's nearest values."
            }
            overrides = s.overrides.count
        case let .treat(s):
            title = "Treat outliers"
            let rule = "where an indicator's skew is above \(n(s.skewThreshold)) in size and its kurtosis above \(n(s.kurtosisThreshold))"
            text = switch s.method {
            case .none: "none."
            case .winsorise: rule + ", winsorise up to \(s.winmax) point\(s.winmax == 1 ? "" : "s") (set the most extreme values to the next value in)" + (s.fallback == .none ? "." : "; if that is not enough, \(Self.transform(s.fallback, lambda: s.lambda)) instead.")
            default: rule + ", \(Self.transform(s.method, lambda: s.lambda))."
            }
            overrides = s.overrides.count
        case let .normalise(s):
            title = "Normalise"
            text = Self.normalisation(s.settings) + "; higher is better for every indicator once its direction is applied."
            overrides = s.overrides.count
        case let .aggregate(s):
            title = "Aggregate"
            let weights = { (name: String) in
                switch name {
                case "metadata": "the weights of the metadata"
                case "equal": "equal weights"
                default: "the weight set “\(name)”"
                }
            }
            text = "combine indicators into each aggregate, level by level, by \(Self.method(s.method, p: s.p)) with \(weights(s.weights))."
            // Each override in words: its method (or the step's), and its weights when it names its own.
            let override = { (label: String, o: Aggregate.Settings) in
                "\(label): \(Self.method(o.method ?? s.method, p: o.p ?? s.p))" + (o.weights.map { " with \(weights($0))" } ?? "") + "."
            }
            if !s.levels.isEmpty {
                text += " " + s.levels.keys.sorted().compactMap { key in s.levels[key].map { override("Level \(key)", $0) } }.joined(separator: " ")
            }
            if !s.aggregates.isEmpty {
                text += " " + s.aggregates.keys.sorted().compactMap { code in s.aggregates[code].map { override(code, $0) } }.joined(separator: " ")
            }
        }
        if overrides > 0 { text += " \(overrides) indicator\(overrides == 1 ? " has" : "s have") settings of \(overrides == 1 ? "its" : "their") own (see the spec below)." }
    }

    /// A treatment in words, as a verb phrase.
    private static func transform(_ method: Treat.Method, lambda: Double?) -> String {
        switch method {
        case .none: "leave it as it is"
        case .winsorise: "winsorise it"
        case .log: "log-transform it"
        case .logPlusOne: "take log(x − min + 1)"
        case .boxCox: "apply a Box-Cox transformation" + (lambda.map { " with λ = \(ChartFormat.fixed($0, decimals: 4))" } ?? "")
        }
    }

    /// An aggregation method in words.
    private static func method(_ method: Aggregate.Method, p: Double?) -> String {
        switch method {
        case .arithmetic: "weighted arithmetic mean"
        case .geometric: "weighted geometric mean"
        case .harmonic: "weighted harmonic mean"
        case .generalised: "weighted generalised mean" + (p.map { " with p = \(ChartFormat.fixed($0, decimals: 4))" } ?? "")
        case .copeland: "the Copeland method (pairwise wins and losses)"
        case .mazziottaPareto: "the Mazziotta–Pareto index (the mean penalised by the spread)"
        case .product: "the product of the children's values (weights unused)"
        case .benefitOfTheDoubt: "benefit of the doubt (each unit weighted as favourably to it as the data allow)"
        case .orderedWeightedAveraging: "ordered weighted averaging (weights by rank among the children)"
        }
    }

    /// A normalisation in words.
    private static func normalisation(_ s: Normalise.Settings) -> String {
        let n = { (x: Double) in ChartFormat.fixed(x, decimals: 4) }
        let ends = s.range.flatMap { $0.count == 2 ? (n($0[0]), n($0[1])) : nil }
        let range = ends.map { "\($0.0)–\($0.1)" }
        return switch s.method ?? .minMax {
        case .none: "none: values are used as they are"
        case .minMax: "rescale each indicator linearly so that its lowest value becomes \(ends?.0 ?? "0") and its highest \(ends?.1 ?? "100")"
        case .zScore: "turn each indicator into z-scores" + (s.mean != nil || s.sd != nil ? " with mean \(n(s.mean ?? 0)) and standard deviation \(n(s.sd ?? 1))" : "")
        case .scaled: "rescale each indicator from the fixed range \(range ?? "given") onto 0–100"
        case .rank: "replace values by their ranks"
        case .percentileRank: "replace values by their percentile ranks"
        case .distanceToMax: "measure each value as its distance to the best value"
        case .distanceToTarget: "measure each value as its progress towards the indicator's target"
        case .distanceToReference: "measure each value against the reference unit \(s.reference ?? "")"
        case .goalposts: "place each value between the indicator's goalposts"
        case .fractionOfMax: "divide each value by the indicator's highest value"
        case .borda: "replace values by their Borda scores (rank − 1)"
        }
    }
}
