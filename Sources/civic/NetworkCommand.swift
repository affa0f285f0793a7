import ArgumentParser
import Awards
import Foundation
import Storage

/// `civic network …`: the communities of the network and the public record of recognitions.
struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "The network's communities and the public record of recognitions.",
        subcommands: [ImportRecord.self, ImportCommunities.self, List.self])

    struct ImportRecord: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-record", abstract: "Load the public record (CSV) and the communities it names.")
        @OptionGroup var common: CycleCommand.Common
        @Option(help: "The record of recognitions.") var record: String = "Examples/awards-history/recognitions.csv"

        func run() throws {
            try awards {
                let recognitions = try RecognitionRecord.read(path: record)
                let programme = try common.programme()
                try programme.importRecord(recognitions)
                print("Loaded \(recognitions.count) recognitions; the network has \(try programme.store.communities().count) communities.")
            }
        }
    }

    struct ImportCommunities: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Add or update communities (JSON array of community records).")
        @OptionGroup var common: CycleCommand.Common
        @Argument(help: "The communities file.") var file: String

        func run() throws {
            try awards {
                let communities = try JSONFile.read([Community].self, from: file)
                do {
                    try common.programme().saveCommunities(communities)
                } catch let error as AwardsError {
                    throw AwardsError(error.kind, error.message, file: file, field: error.field)
                }
                print("Saved \(communities.count) communities.")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the network's communities by region.")
        @OptionGroup var common: CycleCommand.Common

        func run() throws {
            try awards {
                let communities = try SQLiteStore(path: common.database).communities()
                for (region, members) in Dictionary(grouping: communities, by: \.region).sorted(by: { $0.key < $1.key }) {
                    print("\(region) (\(members.count)): " + members.map { "\($0.name) (\($0.country))" }.joined(separator: ", "))
                }
            }
        }
    }
}
