import ArgumentParser
import Foundation

/// `civic example`: builds the shipped ASEM example index and prints its ranking.
struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Build the ASEM example index (COINr's example build) and print its ranking.")

    @Option(help: "The example spec.")
    var spec: String = "Examples/asem/asem.json"

    @Option(name: .shortAndLong, help: "The directory to write results to.")
    var out: String = "out/asem"

    @Option(help: "How many ranked units to show.")
    var top: Int = 51

    func validate() throws {
        guard FileManager.default.fileExists(atPath: ShippedExamples.resolve(spec)) else {
            throw ValidationError(ShippedExamples.missing("example spec", spec))
        }
    }

    func run() throws {
        try runBuild(specPath: ShippedExamples.resolve(spec), out: out, top: top)
    }
}
