import Foundation
import Testing
@testable import IndexEngine

/// `civic` as people run it: the built executable, started from a directory that is not the
/// repository's, so that nothing it needs is found by accident in the working directory.
@Suite("The civic command line", .serialized)
struct CommandLineTests {
    /// The package root: four levels above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// `swift build` and `swift test` build the executable here, beside the tests.
    static let binary = root + "/.build/debug/civic"

    /// What a run of `civic` gave.
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// A fresh empty directory, removed by the caller.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `civic arguments` in `directory` with `CIVIC_DATABASE` unset unless `environment` sets it.
    static func civic(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Outcome {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build civic first: \(binary)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var variables = ProcessInfo.processInfo.environment
        variables["CIVIC_DATABASE"] = nil
        variables.merge(environment) { $1 }
        process.environment = variables
        // Files, not pipes: a pipe nobody reads blocks the program once full.
        let output = directory + "/.stdout-\(UUID().uuidString)", error = directory + "/.stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        _ = FileManager.default.createFile(atPath: error, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: error)
        }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: error))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: try String(contentsOfFile: output, encoding: .utf8),
            error: try String(contentsOfFile: error, encoding: .utf8))
    }

    @Test("civic --version prints the engine's version, the one results.json records")
    func version() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try Self.civic(["--version"], in: directory)
        #expect(run.status == 0)
        #expect(run.output == ResultsWriter.engineVersion + "\n")
    }

    @Test("civic example builds the shipped ASEM example from any directory")
    func exampleAnywhere() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try Self.civic(["example", "--top", "3"], in: directory)
        #expect(run.status == 0, "\(run.error)")
        #expect(FileManager.default.fileExists(atPath: directory + "/out/asem/results.csv"))
        // COINr's ASEM build ranks Switzerland first.
        #expect(run.output.contains("CHE"), "\(run.output)")
    }

    @Test("civic history reads the shipped awards record from any directory")
    func historyAnywhere() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try Self.civic(["history", "Adelaide"], in: directory)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.hasPrefix("Adelaide (Australia)"), "\(run.output)")
        #expect(run.output.contains("2018"))
    }

    @Test("civic build prints its warnings; --strict makes them a failure and writes nothing")
    func strict() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in ["ASEM_iData.csv", "ASEM_iMeta.csv"] {
            try FileManager.default.copyItem(atPath: Self.root + "/Examples/asem/" + file, toPath: directory + "/" + file)
        }
        let spec = """
            { "inputs": { "iData": "ASEM_iData.csv", "iMeta": "ASEM_iMeta.csv" },
              "steps": [ { "step": "normalise", "method": "minMax", "range": [100, 0] }, { "step": "aggregate" } ] }
            """
        try Data(spec.utf8).write(to: URL(fileURLWithPath: directory + "/spec.json"))
        let lenient = try Self.civic(["build", "spec.json", "--out", "lenient", "--top", "0"], in: directory)
        #expect(lenient.status == 0, "\(lenient.error)")
        #expect(lenient.error.contains("warning: steps[0] (normalise): range [100, 0] runs from high to low"), "\(lenient.error)")
        #expect(FileManager.default.fileExists(atPath: directory + "/lenient/results.csv"))

        let strict = try Self.civic(["build", "spec.json", "--out", "strict", "--strict"], in: directory)
        #expect(strict.status != 0)
        #expect(strict.error.contains("[reversedRange]"), "\(strict.error)")
        #expect(strict.error.contains("--strict"), "\(strict.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/strict"), "a refused build writes nothing")
    }

    @Test("civic build names itself in its help and in its errors, and other commands still parse")
    func buildUsage() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let help = try Self.civic(["build", "--help"], in: directory)
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: civic build <spec> --out <out>"), "\(help.output)")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: directory + "/spec.json"))
        let unknown = try Self.civic(["build", "spec.json", "--out", "o", "--colour"], in: directory)
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("Unknown option '--colour'") && unknown.error.contains("civic build"), "\(unknown.error)")
        let missing = try Self.civic(["build", "none.json", "--out", "o"], in: directory)
        #expect(missing.status != 0)
        #expect(missing.error.contains("The spec file 'none.json' does not exist."), "\(missing.error)")
        let top = try Self.civic(["build", "spec.json", "--out", "o", "--top=-1"], in: directory)
        #expect(top.status != 0)
        #expect(top.error.contains("--top must be 0 or more."), "\(top.error)")
        #expect(top.error.contains("See 'civic build --help' for more information."), "the hint is a command that works: \(top.error)")
        // The root command and its other subcommands go through the whole tree as before.
        let root = try Self.civic(["--help"], in: directory)
        #expect(root.output.contains("build") && root.output.contains("serve"), "\(root.output)")
        let subcommand = try Self.civic(["help", "build"], in: directory)
        #expect(subcommand.output.contains("USAGE: civic build <spec> --out <out>"), "\(subcommand.output)")
    }

    @Test("civic cycle uses CIVIC_DATABASE and never creates an empty database by accident")
    func cycleDatabase() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = try Self.civic(["cycle", "status", "2026"], in: directory)
        #expect(missing.status != 0)
        #expect(missing.error.contains("civic.sqlite"), "\(missing.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/civic.sqlite"), "a read creates no database")

        let elsewhere = directory + "/awards.sqlite"
        let unset = try Self.civic(["cycle", "status", "2026"], in: directory, environment: ["CIVIC_DATABASE": elsewhere])
        #expect(unset.status != 0)
        #expect(unset.error.contains(elsewhere), "the error names the database of CIVIC_DATABASE: \(unset.error)")

        let created = try Self.civic(["cycle", "create", "2026"], in: directory, environment: ["CIVIC_DATABASE": elsewhere])
        #expect(created.status == 0, "\(created.error)")
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        let status = try Self.civic(["cycle", "status", "2026"], in: directory, environment: ["CIVIC_DATABASE": elsewhere])
        #expect(status.status == 0, "\(status.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/civic.sqlite"))
    }
}
