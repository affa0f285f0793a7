import Foundation

/// Combines the children of every aggregate into its score, level by level up to the index.
///
/// Means are weighted and use the children a unit has values for, with their weights
/// renormalised; a unit whose share of available children is below `threshold` gets no score.
public struct Aggregate: Sendable, Codable, Equatable {
    /// An aggregation method.
    public enum Method: String, Sendable, Codable, SpecChoice {
        /// `Σ wᵢxᵢ / Σ wᵢ`.
        case arithmetic
        /// `exp(Σ wᵢ log xᵢ / Σ wᵢ)`; every value must be positive.
        case geometric
        /// `Σ wᵢ / Σ (wᵢ/xᵢ)`; no value may be zero.
        case harmonic
        /// `(Σ wᵢxᵢᵖ / Σ wᵢ)^(1/p)` with `p ≠ 0`.
        case generalised
        /// Copeland: weighted pairwise majorities between units, +1 per win, −1 per loss.
        case copeland
        /// Mazziotta-Pareto: children standardised to mean 100 and sd 10, then the unit's mean minus sd·cv (weights unused).
        case mazziottaPareto
        /// `Π xᵢ` (weights unused), as CalEnviroScreen multiplies pollution burden by population
        /// characteristics; every value must be positive, and a missing child leaves the product
        /// missing unless `threshold` lets the unit through on the children it has.
        case product
        /// Benefit of the doubt: each unit's score with the weights most favourable to it, in
        /// [0, 1] (the spec's weights unused), each weight within `shares` of their sum if given;
        /// values must not be negative, and a unit needs every child.
        case benefitOfTheDoubt
        /// Ordered weighted averaging: the weights `owa` apply to a unit's children sorted from
        /// highest to lowest; a unit needs every child.
        case orderedWeightedAveraging

        /// Whether the method reads the weight set; the others leave every weight unused.
        public var usesWeights: Bool {
            switch self {
            case .arithmetic, .geometric, .harmonic, .generalised, .copeland: true
            case .mazziottaPareto, .product, .benefitOfTheDoubt, .orderedWeightedAveraging: false
            }
        }
    }

    /// Settings that a level, or one aggregate, may override.
    public struct Settings: Sendable, Codable, Equatable {
        public var method: Method?
        /// The exponent of the generalised mean.
        public var p: Double?
        /// The least share of children with data a unit needs to get a score.
        public var threshold: Double?
        /// The weight set the children are weighted by.
        public var weights: String?
        /// The position weights of ordered weighted averaging, highest value first.
        public var owa: [Double]?
        /// The least and most share of the weights' sum each child's weight may take in benefit of the doubt.
        public var shares: [Double]?

        public init(method: Method? = nil, p: Double? = nil, threshold: Double? = nil, weights: String? = nil, owa: [Double]? = nil, shares: [Double]? = nil) {
            self.method = method
            self.p = p
            self.threshold = threshold
            self.weights = weights
            self.owa = owa
            self.shares = shares
        }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["method", "p", "threshold", "weights", "owa", "shares"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                method: try c.decodeIfPresent(Method.self, forKey: .method), p: try c.decodeIfPresent(Double.self, forKey: .p),
                threshold: try c.decodeIfPresent(Double.self, forKey: .threshold), weights: try c.decodeIfPresent(String.self, forKey: .weights),
                owa: try c.decodeIfPresent([Double].self, forKey: .owa), shares: try c.decodeIfPresent([Double].self, forKey: .shares))
        }
    }

    /// The settings of every level without an override.
    public var method: Method
    public var p: Double?
    public var threshold: Double?
    /// The weights: `metadata`, `equal`, or the name of a weight set of the spec.
    public var weights: String
    /// The position weights of ordered weighted averaging, highest value first.
    public var owa: [Double]?
    /// `[lower, upper]`: in benefit of the doubt, the least and most share of the weights' sum
    /// each child's weight may take, as the OECD/JRC Handbook (2008) restricts it.
    public var shares: [Double]?
    /// Per-level settings, keyed by the level number (`"2"`, `"3"`, …).
    public var levels: [String: Settings]
    /// Per-aggregate settings, keyed by the aggregate's code; they override its level's.
    public var aggregates: [String: Settings]

    /// Creates the step.
    public init(
        method: Method = .arithmetic, p: Double? = nil, threshold: Double? = nil, weights: String = "metadata", owa: [Double]? = nil,
        shares: [Double]? = nil, levels: [String: Settings] = [:], aggregates: [String: Settings] = [:]
    ) {
        self.method = method
        self.p = p
        self.threshold = threshold
        self.weights = weights
        self.owa = owa
        self.shares = shares
        self.levels = levels
        self.aggregates = aggregates
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["step", "method", "p", "threshold", "weights", "owa", "shares", "levels", "aggregates"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            method: try c.value(.method, default: .arithmetic), p: try c.decodeIfPresent(Double.self, forKey: .p),
            threshold: try c.decodeIfPresent(Double.self, forKey: .threshold), weights: try c.value(.weights, default: "metadata"),
            owa: try c.decodeIfPresent([Double].self, forKey: .owa), shares: try c.decodeIfPresent([Double].self, forKey: .shares),
            levels: try c.value(.levels, default: [:]), aggregates: try c.value(.aggregates, default: [:]))
    }

    private enum CodingKeys: String, CodingKey { case method, p, threshold, weights, owa, shares, levels, aggregates }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encodeIfPresent(p, forKey: .p)
        try c.encodeIfPresent(threshold, forKey: .threshold)
        try c.encode(weights, forKey: .weights)
        try c.encodeIfPresent(owa, forKey: .owa)
        try c.encodeIfPresent(shares, forKey: .shares)
        try c.encode(levels, forKey: .levels)
        // Absent when unused, so that specs written before per-aggregate settings read the same.
        if !aggregates.isEmpty { try c.encode(aggregates, forKey: .aggregates) }
    }

    /// The settings one aggregate is built with, and where each came from (for errors).
    struct Applied {
        /// Where a setting came from: the step, the aggregate's level or the aggregate itself.
        enum Origin { case step, level, aggregate }

        var method: Method
        var p: Double?
        var threshold: Double?
        var weights: String
        var owa: [Double]?
        var shares: [Double]?
        var methodOrigin = Origin.step
        var pOrigin = Origin.step
        var thresholdOrigin = Origin.step
        var weightsOrigin = Origin.step
        var owaOrigin = Origin.step
        var sharesOrigin = Origin.step
        /// The aggregate's level and code, to name the override's field.
        var level = 0
        var code = ""

        /// The spec field of setting `name` that came from `origin`: `p`, `levels.3.p`, `aggregates.P1.p`.
        func field(_ name: String, from origin: Origin) -> String {
            switch origin {
            case .step: name
            case .level: "levels.\(level).\(name)"
            case .aggregate: "aggregates.\(code).\(name)"
            }
        }
    }

    /// The settings of aggregate `a`: its own override's, else its level's, else the step's, field by field.
    func applied(to a: Int, framework: Framework) -> Applied {
        var r = Applied(method: method, p: p, threshold: threshold, weights: weights, owa: owa, shares: shares)
        guard !levels.isEmpty || !aggregates.isEmpty else { return r }
        r.level = framework.nodes[a].level
        r.code = framework.nodes[a].code
        for (origin, o) in [(Applied.Origin.level, levels.isEmpty ? nil : levels[String(r.level)]), (.aggregate, aggregates.isEmpty ? nil : aggregates[r.code])] {
            guard let o else { continue }
            if let m = o.method { r.method = m; r.methodOrigin = origin }
            if let p = o.p { r.p = p; r.pOrigin = origin }
            if let t = o.threshold { r.threshold = t; r.thresholdOrigin = origin }
            if let w = o.weights { r.weights = w; r.weightsOrigin = origin }
            if let w = o.owa { r.owa = w; r.owaOrigin = origin }
            if let b = o.shares { r.shares = b; r.sharesOrigin = origin }
        }
        // A p or owa the method needs but nobody gave is missing where the method was chosen.
        if r.p == nil { r.pOrigin = r.methodOrigin }
        if r.owa == nil { r.owaOrigin = r.methodOrigin }
        return r
    }

    /// Checks the keys of `levels` and `aggregates` against the framework.
    private func checkOverrides(_ framework: Framework) throws(IndexEngineError) {
        for key in levels.keys.sorted() {
            // "02" or "+2" would pass as level 2 yet never match it: only the plain number does.
            guard let level = Int(key), String(level) == key, (2...max(2, framework.topLevel)).contains(level), framework.topLevel >= 2 else {
                throw IndexEngineError(.invalidParameter, "'\(key)' is not an aggregation level; levels run from 2 to \(framework.topLevel)", column: "levels.\(key)")
            }
        }
        for code in aggregates.keys.sorted() {
            guard let i = framework.index(of: code), !framework.children[i].isEmpty else {
                let what = framework.index(of: code) == nil ? "not in the framework" : "an indicator, not an aggregate"
                throw IndexEngineError(.unknownCode, "'\(code)' is \(what)", column: "aggregates.\(code)")
            }
        }
    }

    /// The weight of every node as this step applies it: each child weighted by the set that
    /// applies to its parent. A set computed from the data (`derivedWeightSets`) is known only as
    /// the step runs: `deriving` gives the metadata's weights in its place for the step to
    /// replace, and without it such a set is an error.
    func composedWeights(context: BuildContext, deriving: Bool = false) throws(IndexEngineError) -> [Double] {
        let framework = context.framework
        try checkOverrides(framework)
        var weights = try Self.resolve(self.weights, field: "weights", context: context, deriving: deriving)
        guard !levels.isEmpty || !aggregates.isEmpty else { return weights }
        var sets = [self.weights: weights]
        for a in framework.nodes.indices where !framework.children[a].isEmpty {
            let s = applied(to: a, framework: framework)
            guard s.weights != self.weights else { continue }
            let set: [Double]
            if let known = sets[s.weights] {
                set = known
            } else {
                set = try Self.resolve(s.weights, field: s.field("weights", from: s.weightsOrigin), context: context, deriving: deriving)
                sets[s.weights] = set
            }
            for child in framework.children[a] { weights[child] = set[child] }
        }
        return weights
    }

    /// The weights of the set `name`; `field` names where the step refers to it.
    private static func resolve(_ name: String, field: String, context: BuildContext, deriving: Bool) throws(IndexEngineError) -> [Double] {
        if !deriving, context.weightSets[name] == nil, context.derivedWeightSets[name] != nil {
            throw IndexEngineError(
                .invalidSpec, "the weight set '\(name)' is computed from the data as the index is built, so its weights are known only from a build",
                column: field)
        }
        return try WeightSet.resolve(name, context: context, field: field)
    }

    /// The step with every node weighted by the set `name`, the overrides' weights dropped.
    func withWeights(_ name: String) -> Aggregate {
        var changed = self
        changed.weights = name
        for key in changed.levels.keys { changed.levels[key]?.weights = nil }
        for key in changed.aggregates.keys { changed.aggregates[key]?.weights = nil }
        return changed
    }

    func apply(_ state: inout BuildState, _ context: BuildContext, _ log: inout BuildLog) throws(IndexEngineError) {
        let framework = context.framework
        var weights = try composedWeights(context: context, deriving: true)
        if state.values.columns < framework.nodes.count {
            state.values.appendColumns(framework.nodes.count - state.values.columns)
        }
        defer { state.weights = weights }
        guard framework.topLevel >= 2 else { return }
        for level in 2...framework.topLevel {
            for a in framework.aggregates(atLevel: level) {
                let s = applied(to: a, framework: framework)
                if let threshold = s.threshold, !(0...1).contains(threshold) {
                    throw IndexEngineError(.invalidParameter, "must lie between 0 and 1, not \(threshold)", column: s.field("threshold", from: s.thresholdOrigin))
                }
                if s.method == .generalised {
                    guard let p = s.p, p != 0, p.isFinite else {
                        throw IndexEngineError(.invalidParameter, "the generalised mean needs a finite, non-zero p", column: s.field("p", from: s.pOrigin))
                    }
                }
                if s.method == .orderedWeightedAveraging {
                    guard let owa = s.owa else {
                        throw IndexEngineError(.invalidParameter, "ordered weighted averaging needs its position weights", column: s.field("owa", from: s.owaOrigin))
                    }
                    try OrderedWeightedAveraging.check(owa, field: s.field("owa", from: s.owaOrigin))
                    let k = framework.children[a].count
                    guard owa.count == k else {
                        throw IndexEngineError(
                            .invalidParameter, "has \(owa.count) weights, but '\(framework.nodes[a].code)' has \(k) children", column: s.field("owa", from: s.owaOrigin))
                    }
                }
                if s.method == .benefitOfTheDoubt, let shares = s.shares {
                    try BenefitOfTheDoubt.check(shares: shares, children: framework.children[a].count, field: s.field("shares", from: s.sharesOrigin))
                }
                if !context.derivedWeightSets.isEmpty, context.weightSets[s.weights] == nil, let set = context.derivedWeightSets[s.weights],
                    set.covers(a, framework: framework)
                {
                    try derive(set, named: s.weights, for: a, settings: s, weights: &weights, state: &state, context: context, log: &log)
                }
                try aggregate(a, s, weights: weights, state: &state, context: context)
            }
        }
    }

    /// Computes the weights of the children of `a` by `set` from their values as they stand,
    /// into `weights`.
    private func derive(
        _ set: DerivedWeights, named name: String, for a: Int, settings s: Applied, weights: inout [Double], state: inout BuildState,
        context: BuildContext, log: inout BuildLog
    ) throws(IndexEngineError) {
        let framework = context.framework
        let children = framework.children[a]
        let codes = children.map { framework.nodes[$0].code }
        let code = framework.nodes[a].code
        let field = "weightSets.\(name)"
        let columns = children.map { state.values.column($0) }
        switch set.method {
        case .pca:
            guard children.count > 1 else {
                weights[children[0]] = 1
                return
            }
            guard let pca = PrincipalComponents.of(columns, codes: codes) else {
                throw IndexEngineError(
                    .invalidParameter, "PCA weights for the children of '\(code)' need at least three units with values of all of them, none constant",
                    column: field)
            }
            if let negative = pca.negativeLoadings.first {
                throw IndexEngineError(
                    .invalidWeight, "'\(negative)' loads negatively on the first principal component of the children of '\(code)', so PCA would weight it below zero",
                    column: field)
            }
            for (child, w) in zip(children, pca.weights) { weights[child] = w }
        case .optimised:
            let goals = set.targets?[code] ?? [:]
            let targets = goals.isEmpty ? nil : codes.map { goals[$0] ?? .nan }
            var trial = weights
            let outcome: WeightOptimiser.Outcome
            do {
                outcome = try WeightOptimiser().search(code, children: codes, start: children.map { weights[$0] }, targets: targets) {
                    (w: [Double]) throws(IndexEngineError) in
                    for (child, x) in zip(children, w) { trial[child] = x }
                    try aggregate(a, s, weights: trial, state: &state, context: context)
                    return (state.values.column(a), columns)
                }
            } catch {
                var located = error
                if located.column == "aggregate" { located.column = "\(field).targets.\(code)" }
                throw located
            }
            for (child, w) in zip(children, outcome.weights) { weights[child] = w }
            if !outcome.converged {
                log.warn(
                    .weightsNotConverged,
                    "the weights of set '\(name)' for the children of '\(code)' came within \(WeightOptimiser().tolerance) of their target correlations for none or only some of them after \(outcome.iterations) rounds",
                    indicator: code)
            }
        }
    }

    /// Writes the scores of aggregate `a` under settings `s` and `weights` into `state`.
    private func aggregate(_ a: Int, _ s: Applied, weights allWeights: [Double], state: inout BuildState, context: BuildContext) throws(IndexEngineError) {
        let children = context.framework.children[a]
        var out: [Double]
        switch s.method {
        case .arithmetic, .geometric, .harmonic, .generalised:
            out = try means(a, method: s.method, p: s.p ?? 1, threshold: s.threshold, weights: allWeights, state: state, context: context)
        case .copeland:
            out = Self.copeland(children.map { state.values.column($0) }, weights: children.map { allWeights[$0] })
        case .mazziottaPareto:
            out = Self.mazziottaPareto(children.map { state.values.column($0) })
        case .product:
            out = try product(a, threshold: s.threshold, state: state, context: context)
        case .benefitOfTheDoubt:
            out = try benefitOfTheDoubt(a, shares: s.shares, state: state, context: context)
        case .orderedWeightedAveraging:
            out = orderedWeightedAverages(a, weights: s.owa ?? [], state: state, context: context)
        }
        if s.method == .copeland || s.method == .mazziottaPareto, let threshold = s.threshold {
            let k = children.count
            for r in 0..<state.values.rows {
                let available = children.count { !state.values[r, $0].isNaN }
                if Double(available) / Double(k) < threshold { out[r] = .nan }
            }
        }
        state.values.setColumn(a, out)
    }

    /// The weighted arithmetic, geometric, harmonic or generalised means of the children of `a`.
    private func means(
        _ a: Int, method: Method, p: Double, threshold: Double?, weights allWeights: [Double], state: BuildState, context: BuildContext
    ) throws(IndexEngineError) -> [Double] {
        let children = context.framework.children[a]
        let w = children.map { allWeights[$0] }
        let rows = state.values.rows
        let k = children.count
        var x = [Double](repeating: .nan, count: k)
        var out = [Double](repeating: .nan, count: rows)
        for r in 0..<rows {
            var available = 0
            for (j, child) in children.enumerated() {
                x[j] = state.values[r, child]
                if !x[j].isNaN { available += 1 }
            }
            if available == 0 { continue }
            if let threshold, Double(available) / Double(k) < threshold { continue }
            var sw = 0.0, s = 0.0
            for j in 0..<k where !x[j].isNaN {
                let v = x[j]
                switch method {
                case .arithmetic: s += w[j] * v
                case .geometric:
                    guard v > 0 else { throw nonPositive(a, r, children[j], v, "a geometric mean needs positive values", state, context) }
                    s += w[j] * Foundation.log(v)
                case .harmonic:
                    guard v != 0 else { throw nonPositive(a, r, children[j], v, "a harmonic mean cannot use a zero", state, context) }
                    s += w[j] / v
                case .generalised:
                    guard v > 0 || p > 0 else { throw nonPositive(a, r, children[j], v, "a generalised mean with p < 0 needs positive values", state, context) }
                    s += w[j] * pow(v, p)
                case .copeland, .mazziottaPareto, .product, .benefitOfTheDoubt, .orderedWeightedAveraging: break
                }
                sw += w[j]
            }
            switch method {
            case .arithmetic: out[r] = s / sw
            case .geometric: out[r] = Foundation.exp(s / sw)
            case .harmonic: out[r] = sw / s
            case .generalised: out[r] = pow(s / sw, 1 / p)
            case .copeland, .mazziottaPareto, .product, .benefitOfTheDoubt, .orderedWeightedAveraging: break
            }
        }
        return out
    }

    /// The products of the children of `a`.
    private func product(_ a: Int, threshold: Double?, state: BuildState, context: BuildContext) throws(IndexEngineError) -> [Double] {
        let children = context.framework.children[a]
        let k = children.count
        var out = [Double](repeating: .nan, count: state.values.rows)
        for r in 0..<state.values.rows {
            var product = 1.0
            var available = 0
            for child in children {
                let v = state.values[r, child]
                if v.isNaN { continue }
                guard v > 0 else { throw nonPositive(a, r, child, v, "a product needs positive values", state, context) }
                product *= v
                available += 1
            }
            // Without a threshold a product over fewer children is not comparable with the
            // others (it drops a factor), so it is missing; a threshold says what may be skipped.
            guard available > 0, available == k || threshold.map({ Double(available) / Double(k) >= $0 }) == true else { continue }
            out[r] = product
        }
        return out
    }

    /// The benefit-of-the-doubt scores of the children of `a`.
    private func benefitOfTheDoubt(_ a: Int, shares: [Double]?, state: BuildState, context: BuildContext) throws(IndexEngineError) -> [Double] {
        let children = context.framework.children[a]
        let columns = children.map { state.values.column($0) }
        for (j, column) in columns.enumerated() {
            if let r = column.firstIndex(where: { $0 < 0 }) {
                throw nonPositive(a, r, children[j], column[r], "benefit of the doubt needs values that are not negative", state, context)
            }
        }
        let complete = (0..<state.values.rows).count { r in columns.allSatisfy { !$0[r].isNaN } }
        guard complete <= BenefitOfTheDoubt.maximumUnits else {
            throw IndexEngineError(
                .invalidParameter,
                "benefit of the doubt solves a programme over all units for each unit, and '\(context.framework.nodes[a].code)' has \(complete) units with every child; it takes at most \(BenefitOfTheDoubt.maximumUnits)",
                column: "method")
        }
        guard let scores = BenefitOfTheDoubt.scores(columns, shares: shares) else {
            throw IndexEngineError(.invalidParameter, "the benefit-of-the-doubt programme for '\(context.framework.nodes[a].code)' could not be solved", column: "method")
        }
        return scores.map { $0?.score ?? .nan }
    }

    /// The ordered weighted averages of the children of `a`; a unit missing a child has none.
    private func orderedWeightedAverages(_ a: Int, weights owa: [Double], state: BuildState, context: BuildContext) -> [Double] {
        let children = context.framework.children[a]
        var x = [Double](repeating: .nan, count: children.count)
        return (0..<state.values.rows).map { r in
            for (j, child) in children.enumerated() { x[j] = state.values[r, child] }
            return x.contains(where: \.isNaN) ? .nan : OrderedWeightedAveraging.aggregate(x, weights: owa)
        }
    }

    private func nonPositive(_ a: Int, _ r: Int, _ child: Int, _ v: Double, _ why: String, _ state: BuildState, _ context: BuildContext) -> IndexEngineError {
        let nodes = context.framework.nodes
        let unit = context.dataset.units[state.units[r]].code
        return IndexEngineError(
            .nonPositiveValue,
            "\(why): '\(nodes[child].code)' of unit '\(unit)' is \(v) while aggregating '\(nodes[a].code)' (normalise onto a positive range such as [1, 100] first)",
            column: "method")
    }

    /// Copeland scores: for each pair of units, the weighted share of children on which one beats
    /// the other (ties count half); a share above one half is a win (+1), below a loss (−1).
    static func copeland(_ columns: [[Double]], weights: [Double]) -> [Double] {
        let n = columns.first?.count ?? 0
        let total = weights.reduce(0, +)
        let w = weights.map { $0 / total }
        var score = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                var share = 0.0
                for (c, column) in columns.enumerated() {
                    let (a, b) = (column[i], column[j])
                    if a > b { share += w[c] } else if a == b { share += w[c] / 2 }
                }
                if share > 0.5 { score[i] += 1; score[j] -= 1 } else if share < 0.5 { score[i] -= 1; score[j] += 1 }
            }
        }
        for i in 0..<n where columns.allSatisfy({ $0[i].isNaN }) { score[i] = .nan }
        return score
    }

    /// Mazziotta-Pareto index with the penalty for positive polarity: each child is standardised
    /// to mean 100 and sd 10 across units; a unit scores `M − S·(S/M)` over its children's values.
    static func mazziottaPareto(_ columns: [[Double]]) -> [Double] {
        let n = columns.first?.count ?? 0
        let standardised = columns.map { column -> [Double] in
            let (mean, sd) = column.withBuffer { (Moments.mean($0), Moments.standardDeviation($0)) }
            return column.map { (($0 - mean) / sd) * 10 + 100 }
        }
        return (0..<n).map { i in
            let z = standardised.map { $0[i] }.filter { !$0.isNaN }
            guard !z.isEmpty else { return .nan }
            let m = z.reduce(0, +) / Double(z.count)
            guard z.count > 1 else { return m }
            let s = (z.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(z.count - 1)).squareRoot()
            return m - s * (s / m)
        }
    }
}
