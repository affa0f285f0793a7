import Foundation
import IndexEngine

/// The analyses' charts as standalone SVG files beside their CSV tables (`civic uncertainty` and
/// `civic sensitivity` write them): the very charts the index's pages draw, so a report and the
/// site show the same picture.
public enum AnalysisCharts {
    /// The rank chart's file name.
    public static let ranksFile = "ranks.svg"
    /// The Sobol chart's file name.
    public static let sensitivityFile = "sensitivity.svg"

    /// Writes `ranks.svg`, every unit's nominal rank, median rank and 5–95 % interval, into `directory`.
    public static func write(_ analysis: UncertaintyAnalysis, index name: String, to directory: String) throws(IndexEngineError) {
        try save([(ranksFile, RankIntervalChart(title: "\(name): rank intervals over the uncertainty analysis", analysis: analysis).svg())], to: directory)
    }

    /// Writes `sensitivity.svg`, the Sobol indices of each input, and `ranks.svg` from the same runs, into `directory`.
    public static func write(_ analysis: SensitivityAnalysis, index name: String, to directory: String) throws(IndexEngineError) {
        try save([
            (sensitivityFile, SobolChart(title: "\(name): sensitivity of the ranking to each input", analysis: analysis).svg()),
            (ranksFile, RankIntervalChart(title: "\(name): rank intervals over the sensitivity analysis's runs", analysis: analysis.uncertainty).svg()),
        ], to: directory)
    }

    private static func save(_ files: [(name: String, svg: String)], to directory: String) throws(IndexEngineError) {
        try OutputFiles.write(files.map { ($0.name, #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + $0.svg + "\n") }, into: directory)
    }
}
