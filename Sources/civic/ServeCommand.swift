import ArgumentParser
import Awards
import Foundation
import Hummingbird
import Storage
import WebApp

/// `civic serve`: starts the web platform on the embedded database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start the web platform.")

    @OptionGroup var web: WebOptions

    func run() async throws {
        try await web.start()
    }
}

/// `civic demo`: loads the ASEM index, the public awards record and a synthetic demo cycle run to
/// its winner into a fresh database, then starts the platform.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Start the platform with example data: the ASEM index, the awards record and a synthetic demo cycle.")

    @OptionGroup var web: WebOptions

    @Option(help: "The public record of recognitions.")
    var record: String = "Examples/awards-history/recognitions.csv"

    func run() async throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: web.database + suffix) }
        do {
            let store = try SQLiteStore(path: web.database)
            let programme = Programme(store: store, actor: "system")
            try programme.importRecord(try RecognitionRecord.read(path: record))
            let demo = DemoCycle()
            try demo.run(programme: programme)
            say("Loaded the awards record and the synthetic \(demo.cycle.year) demo cycle (\(demo.nominations.count) nominations).")
        } catch let error as AwardsError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        try await web.start()
    }
}

/// Where the platform listens and what it serves.
struct WebOptions: ParsableArguments {
    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "The port to listen on.") var port: Int = 8080
    @Option(help: "The SQLite database.") var database: String = "civic.sqlite"
    @Option(help: "The build spec of the index shown.") var index: String = "Examples/asem/asem.json"
    @Option(help: "The uncertainty analysis behind rank intervals.") var analysis: String = "Examples/asem/sensitivity.json"

    func start() async throws {
        let configuration = WebConfiguration(host: host, port: port, database: database, indexSpec: index, analysis: analysis)
        let platform = try Platform.load(configuration)
        let app = try await buildApplication(configuration, platform: platform)
        say("Civic Index is running at http://\(host):\(port)/ — Ctrl-C stops it.")
        say("Public pages: rankings, unit profiles, communities, methodology; the JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json).")
        try await app.runService()
    }
}

/// Writes a line to standard output at once, even when it is a pipe (a server runs for long).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
