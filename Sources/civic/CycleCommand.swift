import ArgumentParser
import Awards
import Foundation
import IndexEngine
import WebApp

/// `civic cycle …`: runs an awards cycle from files against the embedded database.
struct CycleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle",
        abstract: "Run an awards cycle: create, import, assign, score, shortlist, vote, publish.",
        subcommands: [
            Create.self, SetPhase.self, ImportNominations.self, ImportAnalysts.self, Assign.self, ImportReviews.self, Score.self,
            ShortlistRound.self, Robustness.self, ImportBallots.self, Tally.self, Publish.self, CarryOver.self, Status.self, Demo.self, Simulate.self,
        ])

    /// Options every cycle command takes.
    struct Common: ParsableArguments {
        @Option(help: "The database: an SQLite file, or a postgres://user:password@host:port/database URL (default: CIVIC_DATABASE, else civic.sqlite).")
        var database: String?

        @Option(help: "Who is acting, for the audit log.")
        var actor: String = "admin"

        @Option(help: "Where the links in the messages an action queues lead: the server's public address.")
        var publicURL: String = "http://127.0.0.1:8080"

        /// The programme on `store`, acting as `actor`.
        func programme(_ store: any AwardsStore) -> Programme {
            Programme(store: store, actor: actor)
        }

        /// The programme on `store`, acting as `actor`, its actions queueing the messages the
        /// same actions on the web queue (the server sends them).
        func announced(_ store: any PlatformStore) -> AnnouncedActions {
            let links = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
            return AnnouncedActions(programme: programme(store), notifications: Notifications(store: store, links: links))
        }

        /// The database setting: `--database`, else `CIVIC_DATABASE` as `civic serve` reads it, else `civic.sqlite` here.
        var setting: String {
            database ?? ProcessInfo.processInfo.environment["CIVIC_DATABASE"] ?? "civic.sqlite"
        }

        /// Runs `body` on the store of the database, reporting the programme's errors.
        ///
        /// Opening an SQLite file creates it, so only a command that starts a platform's data
        /// (`creating`: a cycle, the first account, the network's record) may open one that is
        /// not there; for any other a missing file is an error naming it, not an empty database.
        func withStore(creating: Bool = false, _ body: (any PlatformStore) async throws -> Void) async throws {
            try await awards {
                let database = try PlatformDatabase(setting)
                if !creating, case .sqlite(let path) = database, !FileManager.default.fileExists(atPath: path) {
                    throw AwardsError(
                        .unreadableFile,
                        "there is no database here; name it with --database or CIVIC_DATABASE, or start one with civic cycle create",
                        file: path)
                }
                try await database.withStore(body)
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a cycle from a JSON settings file (or the programme's defaults).")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Option(help: "A JSON file with the cycle's factors, questions (each data point with its \"min\" and \"max\"), schedule (each phase with its \"starts\" date and an optional \"due\" time), \"timeZone\" (IANA), \"reminders\" ({\"before\": [7, 2], \"escalate\": true}: days before each due time, 1 to 60), rules and jury (a list of {id, name, group}).") var settings: String?

        func run() async throws {
            try await common.withStore(creating: true) { store in
                var cycle = Cycle(year: year)
                if let settings { cycle = try JSONFile.read(Cycle.self, from: settings) }
                guard cycle.year == year else { throw AwardsError(.invalidValue, "the settings are for \(cycle.year), not \(year)", file: settings, field: "year") }
                do {
                    try await common.programme(store).createCycle(cycle)
                } catch let error as AwardsError {
                    throw AwardsError(error.kind, error.message, file: settings ?? error.file, row: error.row, field: error.field)
                }
                print("Created the \(year) cycle: \(cycle.factors.count) factors, \(cycle.questions.count) questions, a jury of \(cycle.jury.count), phase \(cycle.phase.title).")
            }
        }
    }

    struct SetPhase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "phase", abstract: "Move a cycle to a phase, queueing the messages of the phase it opens.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Argument(help: "The phase: \(Phase.allCases.map(\.rawValue).joined(separator: ", ")).") var phase: String

        func validate() throws {
            guard Phase(rawValue: phase) != nil else { throw ValidationError("Unknown phase '\(phase)'.") }
        }

        func run() async throws {
            try await common.withStore { store in
                try await common.announced(store).setPhase(Phase(rawValue: phase) ?? .setup, cycle: year)
                print("The \(year) cycle is now in \(Phase(rawValue: phase)?.title ?? phase).")
            }
        }
    }

    struct ImportNominations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-nominations",
            abstract: "Import nominations: a JSON array, or a CSV file with one row per nomination and one column per question; every number must lie within its question's range.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Argument(help: "The nominations file.") var file: String

        func run() async throws {
            try await common.withStore { store in
                let programme = common.programme(store)
                let nominations: [Nomination]
                if file.lowercased().hasSuffix(".csv") {
                    let table: CSVTable
                    do { table = try CSVTable.read(path: file) } catch let error as IndexEngineError {
                        throw AwardsError(.unreadableFile, error.message, file: file, row: error.row, field: error.column)
                    }
                    nominations = try NominationTable.parse(table, cycle: try await programme.store.cycle(year))
                } else {
                    nominations = try JSONFile.read([Nomination].self, from: file)
                }
                do {
                    try await programme.saveNominations(nominations, cycle: year)
                } catch let error as AwardsError {
                    throw AwardsError(error.kind, error.message, file: file, row: error.row, field: error.field)
                }
                print("Imported \(nominations.count) nominations into \(year).")
            }
        }
    }

    struct ImportAnalysts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-analysts", abstract: "Import analysts (JSON array).")
        @OptionGroup var common: Common
        @Argument(help: "The analysts file.") var file: String

        func run() async throws {
            try await common.withStore { store in
                let analysts = try JSONFile.read([Analyst].self, from: file)
                try await common.programme(store).saveAnalysts(analysts)
                print("Imported \(analysts.count) analysts.")
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign analysts to a round's nominations by minimum-cost flow.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Option(help: "The round (1 or 2).") var round: Int = 1

        func run() async throws {
            try await common.withStore { store in
                let plan = try await common.announced(store).assign(round: round, cycle: year)
                let loads = plan.loads.values
                print("Assigned \(plan.pairs.count) reviews (\(plan.analystsPerNomination) per nomination); loads \(loads.min() ?? 0)–\(loads.max() ?? 0); \(plan.exclusions.count) conflicted pairs excluded.")
            }
        }
    }

    struct ImportReviews: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-reviews", abstract: "Import submitted reviews (JSON array); scores on the cycle's scale, confidences 1 to 5.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Argument(help: "The reviews file.") var file: String

        func run() async throws {
            try await common.withStore { store in
                let reviews = try JSONFile.read([Review].self, from: file)
                do {
                    try await common.programme(store).submitReviews(reviews, cycle: year)
                } catch let error as AwardsError {
                    throw AwardsError(error.kind, error.message, file: file, field: error.field)
                }
                print("Imported \(reviews.count) reviews into \(year).")
            }
        }
    }

    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "score", abstract: "Score a round: quantitative, calibrated narrative, blended, with agreement.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Option(help: "The round (1 or 2).") var round: Int = 1
        @Option(help: "Output: table, csv or json.") var format: String = "table"
        @Option(help: "Rows to show in the table.") var top: Int = 25

        func validate() throws {
            guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format must be table, csv or json.") }
        }

        func run() async throws {
            try await common.withStore { store in
                let sheet = try await common.programme(store).score(round: round, cycle: year)
                switch format {
                case "csv": print(sheet.csv(), terminator: "")
                case "json": print(try JSONFile.text(sheet.rows))
                default: print(sheet.table(limit: top), terminator: "")
                }
            }
        }
    }

    struct ShortlistRound: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "shortlist", abstract: "Name the Smart21 (after round 1) or the Top7 (after round 2).")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Argument(help: "smart21 or top7.") var list: String

        func validate() throws {
            guard ["smart21", "top7"].contains(list) else { throw ValidationError("The list must be smart21 or top7.") }
        }

        func run() async throws {
            try await common.withStore { store in
                let programme = common.programme(store)
                let shortlist = list == "smart21" ? try await programme.shortlistSmart21(cycle: year) : try await programme.shortlistTop7(cycle: year)
                let byID = Dictionary(uniqueKeysWithValues: shortlist.candidates.map { ($0.nomination, $0) })
                print(shortlist.rule)
                for (i, id) in shortlist.selected.enumerated() {
                    let c = byID[id]
                    print(String(format: "%3d  %@  %.2f  ", i + 1, id, c?.score ?? .nan) + "\(c?.community ?? "") (\(c?.country ?? ""))")
                }
            }
        }
    }

    struct Robustness: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "robustness",
            abstract: "How sure a shortlist is before it is named: each nominee's probability of being on it and its rank interval, over draws of the analysts, the calibration method and the quantitative index's own choices.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Option(help: "smart21 or top7.") var list: String
        @Option(help: "Samples to draw (1 to 1,000,000).") var samples: Int = 1000
        @Option(help: "The seed: the same seed gives the same figures.") var seed: UInt64 = 1
        @Option(help: "A directory to write robustness-<list>.csv and .json to.") var out: String?
        @Option(help: "An analysis file (as for `civic uncertainty`) of the quantitative index's uncertain choices; the cycle's own rules.quantitativeAnalysis by default. Its samples and seed are ignored.") var analysis: String?
        @Option(help: "Rows to show in the table.") var top: Int = 40
        @Flag(help: "Do not show a progress bar.") var quiet = false

        func validate() throws {
            guard ["smart21", "top7"].contains(list) else { throw ValidationError("--list must be smart21 or top7, not '\(list)'.") }
            guard (1...1_000_000).contains(samples) else { throw ValidationError("--samples must lie between 1 and 1,000,000, not \(samples).") }
            guard top >= 0 else { throw ValidationError("--top cannot be negative.") }
        }

        func run() async throws {
            let choices: AnalysisSpec?
            do throws(IndexEngineError) {
                choices = try analysis.map { path throws(IndexEngineError) in try AnalysisSpec.read(path: path) }
            } catch {
                throw reportFailure(error)
            }
            try await common.withStore { store in
                let control = ProgressControl(total: samples, quiet: quiet)
                defer { control.finish() }
                let result = try await common.programme(store).robustness(list: list, cycle: year, samples: samples, seed: seed, analysis: choices) {
                    control.advance(by: $0)
                }
                control.finish()
                print(RobustnessReport.table(result, limit: top), terminator: "")
                if let out {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                    try RobustnessReport.csv(result).write(toFile: out + "/robustness-\(list).csv", atomically: true, encoding: .utf8)
                    try JSONFile.text(result).write(toFile: out + "/robustness-\(list).json", atomically: true, encoding: .utf8)
                    print("Wrote \(out)/robustness-\(list).csv and .json")
                }
            }
        }
    }

    struct ImportBallots: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-ballots",
            abstract: "Import the jury's ranked ballots (JSON array); all or none, each from a juror on the cycle's jury, whose group it takes.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Argument(help: "The ballots file.") var file: String

        func run() async throws {
            try await common.withStore { store in
                let ballots = try JSONFile.read([Ballot].self, from: file)
                do {
                    try await common.programme(store).castBallots(ballots, cycle: year)
                } catch let error as AwardsError {
                    throw AwardsError(error.kind, error.message, file: file, field: error.field)
                }
                print("Imported \(ballots.count) ballots into \(year).")
            }
        }
    }

    struct Tally: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tally", abstract: "Count the ballots and show the pairwise matrix and the final ranking.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int

        func run() async throws {
            try await common.withStore { store in
                let (jury, final) = try await common.programme(store).tally(cycle: year)
                print("Method: \(jury.method.rawValue). Pairwise preferences (row over column):")
                let c = jury.pairwise.candidates
                print("        " + c.map { $0.padding(toLength: 7, withPad: " ", startingAt: 0) }.joined(separator: " "))
                for a in c {
                    print(a.padding(toLength: 8, withPad: " ", startingAt: 0) + c.map { b in
                        (a == b ? "-" : String(format: "%.1f", jury.pairwise[a, b] ?? 0)).padding(toLength: 7, withPad: " ", startingAt: 0)
                    }.joined(separator: " "))
                }
                print("Jury ranking: \(jury.ranking.joined(separator: " > "))")
                for s in final.standings {
                    print(String(format: "%d. %@  jury %d  score %.2f  combined %.3f", s.place, s.candidate, s.juryPosition, s.score, s.combined))
                }
            }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "publish", abstract: "Publish the results: the Community of the Year and the record of every rule.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int

        func run() async throws {
            try await common.withStore { store in
                let publication = try await common.announced(store).publish(cycle: year)
                print("Published \(year): Community of the Year \(publication.winner).")
                for rule in publication.rules { print("  \(rule)") }
            }
        }
    }

    struct CarryOver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "carry-over", abstract: "Bring into a cycle the questionnaires still eligible from earlier cycles (not opted out, no newer nomination).")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int

        func run() async throws {
            try await common.withStore { store in
                let added = try await common.programme(store).carryOver(into: year)
                print("Carried \(added.count) questionnaire(s) into \(year)\(added.isEmpty ? "" : ": " + added.joined(separator: ", ")).")
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Show where a cycle stands.")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int

        func run() async throws {
            try await common.withStore { store in
                let cycle = try await store.cycle(year)
                let nominations = try await store.nominations(cycle: year)
                print("Cycle \(year): \(cycle.phase.title)")
                print("  nominations: \(nominations.count { $0.state == .submitted }) submitted, \(nominations.count { $0.state == .draft }) draft, \(nominations.count { $0.state == .withdrawn }) withdrawn")
                for round in 1...2 {
                    let assigned = try await store.assignments(cycle: year, round: round).count
                    let reviewed = try await store.reviews(cycle: year, round: round).count { $0.state == .submitted }
                    if assigned > 0 { print("  round \(round): \(reviewed) of \(assigned) reviews submitted") }
                }
                for name in ["smart21", "top7"] {
                    if let list = try await store.shortlist(name, cycle: year) { print("  \(name): \(list.selected.count) named") }
                }
                print("  ballots: \(try await store.ballots(cycle: year).count)")
                if let p = try await store.publication(cycle: year) { print("  published \(p.publishedAt): \(p.winner)") }
            }
        }
    }

    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "demo", abstract: "Write a synthetic demo cycle's files (cycle, nominations, analysts) to a directory.")
        @Option(name: .shortAndLong, help: "The directory to write to.") var out: String
        @Option(help: "The award year.") var year: Int = 2026
        @Option(help: "The seed.") var seed: UInt64 = 2026

        func run() async throws {
            try await awards {
                let demo = DemoCycle(year: year, seed: seed)
                try JSONFile.write(demo.cycle, to: out + "/cycle.json")
                try JSONFile.write(demo.nominations, to: out + "/nominations.json")
                try JSONFile.write(demo.analysts, to: out + "/analysts.json")
                print("Wrote \(out)/cycle.json, nominations.json (\(demo.nominations.count)), analysts.json (\(demo.analysts.count)); all synthetic.")
            }
        }
    }
}

extension CycleCommand {
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Write the demo cycle's synthetic reviews (for the stored assignments of a round) or ballots (of the stored cycle's jury, over its Top7).")
        @OptionGroup var common: Common
        @Argument(help: "The award year.") var year: Int
        @Argument(help: "reviews or ballots.") var what: String
        @Option(help: "The round, for reviews.") var round: Int = 1
        @Option(help: "The demo seed the cycle was made with.") var seed: UInt64 = 2026
        @Option(name: .shortAndLong, help: "The file to write.") var out: String

        func validate() throws {
            guard ["reviews", "ballots"].contains(what) else { throw ValidationError("Simulate reviews or ballots.") }
        }

        func run() async throws {
            try await common.withStore { store in
                let demo = DemoCycle(year: year, seed: seed)
                if what == "reviews" {
                    let reviews = try await store.assignments(cycle: year, round: round).map { demo.review(of: $0.nomination, by: $0.analyst, round: round) }
                    try JSONFile.write(reviews, to: out)
                    print("Wrote \(reviews.count) synthetic reviews to \(out).")
                } else {
                    guard let top7 = try await store.shortlist("top7", cycle: year) else {
                        throw AwardsError(.invalidState, "the Top7 have not been named yet", field: "top7")
                    }
                    let jury = try await store.cycle(year).jury
                    guard !jury.isEmpty else {
                        throw AwardsError(.invalidState, "the \(year) cycle names no jury; name it in the cycle's settings (\"jury\")", field: "jury")
                    }
                    let ballots = jury.map { demo.ballot(of: $0, over: top7.selected) }
                    try JSONFile.write(ballots, to: out)
                    print("Wrote \(ballots.count) synthetic ballots to \(out).")
                }
            }
        }
    }
}

/// Runs `body`, turning an awards error into a message on standard error and a failing exit.
func awards(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as AwardsError {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}

/// Reading and writing the JSON files of a cycle.
enum JSONFile {
    static func read<T: Decodable>(_ type: T.Type, from path: String) throws(AwardsError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AwardsError(.unreadableFile, "cannot read the file (\(error.localizedDescription))", file: path)
        }
        do {
            return try JSONInput.decode(type, from: data)
        } catch let problem as JSONInput.Problem {
            throw AwardsError(.invalidValue, problem.message, file: path, field: problem.field)
        } catch {
            throw AwardsError(.invalidValue, "\(error)", file: path)
        }
    }

    static func text<T: Encodable>(_ value: T) throws(AwardsError) -> String {
        do {
            return String(decoding: try CanonicalJSON.encoder(pretty: true).encode(value), as: UTF8.self)
        } catch {
            throw AwardsError(.invalidValue, "cannot encode (\(error))")
        }
    }

    static func write<T: Encodable>(_ value: T, to path: String) throws(AwardsError) {
        let text = try text(value)
        do {
            try OutputFiles.write(Data(text.utf8), to: path)
        } catch {
            throw AwardsError(.unreadableFile, error.message, file: path)
        }
    }
}
