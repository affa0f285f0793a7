import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

/// The catalogue's pages and API on the five-year ASEM index, checked against ranks computed
/// here from the scores the API gives.
@Suite("Index routes")
struct IndexRoutesTests {
    /// The ASEM index with every year of its panel (no uncertainty analysis, which is slow), built once.
    static let asem: Result<HostedIndex, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-asem-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try IndexCatalogueTests.sidecar(slug: "asem", years: nil).write(toFile: directory + "/index.json", atomically: true, encoding: .utf8)
        return try IndexCatalogue.load(paths: [directory], analysis: nil)[0]
    }

    /// The platform hosting the five-year ASEM index and `source`'s indices, through the real router.
    static func withApp(source: (@Sendable () async throws -> [HostedIndex])? = nil, _ body: @Sendable (any TestClientProtocol, Platform) async throws -> Void) async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-indices-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let store = try PlatformDatabase(database).open()
        let platform = Platform(catalogue: IndexCatalogue([try asem.get()], source: source), store: store.store)
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load())
        try await Application(router: router).test(.router) { client in try await body(client, platform) }
    }

    static func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body), $0.headers) }
    }

    static func json(_ client: any TestClientProtocol, _ uri: String) async throws -> [String: Any] {
        let response = try await get(client, uri)
        #expect(response.status == .ok, "\(uri)")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
    }

    /// Ranks computed from scores alone: one more than the number of better scores.
    static func ranks(_ units: [[String: Any]]) -> [String: Int] {
        let scores = units.compactMap { u in ((u["scores"] as? [String: Double])?["Index"]).map { (u["code"] as? String ?? "", $0) } }
        return Dictionary(uniqueKeysWithValues: scores.map { code, score in (code, 1 + scores.filter { $0.1 > score }.count) })
    }

    @Test("the catalogue lists the index with its years and units, as a page and in the API")
    func catalogue() async throws {
        try await Self.withApp { client, _ in
            let page = try await Self.get(client, "/indices")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<a href="/indices/asem">ASEM Sustainable Connectivity (COINr example build)</a>"#))
            #expect(page.body.contains("2018–2022 · 5 editions · 51 units in the latest"))
            let list = try await client.execute(uri: "/api/v1/indices", method: .get) { try JSONSerialization.jsonObject(with: Data(String(buffer: $0.body).utf8)) as? [[String: Any]] }
            #expect(list?.count == 1)
            #expect(list?.first?["years"] as? [Int] == [2018, 2019, 2020, 2021, 2022])
            #expect(list?.first?["units"] as? Int == 51)
            let one = try await Self.json(client, "/api/v1/indices/asem")
            #expect((one["groups"] as? [[String: Any]])?.first { $0["code"] as? String == "GDPpc_group" }?["name"] as? String == "GDP per capita group")
            #expect((one["aggregates"] as? [[String: Any]])?.first?["name"] as? String == "Sustainable Connectivity")
            for uri in ["/api/v1/indices/nope", "/indices/nope", "/indices/..", "/indices/%2E%2E", "/indices/asem%2F..", "/indices/ASEM", "/api/v1/indices/%2Fasem/rankings"] {
                #expect(try await Self.get(client, uri).status == .notFound, "\(uri)")
            }
        }
    }

    @Test("each year's ranks and rank changes match ranks computed from the scores, in the API, the page and the CSV")
    func yearsAndChanges() async throws {
        try await Self.withApp { client, _ in
            var previous: [String: Int]?
            for year in 2018...2022 {
                let document = try await Self.json(client, "/api/v1/indices/asem/rankings?year=\(year)")
                #expect(document["year"] as? Int == year)
                let units = try #require(document["units"] as? [[String: Any]])
                #expect(units.count == 51)
                let oracle = Self.ranks(units)
                for unit in units {
                    let code = unit["code"] as? String ?? ""
                    #expect(unit["rank"] as? Int == oracle[code], "\(code) in \(year)")
                    #expect(unit["rankChange"] as? Int == previous.flatMap { p in p[code].map { $0 - oracle[code]! } }, "\(code) in \(year)")
                }
                if year == 2018 { #expect(units.allSatisfy { $0["rankChange"] == nil && $0["previousRank"] == nil }) }
                previous = oracle
            }
            // One unit's change as the page and the CSV show it.
            let before = Self.ranks(try #require(try await Self.json(client, "/api/v1/indices/asem/rankings?year=2020")["units"] as? [[String: Any]]))
            let after = Self.ranks(try #require(try await Self.json(client, "/api/v1/indices/asem/rankings?year=2021")["units"] as? [[String: Any]]))
            let mover = try #require(after.keys.sorted().first { before[$0]! - after[$0]! >= 2 })
            let up = before[mover]! - after[mover]!
            let page = try await Self.get(client, "/indices/asem?year=2021")
            #expect(page.body.contains(#"<option value="2021" selected>2021</option>"#), "the year selector shows the year")
            #expect(page.body.contains("Change since 2020"))
            let row = try #require(page.body.components(separatedBy: "<tr>").first { $0.contains("/indices/asem/units/\(mover)?year=2021") })
            #expect(row.hasPrefix("<td class=\"num\">\(after[mover]!)</td><td class=\"num\"><span class=\"up\" aria-hidden=\"true\">▲\(up)</span><span class=\"sr\">up \(up) places since 2020</span></td>"))
            let csv = try await Self.get(client, "/indices/asem/rankings.csv?year=2021")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"asem-2021-rankings.csv\"")
            #expect(csv.body.split(separator: "\n").contains { $0.hasPrefix("2021,\(after[mover]!),\(before[mover]!),\(up),\(mover),") })
            // The first year has no change column.
            #expect(!(try await Self.get(client, "/indices/asem?year=2018").body.contains("Change since")))
        }
    }

    @Test("a year that is not one is a 400 naming year, a year not covered a 404", arguments: [
        ("abc", 400), ("1e300", 400), ("-0", 400), ("2020.0", 400), ("+2020", 400), ("", 400), ("99999", 400), ("٢٠٢٠", 400), ("2017", 404), ("0000", 404),
    ])
    func badYear(_ year: String, _ status: Int) async throws {
        try await Self.withApp { client, _ in
            let encoded = year.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            for path in ["/api/v1/indices/asem/rankings", "/api/v1/indices/asem/units/CHE", "/indices/asem", "/indices/asem/rankings.csv", "/indices/asem/workbook.xlsx", "/indices/asem/methodology", "/indices/asem/units/CHE"] {
                let response = try await Self.get(client, "\(path)?year=\(encoded)")
                #expect(response.status.code == status, "\(path)?year=\(year)")
                #expect(response.body.contains("year"), "\(path): the message names year")
            }
        }
    }

    @Test("every shown column's heading sorts by it, the sorted one with aria-sort; the page keeps the query in its links")
    func sortableHeadings() async throws {
        try await Self.withApp { client, _ in
            let page = try await Self.get(client, "/indices/asem?year=2019&filter=EurAsia_group:Asia").body
            #expect(page.contains(#"<th scope="col" class="num" aria-sort="ascending"><a href="/indices/asem?year=2019&amp;filter=EurAsia_group:Asia">Rank <span aria-hidden="true">▲</span></a></th>"#))
            for (label, sort) in [("Unit", "name"), ("Sustainable Connectivity", "Index"), ("Connectivity", "Conn"), ("Change since 2018", "change")] {
                #expect(page.contains(#"<a href="/indices/asem?year=2019&amp;filter=EurAsia_group:Asia&amp;sort=\#(sort)">\#(label)</a>"#), "\(label)")
            }
            #expect(!page.contains("Rank interval"), "an edition without an uncertainty analysis has no interval column")
            let byName = try await Self.get(client, "/indices/asem?sort=name").body
            #expect(byName.contains(#"<th scope="col" aria-sort="ascending"><a href="/indices/asem?sort=name">Unit"#))
            #expect(byName.components(separatedBy: "aria-sort=").count == 2, "one column is sorted")
            let byScore = try await Self.get(client, "/indices/asem?sort=Sust").body
            #expect(byScore.contains(#"aria-sort="descending"><a href="/indices/asem?sort=Sust">Sustainability"#))
            // The order itself, from the API, against a sort made here.
            let units = try #require(try await Self.json(client, "/api/v1/indices/asem/rankings?sort=Sust")["units"] as? [[String: Any]])
            let scores = units.map { ($0["scores"] as? [String: Double])?["Sust"] ?? -1 }
            #expect(scores == scores.sorted(by: >))
            let changes = try #require(try await Self.json(client, "/api/v1/indices/asem/rankings?year=2022&sort=change")["units"] as? [[String: Any]]).map { $0["rankChange"] as? Int ?? .min }
            #expect(changes == changes.sorted(by: >))
            #expect(try await Self.get(client, "/indices/asem?sort=%3Cscript%3E").body.contains("<script>") == false)
        }
    }

    @Test("the column picker chooses the aggregates shown, ignoring unknown and repeated codes")
    func columnPicker() async throws {
        try await Self.withApp { client, _ in
            let standard = try await Self.get(client, "/indices/asem").body
            #expect(standard.contains(#"<input type="checkbox" name="columns" value="Index" checked> Sustainable Connectivity"#))
            #expect(standard.contains(#"<input type="checkbox" name="columns" value="Physical"> Physical"#))
            #expect(standard.contains(">Connectivity</a></th>") && !standard.contains(">Physical</a></th>"))
            let chosen = try await Self.get(client, "/indices/asem?columns=Social&columns=Physical&columns=Social&columns=%3Cb%3E").body
            #expect(chosen.contains(">Physical</a></th>") && chosen.contains(">Social</a></th>"))
            #expect(!chosen.contains(">Connectivity</a></th>") && !chosen.contains("<b>"))
            #expect(chosen.contains(#"href="/indices/asem?sort=name&amp;columns=Physical&amp;columns=Social""#), "sorting keeps the columns, in the framework's order")
            let sorted = try await Self.get(client, "/indices/asem?sort=Conn&columns=Physical").body
            #expect(sorted.contains(#"aria-sort="descending"><a href="/indices/asem?sort=Conn&amp;columns=Conn&amp;columns=Physical">Connectivity"#), "the column sorted on is shown")
            let huge = (0..<5000).map { "columns=x\($0)" }.joined(separator: "&")
            let response = try await Self.get(client, "/indices/asem?" + huge + "&columns=Environ")
            #expect(response.status == .ok && response.body.contains(">Environmental</a></th>"))
        }
    }

    @Test("filters read in plain words, and each unit shows its rank within the filter beside its overall rank")
    func labelsAndFilteredRank() async throws {
        try await Self.withApp { client, _ in
            let page = try await Self.get(client, "/indices/asem").body
            #expect(page.contains(#"<option value="GDPpc_group:XL">GDP per capita group: XL</option>"#))
            #expect(page.contains(#"<option value="EurAsia_group:Asia">Europe or Asia: Asia</option>"#))
            #expect(!page.contains(">GDPpc_group: XL<"))
            let asia = try await Self.get(client, "/indices/asem?filter=EurAsia_group:Asia").body
            #expect(asia.contains("21 units · Europe or Asia: Asia"))
            #expect(asia.contains(">Rank in Europe or Asia: Asia</a></th>"))
            let units = try #require(try await Self.json(client, "/api/v1/indices/asem/rankings?filter=EurAsia_group:Asia&sort=name")["units"] as? [[String: Any]])
            let overall = units.map { $0["rank"] as? Int ?? 0 }
            #expect(units.map { $0["rankInFilter"] as? Int ?? 0 } == overall.map { rank in 1 + overall.filter { $0 < rank }.count })
            #expect(Set(units.map { $0["rankInFilter"] as? Int ?? 0 }) == Set(1...21))
        }
    }

    @Test("a unit's page and API give one year's profile and its rank in every year")
    func unitYears() async throws {
        try await Self.withApp { client, _ in
            let unit = try await Self.json(client, "/api/v1/indices/asem/units/CHE?year=2019")
            #expect(unit["year"] as? Int == 2019 && unit["index"] as? String == "asem")
            let history = try #require(unit["history"] as? [[String: Any]])
            #expect(history.map { $0["year"] as? Int } == [2018, 2019, 2020, 2021, 2022])
            for entry in history {
                let year = entry["year"] as? Int ?? 0
                let ranks = Self.ranks(try #require(try await Self.json(client, "/api/v1/indices/asem/rankings?year=\(year)")["units"] as? [[String: Any]]))
                #expect(entry["rank"] as? Int == ranks["CHE"], "\(year)")
            }
            let page = try await Self.get(client, "/indices/asem/units/CHE?year=2019").body
            #expect(page.contains("on ASEM Sustainable Connectivity (COINr example build) in 2019"))
            #expect(page.contains(#"<a href="/indices/asem/units/CHE?year=2018">2018</a>"#) && page.contains("<strong>2019</strong>"))
            #expect(try await Self.get(client, "/indices/asem/units/NOPE").status == .notFound)
            #expect(try await Self.get(client, "/indices/asem/methodology?year=2020").body.contains("This page describes the 2020 edition."))
        }
    }

    @Test("kept pages are kept per language: after an English visitor, a French one gets the French page, and the reverse")
    func keptPerLanguage() async throws {
        try await Self.withApp { client, _ in
            for language in ["en", "fr", "vi", "en", "fr"] {
                for uri in ["/indices", "/indices/asem", "/indices/asem?sort=name", "/indices/asem/units/AUT", "/indices/asem/methodology"] {
                    let (lang, body) = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: language]) {
                        ($0.headers[.contentLanguage], String(buffer: $0.body))
                    }
                    #expect(lang == language, "\(uri) in \(language)")
                    #expect(body.contains(#"<html lang="\#(language)">"#), "\(uri) in \(language)")
                    #expect(body.contains(">Se connecter</a>") == (language == "fr"), "\(uri) in \(language)")
                }
            }
        }
    }

    @Test("one query spelled two ways is answered alike, and a hostile query is answered without being kept")
    func keptAcrossSpellings() async throws {
        try await Self.withApp { client, _ in
            let plain = try await Self.get(client, "/indices/asem?sort=name")
            let spelled = try await Self.get(client, "/indices/asem?sort=name&unknown=1&utm_source=x")
            #expect(plain.status == .ok && spelled.status == .ok)
            // The ranking is the same; only the language links carry each spelling back.
            let table = { (body: String) in body.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first }
            #expect(table(plain.body) != nil)
            #expect(table(plain.body) == table(spelled.body))
            let long = "/indices/asem?x=" + String(repeating: "a", count: 4000)
            #expect(try await Self.get(client, long).status == .ok)
            for uri in ["/indices/asem?year=1e300", "/indices/asem?year=-0", "/indices/asem?year=NaN"] {
                #expect(try await Self.get(client, uri).status == .badRequest, "\(uri)")
                #expect(try await Self.get(client, uri).status == .badRequest, "\(uri), asked again")
            }
        }
    }

    @Test("the addresses from before the catalogue redirect permanently to the first index's, keeping the query")
    func oldAddresses() async throws {
        try await Self.withApp { client, _ in
            for (old, new) in [
                ("/rankings", "/indices/asem"), ("/rankings?filter=EurAsia_group:Asia&sort=name", "/indices/asem?filter=EurAsia_group:Asia&sort=name"),
                ("/rankings.csv?sort=Conn", "/indices/asem/rankings.csv?sort=Conn"), ("/methodology", "/indices/asem/methodology"),
                ("/units/CHE", "/indices/asem/units/CHE"), ("/units/%2F%2Fevil.example", "/indices/asem/units/%2F%2Fevil.example"),
                ("/api/v1/rankings?filter=GDP_group:L", "/api/v1/indices/asem/rankings?filter=GDP_group:L"),
                ("/api/v1/units/CHE?year=2019", "/api/v1/indices/asem/units/CHE?year=2019"),
            ] {
                let response = try await Self.get(client, old)
                #expect(response.status == .permanentRedirect, "\(old)")
                #expect(response.headers[.location] == new, "\(old)")
                let head = try await client.execute(uri: old, method: .head) { ($0.status, $0.headers[.location]) }
                #expect(head.0 == .permanentRedirect && head.1 == new, "HEAD \(old)")
            }
        }
    }

    @Test("an index from the source is served by the same pages, is read afresh as it changes, and can send units elsewhere")
    func sourceIndex() async throws {
        let asem = try Self.asem.get()
        let years = Years([2018])
        let source: @Sendable () async throws -> [HostedIndex] = {
            [HostedIndex(
                slug: "live", name: "Live index", description: "Changes with the store.", provenance: "Tests.",
                editions: asem.editions.filter { years.value.contains($0.year) }, labels: asem.labels, unitPage: { $0 == "CHE" ? "/communities/che" : nil }),
             HostedIndex(slug: "asem", name: "Impostor", description: "", provenance: "", editions: [])]
        }
        try await Self.withApp(source: source) { client, _ in
            #expect(try await Self.get(client, "/indices/live").body.contains("rankings 2018"))
            years.value = [2018, 2019]
            let page = try await Self.get(client, "/indices/live").body
            #expect(page.contains("rankings 2019") && page.contains("Change since 2018"))
            #expect(page.contains(#"<a href="/communities/che">Switzerland</a>"#))
            let che = try await Self.get(client, "/indices/live/units/CHE")
            #expect(che.status == .temporaryRedirect && che.headers[.location] == "/communities/che")
            #expect(try await Self.get(client, "/indices/live/units/AUT").status == .ok)
            #expect(try await Self.json(client, "/api/v1/indices/asem")["name"] as? String == "ASEM Sustainable Connectivity (COINr example build)", "a static slug is not taken over")
            let list = try await client.execute(uri: "/api/v1/indices", method: .get) { try JSONSerialization.jsonObject(with: Data(String(buffer: $0.body).utf8)) as? [[String: Any]] }
            #expect(list?.compactMap { $0["slug"] as? String } == ["asem", "live"])
        }
    }
}

/// Years a test changes while the platform runs.
final class Years: @unchecked Sendable {
    private let lock = NSLock()
    private var years: [Int]
    init(_ years: [Int]) { self.years = years }
    var value: [Int] {
        get { lock.withLock { years } }
        set { lock.withLock { years = newValue } }
    }
}
