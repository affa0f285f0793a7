import ArgumentParser
import Awards
import Foundation
import WebApp

/// `civic network …`: the communities of the network and the public record of recognitions.
struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "The network's communities and the public record of recognitions.",
        subcommands: [ImportRecord.self, ImportCommunities.self, List.self])

    struct ImportRecord: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-record", abstract: "Load the public record (CSV) and the communities it names.")
        @OptionGroup var common: CycleCommand.Common
        @Option(help: "The record of recognitions.") var record: String = "Examples/awards-history/recognitions.csv"

        func run() async throws {
            try await common.withStore(creating: true) { store in
                let recognitions = try RecognitionRecord.read(path: ShippedExamples.resolve(record))
                let programme = common.programme(store)
                try await programme.importRecord(recognitions)
                print("Loaded \(recognitions.count) recognitions; the network has \(try await programme.store.communities().count) communities.")
            }
        }
    }

    struct ImportCommunities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Add or update communities (JSON array of community records).")
        @OptionGroup var common: CycleCommand.Common
        @Argument(help: "The communities file.") var file: String

        func run() async throws {
            try await common.withStore(creating: true) { store in
                let communities = try JSONFile.read([Community].self, from: file)
                do {
                    try await common.programme(store).saveCommunities(communities)
                } catch let error as AwardsError {
                    throw AwardsError(error.kind, error.message, file: file, field: error.field)
                }
                print("Saved \(communities.count) communities.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the network's communities by region.")
        @OptionGroup var common: CycleCommand.Common

        func run() async throws {
            try await common.withStore { store in
                let communities = try await store.communities()
                for (region, members) in Dictionary(grouping: communities, by: \.region).sorted(by: { $0.key < $1.key }) {
                    print("\(region) (\(members.count)): " + members.map { "\($0.name) (\($0.country))" }.joined(separator: ", "))
                }
            }
        }
    }
}
