import Foundation

/// Treats outliers so that no indicator dominates through a few extreme values.
///
/// The default follows COINr: an indicator passes when |skew| < `skewThreshold` or excess
/// kurtosis < `kurtosisThreshold` (both sample-adjusted). One that fails is winsorised: the
/// points tied at the extreme on the side of the skew are set to the next value in, and this
/// repeats until it passes or `winmax` points have been changed. If it still fails, the
/// fallback — by default `log(x − min + 0.01·(max − min))` of the original values — is used.
/// `winmax` 0 winsorises nothing, so a failing indicator goes straight to the fallback.
///
/// `force` (per indicator) is COINr's `force_win`: the method runs whether or not the indicator
/// passes, and winsorisation goes on until `winmax` points have changed, each round on the side
/// of the current skew — which may change sides as points move in.
public struct Treat: Sendable, Codable, Equatable {
    /// A transformation of one indicator.
    public enum Method: String, Sendable, Codable, SpecChoice {
        /// Leave the indicator as it is.
        case none
        /// Winsorise by the skew and kurtosis rule.
        case winsorise
        /// `log(x − min + 0.01·(max − min))`.
        case log
        /// `log(x − min + 1)`.
        case logPlusOne
        /// Box-Cox with parameter `lambda`, after shifting the values to a minimum of 1.
        case boxCox
    }

    /// Per-indicator settings of the treat step.
    public struct Override: Sendable, Codable, Equatable {
        public var method: Method?
        public var fallback: Method?
        public var winmax: Int?
        public var lambda: Double?
        /// Applies the method whether or not the indicator passes the check.
        public var force: Bool?

        public init(method: Method? = nil, fallback: Method? = nil, winmax: Int? = nil, lambda: Double? = nil, force: Bool? = nil) {
            self.method = method
            self.fallback = fallback
            self.winmax = winmax
            self.lambda = lambda
            self.force = force
        }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["method", "fallback", "winmax", "lambda", "force"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                method: try c.decodeIfPresent(Method.self, forKey: .method), fallback: try c.decodeIfPresent(Method.self, forKey: .fallback),
                winmax: try c.decodeIfPresent(Int.self, forKey: .winmax), lambda: try c.decodeIfPresent(Double.self, forKey: .lambda),
                force: try c.decodeIfPresent(Bool.self, forKey: .force))
        }
    }

    /// The first treatment tried.
    public var method: Method
    /// The treatment used when the first one does not make the indicator pass.
    public var fallback: Method
    /// The most points winsorisation may change; 0 changes none.
    public var winmax: Int
    /// |skew| below this passes.
    public var skewThreshold: Double
    /// Excess kurtosis below this passes.
    public var kurtosisThreshold: Double
    /// The Box-Cox parameter.
    public var lambda: Double?
    /// Per-indicator settings, by indicator code.
    public var overrides: [String: Override]

    /// Creates the step.
    public init(
        method: Method = .winsorise, fallback: Method = .log, winmax: Int = 5, skewThreshold: Double = 2,
        kurtosisThreshold: Double = 3.5, lambda: Double? = nil, overrides: [String: Override] = [:]
    ) {
        self.method = method
        self.fallback = fallback
        self.winmax = winmax
        self.skewThreshold = skewThreshold
        self.kurtosisThreshold = kurtosisThreshold
        self.lambda = lambda
        self.overrides = overrides
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["step", "method", "fallback", "winmax", "skewThreshold", "kurtosisThreshold", "lambda", "overrides"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            method: try c.value(.method, default: .winsorise), fallback: try c.value(.fallback, default: .log),
            winmax: try c.value(.winmax, default: 5), skewThreshold: try c.value(.skewThreshold, default: 2),
            kurtosisThreshold: try c.value(.kurtosisThreshold, default: 3.5), lambda: try c.decodeIfPresent(Double.self, forKey: .lambda),
            overrides: try c.value(.overrides, default: [:]))
    }

    func apply(_ state: inout BuildState, _ context: BuildContext, _ log: inout BuildLog) throws(IndexEngineError) {
        try context.checkIndicatorCodes(overrides, field: "overrides")
        let framework = context.framework
        for c in 0..<framework.indicatorCount {
            let code = framework.nodes[c].code
            let o = overrides[code]
            let method = o?.method ?? self.method
            let winmax = o?.winmax ?? self.winmax
            let lambda = o?.lambda ?? self.lambda
            if winmax < 0 {
                throw IndexEngineError(.invalidParameter, "winmax must be 0 or more, not \(winmax)", column: o?.winmax == nil ? "winmax" : "overrides.\(code).winmax")
            }
            if (method == .boxCox || (o?.fallback ?? fallback) == .boxCox) && lambda == nil {
                throw IndexEngineError(.invalidParameter, "Box-Cox needs a lambda", column: o?.lambda == nil ? "lambda" : "overrides.\(code).lambda")
            }
            guard method != .none else { continue }
            let original = state.values.column(c)
            var report = TreatmentReport(indicator: code, before: check(original), points: [], applied: "none")
            let force = o?.force ?? false
            if report.before.pass == nil && !force {
                log.warn(.leftUntreated, "left untreated: skew and kurtosis cannot be computed (too few distinct values)", indicator: code)
                log.treatment.append(report)
                continue
            }
            guard report.before.pass == false || force else {
                log.treatment.append(report)
                continue
            }
            var first = original
            if method == .winsorise {
                guard let outcome = winsorise(&first, winmax: winmax, force: force) else {
                    log.warn(.leftUntreated, "left untreated: winsorisation left too few distinct values", indicator: code)
                    log.treatment.append(report)
                    continue
                }
                report.winsorised = outcome.count
                report.points = outcome.points
            } else {
                first = Self.transform(original, method, lambda: lambda)
            }
            report.afterFirst = check(first)
            if report.afterFirst?.pass == nil && !force {
                // COINr's Treat.numeric returns the indicator untreated when the check after the first
                // treatment cannot be computed (winsorisation left a constant column, say).
                log.warn(.leftUntreated, "left untreated: skew and kurtosis cannot be computed after \(method.rawValue)", indicator: code)
                log.treatment.append(report)
                continue
            }
            // Winsorising no point (`winmax` 0) applies nothing: the report keeps "none".
            if method != .winsorise || report.winsorised != 0 { report.applied = method.rawValue }
            var result = first
            let fallback = o?.fallback ?? self.fallback
            if report.afterFirst?.pass != true && fallback != .none && fallback != .winsorise {
                let second = Self.transform(original, fallback, lambda: lambda)
                report.afterFallback = check(second)
                result = second
                report.applied = fallback.rawValue
            }
            if result.contains(where: { !$0.isNaN && !$0.isFinite }) {
                throw IndexEngineError(.invalidParameter, "the \(report.applied) transform of '\(code)' gives infinite values (is the indicator constant?)", column: "method")
            }
            state.values.setColumn(c, result)
            log.treatment.append(report)
        }
    }

    /// The skew and kurtosis check of COINr: pass when |skew| < threshold or kurtosis < threshold.
    func check(_ x: [Double]) -> TreatmentReport.Check {
        let (skew, kurtosis) = x.withBuffer(Moments.shape)
        let skewOK = skew.isNaN ? nil : abs(skew) < skewThreshold
        let kurtosisOK = kurtosis.isNaN ? nil : kurtosis < kurtosisThreshold
        let pass: Bool? = skewOK == true || kurtosisOK == true ? true : (skewOK == nil || kurtosisOK == nil ? nil : false)
        return TreatmentReport.Check(pass: pass, skew: skew, kurtosis: kurtosis)
    }

    /// Winsorises `x` in place; `nil` when the statistics stop being computable.
    ///
    /// Each round moves every point tied at the current extreme to the next value in, on the side
    /// given by the sign of the current skew; the count of changed points is the size of that tie
    /// group, which grows as points pile up, exactly as COINr counts them.
    func winsorise(_ x: inout [Double], winmax: Int, force: Bool) -> (count: Int, points: [(row: Int, side: TreatmentReport.Side)])? {
        var high: [Int] = [], low: [Int] = []
        var count = 0
        var current = check(x)
        while (current.pass != true || force) && count < winmax {
            let skew = current.skew
            guard !skew.isNaN, current.pass != nil || force else { return nil }
            let up = skew >= 0
            var extreme = up ? -Double.infinity : Double.infinity
            for v in x where !v.isNaN && (up ? v > extreme : v < extreme) { extreme = v }
            var next = up ? -Double.infinity : Double.infinity
            var tied: [Int] = []
            for (i, v) in x.enumerated() where !v.isNaN {
                if v == extreme { tied.append(i) } else if up ? v > next : v < next { next = v }
            }
            guard next.isFinite else { return nil }
            for i in tied { x[i] = next }
            if up { high = tied } else { low = tied }
            count = high.count + low.count
            current = check(x)
        }
        let points = high.map { (row: $0, side: TreatmentReport.Side.high) } + low.map { (row: $0, side: .low) }
        return (count, points.sorted { $0.row < $1.row })
    }

    /// Applies a closed-form transform to the observed values of a column.
    static func transform(_ x: [Double], _ method: Method, lambda: Double?) -> [Double] {
        guard let (lo, hi) = x.withBuffer({ Moments.range($0) }) else { return x }
        switch method {
        case .log:
            return x.map { Foundation.log($0 - lo + 0.01 * (hi - lo)) }
        case .logPlusOne:
            return x.map { Foundation.log($0 - lo + 1) }
        case .boxCox:
            let lambda = lambda ?? 1
            return x.map {
                let shifted = $0 - lo + 1
                return lambda == 0 ? Foundation.log(shifted) : (pow(shifted, lambda) - 1) / lambda
            }
        case .none, .winsorise:
            return x
        }
    }
}
