import Awards
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
@testable import WebApp

/// Communities at the centre: profiles with index scores by year, comparison, search and the
/// home page, through the real router on a store holding two published cycles and one running.
@Suite("Community profiles")
struct CommunityProfileRoutesTests {
    /// The record with its communities, the synthetic 2025 and 2026 cycles published (30 of
    /// 2026's 40 communities nominated in 2025), a 2027 cycle stopped before its results (its
    /// Smart21 announced, nothing scored in public) and a 2028 cycle with nominations open.
    static func withApp(_ body: @Sendable (any TestClientProtocol, DemoCycle, DemoCycle) async throws -> Void) async throws {
        let root = PlatformRoutesTests.root
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-web-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let platform = try Platform.load(WebConfiguration(database: database, indices: [root + "/Examples/asem/asem.json"], analysis: nil))
        let programme = Programme(store: platform.store, actor: "test")
        try await programme.importRecord(try RecognitionRecord.read(path: root + "/Examples/awards-history/recognitions.csv"))
        try await programme.saveCommunities(try JSONDecoder().decode(
            [Community].self, from: Data(contentsOf: URL(fileURLWithPath: root + "/Examples/awards-history/communities.json"))))
        let later = DemoCycle(nominations: 40, analysts: 12, jurors: 5)
        let earlier = DemoCycle.earlier(year: 2025, from: later, nominations: 30, seed: 2025)
        try await earlier.run(programme: programme)
        try await later.run(programme: programme)
        try await DemoCycle(year: 2027, nominations: 12, analysts: 12, jurors: 5, seed: 99).run(programme: programme, publishing: false)
        let open = DemoCycle(year: 2028, nominations: 6, analysts: 12, jurors: 5, seed: 98)
        try await programme.createCycle(open.cycle)
        try await programme.saveNominations(open.nominations, cycle: 2028)
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load())
        try await Application(router: router).test(.router) { client in try await body(client, earlier, later) }
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func json(_ response: TestResponse) throws -> Any { try JSONSerialization.jsonObject(with: Data(text(response).utf8)) }

    @Test("a community scored in two years: its profile, CSV and JSON agree, and its ranks follow the year's scores")
    func profile() async throws {
        try await Self.withApp { client, earlier, later in
            // The communities of 2026, with their overall scores, from the directory's API.
            var overall2026: [String: Double] = [:]
            try await client.execute(uri: "/api/v1/communities", method: .get) { response in
                #expect(response.status == .ok)
                for entry in try #require(try Self.json(response) as? [[String: Any]]) {
                    if let latest = entry["latestScore"] as? [String: Any], latest["year"] as? Int == 2026,
                       let id = (entry["community"] as? [String: Any])?["id"] as? String {
                        overall2026[id] = latest["overall"] as? Double
                    }
                }
            }
            #expect(overall2026.count == 40)
            let nominee = earlier.nominations[0]
            let id = Community.id(name: nominee.community, country: nominee.country)
            // Its rank, counted here: one more than the communities scoring higher in 2026.
            let mine = try #require(overall2026[id])
            let rank = overall2026.values.count { $0 > mine } + 1

            try await client.execute(uri: "/communities/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("Synthetic: this community is invented"))
                #expect(html.contains("Ranked \(ChartFormat.ordinal(rank)) of 40 nominees in 2026"))
                #expect(html.contains("chart chart-trend"), "the trend chart is drawn")
                #expect(html.contains("<th scope=\"row\">2025</th>") && html.contains("<th scope=\"row\">2026</th>"))
                #expect(html.contains("/communities/\(id)/scores.csv"))
                #expect(html.contains("Peers"))
            }
            var jsonScores: [[String: Any]] = []
            try await client.execute(uri: "/api/v1/communities/\(id)", method: .get) { response in
                let object = try #require(try Self.json(response) as? [String: Any])
                #expect(object["synthetic"] as? Bool == true)
                jsonScores = try #require(object["scores"] as? [[String: Any]])
                #expect(jsonScores.map { $0["year"] as? Int } == [2025, 2026])
                #expect(jsonScores.last?["rank"] as? Int == rank)
                #expect((object["peers"] as? [String])?.isEmpty == false)
            }
            try await client.execute(uri: "/communities/\(id)/scores.csv", method: .get) { response in
                #expect(response.headers[.contentDisposition]?.contains("\(id)-scores.csv") == true)
                let lines = Self.text(response).split(separator: "\n").map(String.init)
                #expect(lines.count == 3)
                #expect(lines[0].hasPrefix("community_id,community,country,region,year,overall,rank,nominees,rank_5,rank_95,stage,Connect (Connect)"))
                let fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(fields[4] == "2026")
                #expect(Double(fields[5]) == jsonScores.last?["overall"] as? Double)
                #expect(Int(fields[6]) == rank)
            }
            _ = later
        }
    }

    @Test("a community of the record without scores says so; one nominated only in a running cycle is not shown")
    func withoutScores() async throws {
        try await Self.withApp { client, _, _ in
            try await client.execute(uri: "/communities/binh-duong--vietnam", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("Binh Duong has no Intelligent Community Index score"))
                #expect(html.contains("5 years (2019–2023)"), "its record is still there")
            }
            // In the directory, its row shows the dash alone: no empty year in brackets.
            try await client.execute(uri: "/communities", method: .get) { response in
                let html = Self.text(response)
                let rows = try #require(html.split(separator: "<tbody>").last).split(separator: "<tr>")
                let row = try #require(rows.first { $0.contains("/communities/binh-duong--vietnam\"") })
                #expect(row.contains("<td class=\"num\">—</td>"))
                #expect(!html.contains("()"))
            }
            // The 2027 cycle has announced its shortlists but not its results: its nominees are
            // named, with no score. The 2028 cycle's nominees are not public at all.
            let published = Set(DemoCycle(nominations: 40, analysts: 12, jurors: 5).nominations.map(\.community))
            let running = try #require(DemoCycle(year: 2027, nominations: 12, analysts: 12, jurors: 5, seed: 99).nominations.first { !published.contains($0.community) })
            let runningID = Community.id(name: running.community, country: running.country)
            try await client.execute(uri: "/api/v1/communities/\(runningID)", method: .get) { response in
                let object = try #require(try Self.json(response) as? [String: Any])
                #expect((object["scores"] as? [Any])?.isEmpty == true)
                #expect((object["stages"] as? [String: String])?["2027"] == "smart21")
            }
            try await client.execute(uri: "/communities/\(runningID)", method: .get) { response in
                #expect(Self.text(response).contains("has no Intelligent Community Index score"))
            }
            let nominated = DemoCycle(year: 2028, nominations: 6, analysts: 12, jurors: 5, seed: 98).nominations
            let hidden = try #require(nominated.first { n in !published.contains(n.community) })
            let hiddenID = Community.id(name: hidden.community, country: hidden.country)
            try await client.execute(uri: "/api/v1/communities/\(hiddenID)", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/search?q=\(hidden.community.split(separator: " ")[0])", method: .get) { response in
                #expect(!Self.text(response).contains(hiddenID))
            }
        }
    }

    @Test("the profile's timeline and bar chart and the directory's map speak the reader's language, to the eye and to a screen reader")
    func chartsInLanguage() async throws {
        try await Self.withApp { client, earlier, _ in
            func page(_ uri: String, _ language: String) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: language]) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return Self.text(response)
                }
            }
            func chart(_ kind: String, in html: String) throws -> ParsedSVG {
                let start = try #require(html.range(of: #"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-\#(kind)""#), "\(kind)")
                let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
                let svg = String(html[start.lowerBound..<end.upperBound])
                expectAccessibleSVG(svg, links: kind == "map")
                return parseSVG(svg)
            }
            let record = try await page("/communities/binh-duong--vietnam", "fr")
            let timeline = try chart("timeline", in: record)
            #expect(timeline.title == "Binh Duong : étape atteinte chaque année", "\(timeline.title)")
            #expect(timeline.desc.hasPrefix("Étapes des prix atteintes chaque année de 2018 à 2024 : Smart21, puis Top7, puis Communauté de l’année (la plus haute)."), "\(timeline.desc)")
            #expect(timeline.desc.contains("Smart21 en 2019") && timeline.desc.contains(" ; série de 5 ans (2019–2023)."), "\(timeline.desc)")
            #expect(timeline.texts.contains("Non distinguée") && !timeline.desc.contains(" in 20"), "\(timeline.texts)")

            let nominee = earlier.nominations[0]
            let scored = try await page("/communities/" + Community.id(name: nominee.community, country: nominee.country), "vi")
            let bars = try chart("bar", in: scored)
            #expect(bars.desc.hasPrefix("Biểu đồ cột ngang trên thang từ 0 đến 100."), "\(bars.desc)")
            #expect(bars.desc.contains(",") && !bars.desc.contains("no data"), "the decimal comma: \(bars.desc)")
            let trend = try chart("trend", in: scored)
            #expect(trend.desc.contains("Tổng thể từ ") && trend.desc.contains(" năm 2025 đến ") && !trend.desc.contains(" in 20"), "\(trend.desc)")
            #expect(trend.all("text").map(\.text).contains("Tổng thể"))

            let map = try chart("map", in: try await page("/communities", "fr"))
            #expect(map.desc.hasPrefix("Carte du monde de "), "\(map.desc)")
            #expect(map.desc.contains("Étape la plus haute atteinte : ") && !map.desc.contains("World map"), "\(map.desc)")
        }
    }

    @Test("the Intelligent Community Index is in the catalogue, one edition per published year, its units leading to the communities")
    func indexInCatalogue() async throws {
        try await Self.withApp { client, _, _ in
            try await client.execute(uri: "/api/v1/indices", method: .get) { response in
                #expect(Self.text(response).contains("\"intelligent-community-index\""))
            }
            var scores2026: [String: (rank: Int, overall: Double)] = [:]
            try await client.execute(uri: "/api/v1/communities", method: .get) { response in
                for entry in try #require(try Self.json(response) as? [[String: Any]]) {
                    if let latest = entry["latestScore"] as? [String: Any], latest["year"] as? Int == 2026, let id = latest["community"] as? String,
                       let rank = latest["rank"] as? Int, let overall = latest["overall"] as? Double {
                        scores2026[id] = (rank, overall)
                    }
                }
            }
            try await client.execute(uri: "/api/v1/indices/intelligent-community-index/rankings?year=2026", method: .get) { response in
                #expect(response.status == .ok)
                let object = try #require(try Self.json(response) as? [String: Any])
                let units = try #require(object["units"] as? [[String: Any]])
                #expect(units.count == 40)
                for unit in units {
                    let code = try #require(unit["code"] as? String)
                    let mine = try #require(scores2026[code])
                    #expect(unit["rank"] as? Int == mine.rank, "\(code)")
                    let overall = try #require((unit["scores"] as? [String: Double])?["ICI"])
                    #expect(abs(overall - mine.overall) < 1e-9, "the engine's aggregate equals the score sheet's overall for \(code)")
                }
            }
            try await client.execute(uri: "/indices/intelligent-community-index?year=2025", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("href=\"/communities/"), "units lead to the communities' profiles")
            }
            try await client.execute(uri: "/api/v1/indices/intelligent-community-index/rankings?year=2027", method: .get) { response in
                #expect(response.status == .notFound, "the running cycle has no edition")
            }
        }
    }

    @Test("compare takes two to five known communities and says which is wrong otherwise")
    func compare() async throws {
        try await Self.withApp { client, _, later in
            let ids = later.nominations.prefix(3).map { Community.id(name: $0.community, country: $0.country) }
            try await client.execute(uri: "/compare?communities=" + ids.joined(separator: ","), method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                for n in later.nominations.prefix(3) { #expect(html.contains(Markup.escape(n.community))) }
                #expect(html.contains("<th scope=\"row\">Overall</th>"))
                #expect(html.contains("chart chart-trend"))
            }
            try await client.execute(uri: "/api/v1/compare?communities=" + ids.joined(separator: ","), method: .get) { response in
                let compared = try Self.json(response) as? [[String: Any]]
                #expect(compared?.count == 3)
            }
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("", .badRequest, "two to five"), (ids[0], .badRequest, "two to five"), ("\(ids[0]),\(ids[0])", .badRequest, "two to five"),
                (Array(repeating: ids, count: 2).flatMap { $0 }.joined(separator: ",") + ",binh-duong--vietnam,espoo--finland,a,b", .badRequest, "at most 5"),
                ("\(ids[0]),atlantis--nowhere", .notFound, "atlantis--nowhere"),
            ]
            for (query, status, message) in cases {
                try await client.execute(uri: "/api/v1/compare?communities=\(query)", method: .get) { response in
                    #expect(response.status == status, "\(query)")
                    #expect(Self.text(response).contains(message), "\(query)")
                }
            }
        }
    }

    @Test("compare takes two to five units of one index too, with their ranks as the index's rankings give them")
    func compareUnits() async throws {
        try await Self.withApp { client, _, _ in
            var ranks: [String: Int] = [:]
            try await client.execute(uri: "/api/v1/indices/asem/rankings", method: .get) { response in
                let object = try #require(try Self.json(response) as? [String: Any])
                for unit in try #require(object["units"] as? [[String: Any]]) {
                    if let code = unit["code"] as? String, let rank = unit["rank"] as? Int { ranks[code] = rank }
                }
            }
            try await client.execute(uri: "/api/v1/compare?index=asem&units=AUT,%20BEL,AUT", method: .get) { response in
                #expect(response.status == .ok)
                let object = try #require(try Self.json(response) as? [String: Any])
                let units = try #require(object["units"] as? [[String: Any]])
                let year = try #require(object["year"] as? Int)
                #expect(units.map { $0["code"] as? String } == ["AUT", "BEL"])
                for unit in units {
                    let years = try #require(unit["years"] as? [String: [String: Any]])
                    let latest = try #require(years[String(year)])
                    #expect(latest["rank"] as? Int == ranks[unit["code"] as? String ?? ""])
                }
            }
            try await client.execute(uri: "/compare?index=asem&units=AUT,BEL,CHE", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("<h1>Compare units</h1>"))
                #expect(html.contains("chart chart-trend") && html.contains("Median unit"))
                #expect(html.contains(">Switzerland</th>"))
            }
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("index=nope&units=AUT,BEL", .notFound, "there is no index"), ("index=asem&units=AUT", .badRequest, "two to five units"),
                ("index=asem&units=AUT,XXX", .notFound, "no unit 'XXX'"), ("index=asem&units=AUT,BEL&year=1e300", .badRequest, "year"),
                ("index=asem&units=A,B,C,D,E,F", .badRequest, "not 6"),
            ]
            for (query, status, message) in cases {
                try await client.execute(uri: "/api/v1/compare?\(query)", method: .get) { response in
                    #expect(response.status == status, "\(query)")
                    #expect(Self.text(response).contains(message), "\(query): \(Self.text(response))")
                }
            }
        }
    }

    @Test("search finds communities and index units by name, accents and case ignored, and escapes the query")
    func search() async throws {
        try await Self.withApp { client, _, _ in
            try await client.execute(uri: "/api/v1/search?q=B%C3%8CNH%20d%C6%B0%C6%A1ng", method: .get) { response in
                let results = try #require(try Self.json(response) as? [[String: Any]])
                #expect(results.first?["link"] as? String == "/communities/binh-duong--vietnam")
            }
            try await client.execute(uri: "/api/v1/search?q=austria", method: .get) { response in
                let results = try #require(try Self.json(response) as? [[String: Any]])
                #expect(results.contains { $0["link"] as? String == "/indices/asem/units/AUT" && $0["kind"] as? String == "unit" })
            }
            try await client.execute(uri: "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(!html.contains("<script>alert(1)"))
                #expect(html.contains("0 found"))
            }
            try await client.execute(uri: "/search?q=" + String(repeating: "a", count: 5000), method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/search", method: .get) { response in
                #expect(Self.text(response) == "[]")
            }
        }
    }

    @Test("the home page explains the programme, shows the latest results and index, and offers search")
    func home() async throws {
        try await Self.withApp { client, _, later in
            try await client.execute(uri: "/", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("action=\"/search\""))
                #expect(html.contains("Latest results: 2026"))
                #expect(html.contains("Intelligent Community Index 2026"))
                for stage in ["Smart21", "Top7", "Community of the Year"] { #expect(html.contains("<h3>\(stage)</h3>")) }
                for factor in Factor.standard { #expect(html.contains("<dt>\(factor.name)</dt>")) }
                #expect(!html.contains("Latest results: 2027"), "the running cycle shows no results")
                _ = later
            }
        }
    }
}
