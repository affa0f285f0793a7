/// Brings indicators onto a common scale, after turning each so that higher is better.
///
/// The direction is applied first (values of a negative-direction indicator are negated), then
/// the method. Targets and goalposts are given in the indicator's own units and turned with it,
/// so `(max − x)/(max − target)` is what a negative-direction indicator gets from
/// `distanceToTarget`. Rank-based methods give tied values the lowest of their ranks unless
/// `ties` says otherwise.
public struct Normalise: Sendable, Codable, Equatable {
    /// A normalisation method.
    public enum Method: String, Sendable, Codable, SpecChoice {
        /// Leave the (direction-adjusted) values as they are.
        case none
        /// `(x − min)/(max − min)·(u − l) + l` with `range = [l, u]`.
        case minMax
        /// `(x − mean)/sd·s + m` with the sample sd and `mean = m`, `sd = s`.
        case zScore
        /// `(x − l)/(u − l)·scaleFactor` with fixed `range = [l, u]`; `scaleFactor` is 100 by default.
        case scaled
        /// Ranks, 1 for the lowest, tied values shared by `ties`.
        case rank
        /// `(rank − 1)/(n − 1)`, or `(rank − 1)/(largest rank − 1)` by `denominator`.
        case percentileRank
        /// `1 − (max − x)/(max − min)`.
        case distanceToMax
        /// `(x − min)/(target − min)`, capped at 1 with `capAtMax`.
        case distanceToTarget
        /// `1 − (x_ref − x)/(x_ref − min)` for the `reference` unit, capped at 1 with `capAtMax`.
        case distanceToReference
        /// `(x − low)/(high − low)`, truncated to [0, 1] with `truncate`, times `scale`; or
        /// `(x − worst)/(best − worst)` when the posts are given as `worst` and `best`.
        case goalposts
        /// `x / max`.
        case fractionOfMax
        /// Borda score: `rank − 1`.
        case borda
    }

    /// What a percentile rank divides `rank − 1` by.
    ///
    /// With ties the two differ: under `min` ties the best values, tied, hold a rank below `n`
    /// and score less than 1 over `n − 1`; dense ranks end at the count of distinct values.
    /// `maxRank` stretches whatever ranks occur onto [0, 1].
    public enum PercentileDenominator: String, Sendable, Codable, SpecChoice {
        /// `n − 1`, with `n` the count of observed values (COINr's `n_prank`).
        case n
        /// The largest rank that occurs, less one.
        case maxRank
    }

    /// Settings that an indicator may override; `nil` fields fall back to the step's.
    public struct Settings: Sendable, Codable, Equatable {
        public var method: Method?
        /// `[l, u]` for `minMax` and `scaled`.
        public var range: [Double]?
        /// What `scaled` multiplies `(x − l)/(u − l)` by: COINr's `scale_factor`, 100 by default.
        public var scaleFactor: Double?
        /// The mean for `zScore`.
        public var mean: Double?
        /// The standard deviation for `zScore`.
        public var sd: Double?
        /// The target for `distanceToTarget`, in the indicator's units; the metadata's by default.
        public var target: Double?
        /// The reference unit's code for `distanceToReference`.
        public var reference: String?
        /// Whether `distanceToTarget` and `distanceToReference` cap values at 1.
        public var capAtMax: Bool?
        /// `[low, high]` for `goalposts`, in the indicator's units; the metadata's by default.
        public var goalposts: [Double]?
        /// The post that scores 0, in the indicator's units; with `best`, instead of `goalposts`.
        ///
        /// Their order gives the direction (`best` below `worst`: lower is better), so the
        /// indicator's Direction is not used: `(x − worst)/(best − worst)` holds either way.
        public var worst: Double?
        /// The post that scores 1 (times `scale`), in the indicator's units; with `worst`.
        public var best: Double?
        /// The output scale of `goalposts`.
        public var scale: Double?
        /// Whether `goalposts` truncates values outside the posts.
        public var truncate: Bool?
        /// Whether the direction is applied first.
        public var useDirection: Bool?
        /// How `rank`, `percentileRank` and `borda` share ranks among tied values; `min` by default.
        public var ties: Ranking.Ties?
        /// What `percentileRank` divides `rank − 1` by; `n` (observed values, less one) by default.
        public var denominator: PercentileDenominator?
        /// Decimal places (0…15) to which every value the step gives is rounded, half to even.
        public var round: Int?

        static let fields = [
            "method", "range", "mean", "sd", "target", "reference", "capAtMax", "goalposts", "scale", "truncate", "useDirection",
            "ties", "denominator", "round", "worst", "best", "scaleFactor",
        ]

        public init() {}

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(Self.fields)
            try self.init(decodingFieldsFrom: decoder)
        }

        init(decodingFieldsFrom decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            method = try c.decodeIfPresent(Method.self, forKey: .method)
            range = try c.decodeIfPresent([Double].self, forKey: .range)
            mean = try c.decodeIfPresent(Double.self, forKey: .mean)
            sd = try c.decodeIfPresent(Double.self, forKey: .sd)
            target = try c.decodeIfPresent(Double.self, forKey: .target)
            reference = try c.decodeIfPresent(String.self, forKey: .reference)
            capAtMax = try c.decodeIfPresent(Bool.self, forKey: .capAtMax)
            goalposts = try c.decodeIfPresent([Double].self, forKey: .goalposts)
            scale = try c.decodeIfPresent(Double.self, forKey: .scale)
            truncate = try c.decodeIfPresent(Bool.self, forKey: .truncate)
            useDirection = try c.decodeIfPresent(Bool.self, forKey: .useDirection)
            ties = try c.decodeIfPresent(Ranking.Ties.self, forKey: .ties)
            denominator = try c.decodeIfPresent(PercentileDenominator.self, forKey: .denominator)
            // Read as a number and checked here, so that 2.5 or 1e300 is refused naming the field.
            if let digits = try c.decodeIfPresent(Double.self, forKey: .round) {
                guard let whole = Int(exactly: digits), (0...DecimalRounding.maximumDigits).contains(whole) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .round, in: c, debugDescription: "round must be a whole number of decimal places from 0 to \(DecimalRounding.maximumDigits)")
                }
                round = whole
            }
            worst = try c.decodeIfPresent(Double.self, forKey: .worst)
            best = try c.decodeIfPresent(Double.self, forKey: .best)
            scaleFactor = try c.decodeIfPresent(Double.self, forKey: .scaleFactor)
        }

        /// Whether these settings give goalposts in either form.
        var givesPosts: Bool { goalposts != nil || worst != nil || best != nil }

        /// Rejects posts given in both forms, or half of `worst` and `best`; `prefix` leads the field names.
        func checkPostForms(_ prefix: String) throws(IndexEngineError) {
            if goalposts != nil, worst != nil || best != nil {
                throw IndexEngineError(
                    .invalidParameter, "give the goalposts either as goalposts [low, high] or as worst and best, not both",
                    column: prefix + (worst != nil ? "worst" : "best"))
            }
            if (worst == nil) != (best == nil) {
                throw IndexEngineError(.invalidParameter, "worst and best go together: \(worst == nil ? "worst" : "best") is missing", column: prefix + (worst == nil ? "worst" : "best"))
            }
        }

        /// These settings with gaps filled from `base`.
        func over(_ base: Settings) -> Settings {
            var s = self
            s.method = method ?? base.method
            s.range = range ?? base.range
            s.scaleFactor = scaleFactor ?? base.scaleFactor
            s.mean = mean ?? base.mean
            s.sd = sd ?? base.sd
            s.target = target ?? base.target
            s.reference = reference ?? base.reference
            s.capAtMax = capAtMax ?? base.capAtMax
            // Posts come whole from one level, in one form: an indicator's worst and best replace
            // the step's goalposts, and its goalposts the step's worst and best.
            let ownPosts = givesPosts
            s.goalposts = ownPosts ? goalposts : base.goalposts
            s.worst = ownPosts ? worst : base.worst
            s.best = ownPosts ? best : base.best
            s.scale = scale ?? base.scale
            s.truncate = truncate ?? base.truncate
            s.useDirection = useDirection ?? base.useDirection
            s.ties = ties ?? base.ties
            s.denominator = denominator ?? base.denominator
            s.round = round ?? base.round
            return s
        }
    }

    /// The settings for every indicator.
    public var settings: Settings
    /// Per-indicator settings, by indicator code.
    public var overrides: [String: Settings]

    /// Creates the step; `settings.method` defaults to min-max onto [0, 100].
    public init(_ settings: Settings = Settings(), overrides: [String: Settings] = [:]) {
        self.settings = settings
        self.overrides = overrides
    }

    /// Creates a step with one method for every indicator.
    public init(method: Method, range: [Double]? = nil, mean: Double? = nil, sd: Double? = nil) {
        var s = Settings()
        s.method = method
        s.range = range
        s.mean = mean
        s.sd = sd
        self.init(s)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["step", "overrides"] + Settings.fields)
        settings = try Settings(decodingFieldsFrom: decoder)
        overrides = try decoder.container(keyedBy: AnyKey.self).value(AnyKey("overrides"), default: [:])
    }

    public func encode(to encoder: any Encoder) throws {
        try settings.encode(to: encoder)
        var c = encoder.container(keyedBy: AnyKey.self)
        if !overrides.isEmpty { try c.encode(overrides, forKey: AnyKey("overrides")) }
    }

    func apply(_ state: inout BuildState, _ context: BuildContext, _ log: inout BuildLog) throws(IndexEngineError) {
        try context.checkIndicatorCodes(overrides, field: "overrides")
        try checkPostForms()
        warnOfReversedRanges(&log)
        let framework = context.framework
        for c in 0..<framework.indicatorCount {
            let node = framework.nodes[c]
            let s = resolvedSettings(for: node)
            let field = overrides.isEmpty || overrides[node.code] == nil ? "" : "overrides.\(node.code)."
            var column = state.values.column(c)
            try normalise(&column, s, node: node, field: field, context: context, state: state, log: &log)
            state.values.setColumn(c, column)
        }
    }

    /// Normalises the states of every year of a panel with each indicator's parameters computed
    /// over all years' values together (`PanelOptions.Normalisation.pooled`).
    ///
    /// Each indicator's columns of all years are joined into one and normalised as one column
    /// (min and max, mean and sd, ranks and their count all come from the joined values), then
    /// split back; methods with fixed parameters (`none`, `scaled`, `goalposts`) give what they
    /// give year by year. `distanceToReference` is refused: its reference unit has a value per
    /// year, not one for the pool. Warnings go to every year's log, as every year is affected.
    func applyPooled(_ states: inout [BuildState], _ context: BuildContext, _ logs: inout [BuildLog]) throws(IndexEngineError) {
        try context.checkIndicatorCodes(overrides, field: "overrides")
        try checkPostForms()
        let framework = context.framework
        var log = BuildLog()
        warnOfReversedRanges(&log)
        for c in 0..<framework.indicatorCount {
            let node = framework.nodes[c]
            let s = resolvedSettings(for: node)
            let field = overrides[node.code] == nil ? "" : "overrides.\(node.code)."
            var pool: [Double] = []
            for state in states { pool += state.values.column(c) }
            try normalise(&pool, s, node: node, field: field, context: context, state: nil, log: &log)
            var start = 0
            for y in states.indices {
                let end = start + states[y].values.rows
                states[y].values.setColumn(c, Array(pool[start..<end]))
                start = end
            }
        }
        for y in logs.indices { logs[y].warnings += log.warnings }
    }

    /// The settings `node` is normalised with: the spec's override of it, then its metadata's
    /// parameters for the method in force, then the step's settings.
    func resolvedSettings(for node: FrameworkNode) -> Settings {
        // Most indicators have neither: then the step's settings are theirs as they are.
        if overrides.isEmpty, node.normalisation.isEmpty { return settings }
        let own = overrides[node.code] ?? Settings()
        let method = own.method ?? settings.method ?? .minMax
        return own.over(node.normalisation.settings(for: method).over(settings))
    }

    /// Normalises one indicator's values `x`, then rounds them when `round` is set; `state` is the
    /// year's state, `nil` for a pool of years.
    ///
    /// Rounding comes last, on the step's output (after `scale`, truncation and caps), so that the
    /// figures a build publishes are the ones it aggregates.
    private func normalise(
        _ x: inout [Double], _ s: Settings, node: FrameworkNode, field: String, context: BuildContext, state: BuildState?, log: inout BuildLog
    ) throws(IndexEngineError) {
        if let digits = s.round, !(0...DecimalRounding.maximumDigits).contains(digits) {
            throw IndexEngineError(
                .invalidParameter, "round must be a whole number of decimal places from 0 to \(DecimalRounding.maximumDigits), not \(digits)",
                column: origin(of: \.round, node.code) + "round")
        }
        warnOfReversedMetadata(node, s.method ?? .minMax, &log)
        try rescale(&x, s, node: node, field: field, context: context, state: state, log: &log)
        if let digits = s.round {
            for i in x.indices { x[i] = DecimalRounding.halfEven(x[i], digits: digits) }
        }
    }

    /// `overrides.CODE.` when the indicator's override sets the field at `path`, or nothing when the
    /// step's own value is used: the prefix of the field an error names.
    private func origin<T>(of path: KeyPath<Settings, T?>, _ code: String) -> String {
        overrides[code]?[keyPath: path] == nil ? "" : "overrides.\(code)."
    }

    /// Applies the method to one indicator's values `x`.
    private func rescale(
        _ x: inout [Double], _ s: Settings, node: FrameworkNode, field: String, context: BuildContext, state: BuildState?, log: inout BuildLog
    ) throws(IndexEngineError) {
        let method = s.method ?? .minMax
        let direction = (s.useDirection ?? true) ? node.direction : 1
        if direction != 1 { for i in x.indices { x[i] *= direction } }
        guard method != .none else { return }
        guard let (lo, hi) = x.withBuffer({ Moments.range($0) }) else { return }
        func pair(_ value: [Double]?, _ name: String, default fallback: [Double]) throws(IndexEngineError) -> (Double, Double) {
            let v = value ?? fallback
            guard v.count == 2, v.allSatisfy(\.isFinite) else {
                throw IndexEngineError(.invalidParameter, "needs two finite numbers", column: field + name)
            }
            return (v[0], v[1])
        }
        func spread(_ d: Double) {
            if d == 0 || d.isNaN {
                log.warn(.noSpread, "no spread for \(method.rawValue); its normalised values are missing", indicator: node.code)
            }
        }
        switch method {
        case .none:
            return
        case .minMax:
            let (l, u) = try pair(s.range, "range", default: [0, 100])
            spread(hi - lo)
            for i in x.indices { x[i] = (x[i] - lo) / (hi - lo) * (u - l) + l }
        case .zScore:
            let m = s.mean ?? 0, sd = s.sd ?? 1
            guard sd > 0 else { throw IndexEngineError(.invalidParameter, "sd must be positive, not \(sd)", column: field + "sd") }
            let (mean, spreadValue) = x.withBuffer { (Moments.mean($0), Moments.standardDeviation($0)) }
            spread(spreadValue)
            for i in x.indices { x[i] = (x[i] - mean) / spreadValue * sd + m }
        case .scaled:
            let (l, u) = try pair(s.range, "range", default: [0, 100])
            guard u != l else { throw IndexEngineError(.invalidParameter, "the two ends of range must differ", column: field + "range") }
            let factor = s.scaleFactor ?? 100
            guard factor.isFinite, factor != 0 else {
                throw IndexEngineError(.invalidParameter, "scaleFactor must be a finite number other than 0, not \(factor)", column: origin(of: \.scaleFactor, node.code) + "scaleFactor")
            }
            for i in x.indices { x[i] = (x[i] - l) / (u - l) * factor }
        case .rank, .borda:
            let ranks = Ranking.ranks(x, ties: s.ties ?? .min)
            for i in x.indices { x[i] = method == .rank ? ranks[i] : ranks[i] - 1 }
        case .percentileRank:
            let ranks = Ranking.ranks(x, ties: s.ties ?? .min)
            let top: Double
            switch s.denominator ?? .n {
            case .n: top = Double(x.count(where: { !$0.isNaN }))
            case .maxRank:
                top = ranks.reduce(0) { $1 > $0 ? $1 : $0 }
                if x.count(where: { !$0.isNaN }) > 1 { spread(top - 1) }
            }
            for i in x.indices { x[i] = (ranks[i] - 1) / (top - 1) }
        case .distanceToMax:
            spread(hi - lo)
            for i in x.indices { x[i] = 1 - (hi - x[i]) / (hi - lo) }
        case .distanceToTarget:
            guard let target = s.target ?? node.target else {
                throw IndexEngineError(.invalidParameter, "'\(node.code)' has no target (set Target in the metadata or target in the spec)", column: field + "target")
            }
            let t = target * direction
            if t == lo { log.warn(.targetAtWorst, "the target equals the worst value", indicator: node.code) }
            for i in x.indices {
                x[i] = (x[i] - lo) / (t - lo)
                if s.capAtMax ?? false, x[i] > 1 { x[i] = 1 }
            }
        case .distanceToReference:
            guard let code = s.reference else {
                throw IndexEngineError(.invalidParameter, "distanceToReference needs a reference unit", column: field + "reference")
            }
            guard let state else {
                throw IndexEngineError(
                    .invalidParameter,
                    "distanceToReference cannot be pooled across years (the spec's panel.normalisation is pooled): the reference unit '\(code)' has a different value each year; use panel.normalisation perYear or another method",
                    column: field + "method")
            }
            guard let row = state.units.firstIndex(where: { context.dataset.units[$0].code == code }) else {
                throw IndexEngineError(.unknownCode, "'\(code)' is not a unit of this build", column: field + "reference")
            }
            let reference = x[row]
            if reference.isNaN {
                log.warn(.referenceMissing, "the reference unit has no value", indicator: node.code, unit: code)
            } else if reference == lo {
                log.warn(.referenceAtWorst, "the reference unit has the worst value, so no distance to it is defined", indicator: node.code, unit: code)
            }
            for i in x.indices {
                x[i] = 1 - (reference - x[i]) / (reference - lo)
                if s.capAtMax ?? false, x[i] > 1 { x[i] = 1 }
            }
        case .goalposts where s.worst != nil || s.best != nil:
            let prefix = origin(of: \.worst, node.code)
            guard let worst = s.worst, worst.isFinite else {
                throw IndexEngineError(.invalidParameter, "worst must be a finite number", column: prefix + "worst")
            }
            guard let best = s.best, best.isFinite else {
                throw IndexEngineError(.invalidParameter, "best must be a finite number", column: prefix + "best")
            }
            guard worst != best else {
                throw IndexEngineError(.invalidParameter, "worst and best of '\(node.code)' must differ", column: prefix + "best")
            }
            // Direction-adjusted, the posts are worst·d and best·d, and (x·d − worst·d)/(best·d − worst·d)
            // is (x − worst)/(best − worst) whatever the direction d.
            scoreAgainstPosts(&x, worst * direction, best * direction, s)
        case .goalposts:
            let given = s.goalposts ?? [node.goalpostLow, node.goalpostHigh].compactMap { $0 }
            guard given.count == 2 else {
                throw IndexEngineError(.invalidParameter, "'\(node.code)' has no goalposts (set GoalpostLow and GoalpostHigh in the metadata or goalposts in the spec)", column: field + "goalposts")
            }
            let (low, high) = try pair(given, "goalposts", default: [])
            if s.goalposts == nil, low > high {
                log.warn(.reversedRange, Self.reversed("the metadata's goalposts (GoalpostLow, GoalpostHigh)", low, high), indicator: node.code)
            }
            guard low != high else { throw IndexEngineError(.invalidParameter, "the goalposts of '\(node.code)' must differ", column: field + "goalposts") }
            // In direction-adjusted terms a negative indicator's posts swap and change sign.
            let (l, u) = direction == 1 ? (low, high) : (-high, -low)
            scoreAgainstPosts(&x, l, u, s)
        case .fractionOfMax:
            if hi == 0 { log.warn(.zeroMaximum, "the maximum is zero", indicator: node.code) }
            for i in x.indices { x[i] /= hi }
        }
    }

    /// `(x − l)/(u − l)` of direction-adjusted values, truncated to [0, 1] unless `truncate` is off, times `scale`.
    private func scoreAgainstPosts(_ x: inout [Double], _ l: Double, _ u: Double, _ s: Settings) {
        let scale = s.scale ?? 1, truncate = s.truncate ?? true
        for i in x.indices where !x[i].isNaN {
            var y = (x[i] - l) / (u - l)
            if truncate { y = min(max(y, 0), 1) }
            x[i] = y * scale
        }
    }

    /// Rejects goalposts given twice over at the step's level or in one override.
    private func checkPostForms() throws(IndexEngineError) {
        try settings.checkPostForms("")
        for (code, own) in overrides.sorted(by: { $0.key < $1.key }) { try own.checkPostForms("overrides.\(code).") }
    }

    /// Warns of every range or pair of goalposts the step gives that runs from high to low:
    /// `[100, 0]` turns the indicator's direction round without a word, which is rarely what was meant.
    private func warnOfReversedRanges(_ log: inout BuildLog) {
        let given = [(nil, settings)] + overrides.sorted { $0.key < $1.key }.map { (Optional($0.key), $0.value) }
        for (code, own) in given {
            let field: (name: String, pair: [Double]?)
            switch (own.method ?? settings.method) ?? .minMax {
            case .minMax, .scaled: field = ("range", own.range)
            case .goalposts: field = ("goalposts", own.goalposts)
            default: continue
            }
            guard let pair = field.pair, pair.count == 2, pair[0] > pair[1] else { continue }
            let name = (code.map { "overrides.\($0)." } ?? "") + field.name
            log.warn(.reversedRange, Self.reversed(name, pair[0], pair[1]), indicator: code)
        }
    }

    /// Warns when the pair of the metadata's parameter columns in use runs from high to low, as
    /// `warnOfReversedRanges` does for the spec's.
    private func warnOfReversedMetadata(_ node: FrameworkNode, _ method: Method, _ log: inout BuildLog) {
        let own = overrides[node.code]
        let pair: [Double]?, names: String
        switch method {
        case .goalposts where own?.givesPosts != true: (pair, names) = (node.normalisation.goalposts, "goalpost_lower, goalpost_upper")
        case .minMax where own?.range == nil: (pair, names) = (node.normalisation.minMaxRange, "minmax_lower, minmax_upper")
        case .scaled where own?.range == nil: (pair, names) = (node.normalisation.scaledRange, "scaled_lower, scaled_upper")
        default: return
        }
        guard let pair, pair.count == 2, pair[0] > pair[1] else { return }
        log.warn(.reversedRange, Self.reversed("the metadata's (\(names))", pair[0], pair[1]), indicator: node.code)
    }

    /// The message of a reversed range: `range [100, 0] runs from high to low, …`.
    static func reversed(_ name: String, _ low: Double, _ high: Double) -> String {
        "\(name) [\(NumberFormat.csv(low)), \(NumberFormat.csv(high))] runs from high to low, so higher values score lower: the indicator's direction is turned round (set Direction -1 in the metadata for that)"
    }
}
