import IndexEngine

/// The index as the pages and the API show it: one row per unit with its scores and rank
/// interval, and the framework's aggregates from the top down.
public struct IndexView: Sendable {
    /// One unit's row.
    public struct Row: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var rank: Int?
        /// Scores by aggregate code.
        public var scores: [String: Double]
        /// Group values by group name (region, income band, …).
        public var groups: [String: String]
        /// The 5th and 95th percentile ranks from the uncertainty analysis.
        public var rankInterval: [Double]?
        /// The median rank over the uncertainty analysis's runs.
        public var medianRank: Double?

        /// The row as JSON; an interval with an unknown end is left out (JSON has no NaN).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encodeIfPresent(rank, forKey: .rank)
            try c.encode(scores.filter { $0.value.isFinite }, forKey: .scores)
            try c.encode(groups, forKey: .groups)
            try c.encodeIfPresent(rankInterval.flatMap { $0.allSatisfy(\.isFinite) ? $0 : nil }, forKey: .rankInterval)
            try c.encodeIfPresent(medianRank.flatMap { $0.isFinite ? $0 : nil }, forKey: .medianRank)
        }
    }

    /// The index's name.
    public var name: String
    /// The aggregates shown, from the top level down: code and name.
    public var aggregates: [(code: String, name: String, level: Int)]
    /// The group columns of the data.
    public var groupNames: [String]
    /// The rows, best rank first.
    public var rows: [Row]
    /// The build, for profiles and the methodology.
    public let build: BuildResult
    /// The spec it was built from.
    public let spec: BuildSpec

    /// A view of `build`, with rank intervals from `uncertainty` when given.
    public init(build: BuildResult, spec: BuildSpec, uncertainty: UncertaintyAnalysis?) {
        self.build = build
        self.spec = spec
        let framework = build.framework
        name = spec.name ?? framework.nodes[build.headline].name
        let columns = stride(from: framework.topLevel, through: 2, by: -1).flatMap { framework.aggregates(atLevel: $0) }
        aggregates = columns.map { (framework.nodes[$0].code, framework.nodes[$0].name, framework.nodes[$0].level) }
        groupNames = build.dataset.groups.map(\.name)
        let ranks = build.ranks
        // A unit whose uncertainty runs gave no rank has no interval (NaN is not JSON, nor a rank).
        let summaries = (uncertainty?.units ?? []).filter { $0.rank5.isFinite && $0.rank95.isFinite }
        let intervals = Dictionary(uniqueKeysWithValues: summaries.map { ($0.code, [$0.rank5, $0.rank95]) })
        let medians = Dictionary(uniqueKeysWithValues: summaries.filter { $0.medianRank.isFinite }.map { ($0.code, $0.medianRank) })
        rows = build.rankedRows.map { r in
            let unitRow = build.final.units[r]
            let unit = build.dataset.units[unitRow]
            var scores: [String: Double] = [:]
            for c in columns where build.final.values[r, c].isFinite { scores[framework.nodes[c].code] = build.final.values[r, c] }
            var groups: [String: String] = [:]
            for g in build.dataset.groups { if let v = g.values[unitRow] { groups[g.name] = v } }
            return Row(code: unit.code, name: unit.name, rank: Show.integer(ranks[r]), scores: scores, groups: groups, rankInterval: intervals[unit.code], medianRank: medians[unit.code])
        }
    }

    /// The row of the unit `code`, if any.
    public func row(_ code: String) -> Row? { rows.first { $0.code == code } }
}
