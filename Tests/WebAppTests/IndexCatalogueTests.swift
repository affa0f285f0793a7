import Foundation
import Testing
@testable import WebApp

/// Loading the catalogue of indices: sidecars good and bad, several paths, a directory of indices.
@Suite("Index catalogue loading")
struct IndexCatalogueTests {
    static let asem = PlatformRoutesTests.root + "/Examples/asem"

    /// A temporary directory holding `files` (relative path → text), removed after `body`.
    static func withFiles(_ files: [String: String], _ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-indices-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (path, text) in files {
            let full = (directory as NSString).appendingPathComponent(path)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        try await body(directory)
    }

    /// A sidecar of the ASEM spec and panel, without the analysis (which is slow), with `extra` fields.
    static func sidecar(slug: String = "asem-test", years: [Int]? = [2018, 2019], extra: String = "") -> String {
        """
        { "slug": "\(slug)", "description": "ASEM for tests.", "provenance": "COINr.", "spec": "\(asem)/asem.json", "data": "\(asem)/ASEM_iData_p.csv"\
        \(years.map { ", \"years\": \($0)" } ?? "")\(extra) }
        """
    }

    @Test("the ASEM directory is one index with an edition per year of its panel, each built alone, and group names from its metadata")
    func asemDirectory() throws {
        let indices = try IndexCatalogue.load(paths: [Self.asem], analysis: nil)
        #expect(indices.map(\.slug) == ["asem"])
        let index = try #require(indices.first)
        #expect(index.years == [2018, 2019, 2020, 2021, 2022])
        #expect(index.editions.allSatisfy { $0.view.rows.count == 51 && $0.audit != nil })
        #expect(index.editions.map { $0.view.spec.time } == [2018, 2019, 2020, 2021, 2022])
        #expect(index.editions.last?.sensitivity != nil && index.editions.first?.sensitivity == nil, "the analysis runs for the latest edition")
        #expect(index.labels.label("GDPpc_group", "XL") == "GDP per capita group: very high")
        #expect(index.labels.name("EurAsia_group") == "Europe or Asia")
        // The 2018 edition of the panel is the single-year example build.
        let single = try IndexCatalogue.load(paths: [Self.asem + "/asem.json"], analysis: nil)[0]
        #expect(single.slug == "asem" && single.years == [2018])
        #expect(single.editions[0].view.rows == index.editions[0].view.rows.map { var row = $0; row.rankInterval = nil; return row })
    }

    @Test("several paths, and a directory of index directories, load every index in order; a slug used twice is refused")
    func severalIndices() async throws {
        try await Self.withFiles(["b/index.json": Self.sidecar(slug: "second", years: [2019]), "a/index.json": Self.sidecar(slug: "first", years: [2018])]) { directory in
            let all = try IndexCatalogue.load(paths: [directory], analysis: nil)
            #expect(all.map(\.slug) == ["first", "second"])
            #expect(all.map(\.years) == [[2018], [2019]])
            let two = try IndexCatalogue.load(paths: [directory + "/b", Self.asem + "/asem.json"], analysis: nil)
            #expect(two.map(\.slug) == ["second", "asem"])
            #expect(throws: IndexLoadingError(file: directory + "/b/index.json", field: "slug", "'second' is already the slug of \(directory)/b/index.json")) {
                try IndexCatalogue.load(paths: [directory + "/b", directory + "/b/index.json"], analysis: nil)
            }
        }
    }

    @Test(
        "a bad sidecar is refused with its file and field named",
        arguments: [
            (sidecar(extra: #", "colour": "red""#), "colour", "is not a field of an index file"),
            (sidecar(slug: "ASEM"), "slug", "'ASEM' is not a slug"),
            (sidecar(slug: "../etc"), "slug", "'../etc' is not a slug"),
            (sidecar(years: [2017]), "years", "names 2017, which is not in the data (its years: 2018, 2019, 2020, 2021, 2022)"),
            (sidecar(years: []), "years", "must be a non-empty list of years"),
            (sidecar(years: [2018, 2018]), "years", "names a year twice"),
            (sidecar(extra: #", "name": 7"#), "name", "has the wrong type: text"),
            (sidecar(years: nil, extra: #", "years": [2018.5]"#), "years", "must be a non-empty list of years (whole numbers"),
            (sidecar(years: nil, extra: #", "years": ["2018"]"#), "years[0]", "has the wrong type: a list of whole years"),
            (#"{ "slug": "x", "provenance": "p", "spec": "s.json" }"#, "description", "is missing"),
            (sidecar(extra: #", "description": " ""#).replacingOccurrences(of: #""description": "ASEM for tests.", "#, with: ""), "description", "is empty"),
            (sidecar(extra: #", "analysis": "missing.json""#), "analysis", "names 'missing.json', which does not exist"),
            ("[1, 2]", nil, "is not a JSON object"),
        ] as [(String, String?, String)])
    func badSidecar(_ text: String, _ field: String?, _ problem: String) async throws {
        try await Self.withFiles(["bad/index.json": text]) { directory in
            let file = directory + "/bad/index.json"
            do {
                _ = try IndexCatalogue.load(paths: [directory + "/bad"], analysis: nil)
                Issue.record("\(text) was accepted")
            } catch let error as IndexLoadingError {
                #expect(error.file == file)
                #expect(error.field == field)
                #expect(error.problem.hasPrefix(problem), "\(error)")
                #expect(error.description.hasPrefix("\(file): "))
            }
        }
    }

    @Test("a path that holds no index is refused, naming it")
    func noIndex() async throws {
        try await Self.withFiles(["empty/readme.txt": "nothing"]) { directory in
            #expect(throws: IndexLoadingError(file: directory + "/empty", "holds no index.json, nor any subdirectory with one")) {
                try IndexCatalogue.load(paths: [directory + "/empty"], analysis: nil)
            }
            #expect(throws: IndexLoadingError(file: directory + "/none", "does not exist")) {
                try IndexCatalogue.load(paths: [directory + "/none"], analysis: nil)
            }
        }
    }

    @Test("civic serve refuses to start on an index it cannot load, naming the file and field")
    func serveRefusesABadIndex() async throws {
        try await Self.withFiles(["bad/index.json": Self.sidecar(slug: "Bad Slug")]) { directory in
            let database = directory + "/civic.sqlite"
            let run = try await Subprocess.run(
                [TwoInstanceDeployment.binary, "serve", "--port", "0", "--database", database, "--index", directory + "/bad", "--index", Self.asem],
                directory: PlatformRoutesTests.root, timeout: .seconds(120))
            #expect(!run.timedOut && run.status == 1, "\(run.output)")
            #expect(run.output.contains("error: the index cannot be hosted: \(directory)/bad/index.json: slug 'Bad Slug' is not a slug"), "\(run.output)")
            #expect(!run.output.contains("is running"))
        }
    }

    @Test("several indices come from --index given again, a JSON list or a comma-separated CIVIC_INDEX")
    func configuration() async throws {
        let flags = try await WebConfiguration.load(flags: .init(indices: ["a", "b"]), environment: ["CIVIC_INDEX": "c"])
        #expect(flags.indices == ["a", "b"])
        #expect(try await WebConfiguration.load(environment: ["CIVIC_INDEX": "c,d"]).indices == ["c", "d"])
        #expect(try await WebConfiguration.load(environment: [:]).indices == ["Examples/asem"])
        await #expect(throws: ConfigurationError.self) { try await WebConfiguration.load(flags: .init(indices: ["a", ""]), environment: [:]) }
    }
}
