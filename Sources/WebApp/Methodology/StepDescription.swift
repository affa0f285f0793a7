import IndexEngine

/// A build step in plain words, for readers of the methodology page who do not read JSON:
/// "Treat outliers: where an indicator's skew is above 2 in size and its kurtosis above 3.5,
/// winsorise up to 5 points; if that is not enough, log-transform it instead."
///
/// The words cover each step's settings for every indicator, in the page's language (the
/// phrases of `methodology.steps`); per-indicator overrides are counted, and the raw spec stays on
/// the page for their detail.
struct StepDescription: Sendable, Equatable {
    /// What the step does, as a heading: "Impute missing values".
    var title: String
    /// How it does it, in a sentence or two.
    var text: String

    /// The description of `step` in `pages`' language; `groupName` gives a group column's plain name.
    init(_ step: BuildStep, groupName: (String) -> String = { $0 }, pages: Pages) {
        let say = { (key: String, values: [String: String]) in pages.phrase("methodology.steps." + key, values) }
        let n = { (x: Double) in pages.format.localised(ChartFormat.fixed(x, decimals: 4)) }
        let percent = { (x: Double) in pages.format.localised(ChartFormat.fixed(x * 100, decimals: 2)) + " %" }
        let list = { (items: [String]) in ChartFormat.list(items.sorted(), and: say("and", [:])) }
        var overrides = 0
        switch step {
        case let .denominate(s):
            title = say("denominate.title", [:])
            text = s.scale == 1 ? say("denominate.text", [:]) : say("denominate.scaled", ["scale": n(s.scale)])
            overrides = s.overrides.count
        case let .screen(s):
            title = say("screen.title", [:])
            let missing = say("screen.missing", ["share": percent(s.threshold)])
            let zeros = say("screen.zeros", ["share": percent(s.nonZeroThreshold)])
            let rule = switch s.by {
            case .missing: missing
            case .zeros: zeros
            case .missingOrZeros: say("screen.both", ["missing": missing, "zeros": zeros])
            }
            text = say("screen.text", ["rule": rule])
            if !s.include.isEmpty { text += " " + say("screen.kept", ["units": list(s.include)]) }
            if !s.exclude.isEmpty { text += " " + say("screen.removed", ["units": list(s.exclude)]) }
        case let .impute(s):
            title = say("impute.title", [:])
            let group = s.group.map { " (\(groupName($0)))" } ?? ""
            text = switch s.method {
            case .none: say("impute.none", [:])
            case .mean: say("impute.mean", [:])
            case .median: say("impute.median", [:])
            case .groupMean: say("impute.groupMean", ["group": group])
            case .groupMedian: say("impute.groupMedian", ["group": group])
            case .panelLatest:
                s.maxTime.map { say($0 == 1 ? "impute.panelLatestWithinOne" : "impute.panelLatestWithin", ["count": String($0)]) } ?? say("impute.panelLatest", [:])
            case .panelConstant: say("impute.panelConstant", [:])
            case .panelLinear: say("impute.panelLinear", [:])
            }
            overrides = s.overrides.count
        case let .treat(s):
            title = say("treat.title", [:])
            let rule = say("treat.rule", ["skew": n(s.skewThreshold), "kurtosis": n(s.kurtosisThreshold)])
            let transform = { (method: Treat.Method) in
                method == .boxCox && s.lambda != nil
                    ? say("transforms.boxCoxLambda", ["lambda": n(s.lambda ?? 0)]) : say("transforms." + method.rawValue, [:])
            }
            text = switch s.method {
            case .none: say("treat.none", [:])
            case .winsorise where s.winmax == 0:
                // Nothing is winsorised: the fallback, if any, is the treatment.
                s.fallback == .none || s.fallback == .winsorise ? say("treat.none", [:]) : say("treat.other", ["rule": rule, "transform": transform(s.fallback)])
            case .winsorise:
                say(s.winmax == 1 ? "treat.winsoriseOne" : "treat.winsorise", ["rule": rule, "count": String(s.winmax)])
                    + (s.fallback == .none ? "." : say("treat.fallback", ["transform": transform(s.fallback)]))
            default: say("treat.other", ["rule": rule, "transform": transform(s.method)])
            }
            overrides = s.overrides.count
        case let .normalise(s):
            title = say("normalise.title", [:])
            text = say("normalise.text", ["method": Self.normalisation(s.settings, say: say, number: n)])
            overrides = s.overrides.count
        case let .aggregate(s):
            title = say("aggregate.title", [:])
            let weights = { (name: String) in
                switch name {
                case "metadata": say("weights.metadata", [:])
                case "equal": say("weights.equal", [:])
                default: say("weights.named", ["name": name])
                }
            }
            let method = { (method: Aggregate.Method, p: Double?, shares: [Double]?) in
                switch (method, p, shares) {
                case (.generalised, let p?, _): say("methods.generalisedP", ["p": n(p)])
                case (.benefitOfTheDoubt, _, let shares?) where shares.count == 2:
                    say("methods.benefitOfTheDoubtShares", ["least": n(shares[0] * 100), "most": n(shares[1] * 100)])
                default: say("methods." + method.rawValue, [:])
                }
            }
            let named = method(s.method, s.p, s.shares)
            text = s.method.usesWeights
                ? say("aggregate.text", ["method": named, "weights": weights(s.weights)]) : say("aggregate.textUnweighted", ["method": named])
            // Each override in words: its method (or the step's), and its weights when it names its
            // own and its method reads them.
            let override = { (label: String, o: Aggregate.Settings) in
                let chosen = o.method ?? s.method
                let named = method(chosen, o.p ?? s.p, o.shares ?? s.shares)
                return o.weights.flatMap { chosen.usesWeights ? say("aggregate.overrideWeights", ["label": label, "method": named, "weights": weights($0)]) : nil }
                    ?? say("aggregate.override", ["label": label, "method": named])
            }
            if !s.levels.isEmpty {
                text += " " + s.levels.keys.sorted().compactMap { key in s.levels[key].map { override(say("aggregate.level", ["level": key]), $0) } }.joined(separator: " ")
            }
            if !s.aggregates.isEmpty {
                text += " " + s.aggregates.keys.sorted().compactMap { code in s.aggregates[code].map { override(code, $0) } }.joined(separator: " ")
            }
        }
        if overrides > 0 { text += " " + say(overrides == 1 ? "overridesOne" : "overrides", ["count": String(overrides)]) }
    }

    /// A normalisation in words.
    private static func normalisation(_ s: Normalise.Settings, say: (String, [String: String]) -> String, number n: (Double) -> String) -> String {
        let ends = s.range.flatMap { $0.count == 2 ? (n($0[0]), n($0[1])) : nil }
        let method = s.method ?? .minMax
        switch method {
        case .minMax:
            return say("normalisation.minMax", ["low": ends?.0 ?? "0", "high": ends?.1 ?? "100"])
        case .zScore where s.mean != nil || s.sd != nil:
            return say("normalisation.zScoreWith", ["mean": n(s.mean ?? 0), "sd": n(s.sd ?? 1)])
        case .scaled:
            let scale = n(s.scaleFactor ?? 100)
            return ends.map { say("normalisation.scaled", ["low": $0.0, "high": $0.1, "scale": scale]) } ?? say("normalisation.scaledGiven", ["scale": scale])
        case .distanceToReference:
            return say("normalisation.distanceToReference", ["unit": s.reference ?? ""])
        default:
            return say("normalisation." + method.rawValue, [:])
        }
    }
}
