import ArgumentParser
import Awards
import Foundation
import Hummingbird
import IndexEngine
import Logging
import WebApp

/// `civic serve`: starts the web platform on its database, SQLite or PostgreSQL.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Start the web platform.",
        discussion: """
            Each option given overrides the environment (CIVIC_HOST, CIVIC_PORT, CIVIC_DATABASE, CIVIC_INDEX, \
            CIVIC_ANALYSIS, CIVIC_LOG_LEVEL, CIVIC_SECURE_COOKIES, CIVIC_BCRYPT_COST, CIVIC_TRUSTED_PROXIES, CIVIC_SMTP_URL, CIVIC_MAIL_FROM, CIVIC_PUBLIC_URL, \
            CIVIC_CONFIG), which overrides the JSON configuration file, whose keys are host, port, database, index, analysis, logLevel, \
            secureCookies, bcryptCost, trustedProxies, smtpUrl, mailFrom and publicUrl. SIGTERM or Ctrl-C stops the server once the requests in flight are answered.
            """)

    @OptionGroup var web: WebOptions

    func run() async throws {
        try await web.configuration().start()
    }
}

/// `civic demo`: loads the ASEM index, the public awards record, a synthetic demo cycle run to
/// its winner and one with nominations open into a fresh database, creates one demo account per
/// role, prints them, then starts the platform.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Start the platform with example data: the ASEM index, the awards record with its communities, a synthetic cycle run to its winner, an open one to walk through, and one demo account per role.")

    @OptionGroup var web: WebOptions

    @Option(help: "The public record of recognitions.")
    var record: String = "Examples/awards-history/recognitions.csv"

    @Option(help: "The communities of the record with their coordinates (JSON array of community records).")
    var communities: String = "Examples/awards-history/communities.json"

    func run() async throws {
        // The database to fill is the one the platform will serve, wherever it was set. An SQLite
        // file starts afresh; a PostgreSQL database must be empty, so that the demo never mixes
        // with (or replaces) a platform's real data.
        let web = try await self.web.configuration()
        do {
            let database = try PlatformDatabase(web.database)
            if case .sqlite(let path) = database {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let accounts = try await database.withStore { store in
                if case .postgres = database {
                    let holds = try await (store.cycles().count, store.accounts().count, store.communities().count)
                    guard holds == (0, 0, 0) else {
                    throw AwardsError(
                        .invalidState, "\(database) already holds a platform; the demo fills an empty database (name a new schema with ?schema=…)",
                        field: "database")
                    }
                }
                return try await DemoPlatform.load(
                    into: store, record: try RecognitionRecord.read(path: ShippedExamples.resolve(record)),
                    communities: try JSONFile.read([Community].self, from: ShippedExamples.resolve(communities)),
                    bcryptCost: web.bcryptCost, deadlinesFrom: Date())
            }
            say("Loaded the awards record, the synthetic 2025 and 2026 cycles run to their winners, and the synthetic \(DemoPlatform.walkthroughYear) cycle with nominations open and due in three days (reminders go to accounts with an address).")
            say("Demo accounts (sign in at /login; the TOTP code comes from an authenticator app given the secret, or from `swift run civic totp SECRET`):")
            for account in accounts {
                let factor = account.totpSecret.map { "TOTP secret \($0)" } ?? "no second factor"
                say("  \(account.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(account.username) / \(account.password) — \(factor)")
            }
        } catch let error as AwardsError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        try await web.start()
    }
}

/// Where the platform listens, what it serves and how. Every option is optional: one that is not
/// given leaves the setting to the environment, the configuration file or the default.
struct WebOptions: ParsableArguments {
    private static let defaults = WebConfiguration()

    @Option(help: "The address to listen on (default \(defaults.host)).")
    var host: String?
    @Option(help: "The port to listen on; 0 picks a free one (default \(defaults.port)).")
    var port: Int?
    @Option(help: "The database: an SQLite file, or a postgres://user:password@host:port/database URL shared by several servers (default \(defaults.database)).")
    var database: String?
    @Option(help: ArgumentHelp(
        "An index to host; give it again for several (default \(defaults.indices.joined(separator: ", "))).",
        discussion: "A directory holding an index.json (slug, description, provenance, spec, data, analysis), a directory of such directories, or a bare build spec (one edition, with --analysis)."))
    var index: [String] = []
    @Option(help: "The uncertainty analysis behind the rank intervals of an index given as a bare build spec, empty for none (default \(defaults.analysis ?? "none")).")
    var analysis: String?
    @Option(help: "The least severe level logged: \(WebConfiguration.logLevelNames.joined(separator: ", ")) (default \(defaults.logLevel.rawValue)).")
    var logLevel: String?
    @Flag(inversion: .prefixedNo, help: "Whether cookies are marked Secure, sent over HTTPS only (default off, for plain HTTP on loopback).")
    var secureCookies: Bool?
    @Option(help: "The bcrypt cost of new password hashes, \(WebConfiguration.bcryptCosts.lowerBound)–\(WebConfiguration.bcryptCosts.upperBound) (default \(defaults.bcryptCost)).")
    var bcryptCost: Int?
    @Option(help: "The addresses of the proxies in front of the server, comma-separated; a request from one is taken to come from the client its X-Forwarded-For names (default none).")
    var trustedProxies: String?
    @Option(help: "The SMTP relay the platform's messages go to, smtp://[user:password@]host:port (default none: messages stay queued).")
    var smtpUrl: String?
    @Option(help: "Who the messages come from, 'Name <address>' or an address (default \(defaults.mailFrom)).")
    var mailFrom: String?
    @Option(help: "The platform's address as people reach it, for the links in messages (default http://host:port).")
    var publicUrl: String?
    @Option(help: "A JSON configuration file (or CIVIC_CONFIG).")
    var config: String?

    func validate() throws {
        if let port, !WebConfiguration.ports.contains(port) {
            throw ValidationError("--port \(port) is not a port (\(WebConfiguration.ports.lowerBound)…\(WebConfiguration.ports.upperBound)).")
        }
        if let logLevel, !WebConfiguration.logLevelNames.contains(logLevel) {
            throw ValidationError("--log-level '\(logLevel)' is not one of \(WebConfiguration.logLevelNames.joined(separator: ", ")).")
        }
        if let bcryptCost, !WebConfiguration.bcryptCosts.contains(bcryptCost) {
            throw ValidationError(
                "--bcrypt-cost \(bcryptCost) is not a bcrypt cost (\(WebConfiguration.bcryptCosts.lowerBound)…\(WebConfiguration.bcryptCosts.upperBound)).")
        }
        for (option, value) in [("--host", host), ("--database", database)] + index.map({ ("--index", $0) }) where value?.isEmpty == true {
            throw ValidationError("\(option) is empty.")
        }
    }
}

extension WebConfiguration {
    /// Serves the platform until SIGTERM or SIGINT (Ctrl-C), which stop it once the requests in
    /// flight are answered; the database closes when the platform is released on return.
    func start() async throws {
        var logger = Logger(label: "civic")
        logger.logLevel = logLevel
        if let configFile { logger.info("Read the configuration file", metadata: ["file": "\(configFile)"]) }
        // An index that cannot be loaded stops the server before it listens, naming the file.
        let platform: Platform
        do {
            platform = try Platform.load(self)
        } catch let error as IndexLoadingError {
            printError("error: the index cannot be hosted: \(error)")
            throw ExitCode.failure
        } catch let error as IndexEngineError {
            printError("error: the index cannot be built: \(error)")
            throw ExitCode.failure
        }
        let app = try await buildApplication(self, platform: platform, logger: logger)
        say("Public pages: the indices with their rankings, unit profiles and methodology, communities, cycle results, the library; workspaces after signing in at /login; the JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json). Ctrl-C stops the server.")
        try await makeServiceGroup(app, logger: logger).run()
        logger.info("Civic Index has stopped")
    }
}

/// Writes a line to standard output at once, even when it is a pipe (a server runs for long).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
