/// Fills missing indicator values.
///
/// Cross-sectional methods use the other units' values of the same indicator (all of them, or
/// those of the unit's group); panel methods use the same unit's values at other time points.
/// A value that cannot be estimated (a group with no data, a unit without a group value, no
/// earlier year) stays missing and is reported in the build log.
public struct Impute: Sendable, Codable, Equatable {
    /// How a missing value is estimated.
    public enum Method: String, Sendable, Codable, SpecChoice {
        /// Leave missing values as they are.
        case none
        /// The mean of the indicator over all units.
        case mean
        /// The median of the indicator over all units.
        case median
        /// The mean over the units of the same group.
        case groupMean
        /// The median over the units of the same group.
        case groupMedian
        /// The unit's most recent earlier value (looking back at most `maxTime` time points).
        case panelLatest
        /// The unit's last earlier value, or its first later one when there is none.
        case panelConstant
        /// Linear interpolation in time between the unit's nearest values; the nearest value beyond the ends.
        case panelLinear

        var usesGroup: Bool { self == .groupMean || self == .groupMedian }
        var usesPanel: Bool { self == .panelLatest || self == .panelConstant || self == .panelLinear }
    }

    /// Per-indicator settings of the impute step.
    public struct Override: Sendable, Codable, Equatable {
        /// The method for this indicator.
        public var method: Method?
        /// The group column for this indicator.
        public var group: String?

        public init(method: Method? = nil, group: String? = nil) {
            self.method = method
            self.group = group
        }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["method", "group"])
            let c = try decoder.container(keyedBy: CodingKeys.self)
            method = try c.decodeIfPresent(Method.self, forKey: .method)
            group = try c.decodeIfPresent(String.self, forKey: .group)
        }
    }

    /// The method for every indicator without an override.
    public var method: Method
    /// The group column used by the group methods.
    public var group: String?
    /// For `panelLatest`: how many earlier time points may be looked at; all when absent.
    public var maxTime: Int?
    /// Per-indicator settings, by indicator code.
    public var overrides: [String: Override]

    /// Creates the step.
    public init(method: Method = .mean, group: String? = nil, maxTime: Int? = nil, overrides: [String: Override] = [:]) {
        self.method = method
        self.group = group
        self.maxTime = maxTime
        self.overrides = overrides
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["step", "method", "group", "maxTime", "overrides"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            method: try c.value(.method, default: .mean), group: try c.decodeIfPresent(String.self, forKey: .group),
            maxTime: try c.decodeIfPresent(Int.self, forKey: .maxTime), overrides: try c.value(.overrides, default: [:]))
    }

    func apply(_ state: inout BuildState, _ context: BuildContext, _ log: inout BuildLog) throws(IndexEngineError) {
        try context.checkIndicatorCodes(overrides, field: "overrides")
        if let maxTime, maxTime < 1 {
            throw IndexEngineError(.invalidParameter, "must be at least 1, not \(maxTime)", column: "maxTime")
        }
        let framework = context.framework
        let rows = state.values.rows
        var unfilled: [String] = []
        var groupIDs: [String: GroupIDs] = [:]
        for c in 0..<framework.indicatorCount {
            let code = framework.nodes[c].code
            let override = overrides[code]
            let method = override?.method ?? self.method
            let field = override?.method == nil ? "method" : "overrides.\(code).method"
            var column = state.values.column(c)
            guard method != .none, column.contains(where: \.isNaN) else { continue }
            if column.allSatisfy(\.isNaN) && !method.usesPanel {
                unfilled.append(code)
                continue
            }
            switch method {
            case .none:
                continue
            case .mean, .median:
                let fill = column.withBuffer { method == .mean ? Moments.mean($0) : Moments.median($0) }
                for r in 0..<rows where column[r].isNaN { column[r] = fill }
            case .groupMean, .groupMedian:
                guard let name = override?.group ?? group else {
                    throw IndexEngineError(.invalidParameter, "the method \(method.rawValue) needs a group column", column: override?.group == nil ? "group" : "overrides.\(code).group")
                }
                if groupIDs[name] == nil {
                    guard let groups = context.dataset.group(name) else {
                        let known = context.dataset.groups.map(\.name).joined(separator: ", ")
                        throw IndexEngineError(
                            .unknownCode, "'\(name)' is not a group column of the data (groups: \(known.isEmpty ? "none" : known))",
                            column: override?.group == nil ? "group" : "overrides.\(code).group")
                    }
                    groupIDs[name] = GroupIDs(state.units.map { groups[$0] })
                }
                guard let ids = groupIDs[name] else { continue }
                var members = [[Double]](repeating: [], count: ids.count)
                for r in 0..<rows {
                    if let g = ids.of[r], !column[r].isNaN { members[g].append(column[r]) }
                }
                let fills = members.map { values in
                    values.withBuffer { method == .groupMean ? Moments.mean($0) : Moments.median($0) }
                }
                for r in 0..<rows where column[r].isNaN {
                    if let g = ids.of[r] { column[r] = fills[g] }
                }
            case .panelLatest, .panelConstant, .panelLinear:
                guard let panel = state.panel, let times = context.dataset.panel?.times,
                      let now = times.firstIndex(where: { $0 == context.dataset.time }) else {
                    throw IndexEngineError(.invalidParameter, "the method \(method.rawValue) needs panel data (a time column with several time points)", column: field)
                }
                for r in 0..<rows where column[r].isNaN {
                    let series = panel.map { $0[state.units[r], c] }
                    column[r] = Self.fromPanel(series, times: times, at: now, method: method, maxTime: maxTime)
                }
            }
            if column.contains(where: \.isNaN) { unfilled.append(code) }
            state.values.setColumn(c, column)
        }
        if !unfilled.isEmpty {
            log.warn(
                .valuesLeftMissing, "missing values remain in \(unfilled.count) indicator(s): \(unfilled.joined(separator: ", "))",
                indicator: unfilled.count == 1 ? unfilled[0] : nil)
        }
    }

    /// Estimates the value at time index `now` from the unit's own series.
    static func fromPanel(_ series: [Double], times: [Int], at now: Int, method: Method, maxTime: Int?) -> Double {
        let earlier = (0..<now).reversed().filter { !series[$0].isNaN }
        let later = ((now + 1)..<series.count).filter { !series[$0].isNaN }
        switch method {
        case .panelLatest:
            // Only earlier time points count, and at most `maxTime` of them (observed or not).
            let window = maxTime.map { max(0, now - $0) } ?? 0
            return earlier.first { $0 >= window }.map { series[$0] } ?? .nan
        case .panelConstant:
            return (earlier.first ?? later.first).map { series[$0] } ?? .nan
        default:
            switch (earlier.first, later.first) {
            case let (before?, after?):
                let (t0, t1, t) = (Double(times[before]), Double(times[after]), Double(times[now]))
                return series[before] + (series[after] - series[before]) * (t - t0) / (t1 - t0)
            case let (before?, nil): return series[before]
            case let (nil, after?): return series[after]
            case (nil, nil): return .nan
            }
        }
    }
}

/// The groups of the units in a build as small integers, so that group statistics index arrays
/// instead of hashing group names for every indicator.
private struct GroupIDs {
    /// For each row, its group's number, or `nil` when the unit has no group value.
    let of: [Int?]
    /// The number of distinct groups.
    let count: Int

    init(_ names: [String?]) {
        var numbers: [String: Int] = [:]
        of = names.map { name in
            guard let name else { return nil }
            if let n = numbers[name] { return n }
            numbers[name] = numbers.count
            return numbers.count - 1
        }
        count = numbers.count
    }
}
