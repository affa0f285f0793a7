import ArgumentParser
import IndexEngine

/// The `civic` command: builds composite indices and runs the Civic Index platform's jobs.
@main
struct Civic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civic",
        abstract: "Civic Index: composite indices of intelligent communities, built reproducibly.",
        // The one version of civic, the engine's, which results.json records too.
        version: ResultsWriter.engineVersion,
        subcommands: [BuildCommand.self, ExampleCommand.self, AuditCommand.self, UncertaintyCommand.self, SensitivityCommand.self, HistoryCommand.self, NetworkCommand.self, CycleCommand.self, ServeCommand.self, DemoCommand.self, AccountCommand.self, DatabaseCommand.self, TOTPCommand.self, BenchCommand.self]
    )
}
