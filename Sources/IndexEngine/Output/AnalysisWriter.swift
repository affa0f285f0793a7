import Foundation

/// Writes uncertainty and sensitivity analyses as CSV tables.
public struct AnalysisWriter: Sendable {
    /// The directory written to.
    public let directory: String

    /// A writer into `directory`, created if needed.
    public init(directory: String) {
        self.directory = directory
    }

    /// Writes `uncertainty.csv` (rank intervals per unit) and `samples.csv` (each sample's choices).
    public func write(_ analysis: UncertaintyAnalysis) throws(IndexEngineError) {
        try OutputFiles.write([("uncertainty.csv", Self.uncertaintyTable(analysis).csv), ("samples.csv", Self.samplesCSV(analysis))], into: directory)
    }

    /// Writes `sensitivity.csv` (Sobol indices) with the uncertainty tables of the same runs.
    public func write(_ analysis: SensitivityAnalysis) throws(IndexEngineError) {
        try OutputFiles.write([
            ("sensitivity.csv", Self.sensitivityCSV(analysis)),
            ("uncertainty.csv", Self.uncertaintyTable(analysis.uncertainty).csv),
            ("samples.csv", Self.samplesCSV(analysis.uncertainty, statistic: analysis.outputs)),
        ], into: directory)
    }


    /// Every unit's nominal, mean and median rank, its 5–95% rank interval and the same of its score.
    public static func uncertaintyTable(_ analysis: UncertaintyAnalysis) -> OutputTable {
        OutputTable(header: ["uCode", "uName", "nominalRank", "meanRank", "medianRank", "rank5", "rank95", "nominalScore", "meanScore", "score5", "score95"], rows: analysis.units.map { u in
            [.text(u.code), .text(u.name)] + [u.nominalRank, u.meanRank, u.medianRank, u.rank5, u.rank95, u.nominalScore, u.meanScore, u.score5, u.score95].map(OutputTable.Value.number)
        })
    }

    static func samplesCSV(_ analysis: UncertaintyAnalysis, statistic: [Double]? = nil) -> String {
        let model = analysis.model
        let header = ["sample"] + model.names + (statistic == nil ? [] : ["statistic"])
        let rows = analysis.choices.enumerated().filter { analysis.outputs.finished[$0.offset] }.map { r, choice -> [OutputTable.Value] in
            let options: [OutputTable.Value] = choice.enumerated().map { .text(model.options[$0][$1]) }
            let value: [OutputTable.Value] = statistic.map { [.number($0[r])] } ?? []
            return [.count(r + 1)] + options + value
        }
        return OutputTable(header: header, rows: rows).csv
    }

    static func sensitivityCSV(_ analysis: SensitivityAnalysis) -> String {
        OutputTable(header: ["input", "first", "firstLow", "firstHigh", "total", "totalLow", "totalHigh"], rows: analysis.inputs.enumerated().map { i, name in
            let s = analysis.indices[i]
            return [.text(name)] + [s.first, s.firstLow, s.firstHigh, s.total, s.totalLow, s.totalHigh].map(OutputTable.Value.number)
        }).csv
    }

    /// A terminal table of rank intervals for the best `limit` units.
    public static func rankIntervalTable(_ analysis: UncertaintyAnalysis, limit: Int) -> String {
        var lines = ["uCode   nominal  median  5%-95% rank interval"]
        for u in analysis.units.prefix(limit) {
            lines.append(u.code.padding(toLength: 7, withPad: " ", startingAt: 0) + String(format: " %7.0f  %6.1f  [%.0f, %.0f]", u.nominalRank, u.medianRank, u.rank5, u.rank95))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A terminal table of Sobol indices.
    public static func sobolTable(_ analysis: SensitivityAnalysis) -> String {
        var lines = ["input            first-order [95% CI]          total-order [95% CI]"]
        for (i, name) in analysis.inputs.enumerated() {
            let s = analysis.indices[i]
            lines.append(name.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: " %6.3f [%6.3f, %6.3f]   %6.3f [%6.3f, %6.3f]", s.first, s.firstLow, s.firstHigh, s.total, s.totalLow, s.totalHigh))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
