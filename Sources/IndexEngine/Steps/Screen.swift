/// Removes units whose data availability is below a threshold.
///
/// Availability is `1 − missing/indicators` (computed in that form, as COINr does, so units on the
/// threshold fall the same way); the share of non-zero values is `1 − zeros/observed`. A unit is
/// kept when its share is at least the threshold. `include` and `exclude` override the rule, and
/// exclusion wins over inclusion.
public struct Screen: Sendable, Codable, Equatable {
    /// What counts against a unit.
    public enum Criterion: String, Sendable, Codable, SpecChoice {
        /// Missing values (COINr's `byNA`).
        case missing
        /// Zeros among the observed values (COINr's `byzeros`).
        case zeros
        /// Either (COINr's `byNAandzeros`): a unit failing either rule is removed.
        case missingOrZeros
    }

    /// The least share of observed values a unit needs.
    public var threshold: Double
    /// The least share of non-zero values among the observed ones a unit needs.
    public var nonZeroThreshold: Double
    /// Which rule applies.
    public var by: Criterion
    /// Units kept whatever their data.
    public var include: [String]
    /// Units removed whatever their data.
    public var exclude: [String]

    /// Creates the step.
    public init(threshold: Double = 2.0 / 3.0, nonZeroThreshold: Double = 0.05, by: Criterion = .missing, include: [String] = [], exclude: [String] = []) {
        self.threshold = threshold
        self.nonZeroThreshold = nonZeroThreshold
        self.by = by
        self.include = include
        self.exclude = exclude
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["step", "threshold", "nonZeroThreshold", "by", "include", "exclude"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            threshold: try c.value(.threshold, default: 2.0 / 3.0),
            nonZeroThreshold: try c.value(.nonZeroThreshold, default: 0.05),
            by: try c.value(.by, default: .missing),
            include: try c.value(.include, default: []),
            exclude: try c.value(.exclude, default: []))
    }

    func apply(_ state: inout BuildState, _ context: BuildContext, _ log: inout BuildLog) throws(IndexEngineError) {
        for (field, value) in [("threshold", threshold), ("nonZeroThreshold", nonZeroThreshold)] where !(0...1).contains(value) {
            throw IndexEngineError(.invalidParameter, "must lie between 0 and 1, not \(value)", column: field)
        }
        let units = context.dataset.units
        let known = Set(units.map(\.code))
        for (field, codes) in [("include", include), ("exclude", exclude)] {
            if let unknown = codes.first(where: { !known.contains($0) }) {
                throw IndexEngineError(.unknownCode, "'\(unknown)' is not a unit of the data", column: field)
            }
        }
        let forcedIn = Set(include), forcedOut = Set(exclude)
        let columns = state.values.columns, rows = state.values.rows
        var kept: [Int] = []
        for r in 0..<rows {
            var missing = 0, zeros = 0
            for c in 0..<columns {
                let v = state.values[r, c]
                if v.isNaN { missing += 1 } else if v == 0 { zeros += 1 }
            }
            let availability = 1 - Double(missing) / Double(columns)
            let nonZero = 1 - Double(zeros) / Double(columns - missing)
            let lowData = availability < threshold
            let lowNonZero = !(nonZero >= nonZeroThreshold)
            var keep: Bool
            switch by {
            case .missing: keep = !lowData
            case .zeros: keep = !lowNonZero
            case .missingOrZeros: keep = !(lowData || lowNonZero)
            }
            let code = units[state.units[r]].code
            if forcedIn.contains(code) { keep = true }
            if forcedOut.contains(code) { keep = false }
            if keep { kept.append(r) }
        }
        guard !kept.isEmpty else {
            throw IndexEngineError(.noData, "no unit passes the screen (threshold \(threshold))", column: "threshold")
        }
        if kept.count < rows {
            let removed = Set(0..<rows).subtracting(kept).sorted().map { units[state.units[$0]].code }
            log.warn(.unitsRemoved, "removed \(removed.count) unit(s): \(removed.joined(separator: ", "))", unit: removed.count == 1 ? removed[0] : nil)
            state.values = state.values.selectingRows(kept)
            state.units = kept.map { state.units[$0] }
        }
    }
}
