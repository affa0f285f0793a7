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
            ("statistics.csv", Self.statisticsCSV(report.statistics)),
            ("correlations.csv", Self.correlationsCSV(report.correlations)),
            ("reliability.csv", Self.reliabilityCSV(report.groups)),
            ("pca.csv", Self.pcaCSV(report.groups)),
            ("effective-weights.csv", table(["code", "weight"], report.effectiveWeights.map { [$0.code, NumberFormat.csv($0.weight)] })),
            ("remove-one.csv", Self.removeOneCSV(report.removeOne)),
            ("audit.json", Self.summaryJSON(report)),
        ]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)), options: .atomic)
            }
        } catch {
            throw IndexEngineError(.unreadableFile, "cannot write the audit (\(error.localizedDescription))", file: directory)
        }
    }

    static func statisticsCSV(_ statistics: [IndicatorStatistics]) -> String {
        table(["code", "n", "availability", "min", "max", "mean", "median", "sd", "skew", "kurtosis", "zeros", "unique", "flags"], statistics.map { s in
            [s.code, String(s.n), NumberFormat.csv(s.availability), NumberFormat.csv(s.min), NumberFormat.csv(s.max), NumberFormat.csv(s.mean),
             NumberFormat.csv(s.median), NumberFormat.csv(s.sd), NumberFormat.csv(s.skew), NumberFormat.csv(s.kurtosis), String(s.zeros),
             String(s.unique), s.flags.map(\.description).joined(separator: "; ")]
        })
    }

    static func correlationsCSV(_ entries: [CorrelationEntry]) -> String {
        table(["x", "y", "relation", "method", "r", "n", "p"], entries.map { e in
            [e.x, e.y, e.relation.rawValue, e.method.rawValue, NumberFormat.csv(e.correlation.r), String(e.correlation.n), NumberFormat.csv(e.correlation.p)]
        })
    }

    static func reliabilityCSV(_ groups: [AuditReport.Group]) -> String {
        table(["group", "members", "k", "alpha", "pc1Explained", "eigenvalues", "negativeLoadings"], groups.map { g in
            [g.name, g.members.joined(separator: " "), String(g.members.count), NumberFormat.csv(g.alpha),
             g.pca.map { NumberFormat.csv($0.explained[0]) } ?? "NA",
             g.pca.map { $0.eigenvalues.map(NumberFormat.csv).joined(separator: " ") } ?? "",
             g.pca.map { $0.negativeLoadings.joined(separator: " ") } ?? ""]
        })
    }

    static func pcaCSV(_ groups: [AuditReport.Group]) -> String {
        var rows: [[String]] = []
        for g in groups {
            guard let pca = g.pca else { continue }
            let weights = pca.weights
            for (i, code) in pca.codes.enumerated() {
                rows.append([g.name, code, NumberFormat.csv(weights[i])] + pca.loadings.prefix(3).map { NumberFormat.csv($0[i]) })
            }
        }
        return table(["group", "code", "pc1Weight", "loadingPC1", "loadingPC2", "loadingPC3"], rows.map { $0 + Array(repeating: "NA", count: max(0, 6 - $0.count)) })
    }

    static func removeOneCSV(_ analysis: RemoveOne) -> String {
        var rows: [[String]] = []
        for (r, unit) in analysis.units.enumerated() {
            rows.append([unit, NumberFormat.csv(analysis.nominal[r])] + analysis.removals.map { NumberFormat.csv($0.rankChange[r]) })
        }
        rows.append(["meanAbsoluteChange", "NA"] + analysis.removals.map { NumberFormat.csv($0.meanAbsoluteChange) })
        return table(["uCode", "nominalRank"] + analysis.removals.map(\.code), rows)
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

/// A CSV table from a header and rows of already formatted fields.
func table(_ header: [String], _ rows: [[String]]) -> String {
    ([header] + rows).map { $0.map(NumberFormat.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
}
