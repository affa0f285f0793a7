import Awards
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
@testable import WebApp

/// The library's pages and API, through the real router.
@Suite("Library routes")
struct LibraryRoutesTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A case study whose text tries to inject markup.
    static let hostile = CaseStudy(
        id: "script-injection", communityName: "Ashford <b>(synthetic)</b>", country: "Canada",
        title: "<script>alert('title')</script> Lessons", summary: "A summary with <img src=x onerror=alert(1)> & more.",
        body: "The <script>alert('body')</script> tag is text here.\n\nSecond paragraph with \"quotes\".",
        factors: ["Engage"], year: 2025, state: .published, published: "2025-06-01", author: "editor")

    /// A draft, which the public must not see.
    static let draft = CaseStudy(
        id: "unfinished-draft", communityName: "Ashford (synthetic)", country: "Canada", title: "Unfinished zeppelin story",
        summary: "Not yet.", body: "A zeppelin service.", factors: ["Connect"], year: 2025, author: "editor")

    /// The platform on a temporary database with the demo cycle and the demo library, plus a
    /// hostile case study and a draft.
    static func withApp(_ body: @Sendable (any TestClientProtocol, [CaseStudy]) async throws -> Void) async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-library-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let configuration = WebConfiguration(database: database, indices: [root + "/Examples/asem/asem.json"], analysis: nil)
        let platform = try Platform.load(configuration)
        let demo = DemoCycle(nominations: 40, analysts: 12, jurors: 5)
        let studies = DemoLibrary.caseStudies(from: demo)
        for study in studies + [hostile, draft] { try await platform.store.saveCaseStudy(study, by: "test") }
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load())
        let app = Application(router: router)
        try await app.test(.router) { client in try await body(client, studies) }
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text(response).utf8)) as? [String: Any])
    }

    @Test("the library page lists the published case studies with labelled search controls and a link in the navigation")
    func listing() async throws {
        try await Self.withApp { client, studies in
            try await client.execute(uri: "/library", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = Self.text(response)
                #expect(html.contains("13 case studies."))
                for study in studies { #expect(html.contains("href=\"/library/\(study.id)\""), "\(study.id)") }
                #expect(!html.contains("zeppelin"), "drafts stay private")
                #expect(html.contains("<label for=\"q\">"))
                #expect(html.contains("<input type=\"search\" id=\"q\" name=\"q\""))
                #expect(html.contains("<label for=\"factor\">"))
                #expect(html.contains("<option value=\"Include\">Include: Digital equality</option>"))
                #expect(html.contains("<a href=\"/library\">Library</a>"))
                #expect(html.contains("name=\"viewport\""))
            }
            try await client.execute(uri: "/library?factor=Sustain", method: .get) { response in
                let html = Self.text(response)
                let sustain = studies.filter { $0.factors.contains("Sustain") }
                #expect(html.contains("\(sustain.count) case studies."))
                #expect(html.contains("<option value=\"Sustain\" selected>"))
                for study in studies { #expect(html.contains("href=\"/library/\(study.id)\"") == study.factors.contains("Sustain")) }
            }
        }
    }

    @Test("a search shows the hits with their snippets, the words marked")
    func search() async throws {
        try await Self.withApp { client, studies in
            let fibre = try #require(studies.first { $0.title.contains("fibre co-operative") })
            try await client.execute(uri: "/library?q=fibre+co-operative", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("found for “fibre co operative”"))
                #expect(html.contains("href=\"/library/\(fibre.id)\""))
                #expect(html.contains("<mark>"))
                #expect(html.contains("value=\"fibre co-operative\""), "the box keeps the search as typed")
            }
            try await client.execute(uri: "/library?q=repair&factor=Connect", method: .get) { response in
                #expect(Self.text(response).contains("0 case studies found"))
            }
        }
    }

    @Test("a search without words or with an unknown factor is a 400 that names the field")
    func badRequests() async throws {
        try await Self.withApp { client, _ in
            for query in ["q=%22%22%22", "q=*", "q=%28%29-", "q=" + String(repeating: "a", count: 300)] {
                try await client.execute(uri: "/library?" + query, method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    let html = Self.text(response)
                    #expect(html.contains("role=\"alert\">field &#39;q&#39;:"), "\(query)")
                    #expect(html.contains("<label for=\"q\">"), "the form stays to try await again")
                }
                try await client.execute(uri: "/api/v1/library?" + query, method: .get) { response in
                    #expect(response.status == .badRequest)
                    let error = try Self.json(response)["error"] as? [String: Any]
                    #expect((error?["message"] as? String)?.hasPrefix("field 'q': ") == true, "\(query)")
                }
            }
            try await client.execute(uri: "/library?factor=Broadband", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response).contains("field &#39;factor&#39;: there is no factor &#39;Broadband&#39;"))
            }
            try await client.execute(uri: "/api/v1/library?factor=Broadband", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/library?q=", method: .get) { response in
                #expect(response.status == .ok, "an empty box lists the library")
            }
        }
    }

    @Test("hostile searches answer 200 or 400, never a server error")
    func hostileSearches() async throws {
        try await Self.withApp { client, _ in
            let queries = [
                "%22", "NEAR%28", "AND", "-", "col%3Afibre", "fibre%22+OR+%22x", "%27%3B+DROP+TABLE+case_study%3B+--", "S%C3%A3o",
                "%E6%9D%B1%E4%BA%AC", "%00", "%02fibre%03", "broad*", "%2A%2A%2A", "%F0%9F%9A%80",
            ]
            for query in queries {
                for path in ["/library?q=", "/api/v1/library?q="] {
                    try await client.execute(uri: path + query, method: .get) { response in
                        #expect(response.status == .ok || response.status == .badRequest, "\(path)\(query): \(response.status)")
                    }
                }
            }
            try await client.execute(uri: "/api/v1/library?q=fibre%22+OR+%22x", method: .get) { response in
                let object = try Self.json(response)
                #expect(object["query"] as? String == "fibre OR x", "quotes and operators are plain words")
            }
        }
    }

    @Test("the API lists, searches and filters, with scores and marked snippets")
    func api() async throws {
        try await Self.withApp { client, studies in
            try await client.execute(uri: "/api/v1/library", method: .get) { response in
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let object = try Self.json(response)
                #expect(object["count"] as? Int == 13)
                let results = try #require(object["results"] as? [[String: Any]])
                #expect(results.count == 13)
                #expect(results.allSatisfy { $0["score"] == nil && $0["snippet"] == nil && $0["body"] == nil })
                #expect(object["query"] == nil)
            }
            try await client.execute(uri: "/api/v1/library?q=broadband&factor=Connect", method: .get) { response in
                let object = try Self.json(response)
                #expect(object["query"] as? String == "broadband")
                #expect(object["factor"] as? String == "Connect")
                let results = try #require(object["results"] as? [[String: Any]])
                #expect(!results.isEmpty)
                let scores = results.compactMap { $0["score"] as? Double }
                #expect(scores.count == results.count)
                #expect(scores == scores.sorted(by: >), "best first")
                for result in results {
                    #expect((result["factors"] as? [String])?.contains("Connect") == true)
                    let parts = (result["snippet"] as? [String: Any])?["parts"] as? [[String: Any]] ?? []
                    #expect(parts.contains { $0["match"] as? Bool == true && ($0["text"] as? String)?.lowercased().hasPrefix("broadband") == true })
                }
                let ids = Set(results.compactMap { $0["id"] as? String })
                #expect(ids.isSubset(of: Set(studies.map(\.id))))
            }
            try await client.execute(uri: "/api/v1/library?q=zeppelin", method: .get) { response in
                let count = try Self.json(response)["count"] as? Int
                #expect(count == 0, "drafts are not searched")
            }
        }
    }

    @Test("a case study's page and document; unknown ids and drafts are 404")
    func caseStudy() async throws {
        try await Self.withApp { client, studies in
            let study = studies[0]
            try await client.execute(uri: "/library/\(study.id)", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("<h1>\(study.title)</h1>"))
                for paragraph in study.paragraphs { #expect(html.contains("<p>\(paragraph.replacingOccurrences(of: "'", with: "&#39;"))</p>")) }
                #expect(html.contains("<a href=\"/library?factor=\(study.factors[0])\">"))
            }
            try await client.execute(uri: "/api/v1/library/\(study.id)", method: .get) { response in
                let object = try Self.json(response)
                #expect(object["id"] as? String == study.id)
                #expect(object["body"] as? String == study.body)
                #expect((object["paragraphs"] as? [String])?.count == study.paragraphs.count)
                #expect(object["author"] == nil, "account ids stay private")
            }
            for id in ["no-such-study", "unfinished-draft"] {
                try await client.execute(uri: "/library/\(id)", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(Self.text(response).contains("<h1>Not found</h1>"))
                }
                try await client.execute(uri: "/api/v1/library/\(id)", method: .get) { response in
                    #expect(response.status == .notFound)
                    let message = (try Self.json(response)["error"] as? [String: Any])?["message"] as? String
                    #expect(message == "there is no case study '\(id)' in the library")
                }
            }
        }
    }

    @Test("markup in a case study is shown as text on every page, snippets included")
    func escaping() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/library/script-injection", method: .get) { response in
                let html = Self.text(response)
                #expect(!html.contains("<script"))
                #expect(!html.contains("<img"))
                #expect(!html.contains("<b>"))
                #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Lessons"))
                #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; more."))
                #expect(html.contains("The &lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt; tag is text here."))
                #expect(html.contains("&quot;quotes&quot;"))
            }
            try await client.execute(uri: "/library?q=script", method: .get) { response in
                let html = Self.text(response)
                #expect(!html.contains("<script"))
                #expect(html.contains("&lt;<mark>script</mark>&gt;"), "escaped first, then marked")
                #expect(html.contains("Ashford &lt;b&gt;(synthetic)&lt;/b&gt;"))
            }
            try await client.execute(uri: "/library", method: .get) { response in
                let html = Self.text(response)
                #expect(!html.contains("<script") && !html.contains("<img"))
            }
        }
    }
}
