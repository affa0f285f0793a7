import Foundation

/// Writes a build's results: `results.csv`, `results.json`, `treatment.csv` and `stages/<Stage>.csv`.
///
/// Everything written depends only on the inputs, the spec and the engine version, so the same
/// build gives byte-identical files.
public struct ResultsWriter: Sendable {
    /// The engine version recorded in `results.json`.
    public static let engineVersion = "0.1.0"

    /// The directory written to.
    public let directory: String

    /// A writer into `directory`, created if needed.
    public init(directory: String) {
        self.directory = directory
    }

    /// Writes every output file of `result`.
    public func write(_ result: BuildResult, spec: BuildSpec, inputHash: String) throws(IndexEngineError) {
        let stagesDirectory = (directory as NSString).appendingPathComponent("stages")
        do {
            try FileManager.default.createDirectory(atPath: stagesDirectory, withIntermediateDirectories: true)
        } catch {
            throw IndexEngineError(.unreadableFile, "cannot create the output directory (\(error.localizedDescription))", file: stagesDirectory)
        }
        try save(Self.resultsCSV(result), to: "results.csv")
        for stage in result.stages {
            try save(Self.stageCSV(stage, result: result), to: "stages/\(stage.name).csv")
        }
        try save(Self.treatmentCSV(result.log.treatment), to: "treatment.csv")
        try save(Self.resultsJSON(result, spec: spec, inputHash: inputHash), to: "results.json")
    }

    private func save(_ text: String, to name: String) throws(IndexEngineError) {
        let path = (directory as NSString).appendingPathComponent(name)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw IndexEngineError(.unreadableFile, "cannot write the file (\(error.localizedDescription))", file: path)
        }
    }

    /// The aggregates from the top level down, then within a level in column order.
    static func reportColumns(_ framework: Framework) -> [Int] {
        stride(from: framework.topLevel, through: 2, by: -1).flatMap { framework.aggregates(atLevel: $0) }
    }

    /// One row per unit in rank order: `uCode`, `uName`, the aggregates from the top down, `Rank`.
    public static func resultsCSV(_ result: BuildResult) -> String {
        let framework = result.framework
        let columns = reportColumns(framework)
        let ranks = result.ranks
        var lines = [(["uCode", "uName"] + columns.map { framework.nodes[$0].code } + ["Rank"]).map(NumberFormat.field).joined(separator: ",")]
        for r in result.rankedRows {
            let unit = result.dataset.units[result.final.units[r]]
            var fields = [NumberFormat.field(unit.code), NumberFormat.field(unit.name)]
            fields += columns.map { NumberFormat.csv(result.final.values[r, $0]) }
            fields.append(NumberFormat.csv(ranks[r]))
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A stage in COINr's layout: `uCode`, then one column per indicator or aggregate; rows by unit code.
    public static func stageCSV(_ stage: Stage, result: BuildResult) -> String {
        let nodes = result.framework.nodes
        let codes = stage.units.map { result.dataset.units[$0].code }
        let order = codes.indices.sorted { codes[$0] < codes[$1] }
        var lines = [(["uCode"] + nodes.prefix(stage.values.columns).map(\.code)).map(NumberFormat.field).joined(separator: ",")]
        for r in order {
            lines.append(([NumberFormat.field(codes[r])] + (0..<stage.values.columns).map { NumberFormat.csv(stage.values[r, $0]) }).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Treatment details in COINr's terms: the check before, the points winsorised, the checks after.
    public static func treatmentCSV(_ reports: [TreatmentReport]) -> String {
        func check(_ c: TreatmentReport.Check?) -> [String] {
            guard let c else { return ["NA", "NA", "NA"] }
            return [c.pass.map { $0 ? "TRUE" : "FALSE" } ?? "NA", NumberFormat.csv(c.skew), NumberFormat.csv(c.kurtosis)]
        }
        var lines = ["iCode,Pass0,Skew0,Kurt0,Winsorised,Pass1,Skew1,Kurt1,Pass2,Skew2,Kurt2,Applied"]
        for r in reports {
            let fields = [NumberFormat.field(r.indicator)] + check(r.before) + [r.winsorised.map(String.init) ?? "NA"]
                + check(r.afterFirst) + check(r.afterFallback) + [r.applied]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The spec, the input fingerprint, the engine version, warnings and the ranking, as JSON.
    public static func resultsJSON(_ result: BuildResult, spec: BuildSpec, inputHash: String) -> String {
        let specText = String(decoding: spec.canonicalJSON(), as: UTF8.self)
        let ranks = result.ranks
        let headline = result.framework.nodes[result.headline].code
        func quoted(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out + "\""
        }
        func number(_ v: Double) -> String { v.isFinite ? NumberFormat.csv(v) : "null" }
        let ranking = result.rankedRows.map { r in
            let unit = result.dataset.units[result.final.units[r]]
            return "    {\"uCode\": \(quoted(unit.code)), \"uName\": \(quoted(unit.name)), \"score\": \(number(result.final.values[r, result.headline])), \"rank\": \(number(ranks[r]))}"
        }
        let indentedSpec = specText.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
        return """
        {
          "engineVersion": \(quoted(engineVersion)),
          "inputHash": \(quoted("sha256:" + inputHash)),
          "spec": \(indentedSpec),
          "time": \(result.dataset.time.map(String.init) ?? "null"),
          "headline": \(quoted(headline)),
          "units": \(result.final.units.count),
          "warnings": [\(result.log.warnings.map(quoted).joined(separator: ", "))],
          "ranking": [
        \(ranking.joined(separator: ",\n"))
          ]
        }

        """
    }
}
