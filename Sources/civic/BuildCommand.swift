import ArgumentParser
import Foundation
import IndexEngine
import Workbook

/// `civic build SPEC --out DIR [--year YEAR] [--xlsx]`: builds an index from a spec and writes its results.
///
/// Panel data (several time points) with no `time` in the spec and no `--year` is built at every
/// year, and each output file gets a `Time` column; otherwise one year is built, as before.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an index from a spec file and write results.csv, results.json and stages/.",
        discussion: "With panel data (a Time column with several years) every year is built unless the spec's time or --year picks one.")

    @Argument(help: "The build spec (JSON).")
    var spec: String

    @Option(name: .shortAndLong, help: "The directory to write results to.")
    var out: String

    @Option(help: "How many ranked units to show in the terminal (0 for none).")
    var top: Int = 20

    @Option(help: "Build only this year of panel data (instead of the spec's time, or of every year).")
    var year: Int?

    @Flag(help: "Also write results.xlsx: one workbook with the results, every stage, the weights, the spec and the audit.")
    var xlsx = false

    @Flag(help: "Treat any warning as an error: print the warnings, write nothing and exit with a failure.")
    var strict = false

    func validate() throws {
        guard FileManager.default.fileExists(atPath: spec) else {
            throw ValidationError("The spec file '\(spec)' does not exist.")
        }
        guard top >= 0 else { throw ValidationError("--top must be 0 or more.") }
    }

    func run() throws {
        try runBuild(specPath: spec, out: out, top: top, year: year, workbook: xlsx, strict: strict)
    }
}

/// Builds the index of the spec at `specPath` (at `year`, if given), writes it to `out` (with
/// `results.xlsx` when `workbook`) and prints the ranking.
///
/// Warnings go to standard error, each with its step, indicator or unit and code. With `strict`
/// a build with any warning writes nothing and fails: a build that may be silently wrong is not
/// published by a script that asked for a sound one.
func runBuild(specPath: String, out: String, top: Int, year: Int? = nil, workbook: Bool = false, strict: Bool = false) throws {
    do throws(IndexEngineError) {
        var spec = try BuildSpec.read(path: specPath)
        if let year { spec.time = year }
        let directory = (specPath as NSString).deletingLastPathComponent
        let inputs = directory.isEmpty ? "." : directory
        let (dataset, inputHash) = try BuildInputs.load(spec, relativeTo: inputs)
        func panel() throws(IndexEngineError) -> PanelBuild {
            do {
                return try IndexBuild.runPanel(try BuildInputs.loadPanel(spec, relativeTo: inputs).panel, spec: spec)
            } catch {
                throw error.located(in: specPath)
            }
        }
        let result: BuildResult
        if dataset.panel != nil, spec.time == nil {
            let panel = try panel()
            let warnings = zip(panel.times, panel.results).flatMap { time, result in result.log.warnings.map { "warning (\(time)): \($0)" } }
            for warning in warnings { printError(warning) }
            if strict, !warnings.isEmpty { throw strictFailure(warnings.count) }
            try writePanel(panel, spec: spec, inputHash: inputHash, out: out, top: top)
            if workbook { try writeWorkbook(try IndexWorkbook.make(panel, spec: spec), out: out) }
            return
        } else if dataset.panel != nil, spec.panel?.normalisation == .pooled, let time = spec.time, let year = try panel().result(at: time) {
            // One year of a pooled panel is that year's rows of the pool of every year.
            result = year
        } else {
            do { result = try IndexBuild.run(dataset, spec: spec) } catch { throw error.located(in: specPath) }
        }
        for warning in result.log.warnings { printError("warning: \(warning)") }
        if strict, !result.log.warnings.isEmpty { throw strictFailure(result.log.warnings.count) }
        try ResultsWriter(directory: out).write(result, spec: spec, inputHash: inputHash)
        if workbook {
            let audit = try AuditReport.make(result, spec: spec)
            try writeWorkbook(try IndexWorkbook.make(result, spec: spec, audit: audit), out: out)
        }
        if top > 0 { print(RankingTable.render(result, limit: top), terminator: "") }
        print("Wrote \(out)/results.csv, results.json, treatment.csv and stages/ (\(result.stages.count) stages).")
    } catch {
        throw reportFailure(error)
    }
}

/// The failure of a `--strict` build that gave `count` warnings (listed above it).
private func strictFailure(_ count: Int) -> IndexEngineError {
    IndexEngineError(.warningsRefused, "the build gave \(count) warning(s), listed above, and --strict makes any warning an error; nothing was written")
}

/// Writes every year of `panel` to `out` and prints the latest year's ranking.
private func writePanel(_ panel: PanelBuild, spec: BuildSpec, inputHash: String, out: String, top: Int) throws(IndexEngineError) {
    try ResultsWriter(directory: out).write(panel, spec: spec, inputHash: inputHash)
    if top > 0, let latest = panel.results.last { print(RankingTable.render(latest, limit: top), terminator: "") }
    let years = "\(panel.times.count) years, \(panel.times.first ?? 0) to \(panel.times.last ?? 0)"
    print("Wrote \(out)/results.csv, results.json, treatment.csv and stages/ (\(years), \(panel.results.first?.stages.count ?? 0) stages), each with a Time column.")
}

/// Writes `workbook` to `out/results.xlsx`.
private func writeWorkbook(_ workbook: Workbook, out: String) throws(IndexEngineError) {
    let path = (out as NSString).appendingPathComponent("results.xlsx")
    let data: Data
    do { data = try workbook.xlsx() } catch { throw IndexEngineError(.unreadableFile, "cannot make the workbook (\(error))", file: path) }
    try OutputFiles.write(data, to: path)
    print("Wrote \(path).")
}

/// Prints a failure to standard error and returns the failing exit code.
func reportFailure(_ error: IndexEngineError) -> ExitCode {
    printError("error: \(error)")
    return ExitCode.failure
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
