import Awards
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
@testable import WebApp

/// The platform's public routes, through the real router.
@Suite("Platform routes")
struct PlatformRoutesTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The platform on a temporary database holding the public record and its communities' coordinates, with the ASEM index.
    static func withApp(_ body: @Sendable (any TestClientProtocol, [RouteTable<PlatformContext>.Entry]) async throws -> Void) async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-web-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let configuration = WebConfiguration(
            database: database, indices: [root + "/Examples/asem/asem.json"], analysis: nil)
        let platform = try Platform.load(configuration)
        let programme = Programme(store: platform.store, actor: "test")
        try await programme.importRecord(try RecognitionRecord.read(path: root + "/Examples/awards-history/recognitions.csv"))
        try await programme.saveCommunities(try JSONDecoder().decode(
            [Community].self, from: Data(contentsOf: URL(fileURLWithPath: root + "/Examples/awards-history/communities.json"))))
        let demo = DemoCycle(nominations: 40, analysts: 12, jurors: 5)
        try await demo.run(programme: programme)
        for caseStudy in DemoLibrary.caseStudies(from: demo) { try await platform.store.saveCaseStudy(caseStudy, by: "test") }
        let (router, entries) = makeRouter(platform: platform, pages: try await Pages.load())
        let app = Application(router: router)
        try await app.test(.router) { client in try await body(client, entries) }
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test("health answers ok")
    func health() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test("the rankings page lists every unit in rank order, filters by group and sorts")
    func rankingsPage() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/indices/asem", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = Self.text(response)
                #expect(html.contains("51 units"))
                let che = try #require(html.range(of: "Switzerland")), nld = try #require(html.range(of: "Netherlands"))
                #expect(che.lowerBound < nld.lowerBound)
                #expect(html.contains("68.38"))
                #expect(html.contains("<label for=\"group\">"), "form controls are labelled")
            }
            try await client.execute(uri: "/indices/asem?filter=EurAsia_group:Asia", method: .get) { response in
                let html = Self.text(response)
                #expect(!html.contains("Switzerland"))
                #expect(html.contains("Japan"))
                #expect(html.contains("21 units"))
            }
            try await client.execute(uri: "/indices/asem?sort=name", method: .get) { response in
                let html = Self.text(response)
                let austria = try #require(html.range(of: ">Austria<")), bel = try #require(html.range(of: ">Belgium<"))
                #expect(austria.lowerBound < bel.lowerBound)
            }
        }
    }

    @Test("the rankings CSV and JSON carry every unit with its scores")
    func rankingsData() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/indices/asem/rankings.csv", method: .get) { response in
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"asem-2018-rankings.csv\"")
                let lines = Self.text(response).split(separator: "\n")
                let header = "year,rank,code,name,GDP group (GDP_group),GDP per capita group (GDPpc_group),Population group (Pop_group),Europe or Asia (EurAsia_group),"
                    + "Sustainable Connectivity (Index),Connectivity (Conn),Sustainability (Sust),Physical (Physical),Economic and Financial (Con) (ConEcFin),Political (Political),"
                    + "Institutional (Instit),People to People (P2P),Environmental (Environ),Social (Social),Economic and Financial (Sus) (SusEcFin)"
                #expect(lines.first.map(String.init) == header, "names beside codes")
                #expect(lines.count == 52)
                #expect(lines[1].hasPrefix("2018,1,CHE,Switzerland,L,XL,M,Europe,68.38"))
            }
            try await client.execute(uri: "/api/v1/indices/asem/rankings", method: .get) { response in
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let object = try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8)) as? [String: Any]
                let units = try #require(object?["units"] as? [[String: Any]])
                #expect(units.count == 51)
                #expect(units.first?["code"] as? String == "CHE")
                #expect(((units.first?["scores"] as? [String: Double])?["Index"] ?? 0) > 68.38)
            }
        }
    }

    @Test("a unit's profile shows its scores with a chart, strengths and weaknesses; an unknown unit is a 404")
    func unitProfile() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/indices/asem/units/CHE", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("<h1>Switzerland</h1>"))
                #expect(html.contains("role=\"img\""))
                #expect(html.contains("Rank 1 of 51"))
                #expect(html.contains("Strengths"))
            }
            try await client.execute(uri: "/api/v1/indices/asem/units/CHE", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8)) as? [String: Any]
                #expect(object?["rank"] as? Int == 1)
                #expect((object?["strengths"] as? [String])?.count == 3)
            }
            try await client.execute(uri: "/api/v1/indices/asem/units/XXX", method: .get) { response in
                #expect(response.status == .notFound)
                let object = try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8)) as? [String: Any]
                #expect((object?["error"] as? [String: Any])?["message"] as? String == "there is no unit 'XXX' in ASEM Sustainable Connectivity (COINr example build) 2018")
            }
        }
    }

    @Test("the network directory and Binh Duong's history")
    func communities() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/communities", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("Binh Duong"))
                // A dot per located community, or one numbered dot for neighbours too close to draw apart.
                let single = html.components(separatedBy: #"<circle class="place""#).count - 1
                let clustered = html.components(separatedBy: #"<g class="cluster"><title>"#).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }.reduce(0, +)
                #expect(single + clustered >= 53, "the world map draws every located community")
                #expect(html.components(separatedBy: #"<a href="/communities/"#).count - 1 >= single, "each single dot links to its community")
            }
            try await client.execute(uri: "/communities/binh-duong--vietnam", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("Community of the Year"))
                #expect(html.contains("5 years (2019–2023)"))
                #expect(html.contains("role=\"img\""), "the timeline chart is on the page")
            }
            try await client.execute(uri: "/api/v1/communities/binh-duong--vietnam", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8)) as? [String: Any]
                #expect(object?["longestSmart21Streak"] as? Int == 5)
                #expect(object?["winningYears"] as? [Int] == [2023])
            }
            try await client.execute(uri: "/communities/atlantis--nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "pages answer errors with a page")
                #expect(Self.text(response).contains("there is no community &#39;atlantis--nowhere&#39;"), "the message is escaped")
            }
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.text(response).contains("<h1>Not found</h1>"))
            }
        }
    }

    @Test("every route declares its access, answers anonymously only if open to everyone, and carries the security headers")
    func authorisationMatrix() async throws {
        try await Self.withApp { client, entries in
            #expect(entries.count >= 11)
            let caseStudy = DemoLibrary.caseStudies(from: DemoCycle(nominations: 40, analysts: 12, jurors: 5))[0].id
            for entry in entries {
                let uri = entry.path.replacingOccurrences(of: "{code}", with: "CHE").replacingOccurrences(of: "{id}", with: "binh-duong--vietnam")
                    .replacingOccurrences(of: "{language}", with: "fr").replacingOccurrences(of: "certificates/{year}", with: "certificates/2023")
                    .replacingOccurrences(of: "{year}", with: "2026").replacingOccurrences(of: "{slug}", with: "asem").replacingOccurrences(of: "{nomination}", with: "N-001").replacingOccurrences(of: "{caseStudy}", with: caseStudy)
                    + (entry.path.hasSuffix("/compare") ? "?communities=binh-duong--vietnam,espoo--finland" : "")
                let body = entry.kind == .read ? nil : ByteBuffer(string: "")
                let headers: HTTPFields = entry.kind == .form ? [.contentType: "application/x-www-form-urlencoded"] : [:]
                try await client.execute(uri: uri, method: entry.method, headers: headers, body: body) { response in
                    switch (entry.access, entry.kind) {
                    case (.everyone, .read) where entry.movedTo != nil:
                        #expect(response.status == .permanentRedirect, "\(uri) has moved")
                        #expect(response.headers[.location] == entry.movedTo?.replacingOccurrences(of: "{code}", with: "CHE"), "\(uri)")
                    case (.everyone, .read) where ["/login/code", "/login/enrol", "/login/password", "/workspace", "/language/{language}"].contains(entry.path):
                        #expect(response.status == .seeOther, "\(uri) sends an anonymous visitor to sign in")
                    case (.everyone, .read) where entry.path == "/reminders/stop":
                        #expect(response.status == .forbidden, "\(uri) refuses a link without its signed token")
                    case (.everyone, .read):
                        #expect(response.status == .ok, "\(uri)")
                    case (.everyone, _):
                        #expect(response.status == .forbidden, "\(uri) refuses a form without its CSRF token")
                    case (.roles, .read) where !entry.path.hasPrefix("/api/"):
                        #expect(response.status == .seeOther, "\(uri)")
                        #expect(response.headers[.location]?.hasPrefix("/login?next=") == true, "\(uri)")
                    case (.roles, _):
                        #expect(response.status == .unauthorized, "\(entry.method) \(uri)")
                    }
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
        }
    }

    @Test("a published cycle shows its winner, final ranking, pairwise matrix and rules")
    func cycleResults() async throws {
        try await Self.withApp { client, _ in
            let winner = Box()
            try await client.execute(uri: "/api/v1/cycles/2026", method: .get) { response in
                #expect(response.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8)) as? [String: Any]
                #expect((object?["smart21"] as? [Any])?.count == 21)
                #expect((object?["top7"] as? [Any])?.count == 7)
                let publication = object?["publication"] as? [String: Any]
                let id = publication?["winner"] as? String
                let top7 = object?["top7"] as? [[String: Any]] ?? []
                winner.value = top7.first { $0["nomination"] as? String == id }?["community"] as? String ?? ""
                #expect((publication?["pairwise"] as? [String: Any])?.count == 7)
            }
            let community = try #require(winner.value.isEmpty ? nil : winner.value)
            try await client.execute(uri: "/cycles/2026", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("<h2>Community of the Year</h2>\n<p><strong>\(community)</strong></p>"))
                #expect(html.contains("synthetic demonstration data"))
                #expect(html.contains("pairwise preferences"))
                #expect(html.contains("Jury: schulze count of 5 ballots"))
            }
            try await client.execute(uri: "/cycles/1999", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(Self.text(response).contains("href=\"/cycles/2026\""))
            }
        }
    }

    @Test("the OpenAPI document served lists exactly the API routes")
    func openAPIMatchesRoutes() async throws {
        try await Self.withApp { client, entries in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8)) as? [String: Any]
                let served = Set((object?["paths"] as? [String: Any])?.keys.map { $0 } ?? [])
                #expect(served == Set(entries.filter { $0.path.hasPrefix("/api/") && $0.path != "/api/v1/openapi.json" }.map(\.path)))
            }
            let api = Set(entries.filter { $0.path.hasPrefix("/api/") && $0.path != "/api/v1/openapi.json" }.map(\.path))
            let document = OpenAPIDocument(routes: entries.filter { $0.path != "/api/v1/openapi.json" })
            #expect(Set(document.paths.keys) == api)
            #expect(document.paths["/api/v1/units/{code}"]?["get"]?.parameters.map(\.name) == ["code"])
            let library = try #require(document.paths["/api/v1/library"]?["get"])
            #expect(library.parameters.map(\.name) == ["q", "factor", "country"])
            #expect(library.parameters.allSatisfy { $0.in == "query" && !$0.required })
            #expect(document.openapi == "3.1.0")
        }
    }
}

/// A value set inside a response closure and read after it.
final class Box: @unchecked Sendable {
    var value = ""
}
