import Foundation

/// Writes an audit report as CSV tables and a JSON summary.
public struct AuditWriter: Sendable {
    /// The directory written to.
    public let directory: String

    /// A writer into `directory`, created if needed.
    public init(directory: String) {
        self.directory = directory
    }

    /// Writes `statistics.csv`, `correlations.csv`, `reliability.csv`, `pca.csv`,
    /// `effective-weights.csv`, `remove-one.csv` and `audit.json`.
    public func write(_ report: AuditReport) throws(IndexEngineError) {
        let files: [(String, String)] = [
            ("statistics.csv", Self.statisticsTable(report.statistics).csv),
            ("correlations.csv", Self.correlationsTable(report.correlations).csv),
            ("reliability.csv", Self.reliabilityTable(report.groups).csv),
            ("pca.csv", Self.pcaTable(report.groups).csv),
            ("effective-weights.csv", Self.effectiveWeightsTable(report.effectiveWeights).csv),
            ("remove-one.csv", Self.removeOneTable(report.removeOne).csv),
            ("audit.json", Self.summaryJSON(report)),
        ]
        try OutputFiles.write(files, into: directory)
    }

    /// Every indicator's statistics and flags at the audited stage.
    public static func statisticsTable(_ statistics: [IndicatorStatistics]) -> OutputTable {
        OutputTable(header: ["code", "n", "availability", "min", "max", "mean", "median", "sd", "skew", "kurtosis", "zeros", "unique", "flags"], rows: statistics.map { s in
            [.text(s.code), .count(s.n), .number(s.availability), .number(s.min), .number(s.max), .number(s.mean), .number(s.median), .number(s.sd),
             .number(s.skew), .number(s.kurtosis), .count(s.zeros), .count(s.unique), .text(s.flags.map(\.description).joined(separator: "; "))]
        })
    }

    /// The correlations by each method reported, with their sample sizes and p-values.
    public static func correlationsTable(_ entries: [CorrelationEntry]) -> OutputTable {
        OutputTable(header: ["x", "y", "relation", "method", "r", "n", "p"], rows: entries.map { e in
            [.text(e.x), .text(e.y), .text(e.relation.rawValue), .text(e.method.rawValue), .number(e.correlation.r), .count(e.correlation.n), .number(e.correlation.p)]
        })
    }

    /// Cronbach's alpha and the principal components' summary of every group.
    public static func reliabilityTable(_ groups: [AuditReport.Group]) -> OutputTable {
        OutputTable(header: ["group", "members", "k", "alpha", "pc1Explained", "eigenvalues", "negativeLoadings"], rows: groups.map { g in
            [.text(g.name), .text(g.members.joined(separator: " ")), .count(g.members.count), .number(g.alpha),
             .number(g.pca.map { $0.explained[0] } ?? .nan),
             .text(g.pca.map { $0.eigenvalues.map(NumberFormat.csv).joined(separator: " ") } ?? ""),
             .text(g.pca.map { $0.negativeLoadings.joined(separator: " ") } ?? "")]
        })
    }

    /// The first three loadings and the first component's weight of every group member.
    public static func pcaTable(_ groups: [AuditReport.Group]) -> OutputTable {
        var rows: [[OutputTable.Value]] = []
        for g in groups {
            guard let pca = g.pca else { continue }
            let weights = pca.weights
            for (i, code) in pca.codes.enumerated() {
                let loadings = pca.loadings.prefix(3).map { OutputTable.Value.number($0[i]) }
                let missing = [OutputTable.Value](repeating: .number(.nan), count: 3 - loadings.count)
                rows.append([.text(g.name), .text(code), .number(weights[i])] + loadings + missing)
            }
        }
        return OutputTable(header: ["group", "code", "pc1Weight", "loadingPC1", "loadingPC2", "loadingPC3"], rows: rows)
    }

    /// Every unit's rank change when each element is removed, and the mean absolute change.
    public static func removeOneTable(_ analysis: RemoveOne) -> OutputTable {
        var rows: [[OutputTable.Value]] = []
        for (r, unit) in analysis.units.enumerated() {
            let changes: [OutputTable.Value] = analysis.removals.map { .number($0.rankChange[r]) }
            rows.append([.text(unit), .number(analysis.nominal[r])] + changes)
        }
        let means: [OutputTable.Value] = analysis.removals.map { .number($0.meanAbsoluteChange) }
        rows.append([.text("meanAbsoluteChange"), .number(.nan)] + means)
        return OutputTable(header: ["uCode", "nominalRank"] + analysis.removals.map(\.code), rows: rows)
    }

    /// Every node's effective weight.
    public static func effectiveWeightsTable(_ weights: [(code: String, weight: Double)]) -> OutputTable {
        OutputTable(header: ["code", "weight"], rows: weights.map { [.text($0.code), .number($0.weight)] })
    }

    static func summaryJSON(_ report: AuditReport) -> String {
        func number(_ v: Double) -> Any { v.isFinite ? v : NSNull() }
        let summary: [String: Any] = [
            "stage": report.stage,
            "flagged": report.statistics.filter { !$0.flags.isEmpty }.map { ["code": $0.code, "flags": $0.flags.map(\.description)] },
            "groups": report.groups.map { g -> [String: Any] in
                ["group": g.name, "k": g.members.count, "alpha": number(g.alpha), "pc1Explained": g.pca.map { number($0.explained[0]) } ?? NSNull(),
                 "negativeLoadings": g.pca?.negativeLoadings ?? []]
            },
            "removeOne": report.removeOne.removals.map { ["code": $0.code, "meanAbsoluteRankChange": number($0.meanAbsoluteChange)] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
