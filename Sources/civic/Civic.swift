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

    /// Runs the command line.
    ///
    /// `civic build` is parsed on its own, so that a script building an index over and over does
    /// not wait each time for the parser to look through every other command's options first.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == BuildCommand.configuration.commandName else { return await main(nil) }
        do {
            var command = try BuildOnly.parseAsRoot(arguments)
            try command.run()
        } catch {
            BuildOnly.exit(withError: error)
        }
    }
}

/// `civic` with `build` as its only subcommand: how `civic build` is parsed on its own, with its
/// help and its errors still naming `civic build`.
private struct BuildOnly: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "civic", subcommands: [BuildCommand.self])
}
