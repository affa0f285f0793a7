import Awards
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

/// A published cycle's results explain themselves: each finalist's score parts as the programme
/// computed them, the jury's matrix with names and shares, one sentence on how the order was
/// decided, and the same figures as CSV and JSON — none of it before the results are published.
@Suite("Cycle results that explain themselves")
struct CycleResultsTests {
    static let year = 2031

    /// A planted cycle of three finalists and three jurors, run to its jury vote and, when
    /// `published`, published, served through the real router.
    ///
    /// Top7 scores: Alpha 8, Beta 5, Gamma 9. Ballots: J-1 and J-2 rank Alpha > Beta > Gamma,
    /// J-3 ranks Beta > Alpha > Gamma. By hand:
    /// - pairwise: Alpha over Beta 2, Beta over Alpha 1; Alpha over Gamma 3, Gamma over Alpha 0;
    ///   Beta over Gamma 3, Gamma over Beta 0. Head-to-head: Alpha 2 of 2, Beta 1 of 2, Gamma 0 of 2.
    /// - Schulze: Alpha beats both, Beta beats Gamma, so the jury ranks Alpha, Beta, Gamma and the
    ///   jury scores (3 − position)/2 are Alpha 1, Beta 0.5, Gamma 0.
    /// - normalised Top7 scores (s − 5)/(9 − 5): Alpha 0.75, Beta 0, Gamma 1.
    /// - final, with jury weight 0.5: Alpha 0.5·1 + 0.5·0.75 = 0.875; Gamma 0.5·0 + 0.5·1 = 0.5;
    ///   Beta 0.5·0.5 + 0.5·0 = 0.25. So Alpha, Gamma, Beta: Gamma is second though it lost every
    ///   head-to-head vote.
    static func withPlantedCycle(published: Bool, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-results-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let platform = try Platform.load(WebConfiguration(database: database, indices: [PlatformRoutesTests.root + "/Examples/asem/asem.json"], analysis: nil))
        let programme = Programme(store: platform.store, actor: "admin")
        let jury = ["J-1", "J-2", "J-3"].map { JuryMember(id: $0, name: "Juror \($0)") }
        try await programme.createCycle(Cycle(year: year, phase: .juryVote, rules: CycleRules(smart21Size: 3, top7Size: 3, juryWeight: 0.5), jury: jury))
        let candidates = [("N-A", "Alpha", 8.0), ("N-B", "Beta", 5.0), ("N-C", "Gamma", 9.0)].map {
            Shortlist.Candidate(nomination: $0.0, community: $0.1, country: "Testland", region: "Europe", score: $0.2, tieBreakScore: 0)
        }
        var smart21 = try Shortlist.select(
            candidates + [Shortlist.Candidate(nomination: "N-D", community: "Delta", country: "Testland", region: "Europe", score: 4, tieBreakScore: 0)],
            size: 3, name: "smart21")
        smart21.robustness = try JSONDecoder().decode(ShortlistRobustness.self, from: Data(Self.smart21Figures.utf8))
        try await platform.store.saveShortlist(smart21, name: "smart21", cycle: year, by: "admin")
        try await platform.store.saveShortlist(try Shortlist.select(candidates, size: 3, name: "top7"), name: "top7", cycle: year, by: "admin")
        try await programme.castBallots([
            Ballot(juror: "J-1", order: ["N-A", "N-B", "N-C"]), Ballot(juror: "J-2", order: ["N-A", "N-B", "N-C"]), Ballot(juror: "J-3", order: ["N-B", "N-A", "N-C"]),
        ], cycle: year)
        if published { _ = try await programme.publish(cycle: year) }
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load())
        try await Application(router: router).test(.router) { client in try await body(client) }
    }

    /// The robustness figures recorded with the planted Smart21, as the store keeps them: four
    /// nominees ranked, Delta (4th) not selected; Beta made the list in 55 % of 1,000 samples.
    static let smart21Figures = """
        {"list": "smart21", "size": 3, "samples": 1000, "seed": 2031, "inputs": ["analysts", "calibration method", "normalisation"], "nominees": [
          {"nomination": "N-C", "community": "Gamma", "country": "Testland", "rank": 1, "probability": 1, "medianRank": 1, "rank5": 1, "rank95": 2, "borderline": false},
          {"nomination": "N-A", "community": "Alpha", "country": "Testland", "rank": 2, "probability": 0.97, "medianRank": 2, "rank5": 1, "rank95": 3, "borderline": false},
          {"nomination": "N-B", "community": "Beta", "country": "Testland", "rank": 3, "probability": 0.55, "medianRank": 3.5, "rank5": 2, "rank95": 4, "borderline": true},
          {"nomination": "N-D", "community": "Delta", "country": "Testland", "rank": 4, "probability": 0.48, "medianRank": 3.5, "rank5": 3, "rank95": 4, "borderline": true}]}
        """

    static func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body), $0.headers) }
    }

    @Test("the planted cycle's page shows the score parts, the shaded matrix and the sentence, as worked by hand")
    func plantedPage() async throws {
        try await Self.withPlantedCycle(published: true) { client in
            let page = try await Self.get(client, "/cycles/\(Self.year)")
            #expect(page.status == .ok)
            let html = page.body
            #expect(html.contains("<h2>Community of the Year</h2>\n<p><strong>Alpha</strong></p>"))
            let rows = [
                (1, "Alpha", "2 of 2", "1", "1.000", "8.00", "0.750", "0.875"),
                (2, "Gamma", "0 of 2", "3", "0.000", "9.00", "1.000", "0.500"),
                (3, "Beta", "1 of 2", "2", "0.500", "5.00", "0.000", "0.250"),
            ]
            for r in rows {
                let row = "<tr><td class=\"num\">\(r.0)</td><th scope=\"row\">\(r.1) <span class=\"muted\">(Testland)</span></th><td class=\"num\">\(r.2)</td>"
                    + "<td class=\"num\">\(r.3)</td><td class=\"num\">\(r.4)</td><td class=\"num\">\(r.5)</td><td class=\"num\">\(r.6)</td><td class=\"num\"><strong>\(r.7)</strong></td></tr>"
                #expect(html.contains(row), "the final ranking's row for \(r.1)")
            }
            #expect(html.contains("Weights: jury score 0.50, normalised Top7 score 0.50."))
            // The page escapes the apostrophe, as it escapes every text.
            #expect(html.replacingOccurrences(of: "&#39;", with: "'").contains(
                "Alpha won the most head-to-head contests (2 of 2) and has the highest final score (0.875); Gamma placed 2nd despite losing every head-to-head vote "
                    + "because its Top7 score (9.00 against 5.00 for Beta) outweighed the jury's preference for Beta at weights 0.500 for the jury and 0.500 for the Top7 score: "
                    + "0.500 × 0.000 + 0.500 × 1.000 = 0.500 against 0.500 × 0.500 + 0.500 × 0.000 = 0.250."))
            // Names on both axes: abbreviations with the full name in `title` and in the key.
            #expect(html.contains("<th scope=\"col\" class=\"num\"><abbr title=\"Gamma\">GAM</abbr></th>"))
            #expect(html.contains("<abbr title=\"Beta\">BET</abbr> = Beta"))
            // Shares of the 3 ballots, shaded by fifths of the per cent written: 3 of 3 is 100 %,
            // 2 of 3 is 67 %, 1 of 3 is 33 %, 0 is 0 %.
            #expect(html.contains("<tr><th scope=\"row\">1. Alpha</th><td class=\"num diagonal\" title=\"Alpha against itself\">—</td>"
                + "<td class=\"num share4\" title=\"3 of 3 preferred Alpha to Gamma\">3 (100 %)</td>"
                + "<td class=\"num share3\" title=\"2 of 3 preferred Alpha to Beta\">2 (67 %)</td></tr>"))
            #expect(html.contains("<td class=\"num share1\" title=\"1 of 3 preferred Beta to Alpha\">1 (33 %)</td>"))
            #expect(html.contains("<td class=\"num share0\" title=\"0 of 3 preferred Gamma to Alpha\">0 (0 %)</td>"))
            #expect(html.contains("class=\"legend\""), "the shading has a legend")
            #expect(html.contains("href=\"/cycles/\(Self.year)/results.csv\"") && html.contains("href=\"/api/v1/cycles/\(Self.year)/results\""))
        }
    }

    @Test("the planted cycle's results download as CSV and JSON with the page's figures")
    func plantedDownloads() async throws {
        try await Self.withPlantedCycle(published: true) { client in
            let csv = try await Self.get(client, "/cycles/\(Self.year)/results.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"civic-awards-\(Self.year)-results.csv\"")
            #expect(csv.body == """
                rank,nomination,community,country,head_to_head_won,head_to_head_lost,head_to_head_tied,jury_position,jury_score,top7_score,normalised_top7_score,jury_weight,top7_weight,final_score
                1,N-A,Alpha,Testland,2,0,0,1,1.0,8.0,0.75,0.5,0.5,0.875
                2,N-C,Gamma,Testland,0,2,0,3,0.0,9.0,1.0,0.5,0.5,0.5
                3,N-B,Beta,Testland,1,1,0,2,0.5,5.0,0.0,0.5,0.5,0.25

                """)
            let json = try await Self.get(client, "/api/v1/cycles/\(Self.year)/results")
            #expect(json.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            #expect(object["year"] as? Int == Self.year)
            #expect(object["winner"] as? String == "N-A")
            #expect(object["juryWeight"] as? Double == 0.5 && object["top7Weight"] as? Double == 0.5 && object["ballotWeight"] as? Double == 3)
            let finalists = try #require(object["finalists"] as? [[String: Any]])
            #expect(finalists.map { $0["community"] as? String } == ["Alpha", "Gamma", "Beta"])
            #expect(finalists.map { $0["finalScore"] as? Double } == [0.875, 0.5, 0.25])
            #expect(finalists.map { ($0["headToHead"] as? [String: Any])?["won"] as? Int } == [2, 0, 1])
            #expect((object["explanation"] as? String)?.hasPrefix("Alpha won the most head-to-head contests") == true)
            // The API's document lists the download, with the 404 it answers until publication.
            let openAPI = try await Self.get(client, "/api/v1/openapi.json")
            let paths = (try JSONSerialization.jsonObject(with: Data(openAPI.body.utf8)) as? [String: Any])?["paths"] as? [String: Any]
            let responses = ((paths?["/api/v1/cycles/{year}/results"] as? [String: Any])?["get"] as? [String: Any])?["responses"] as? [String: Any]
            let statuses = Set(responses.map { Array($0.keys) } ?? [])
            #expect(statuses.isSuperset(of: ["200", "404"]), "documented answers: \(statuses)")
            // The cycle's own document carries the same results.
            let cycle = try await Self.get(client, "/api/v1/cycles/\(Self.year)")
            let results = (try JSONSerialization.jsonObject(with: Data(cycle.body.utf8)) as? [String: Any])?["results"] as? [String: Any]
            #expect((results?["finalists"] as? [[String: Any]])?.count == 3)
        }
    }

    @Test("once published, the Smart21's ranks are drawn with their 5–95 % ranges among all nominees; the nominee left off stays private")
    func smart21RankChart() async throws {
        try await Self.withPlantedCycle(published: true) { client in
            let page = try await Self.get(client, "/cycles/\(Self.year)")
            let content = try #require(page.body.components(separatedBy: "<main id=\"main\">").last)
            #expect(content.contains("How certain are the Smart21&#39;s ranks?"))
            #expect(content.contains("computed again 1000 times, each time with another draw of the analysts, the calibration method and the index&#39;s normalisation, and all 4 nominees ranked again"))
            #expect(content.contains("could have missed it: Beta."))
            let svg = try #require(content.components(separatedBy: "<figure class=\"chart-frame\">").last?.components(separatedBy: "</figure>").first)
            expectAccessibleSVG(svg)
            // One row per member in the list's order (Gamma, Alpha, Beta by score), on an axis of 4 ranks.
            for name in ["Gamma", "Alpha", "Beta"] { #expect(svg.contains(">\(name)<"), "\(name) is drawn") }
            #expect(!content.contains("Delta"), "the nominee left off the Smart21 is not named")
            // The axis runs to the worst 95th percentile (4th), capped by the 4 nominees; the labels
            // are short, so the label column takes its least, 100. Rank r at x = 100 + (r − 1)/3 · 300,
            // rows 20 apart: Gamma 1st, Alpha 2nd, Beta 3rd.
            let dots = parseSVG(svg).all("circle").filter { $0.attributes["class"] == "rank" }.map { [$0.attributes["cx"] ?? "", $0.attributes["cy"] ?? ""] }
            #expect(dots == [["100", "20"], ["200", "40"], ["300", "60"]], "one nominal-rank dot per member")

            let api = try await Self.get(client, "/api/v1/cycles/\(Self.year)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
            let ranks = try #require(object["smart21Ranks"] as? [String: Any])
            #expect(ranks["nominees"] as? Int == 4 && ranks["samples"] as? Int == 1000)
            let rows = try #require(ranks["ranks"] as? [[String: Any]])
            #expect(rows.compactMap { $0["nomination"] as? String } == ["N-C", "N-A", "N-B"])
            #expect(rows[2]["medianRank"] as? Double == 3.5 && rows[2]["rank5"] as? Double == 2 && rows[2]["rank95"] as? Double == 4 && rows[2]["probability"] as? Double == 0.55)
            #expect(!api.body.contains("N-D") && !api.body.contains("Delta"))
        }
    }

    @Test("before publication the page shows none of it and the downloads answer as for a year with no cycle")
    func nothingBeforePublication() async throws {
        try await Self.withPlantedCycle(published: false) { client in
            let page = try await Self.get(client, "/cycles/\(Self.year)")
            #expect(page.status == .ok)
            // The page's content, after the stylesheet (which names the classes of every page).
            let content = try #require(page.body.components(separatedBy: "<main id=\"main\">").last)
            for hidden in ["Community of the Year", "How the final ranking", "Head-to-head", "head-to-head", "0.875", "Final score", "results.csv", "/results", "%)", "preferred", "legend", "share"] {
                #expect(!content.contains(hidden), "the unpublished page shows \(hidden)")
            }
            let api = try await Self.get(client, "/api/v1/cycles/\(Self.year)")
            #expect(!api.body.contains("finalScore") && !api.body.contains("finalists") && !api.body.contains("explanation"))
            // The ranks would tell the scores' order: nothing of them before the results.
            #expect(!api.body.contains("smart21Ranks") && !api.body.contains("rank95") && !content.contains("How certain"))
            for (unpublished, unknown) in [("/cycles/\(Self.year)/results.csv", "/cycles/1999/results.csv"), ("/api/v1/cycles/\(Self.year)/results", "/api/v1/cycles/1999/results")] {
                let a = try await Self.get(client, unpublished), b = try await Self.get(client, unknown)
                #expect(a.status == .notFound && b.status == .notFound, "\(unpublished)")
                #expect(a.body.replacingOccurrences(of: String(Self.year), with: "YEAR") == b.body.replacingOccurrences(of: "1999", with: "YEAR"), "\(unpublished) tells nothing an unknown year does not")
                #expect(a.headers[.contentType] == b.headers[.contentType])
            }
        }
    }

    @Test("results published before their figures were kept still read: head-to-head records and the order, no parts")
    func withoutFigures() throws {
        // The planted cycle's ranking and matrix, as an older publication holds them.
        let publication = Publication(
            smart21: ["N-A", "N-B", "N-C"], top7: ["N-A", "N-B", "N-C"], ranking: ["N-A", "N-C", "N-B"], winner: "N-A", rules: [],
            pairwise: ["N-A": ["N-B": 2, "N-C": 3], "N-B": ["N-A": 1, "N-C": 3], "N-C": ["N-A": 0, "N-B": 0]], strongestPaths: nil, publishedAt: "2031-06-10T12:00:00Z")
        let names = ["N-A": "Alpha", "N-B": "Beta", "N-C": "Gamma"]
        let translations = try LocalisationTests.shipped()
        func results(_ language: Language) -> PublishedResults {
            PublishedResults(publication, year: Self.year, name: { names[$0] ?? $0 }, country: { _ in "Testland" }, format: PageFormat(language: language, translations: translations))
        }
        #expect(results(.en).rule == nil && results(.en).juryWeight == nil)
        #expect(results(.en).explanation == "Alpha won the most head-to-head contests (2 of 2); Gamma placed 2nd despite losing every head-to-head vote, above Beta (1 of 2).")
        #expect(results(.fr).explanation == "Alpha a gagné le plus de duels (2 sur 2) ; Gamma s’est classée 2e bien qu’elle ait perdu tous ses duels, devant Beta (1 sur 2).")
        #expect(results(.vi).explanation == "Alpha thắng nhiều trận đối đầu nhất (2/2); Gamma xếp thứ 2 dù thua mọi trận đối đầu, trên Beta (1/2).")
        #expect(results(.en).csv().split(separator: "\n")[2] == "2,N-C,Gamma,Testland,0,2,0,,,,,,,")
    }

    /// The demo's 2026 cycle, as `civic serve` shows it: the parts obey the published rule
    /// (checked here from the parts, not read from the code), the order follows the final
    /// scores, the head-to-head records match the published matrix, and the sentence names the
    /// finalist placed third though it lost every head-to-head vote.
    @Test("the demo's 2026 results: parts that obey the rule and a sentence for the finalist that lost every vote")
    func demoCycle() async throws {
        try await BrowserWalkthroughTests.withLivePlatform { port, _, _ in
            let browser = LiveBrowser()
            let json = try await browser.get(port, "/api/v1/cycles/2026/results")
            #expect(json.status == 200)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            let w = try #require(object["juryWeight"] as? Double)
            let finalists = try #require(object["finalists"] as? [[String: Any]])
            #expect(finalists.count == 7)
            let scores = finalists.compactMap { $0["top7Score"] as? Double }
            let (low, high) = (try #require(scores.min()), try #require(scores.max()))
            var previous = Double.infinity
            for (i, f) in finalists.enumerated() {
                let position = try #require(f["juryPosition"] as? Int)
                let (j, s, n, c) = (f["juryScore"] as? Double ?? .nan, f["top7Score"] as? Double ?? .nan, f["normalisedTop7Score"] as? Double ?? .nan, f["finalScore"] as? Double ?? .nan)
                #expect(f["rank"] as? Int == i + 1)
                #expect(abs(j - Double(7 - position) / 6) < 1e-12, "jury score of position \(position)")
                #expect(abs(n - (s - low) / (high - low)) < 1e-12, "normalised Top7 score")
                #expect(abs(c - (w * j + (1 - w) * n)) < 1e-12, "final score")
                #expect(c <= previous + 1e-9, "final order")
                previous = c
            }
            // Head-to-head records from the published matrix, counted here.
            let cycle = try await browser.get(port, "/api/v1/cycles/2026")
            let publication = (try JSONSerialization.jsonObject(with: Data(cycle.body.utf8)) as? [String: Any])?["publication"] as? [String: Any]
            let pairwise = try #require(publication?["pairwise"] as? [String: [String: Double]])
            for f in finalists {
                let id = try #require(f["nomination"] as? String)
                let won = finalists.filter { o in
                    let other = o["nomination"] as? String ?? ""
                    return other != id && (pairwise[id]?[other] ?? 0) > (pairwise[other]?[id] ?? 0)
                }.count
                #expect((f["headToHead"] as? [String: Any])?["won"] as? Int == won, "\(id)'s head-to-head wins")
            }
            let third = finalists[2]
            #expect((third["headToHead"] as? [String: Any])?["won"] as? Int == 0, "the demo's third finalist lost every head-to-head vote")
            let name = try #require(third["community"] as? String)
            let page = try await browser.get(port, "/cycles/2026")
            #expect(page.body.contains("\(name) placed 3rd despite losing every head-to-head vote because its Top7 score"))
            let winner = try #require(finalists[0]["community"] as? String)
            #expect(page.body.contains("<p id=\"explanation\">\(winner) "))
        }
    }
}
