/// Divides indicators by a denominator column (GDP, population, area, …), times a scale factor.
///
/// Each indicator uses the denominator named in its metadata unless an override names another
/// one or `none`. A missing or zero denominator gives a missing value.
public struct Denominate: Sendable, Codable, Equatable {
    /// The factor every quotient is multiplied by.
    public var scale: Double
    /// Per-indicator settings, by indicator code.
    public var overrides: [String: Override]

    /// Per-indicator settings of the denominate step.
    public struct Override: Sendable, Codable, Equatable {
        /// The denominator column to use; `"none"` leaves the indicator as it is.
        public var denominator: String?
        /// The scale factor for this indicator.
        public var scale: Double?

        public init(denominator: String? = nil, scale: Double? = nil) {
            self.denominator = denominator
            self.scale = scale
        }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["denominator", "scale"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            denominator = try c.decodeIfPresent(String.self, forKey: .denominator)
            scale = try c.decodeIfPresent(Double.self, forKey: .scale)
        }
    }

    /// Creates the step.
    public init(scale: Double = 1, overrides: [String: Override] = [:]) {
        self.scale = scale
        self.overrides = overrides
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["step", "scale", "overrides"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scale = try c.value(.scale, default: 1)
        overrides = try c.value(.overrides, default: [:])
    }

    func apply(_ state: inout BuildState, _ context: BuildContext) throws(IndexEngineError) {
        try context.checkIndicatorCodes(overrides, field: "overrides")
        let framework = context.framework
        for c in 0..<framework.indicatorCount {
            let node = framework.nodes[c]
            let override = overrides[node.code]
            guard let name = override?.denominator ?? node.denominator, name != "none" else { continue }
            guard let denominator = context.dataset.denominator(name) else {
                throw IndexEngineError(.missingColumn, "the denominator column '\(name)' of '\(node.code)' is not in the data", column: name)
            }
            let factor = override?.scale ?? scale
            divide(&state.values, column: c, rows: state.units, by: denominator, factor: factor)
            if var panel = state.panel, let byTime = context.dataset.panel?.denominators {
                for t in panel.indices {
                    let perTime = byTime[t].first { $0.name == name }?.values ?? denominator
                    divide(&panel[t], column: c, rows: Array(0..<panel[t].rows), by: perTime, factor: factor)
                }
                state.panel = panel
            }
        }
    }

    private func divide(_ values: inout Matrix, column c: Int, rows: [Int], by denominator: [Double], factor: Double) {
        for (r, unit) in rows.enumerated() {
            let d = denominator[unit]
            values[r, c] = d == 0 || d.isNaN ? .nan : values[r, c] / d * factor
        }
    }
}
