import ArgumentParser
import Foundation
import IndexEngine
import WebApp

/// `civic uncertainty` and `civic sensitivity`: how robust an index's ranking is to its modelling choices.
struct UncertaintyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uncertainty",
        abstract: "Uncertainty analysis: rank intervals of every unit over sampled modelling choices.")

    @OptionGroup var options: AnalysisOptions

    func validate() throws { try options.validate() }

    func run() throws {
        do throws(IndexEngineError) {
            let (spec, result, analysis) = try options.load()
            let control = options.control(total: analysis.samples)
            let ua = try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis, workers: options.workers, control: control.run)
            control.finish()
            try AnalysisWriter(directory: options.out).write(ua)
            try AnalysisCharts.write(ua, index: options.indexName(spec, result), to: options.out)
            print(AnalysisWriter.rankIntervalTable(ua, limit: options.top), terminator: "")
            print(ua.outputs.cancelled ? "Stopped after \(ua.outputs.completed) of \(analysis.samples) samples; the results cover those." : "\(analysis.samples) samples.")
            print("Wrote \(options.out)/uncertainty.csv, samples.csv, \(AnalysisCharts.ranksFile).")
        } catch {
            throw reportFailure(error)
        }
    }
}

/// `civic sensitivity SPEC ANALYSIS --out DIR`: Sobol indices of the uncertain inputs.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Sensitivity analysis: first- and total-order Sobol indices of each uncertain input, with bootstrap intervals.")

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Analyse this unit's score instead of the mean absolute rank change.")
    var unit: String?

    func validate() throws { try options.validate() }

    func run() throws {
        do throws(IndexEngineError) {
            let (spec, result, analysis) = try options.load()
            let control = options.control(total: analysis.samples * (analysis.inputs.count + 2))
            let start = DispatchTime.now().uptimeNanoseconds
            let sa = try SensitivityAnalysis.run(result, spec: spec, analysis: analysis, statistic: unit.map { .score(unit: $0) } ?? .meanAbsoluteRankChange, workers: options.workers, control: control.run)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            control.finish()
            try AnalysisWriter(directory: options.out).write(sa)
            try AnalysisCharts.write(sa, index: options.indexName(spec, result), to: options.out)
            print(AnalysisWriter.sobolTable(sa), terminator: "")
            print(String(format: "%d builds in %.3f s.", sa.runs, seconds))
            print("Wrote \(options.out)/sensitivity.csv, uncertainty.csv, samples.csv, \(AnalysisCharts.sensitivityFile), \(AnalysisCharts.ranksFile).")
        } catch {
            throw reportFailure(error)
        }
    }
}

/// The arguments both analyses take.
struct AnalysisOptions: ParsableArguments {
    @Argument(help: "The build spec (JSON).")
    var spec: String

    @Argument(help: "The analysis file (JSON): uncertain inputs, samples, seed.")
    var analysis: String

    @Option(name: .shortAndLong, help: "The directory to write results to.")
    var out: String

    @Option(help: "Override the analysis file's number of samples.")
    var samples: Int?

    @Option(help: "Units to show in the terminal.")
    var top: Int = 20

    @Option(help: "Samples run at once (default: all cores); results do not depend on it.")
    var workers: Int?

    @Flag(help: "Do not show a progress bar.")
    var quiet = false

    func validate() throws {
        for path in [spec, analysis] where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("The file '\(path)' does not exist.")
        }
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1.") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
    }

    func load() throws(IndexEngineError) -> (BuildSpec, BuildResult, AnalysisSpec) {
        let (spec, result, _) = try loadAndBuild(specPath: self.spec)
        var analysis = try AnalysisSpec.read(path: self.analysis)
        if let samples { analysis.samples = samples }
        return (spec, result, analysis)
    }

    /// The index's name for the charts' titles: the spec's, or its headline aggregate's.
    func indexName(_ spec: BuildSpec, _ result: BuildResult) -> String {
        spec.name ?? result.framework.nodes[result.headline].name
    }

    func control(total: Int) -> ProgressControl { ProgressControl(total: total, quiet: quiet) }
}
