import ArgumentParser
import Awards
import Foundation
import WebApp

/// `civic db …`: moves a platform's data between databases.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Move a platform's data between databases.", subcommands: [Copy.self])

    /// `civic db copy --from FILE --to postgres://…`: the whole platform, from SQLite to PostgreSQL.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy a whole platform from its SQLite file into an empty PostgreSQL database, all or nothing.",
            discussion: """
                Every table is copied: the programme, communities, accounts, sessions, API tokens, sign-in failures, \
                case studies and the audit log, whose entries keep their ids, times and order. The SQLite file is \
                opened read-only and never changed; the PostgreSQL schema is migrated, then filled in one transaction, \
                and refused if any of its platform tables holds a row. The copy adds one audit entry (action copy, \
                entity platform, the rows per table as its after), whose id follows the last copied one.
                """)

        @Option(help: "The platform's SQLite file (read only: never created nor changed).")
        var from: String

        @Option(help: "The empty PostgreSQL database: postgres://user:password@host:port/database, with ?schema=name for a schema other than public.")
        var to: String

        @Option(help: "Who is copying, for the audit log.")
        var actor: String = "admin"

        func validate() throws {
            guard !from.isEmpty else { throw ValidationError("--from must name the platform's SQLite file") }
            if Self.isPostgresURL(from) {
                throw ValidationError("--from must be the SQLite file of a platform, not a PostgreSQL URL: the copy goes from SQLite to PostgreSQL")
            }
            guard Self.isPostgresURL(to) else {
                throw ValidationError(
                    "--to must be a PostgreSQL URL (postgres://user:password@host:port/database[?schema=name]), not a file: the copy goes from SQLite to PostgreSQL")
            }
            // The URL is not repeated: it may hold a password.
            guard (try? PlatformDatabase(to)) != nil else {
                throw ValidationError("--to is not a usable PostgreSQL URL: it needs a user and a host (postgres://user:password@host:port/database) and takes no setting but ?schema=name")
            }
            guard !actor.isEmpty else { throw ValidationError("--actor must name who is copying") }
        }

        func run() async throws {
            try await awards {
                guard case .postgres(let location) = try PlatformDatabase(to) else {
                    throw AwardsError(.invalidValue, "not a PostgreSQL URL", field: "to")
                }
                let report = try await PlatformCopy.run(from: from, to: location, actor: actor)
                let components = report.duration.components
                let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
                print("Copied \(report.source) into \(report.target) in one transaction (\(String(format: "%.2f", seconds)) s):")
                let width = max(12, report.rows.map(\.table.count).max() ?? 0)
                for (table, rows) in report.rows {
                    print("  \(table.padding(toLength: width, withPad: " ", startingAt: 0)) \(String(rows).leftPadded(to: 8))")
                }
                let total = report.rows.reduce(0) { $0 + $1.rows }
                print("  \("total".padding(toLength: width, withPad: " ", startingAt: 0)) \(String(total).leftPadded(to: 8)) rows")
                let entry = report.entry
                print("Audit entry \(entry.id) records the copy (\(entry.action) \(entry.entity) by \(entry.actor)); the next change gets \(entry.id + 1).")
            }
        }

        static func isPostgresURL(_ setting: String) -> Bool {
            let lowered = setting.lowercased()
            return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
        }
    }
}

extension String {
    /// The string with spaces before it, to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
