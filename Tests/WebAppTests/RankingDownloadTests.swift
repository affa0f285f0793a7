import Foundation
import Hummingbird
import HummingbirdTesting
import IndexEngine
import Testing
@testable import WebApp

/// The rankings CSV: names or codes in the header, scores rounded on request, rank intervals
/// when the edition has an uncertainty analysis, and the index and year in the file name.
@Suite("Ranking downloads")
struct RankingDownloadTests {
    /// The single-year ASEM build with a small uncertainty analysis (COINr's vignette problem, 16 samples).
    static let analysed: Result<(BuildResult, BuildSpec, UncertaintyAnalysis), any Error> = Result {
        let path = PlatformRoutesTests.root + "/Examples/asem/asem.json"
        let spec = try BuildSpec.read(path: path)
        let build = try IndexBuild.run(try BuildInputs.load(spec, relativeTo: (path as NSString).deletingLastPathComponent).dataset, spec: spec)
        var analysis = try AnalysisSpec.read(path: PlatformRoutesTests.root + "/Examples/asem/sensitivity.json")
        analysis.samples = 16
        return (build, spec, try UncertaintyAnalysis.run(build, spec: spec, analysis: analysis))
    }

    /// The platform hosting that build as the index `asem-ua`, of year 2023.
    static func withAnalysedApp(_ body: @Sendable (any TestClientProtocol, UncertaintyAnalysis) async throws -> Void) async throws {
        let (build, spec, analysis) = try analysed.get()
        let index = HostedIndex(
            slug: "asem-ua", name: "ASEM", description: "ASEM with rank intervals.", provenance: "COINr.",
            editions: [HostedIndex.Edition(year: 2023, view: IndexView(build: build, spec: spec, uncertainty: analysis))])
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-ua-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let platform = Platform(catalogue: IndexCatalogue([index]), store: try PlatformDatabase(database).open().store)
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load())
        try await Application(router: router).test(.router) { client in try await body(client, analysis) }
    }

    static func csv(_ client: any TestClientProtocol, _ uri: String) async throws -> CSVTable {
        let response = try await IndexRoutesTests.get(client, uri)
        try #require(response.status == .ok, "\(uri): \(response.body)")
        return try CSVTable.parse(response.body, name: uri)
    }

    @Test("round that is not a whole number from 0 to 6 in digits is a 400 naming round", arguments: ["-1", "7", "1e300", "NaN", "nan", "Infinity", "abc", "", "3.0", "+3", "٣", "10", "00"])
    func badRound(_ round: String) async throws {
        try await IndexRoutesTests.withApp { client, _ in
            let encoded = round.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response = try await IndexRoutesTests.get(client, "/indices/asem/rankings.csv?round=\(encoded)")
            #expect(response.status == .badRequest, "round=\(round)")
            #expect(response.body.contains("round must be a whole number of decimals from 0 to 6"), "round=\(round): \(response.body)")
        }
    }

    @Test("headers other than names or codes is a 400 naming headers")
    func badHeaders() async throws {
        try await IndexRoutesTests.withApp { client, _ in
            for value in ["x", "CODES", ""] {
                let response = try await IndexRoutesTests.get(client, "/indices/asem/rankings.csv?headers=\(value)")
                #expect(response.status == .badRequest, "headers=\(value)")
                #expect(response.body.contains("headers must be names or codes"))
            }
        }
    }

    @Test("round=N writes every score with N decimals, each the full score rounded; other requests are not served the rounded file")
    func rounding() async throws {
        try await IndexRoutesTests.withApp { client, _ in
            let full = try await Self.csv(client, "/indices/asem/rankings.csv?year=2020")
            let scores = try #require(full.columnIndex("Sustainable Connectivity (Index)"))
            for decimals in [0, 2, 6] {
                let rounded = try await Self.csv(client, "/indices/asem/rankings.csv?year=2020&round=\(decimals)")
                #expect(rounded.header == full.header)
                #expect(rounded.rows.count == full.rows.count)
                for (a, b) in zip(rounded.rows, full.rows) {
                    #expect(a[..<scores] == b[..<scores], "codes, names and ranks are not rounded")
                    for c in scores..<b.count where !b[c].isEmpty {
                        let fraction = a[c].split(separator: ".", omittingEmptySubsequences: false).dropFirst().first ?? ""
                        #expect(fraction.count == decimals && (decimals > 0 || !a[c].contains(".")), "\(a[c])")
                        let (value, exact) = (try #require(Double(a[c])), try #require(Double(b[c])))
                        #expect(abs(value - exact) <= 0.5 * pow(10, -Double(decimals)) + 1e-9, "\(a[c]) rounds \(b[c])")
                    }
                }
            }
            // The kept responses are keyed by the options too.
            let again = try await Self.csv(client, "/indices/asem/rankings.csv?year=2020")
            #expect(again.rows == full.rows)
        }
    }

    @Test("headers=codes gives a header of codes alone, for scripts; the file name carries the index and year")
    func codeHeaders() async throws {
        try await IndexRoutesTests.withApp { client, _ in
            let response = try await IndexRoutesTests.get(client, "/indices/asem/rankings.csv?year=2019&filter=EurAsia_group:Asia&headers=codes")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"asem-2019-rankings.csv\"")
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let header = response.body.split(separator: "\n").first.map(String.init)
            #expect(header == "year,rank,rankInFilter,previousRank,rankChange,code,name,GDP_group,GDPpc_group,Pop_group,EurAsia_group,"
                + "Index,Conn,Sust,Physical,ConEcFin,Political,Instit,P2P,Environ,Social,SusEcFin")
            let named = try await IndexRoutesTests.get(client, "/indices/asem/rankings.csv?year=2019&headers=names")
            #expect(named.body.hasPrefix("year,rank,rank in 2018,rank change,code,name,GDP group (GDP_group),"))
        }
    }

    @Test("with an uncertainty analysis the CSV ends with the 5th and 95th percentile ranks, the analysis's own figures")
    func rankIntervals() async throws {
        try await Self.withAnalysedApp { client, analysis in
            let named = try await Self.csv(client, "/indices/asem-ua/rankings.csv")
            #expect(named.header.suffix(2) == ["5th percentile rank", "95th percentile rank"])
            let coded = try await Self.csv(client, "/indices/asem-ua/rankings.csv?headers=codes")
            #expect(coded.header.suffix(2) == ["rank5", "rank95"])
            #expect(coded.rows.count == analysis.units.count)
            let (code, low, high) = (try #require(coded.columnIndex("code")), try #require(coded.columnIndex("rank5")), try #require(coded.columnIndex("rank95")))
            let figures = Dictionary(uniqueKeysWithValues: analysis.units.map { ($0.code, ($0.rank5, $0.rank95)) })
            for row in coded.rows {
                let expected = try #require(figures[row[code]])
                #expect(Double(row[low]) == expected.0 && Double(row[high]) == expected.1, "\(row[code]): \(row[low])–\(row[high])")
            }
            #expect(Set(figures.values.map { $0.1 - $0.0 }).count > 1, "the intervals differ between units")
        }
    }
}
