import Awards
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IndexEngine
import Testing
@testable import WebApp

/// Numbers that once crashed the server: `1e300` passed the finiteness check, was stored, and
/// every page that showed it trapped converting it to an integer, again after every restart.
/// Every input path now refuses a number outside its question's range (or the cycle's rubric
/// scale) naming the field, and every page formats whatever an old database holds without trapping.
@Suite("Extreme numbers: refused on input, harmless on display")
struct NumberSafetyTests {
    static let year = DemoPlatform.walkthroughYear
    /// Texts that are not acceptable answers to a 0–100 per-cent question.
    static let refusedTexts = ["1e300", "-1e300", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e16", "101", "-5"]

    /// The problem a page reports: the workspace's alert, or the error page's message.
    static func problem(_ body: String) -> String {
        TestBrowser.between(body, #"role="alert">"#, "</p>") ?? TestBrowser.between(body, "</h1>\n<p>", "</p>") ?? ""
    }

    /// The community's own nomination (a draft of the walkthrough cycle).
    static func nomination(_ store: any PlatformStore) async throws -> Nomination {
        try #require(try await store.nominations(cycle: year).first { $0.id == "N-001" })
    }

    @Test("stored robustness figures of 1e300, -1e300 or a rank beyond Int show as written on the organiser's page, never trap")
    func extremeRobustnessFigures() async throws {
        let figures = """
            {"list": "top7", "size": 1, "samples": 10, "seed": 1, "nominees": [
              {"nomination": "N-1", "community": "Alpha", "country": "Testland", "rank": 1, "probability": 1, "medianRank": 1, "rank5": 1e300, "rank95": -1e300, "borderline": false},
              {"nomination": "N-2", "community": "Beta", "country": "Testland", "rank": 2, "probability": 0.5, "medianRank": 2, "rank5": 2, "rank95": 9.3e18, "borderline": true}]}
            """
        let robustness = try JSONDecoder().decode(ShortlistRobustness.self, from: Data(figures.utf8))
        let table = AdminRoutes.robustnessRows(robustness, names: [:], pages: try await Pages.load())
        let rows = try #require(table["rows"] as? [[String: Any]])
        #expect(rows.map { $0["interval"] as? String } == ["1e+300–-1e+300", "2–9.3e+18"])
    }

    @Test("a form with a number it cannot read comes back with the problem and everything as typed")
    func unreadableNumberKeepsTheForm() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let questions = try await store.cycle(Self.year).questions(round: 1)
            let number = try #require(questions.first { $0.isQuantitative })
            let narrative = try #require(questions.first { !$0.isQuantitative })
            let community = try await app.signedIn(.community)
            let before = try await Self.nomination(store)
            try await community.get("/community")
            let response = try await community.post("/community/nomination", [
                ("answer-\(number.id)", "1,000"), ("answer-\(narrative.id)", "Our fibre reached every school (typed, not saved)."), ("action", "draft"),
            ])
            #expect(response.status == .unprocessableContent)
            #expect(Self.problem(response.body).contains(number.id) && Self.problem(response.body).contains("1,000"))
            #expect(response.body.contains("Our fibre reached every school (typed, not saved)."), "the text typed is kept")
            #expect(response.body.contains(#"value="1,000""#), "the number is shown as typed")
            await #expect(try Self.nomination(store) == before, "nothing is stored")
        }
    }

    @Test("the community form refuses extreme and out-of-range answers, naming the question; -0 and 1e-320 are harmless")
    func communityForm() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let question = try #require(try await store.cycle(Self.year).questions(round: 1).first(where: \.isQuantitative))
            let community = try await app.signedIn(.community)
            for action in ["draft", "review"] {
                for text in Self.refusedTexts {
                    let before = try await Self.nomination(store)
                    #expect(try await community.get("/community").status == .ok)
                    let response = try await community.post("/community/nomination", [("answer-\(question.id)", text), ("action", action)])
                    #expect(response.status == .unprocessableContent, "\(text) (\(action)): \(response.status)")
                    #expect(Self.problem(response.body).contains(question.id), "\(text) (\(action)): the error names the question: \(Self.problem(response.body))")
                    await #expect(try Self.nomination(store) == before, "\(text) (\(action)): nothing is stored")
                }
            }
            for text in ["-0", "1e-320", "0", "100"] {
                try await community.get("/community")
                let saved = try await community.post("/community/nomination", [("answer-\(question.id)", text), ("action", "draft")])
                #expect(saved.status == .seeOther, "\(text): \(saved.status)")
                let page = try await community.get("/community")
                #expect(page.status == .ok, "\(text)")
                if case let .number(n)? = try await Self.nomination(store).answers[question.id] {
                    #expect(n.sign == .plus, "\(text) is stored without a sign")
                }
                #expect(!page.body.contains(#"value="-0""#), "-0 is shown as 0")
            }
        }
    }

    @Test("the nominations API refuses extreme answers in drafts and submissions, naming the question")
    func nominationAPI() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let token = try await AccountProvisioning.issueToken(for: "community", label: "scripts", scopes: [.submit], at: app.clock.now, in: store, by: "community")
            let client = app.browser()
            for state in ["draft", "submitted"] {
                for number in ["1e300", "-1e300", "1e16", "101", "-5", "1.7976931348623157e308"] {
                    let before = try await Self.nomination(store)
                    let body = #"{"id":"N-001","community":"\#(before.community)","country":"\#(before.country)","region":"\#(before.region)","year":\#(Self.year),"answers":{"Connect-Q1":\#(number)},"evidence":[],"state":"\#(state)","optOut":false}"#
                    let response = try await client.send("/api/v1/cycles/\(Self.year)/nominations", json: body, token: token)
                    #expect(response.status == .unprocessableContent, "\(number) (\(state)): \(response.status) \(response.body)")
                    #expect(response.body.contains("Connect-Q1"), "\(number) (\(state)): \(response.body)")
                    await #expect(try Self.nomination(store) == before)
                }
                // A number JSON cannot hold as a double is a malformed body, never stored.
                let overflow = #"{"id":"N-001","community":"X","country":"Kenya","region":"Africa","year":\#(Self.year),"answers":{"Connect-Q1":1e400},"evidence":[],"state":"\#(state)","optOut":false}"#
                let response = try await client.send("/api/v1/cycles/\(Self.year)/nominations", json: overflow, token: token)
                #expect(response.status == .badRequest || response.status == .unprocessableContent, "1e400: \(response.status)")
            }
        }
    }

    @Test("the reviews API and the rubric form refuse scores off the scale and bad confidences, drafts too")
    func reviewInputs() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await app.openFirstRound()
            let cycle = try await store.cycle(Self.year)
            let nomination = try #require(try await store.assignments(cycle: Self.year, round: 1).first).nomination

            // The API.
            let token = try await AccountProvisioning.issueToken(for: "analyst", label: "scripts", scopes: [.submit], at: app.clock.now, in: store, by: "analyst")
            let client = app.browser()
            for (score, confidence) in [("1e300", "3"), ("-1e300", "3"), ("11", "3"), ("0", "3"), ("6", "99"), ("6", "0")] {
                let scores = cycle.factors.map { f in
                    f.code == "Connect" ? #""Connect":{"score":\#(score),"comment":"Synthetic.","confidence":\#(confidence)}"#
                        : #""\#(f.code)":{"score":6,"comment":"Synthetic.","confidence":3}"#
                }.joined(separator: ",")
                let review = #"{"nomination":"\#(nomination)","analyst":"A-101","round":1,"state":"submitted","scores":{\#(scores)}}"#
                let response = try await client.send("/api/v1/cycles/\(Self.year)/reviews", json: review, token: token)
                #expect(response.status == .unprocessableContent, "score \(score), confidence \(confidence): \(response.status)")
                #expect(response.body.contains("Connect"))
            }
            #expect(try await store.reviews(cycle: Self.year, round: 1).isEmpty)

            // The rubric form, as a draft and as a submission.
            let analyst = try await app.signedIn(.analyst)
            let bad: [[(String, String)]] = [
                [("score-Connect", "1e300")], [("score-Connect", "-1e300")], [("score-Connect", "NaN")], [("score-Connect", "Infinity")],
                [("score-Connect", "11")], [("score-Connect", "0.5")], [("score-Connect", "6"), ("confidence-Connect", "99")],
                [("score-Connect", "6"), ("confidence-Connect", "-1")], [("score-Connect", "6"), ("confidence-Connect", "1e300")],
            ]
            for action in ["draft", "submit"] {
                for fields in bad {
                    try await analyst.get("/analyst/reviews/\(nomination)")
                    let response = try await analyst.post("/analyst/reviews/\(nomination)", fields + [("comment-Connect", "Synthetic."), ("action", action)])
                    #expect(response.status == .unprocessableContent, "\(fields) (\(action)): \(response.status)")
                    #expect(Self.problem(response.body).contains("Connect"), "\(fields) (\(action)): the error names the factor: \(Self.problem(response.body))")
                    #expect(try await store.reviews(cycle: Self.year, round: 1).isEmpty, "\(fields) (\(action)): nothing is stored")
                    #expect(try await analyst.get("/analyst/reviews/\(nomination)").status == .ok)
                }
            }
            // A score that cannot be read: the rubric comes back with the problem and everything as typed.
            try await analyst.get("/analyst/reviews/\(nomination)")
            let unreadable = try await analyst.post("/analyst/reviews/\(nomination)", [
                ("score-Connect", "seven"), ("comment-Connect", "Strong fibre plan (typed, not saved)."), ("confidence-Connect", "4"), ("action", "draft"),
            ])
            #expect(unreadable.status == .unprocessableContent)
            #expect(Self.problem(unreadable.body).contains("score-Connect"))
            #expect(unreadable.body.contains(#"value="seven""#) && unreadable.body.contains("Strong fibre plan (typed, not saved)."))
            #expect(try await store.reviews(cycle: Self.year, round: 1).isEmpty)
            // "-0" is 0, which is off the 1–10 scale.
            try await analyst.get("/analyst/reviews/\(nomination)")
            let zero = try await analyst.post("/analyst/reviews/\(nomination)", [("score-Connect", "-0"), ("comment-Connect", "Synthetic."), ("action", "draft")])
            #expect(zero.status == .unprocessableContent, "0 is off the 1–10 scale")

            // The programme itself, for drafts.
            let programme = Programme(store: store, actor: "analyst")
            for score in [1e300, -1e300, .nan, .infinity, 0, 10.5] {
                let draft = Review(nomination: nomination, analyst: "A-101", round: 1, scores: ["Connect": .init(score: score, comment: "", confidence: 0)])
                let error = await AwardsFailure.of { () async throws(AwardsError) in try await programme.saveDraft(draft, cycle: Self.year) }
                #expect(error?.kind == .invalidValue && error?.field == "Connect", "\(score): \(String(describing: error))")
            }
            #expect(try await store.reviews(cycle: Self.year, round: 1).isEmpty)
        }
    }

    @Test("the CSV and JSON imports refuse extreme numbers, naming the question (and the row)")
    func imports() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let cycle = try await store.cycle(Self.year)
            let programme = Programme(store: store, actor: "admin")
            let before = try await store.nominations(cycle: Self.year)

            // CSV, as `civic cycle import-nominations` reads it.
            for text in Self.refusedTexts {
                let csv = "id,community,country,region,year,state,Connect-Q1\nN-900,Testville (synthetic),Kenya,Africa,\(Self.year),draft,\(text)\n"
                let table = try CSVTable.parse(csv, name: "nominations.csv")
                let error = await AwardsFailure.of { () throws(AwardsError) in
                    try await programme.saveNominations(try NominationTable.parse(table, cycle: cycle), cycle: Self.year)
                }
                #expect(error?.field == "Connect-Q1", "\(text): \(String(describing: error))")
                #expect(error?.kind == .invalidValue)
            }
            // JSON, as `civic cycle import-nominations` reads it.
            for (number, state) in [("1e300", "draft"), ("-1e300", "submitted"), ("1e16", "draft"), ("101", "withdrawn")] {
                let json = #"[{"id":"N-900","community":"Testville (synthetic)","country":"Kenya","region":"Africa","year":\#(Self.year),"answers":{"Connect-Q1":\#(number)},"evidence":[],"state":"\#(state)","optOut":false}]"#
                let nominations = try JSONDecoder().decode([Nomination].self, from: Data(json.utf8))
                let error = await AwardsFailure.of { () async throws(AwardsError) in try await programme.saveNominations(nominations, cycle: Self.year) }
                #expect(error?.field == "Connect-Q1", "\(number) (\(state)): \(String(describing: error))")
            }
            #expect(try await store.nominations(cycle: Self.year) == before, "nothing was imported")

            // Reviews, as `civic cycle import-reviews` reads them: submitted and recused.
            _ = try await app.openFirstRound()
            let nomination = try #require(try await store.assignments(cycle: Self.year, round: 1).first).nomination
            for state in ["submitted", "recused", "draft"] {
                let scores = cycle.factors.map { f in
                    #""\#(f.code)":{"score":\#(f.code == "Work" ? "1e300" : "6"),"comment":"Synthetic.","confidence":3}"#
                }.joined(separator: ",")
                let json = #"[{"nomination":"\#(nomination)","analyst":"A-101","round":1,"state":"\#(state)","recusalReason":"x","scores":{\#(scores)}}]"#
                let reviews = try JSONDecoder().decode([Review].self, from: Data(json.utf8))
                let error = await AwardsFailure.of { () async throws(AwardsError) in try await programme.submitReviews(reviews, cycle: Self.year) }
                #expect(error?.field == "Work", "\(state): \(String(describing: error))")
            }
            #expect(try await store.reviews(cycle: Self.year, round: 1).isEmpty)
        }
    }

    @Test("extreme values an old database may hold are shown, never trapped on: workspace, rubric, organiser, feedback and results pages")
    func storedExtremes() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let cycle = try await store.cycle(Self.year)
            let extremes: [Double] = [1e300, -1e300, -0.0, 1e-320, 9.3e18, -9.3e18, 1.7976931348623157e308, 4e15]
            var nomination = try await Self.nomination(store)
            for (i, question) in cycle.questions.enumerated() {
                nomination.answers[question.id] = .number(extremes[i % extremes.count])
            }
            // Written straight into the store, past every check, as an old database could hold it.
            try await store.saveNomination(nomination, cycle: Self.year, by: "old-version")
            let community = try await app.signedIn(.community)
            let page = try await community.get("/community")
            #expect(page.status == .ok)
            #expect(page.body.contains("1e+300"))
            #expect(!page.body.contains(#"value="-0""#))

            // Submitted, assigned and scored with extreme scores.
            nomination.state = .submitted
            try await store.saveNomination(nomination, cycle: Self.year, by: "old-version")
            let admin = try await app.signedIn(.admin)
            #expect(try await admin.get("/admin/cycles/\(Self.year)").status == .ok)
            try await admin.post("/admin/cycles/\(Self.year)/assign", [("round", "1"), ("confirm", "yes")])
            try await admin.advance(to: .smart21Scoring, year: Self.year)
            let analyst = try await app.signedIn(.analyst)
            #expect(try await analyst.get("/analyst/reviews/N-001").status == .ok)
            let draft = Review(nomination: "N-001", analyst: "A-101", round: 1, scores: Dictionary(uniqueKeysWithValues: cycle.factors.enumerated().map { i, f in
                (f.code, Review.FactorScore(score: extremes[i % extremes.count], comment: "Old.", confidence: 99))
            }))
            try await store.saveReview(draft, cycle: Self.year, by: "old-version", reason: nil)
            let rubric = try await analyst.get("/analyst/reviews/N-001")
            #expect(rubric.status == .ok)
            #expect(rubric.body.contains("1e+300"))
            #expect(try await analyst.get("/analyst").status == .ok)

            var submitted = draft
            submitted.state = .submitted
            try await store.saveReview(submitted, cycle: Self.year, by: "old-version", reason: "old data")
            for assignment in try await store.assignments(cycle: Self.year, round: 1) where assignment.nomination != "N-001" {
                let scores = Dictionary(uniqueKeysWithValues: cycle.factors.map { ($0.code, Review.FactorScore(score: 6, comment: "Fine.", confidence: 3)) })
                try await store.saveReview(Review(nomination: assignment.nomination, analyst: assignment.analyst, round: 1, scores: scores, state: .submitted), cycle: Self.year, by: "old-version", reason: nil)
            }
            let organiser = try await admin.get("/admin/cycles/\(Self.year)")
            #expect(organiser.status == .ok, "\(organiser.body.prefix(400))")
            // The old data cannot be scored (the calibration refuses a score off the scale); the page says so.
            #expect(Self.problem(organiser.body).contains("cannot be computed") || organiser.body.contains("Calibrated scores"))

            // Published, with extreme counts in the pairwise table: the feedback and the results.
            let others = try await store.nominations(cycle: Self.year).map(\.id).filter { $0 != "N-001" }.prefix(2)
            let finalists = ["N-001"] + others
            try await store.savePublication(Publication(
                smart21: finalists, top7: finalists, ranking: finalists, winner: "N-001", rules: ["old"],
                pairwise: Dictionary(uniqueKeysWithValues: finalists.map { a in (a, Dictionary(uniqueKeysWithValues: finalists.map { ($0, 1e300) })) }),
                strongestPaths: nil, publishedAt: "2027-06-10T00:00:00Z"), cycle: Self.year, by: "old-version")
            // Results are shown once published and announced.
            var announced = try await store.cycle(Self.year)
            announced.phase = .resultsAnnounced
            try await store.updateCycle(announced, by: "old-version")
            let feedback = try await community.get("/community")
            #expect(feedback.status == .ok)
            #expect(feedback.body.contains("Result and feedback"))
            #expect(try await app.browser().get("/cycles/\(Self.year)").status == .ok)
            #expect(try await app.browser().get("/api/v1/cycles/\(Self.year)").status == .ok)
        }
    }

    @Test("the rankings and unit pages show extreme index values and unknown rank intervals without trapping")
    func extremeIndex() async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-numbers-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let loaded = try Platform.load(WebConfiguration(database: database, indices: [PlatformRoutesTests.root + "/Examples/asem/asem.json"], analysis: nil))
        let hosted = loaded.firstIndex
        var index = loaded.index
        let headline = try #require(index.aggregates.first).code
        let intervals: [[Double]] = [[1e300, -1e300], [.nan, .infinity], [-0.0, 9.3e18], [-.infinity, 2], [1e-320, 4e15]]
        let values: [Double] = [1e300, -1e300, -0.0, 1.7976931348623157e308, 1e-320]
        for i in intervals.indices {
            index.rows[i].rankInterval = intervals[i]
            index.rows[i].scores[headline] = values[i]
        }
        let edition = HostedIndex.Edition(year: hosted.editions[0].year, view: index, audit: hosted.editions[0].audit)
        let platform = Platform(
            catalogue: IndexCatalogue([HostedIndex(slug: hosted.slug, name: hosted.name, description: hosted.description, provenance: hosted.provenance, editions: [edition])]),
            store: loaded.store)
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load())
        let codes = index.rows.prefix(intervals.count).map(\.code)
        try await Application(router: router).test(.router) { client in
            for uri in ["/", "/indices", "/indices/asem", "/indices/asem/rankings.csv", "/api/v1/indices/asem/rankings", "/indices/asem?sort=\(headline)", "/indices/asem?sort=interval"]
                + codes.flatMap({ ["/indices/asem/units/\($0)", "/api/v1/indices/asem/units/\($0)"] }) {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(response.status)")
                    #expect(!String(buffer: response.body).contains(">-0<"), "\(uri)")
                }
            }
        }
    }

    @Test("the shared number formatting never traps and never shows -0")
    func formatting() {
        #expect(Show.count(1e300) == "1e+300")
        #expect(Show.count(-1e300) == "-1e+300")
        #expect(Show.count(9.3e18) == "9.3e+18")
        #expect(Show.count(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(Show.count(-0.0) == "0")
        #expect(Show.count(-1e-320) == "0.00")
        #expect(Show.count(1e-320) == "0.00")
        #expect(Show.count(55.5) == "55.50")
        #expect(Show.count(42) == "42")
        #expect(Show.count(.nan) == "—" && Show.count(.infinity) == "—" && Show.count(nil) == "—")
        #expect(Show.score(-0.001) == "0.00")
        #expect(Show.score(1e300) == "1e+300")
        #expect(Show.score(68.384) == "68.38")
        #expect(Show.rank(3) == "3" && Show.rank(-0.0) == "0" && Show.rank(.nan) == "—" && Show.rank(1e300) == "1e+300")
        #expect(Show.rankInterval([2, 7], separator: "–") == "2–7")
        #expect(Show.rankInterval([.nan, 7], separator: "–") == nil)
        #expect(Show.rankInterval([1], separator: "–") == nil)
        #expect(Show.integer(9.3e18) == nil && Show.integer(.nan) == nil && Show.integer(-7.9) == -7)
        #expect(ChartFormat.labelLimit(forWidth: -1e300) == 4)
    }
}
