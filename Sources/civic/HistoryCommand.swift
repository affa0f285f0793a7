import ArgumentParser
import Awards
import Foundation

/// `civic history COMMUNITY`: a community's record in the awards, year by year.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a community's awards history: stages reached per year, streaks, first appearance.")

    @Argument(help: "The community's name (accents and case do not matter).")
    var community: String

    @Option(help: "The public record of recognitions (CSV).")
    var record: String = "Examples/awards-history/recognitions.csv"

    func validate() throws {
        guard FileManager.default.fileExists(atPath: ShippedExamples.resolve(record)) else {
            throw ValidationError(ShippedExamples.missing("record", record))
        }
    }

    func run() throws {
        do throws(AwardsError) {
            let history = try CommunityHistory.find(community, in: try RecognitionRecord.read(path: ShippedExamples.resolve(record)))
            print(Self.render(history), terminator: "")
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// The history as text: one line per year, then the streaks.
    static func render(_ history: CommunityHistory) -> String {
        var lines = ["\(history.community) (\(history.country))"]
        for year in history.smart21Years {
            lines.append("  \(year)  \(history.stages[year]?.title ?? "")")
        }
        func span(_ s: (length: Int, from: Int, to: Int)?) -> String {
            guard let s else { return "none" }
            return s.length == 1 ? "1 year (\(s.from))" : "\(s.length) years in a row (\(s.from)–\(s.to))"
        }
        lines.append("First recognised: \(history.firstYear.map(String.init) ?? "never")")
        lines.append("Smart21: \(history.smart21Years.count) year(s); longest streak \(span(history.longestStreak))")
        lines.append("Top7: \(history.top7Years.count) year(s); longest streak \(span(history.longestTop7Streak))")
        if !history.winningYears.isEmpty {
            lines.append("Community of the Year: \(history.winningYears.map(String.init).joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
