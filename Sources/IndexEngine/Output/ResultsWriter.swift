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
        try OutputFiles.write(
            [("results.csv", Self.resultsCSV(result))]
                + result.stages.map { (Self.stageFile($0.name), Self.stageCSV($0, result: result)) }
                + [("treatment.csv", Self.treatmentCSV(result.log.treatment)), ("results.json", Self.resultsJSON(result, spec: spec, inputHash: inputHash))],
            into: directory)
    }

    /// Writes every output file of a panel build, each with a `Time` column after the unit (or
    /// indicator) code and rows year by year, ascending; `results.json` lists the years.
    public func write(_ panel: PanelBuild, spec: BuildSpec, inputHash: String) throws(IndexEngineError) {
        let stages = (panel.results.first?.stages.map(\.name) ?? []).enumerated().map { s, name in (Self.stageFile(name), Self.stageCSV(panel, stage: s)) }
        try OutputFiles.write(
            [("results.csv", Self.resultsCSV(panel))] + stages
                + [("treatment.csv", Self.treatmentCSV(panel)), ("results.json", Self.resultsJSON(panel, spec: spec, inputHash: inputHash))],
            into: directory)
    }

    /// The aggregates from the top level down, then within a level in column order.
    static func reportColumns(_ framework: Framework) -> [Int] {
        stride(from: framework.topLevel, through: 2, by: -1).flatMap { framework.aggregates(atLevel: $0) }
    }

    /// One row per unit in rank order: `uCode`, `uName`, the aggregates from the top down, `Rank`.
    public static func resultsCSV(_ result: BuildResult) -> String { resultsTable(result).csv }

    /// `resultsCSV` for every year of a panel: `Time` after `uName`, each year's units in its rank order.
    public static func resultsCSV(_ panel: PanelBuild) -> String { panel.results.isEmpty ? "" : resultsTable(panel).csv }

    /// The table of `resultsCSV`.
    public static func resultsTable(_ result: BuildResult) -> OutputTable {
        OutputTable(header: resultsHeader(result.framework, timed: false), rows: resultRows(result, time: nil))
    }

    /// The table of `resultsCSV` for a panel (empty without years).
    public static func resultsTable(_ panel: PanelBuild) -> OutputTable {
        guard let first = panel.results.first else { return OutputTable(header: [], rows: []) }
        return OutputTable(header: resultsHeader(first.framework, timed: true), rows: zip(panel.times, panel.results).flatMap { resultRows($1, time: $0) })
    }

    private static func resultsHeader(_ framework: Framework, timed: Bool) -> [String] {
        ["uCode", "uName"] + (timed ? ["Time"] : []) + reportColumns(framework).map { framework.nodes[$0].code } + ["Rank"]
    }

    private static func resultRows(_ result: BuildResult, time: Int?) -> [[OutputTable.Value]] {
        let columns = reportColumns(result.framework)
        let ranks = result.ranks
        let timeField = timeFields(time)
        return result.rankedRows.map { r in
            let unit = result.dataset.units[result.final.units[r]]
            let scores: [OutputTable.Value] = columns.map { .number(result.final.values[r, $0]) }
            return [.text(unit.code), .text(unit.name)] + timeField + scores + [.number(ranks[r])]
        }
    }

    /// A stage in COINr's layout: `uCode`, then one column per indicator or aggregate; rows by unit code.
    public static func stageCSV(_ stage: Stage, result: BuildResult) -> String { stageTable(stage, result: result).csv }

    /// Stage number `stage` of every year of a panel: `Time` after `uCode`; rows by year, then unit code.
    public static func stageCSV(_ panel: PanelBuild, stage: Int) -> String { panel.results.isEmpty ? "" : stageTable(panel, stage: stage).csv }

    /// The table of `stageCSV`.
    public static func stageTable(_ stage: Stage, result: BuildResult) -> OutputTable {
        OutputTable(header: stageHeader(stage, result: result, timed: false), rows: stageRows(stage, result: result, time: nil))
    }

    /// The table of `stageCSV` for a panel (empty without years).
    public static func stageTable(_ panel: PanelBuild, stage: Int) -> OutputTable {
        guard let first = panel.results.first else { return OutputTable(header: [], rows: []) }
        let rows = zip(panel.times, panel.results).flatMap { stageRows($1.stages[stage], result: $1, time: $0) }
        return OutputTable(header: stageHeader(first.stages[stage], result: first, timed: true), rows: rows)
    }

    private static func stageHeader(_ stage: Stage, result: BuildResult, timed: Bool) -> [String] {
        ["uCode"] + (timed ? ["Time"] : []) + result.framework.nodes.prefix(stage.values.columns).map(\.code)
    }

    private static func stageRows(_ stage: Stage, result: BuildResult, time: Int?) -> [[OutputTable.Value]] {
        let codes = stage.units.map { result.dataset.units[$0].code }
        let order = codes.indices.sorted { codes[$0] < codes[$1] }
        let timeField = timeFields(time)
        return order.map { r in
            let values: [OutputTable.Value] = (0..<stage.values.columns).map { .number(stage.values[r, $0]) }
            return [.text(codes[r])] + timeField + values
        }
    }

    /// Treatment details in COINr's terms: the check before, the points winsorised, the checks after.
    public static func treatmentCSV(_ reports: [TreatmentReport]) -> String { treatmentTable(reports).csv }

    /// `treatmentCSV` for every year of a panel: `Time` after `iCode`; rows by year.
    public static func treatmentCSV(_ panel: PanelBuild) -> String { treatmentTable(panel).csv }

    /// The table of `treatmentCSV`.
    public static func treatmentTable(_ reports: [TreatmentReport]) -> OutputTable {
        OutputTable(header: treatmentHeader(timed: false), rows: reports.map { treatmentRow($0, time: nil) })
    }

    /// The table of `treatmentCSV` for a panel.
    public static func treatmentTable(_ panel: PanelBuild) -> OutputTable {
        OutputTable(header: treatmentHeader(timed: true), rows: zip(panel.times, panel.results).flatMap { time, result in
            result.log.treatment.map { treatmentRow($0, time: time) }
        })
    }

    private static func treatmentHeader(timed: Bool) -> [String] {
        ["iCode"] + (timed ? ["Time"] : []) + ["Pass0", "Skew0", "Kurt0", "Winsorised", "Pass1", "Skew1", "Kurt1", "Pass2", "Skew2", "Kurt2", "Applied"]
    }

    private static func treatmentRow(_ r: TreatmentReport, time: Int?) -> [OutputTable.Value] {
        func check(_ c: TreatmentReport.Check?) -> [OutputTable.Value] {
            guard let c else { return [.missing, .missing, .missing] }
            return [c.pass.map { .text($0 ? "TRUE" : "FALSE") } ?? .missing, .number(c.skew), .number(c.kurtosis)]
        }
        let winsorised: [OutputTable.Value] = [r.winsorised.map(OutputTable.Value.count) ?? .missing]
        return [.text(r.indicator)] + timeFields(time) + check(r.before) + winsorised + check(r.afterFirst) + check(r.afterFallback) + [.text(r.applied)]
    }

    /// The `Time` field of a panel's row, or none.
    private static func timeFields(_ time: Int?) -> [OutputTable.Value] {
        time.map { [.count($0)] } ?? []
    }

    /// The spec, the input fingerprint, the engine version, warnings and the ranking, as JSON.
    public static func resultsJSON(_ result: BuildResult, spec: BuildSpec, inputHash: String) -> String {
        let headline = result.framework.nodes[result.headline].code
        return """
        {
        \(preamble(spec: spec, inputHash: inputHash))
          "time": \(result.dataset.time.map(String.init) ?? "null"),
          "headline": \(quoted(headline)),
          "units": \(result.final.units.count),
          "stages": \(stageFiles(result.stages)),
          "warnings": \(warnings(result.log.warnings, indent: "  ")),
          "ranking": [
        \(ranking(result, indent: "    ").joined(separator: ",\n"))
          ]
        }

        """
    }

    /// `resultsJSON` for a panel: `times` lists the years, `normalisation` how they were
    /// normalised, and `years` holds each year's units, warnings and ranking.
    public static func resultsJSON(_ panel: PanelBuild, spec: BuildSpec, inputHash: String) -> String {
        guard let first = panel.results.first else { return "" }
        let years = zip(panel.times, panel.results).map { time, result in
            """
                {
                  "time": \(time),
                  "units": \(result.final.units.count),
                  "warnings": \(warnings(result.log.warnings, indent: "      ")),
                  "ranking": [
            \(ranking(result, indent: "        ").joined(separator: ",\n"))
                  ]
                }
            """
        }
        return """
        {
        \(preamble(spec: spec, inputHash: inputHash))
          "times": [\(panel.times.map(String.init).joined(separator: ", "))],
          "normalisation": \(quoted(panel.normalisation.rawValue)),
          "headline": \(quoted(first.framework.nodes[first.headline].code)),
          "stages": \(stageFiles(first.stages)),
          "years": [
        \(years.joined(separator: ",\n"))
          ]
        }

        """
    }

    /// The first fields of `results.json`: engine version, input fingerprint and spec.
    private static func preamble(spec: BuildSpec, inputHash: String) -> String {
        let specText = String(decoding: spec.canonicalJSON(), as: UTF8.self)
        let indentedSpec = specText.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
        return """
              "engineVersion": \(quoted(engineVersion)),
              "inputHash": \(quoted("sha256:" + inputHash)),
              "spec": \(indentedSpec),
            """
    }

    /// The stage files written, as a JSON list of paths relative to the output directory.
    private static func stageFiles(_ stages: [Stage]) -> String {
        "[" + stages.map { quoted(stageFile($0.name)) }.joined(separator: ", ") + "]"
    }

    /// The path of a stage's file relative to the output directory: `stages/Normalised-2.csv`.
    static func stageFile(_ name: String) -> String { "stages/\(name).csv" }

    /// The warnings as a JSON list, one object a line (code, message, step, stepName, indicator,
    /// unit; `null` where unknown); the list's closing bracket is indented by `indent`.
    private static func warnings(_ warnings: [BuildWarning], indent: String) -> String {
        guard !warnings.isEmpty else { return "[]" }
        func text(_ s: String?) -> String { s.map(quoted) ?? "null" }
        let lines = warnings.map { w in
            indent + "  {\"code\": \(quoted(w.code.rawValue)), \"message\": \(quoted(w.message)), \"step\": \(w.step.map(String.init) ?? "null"), "
                + "\"stepName\": \(text(w.stepName)), \"indicator\": \(text(w.indicator)), \"unit\": \(text(w.unit))}"
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n" + indent + "]"
    }

    /// One JSON object per unit in rank order, each line starting with `indent`.
    private static func ranking(_ result: BuildResult, indent: String) -> [String] {
        let ranks = result.ranks
        func number(_ v: Double) -> String { v.isFinite ? NumberFormat.csv(v) : "null" }
        return result.rankedRows.map { r in
            let unit = result.dataset.units[result.final.units[r]]
            return indent + "{\"uCode\": \(quoted(unit.code)), \"uName\": \(quoted(unit.name)), \"score\": \(number(result.final.values[r, result.headline])), \"rank\": \(number(ranks[r]))}"
        }
    }

    /// `s` as a JSON string.
    private static func quoted(_ s: String) -> String {
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
}
