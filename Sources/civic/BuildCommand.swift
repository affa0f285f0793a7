import ArgumentParser
import Foundation
import IndexEngine

/// `civic build SPEC --out DIR`: builds an index from a spec and writes its results.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an index from a spec file and write results.csv, results.json and stages/.")

    @Argument(help: "The build spec (JSON).")
    var spec: String

    @Option(name: .shortAndLong, help: "The directory to write results to.")
    var out: String

    @Option(help: "How many ranked units to show in the terminal (0 for none).")
    var top: Int = 20

    func validate() throws {
        guard FileManager.default.fileExists(atPath: spec) else {
            throw ValidationError("The spec file '\(spec)' does not exist.")
        }
        guard top >= 0 else { throw ValidationError("--top must be 0 or more.") }
    }

    func run() throws {
        try runBuild(specPath: spec, out: out, top: top)
    }
}

/// Builds the index of the spec at `specPath`, writes it to `out` and prints the ranking.
func runBuild(specPath: String, out: String, top: Int) throws {
    do throws(IndexEngineError) {
        let (spec, result, inputHash) = try loadAndBuild(specPath: specPath)
        try ResultsWriter(directory: out).write(result, spec: spec, inputHash: inputHash)
        for warning in result.log.warnings { printError("warning: \(warning)") }
        if top > 0 { print(RankingTable.render(result, limit: top), terminator: "") }
        print("Wrote \(out)/results.csv, results.json, treatment.csv and stages/ (\(result.stages.count) stages).")
    } catch {
        throw reportFailure(error)
    }
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
