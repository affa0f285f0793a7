import Awards
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

/// The role workspaces through the real router: the 2027 demo cycle walked to its winner by
/// the community, the organiser, the analyst and the juror, and who may not do what.
@Suite("Workspaces")
struct WorkspaceTests {
    static let year = DemoPlatform.walkthroughYear

    @Test("the demo cycle is walked to its winner through the workspaces; the community sees anonymous feedback")
    func walkToWinner() async throws {
        try await TestPlatform.with { app in try await Self.walk(app) }
    }

    static func walk(_ app: TestPlatform) async throws {
        let store = app.platform.store
        let cycle = try await store.cycle(year)

        // The community completes its nomination, reviews every answer, then submits it.
        let community = try await app.signedIn(.community)
        let page = try await community.get("/community")
        #expect(page.body.contains("Review before submitting") && page.body.contains(" of 18 questions answered"))
        var answers: [(String, String)] = cycle.questions(round: 1).map { q in ("answer-\(q.id)", q.isQuantitative ? "55.5" : "Our programme (synthetic).") }
        answers.append(("evidence", "https://example.org/evidence"))
        answers.append(("action", "review"))
        let saved = try await community.post("/community/nomination", answers)
        #expect(saved.status == .seeOther && saved.location == "/community/review")
        #expect(try await store.nominations(cycle: year).first { $0.id == "N-001" }?.state == .draft, "reviewing submits nothing")
        let review = try await community.get("/community/review")
        #expect(review.body.contains("18 of 18 questions answered") && review.body.contains("Submit the nomination"))
        for question in cycle.questions(round: 1) {
            let shown = TestBrowser.between(review.body, "id=\"review-\(question.id)\">", "</dd>")
            #expect(shown == (question.isQuantitative ? "55.50 per cent" : "Our programme (synthetic)."), "\(question.id): \(shown ?? "missing")")
        }
        let submitted = try await community.post("/community/nomination/submit", [])
        #expect(submitted.status == .seeOther)
        #expect(try await store.nominations(cycle: year).first { $0.id == "N-001" }?.state == .submitted)

        // The organiser carries over the questionnaires still eligible (the 40 of 2026), which
        // the walk then withdraws to keep the cycle small; then assigns round 1 and opens scoring.
        let admin = try await app.signedIn(.admin)
        let before = try await store.nominations(cycle: year).count
        try await admin.get("/admin/cycles/\(year)")
        #expect(try await admin.post("/admin/cycles/\(year)/carry-over", []).status == .seeOther)
        let carried = try await store.nominations(cycle: year).count - before
        #expect(carried == 40, "the 40 submitted 2026 questionnaires are still eligible")
        try await store.saveNominations(try await store.nominations(cycle: year).filter { $0.id.hasPrefix("2026-") }.map { n in
            var withdrawn = n
            withdrawn.state = .withdrawn
            return withdrawn
        }, cycle: year, by: "test")
        try await admin.get("/admin/cycles/\(year)")
        #expect(try await admin.post("/admin/cycles/\(year)/assign", [("round", "1"), ("confirm", "yes")]).status == .seeOther)
        try await admin.advance(to: .smart21Scoring, year: year)

        // The analyst scores every assignment.
        let analyst = try await app.signedIn(.analyst)
        try await analyst.scoreAll(cycle: cycle, round: 1, store: store)
        let progress = try await analyst.get("/analyst")
        #expect(progress.body.contains("5 of 5 done"), "\(TestBrowser.between(progress.body, "<main id=\"main\">", "</main>") ?? progress.body)")

        // The organiser compares the calibration methods side by side and picks one.
        let scores = try await admin.get("/admin/cycles/\(year)")
        #expect(scores.body.contains("Narrative, analyst z-score"))
        #expect(scores.body.contains("<caption class=\"muted\">Calibrated scores"))
        #expect(try await admin.post("/admin/cycles/\(year)/calibration", [("method", "rawMean")]).status == .seeOther)
        #expect(try await store.cycle(year).rules.calibration == .rawMean)
        #expect(try await admin.post("/admin/cycles/\(year)/calibration", [("method", "median")]).status == .unprocessableContent)

        // Smart21, second round, Top7.
        try await admin.get("/admin/cycles/\(year)")
        #expect(try await admin.post("/admin/cycles/\(year)/shortlist", [("list", "smart21"), ("confirm", "yes")]).status == .seeOther)
        try await admin.advance(to: .top7Questionnaire, year: year)
        try await admin.get("/admin/cycles/\(year)")
        #expect(try await admin.post("/admin/cycles/\(year)/assign", [("round", "2"), ("confirm", "yes")]).status == .seeOther)
        try await admin.advance(to: .top7Scoring, year: year)
        try await analyst.scoreAll(cycle: cycle, round: 2, store: store)
        let round2 = try await admin.get("/admin/cycles/\(year)")
        #expect(round2.body.contains("4 assignments · 4 reviews submitted"))
        let secondRound = try #require(try await store.assignments(cycle: year, round: 2).first).nomination
        let analystPage = try await analyst.get("/analyst/reviews/\(secondRound)")
        #expect(analystPage.body.contains("Evidence: <a href=\"https://example.org/"))
        let top7Named = try await admin.post("/admin/cycles/\(year)/shortlist", [("list", "top7"), ("confirm", "yes")])
        #expect(top7Named.status == .seeOther, "\(TestBrowser.between(top7Named.body, "<main id=\"main\">", "</main>") ?? "")")
        try await admin.advance(to: .juryVote, year: year)

        // The juror ranks the Top7.
        let top7 = try #require(try await store.shortlist("top7", cycle: year)).selected
        #expect(top7.count == 3)
        let juror = try await app.signedIn(.juror)
        #expect(try await juror.get("/juror").body.contains("Cast the ballot"))
        let ballot = try await juror.post("/juror/ballot", top7.enumerated().map { ("rank-\($0.element)", String($0.offset + 1)) })
        #expect(ballot.status == .ok)
        #expect(ballot.body.contains("Your ballot is recorded"))

        // The organiser publishes; the results page names the winner.
        try await admin.get("/admin/cycles/\(year)")
        let published = try await admin.post("/admin/cycles/\(year)/publish", [("confirm", "yes")])
        #expect(published.location == "/cycles/\(year)")
        let winner = try #require(try await store.publication(cycle: year)?.winner)
        let winnerName = try #require(try await store.nominations(cycle: year).first { $0.id == winner }?.community)
        let results = try await app.browser().get("/cycles/\(year)")
        #expect(results.body.contains(winnerName))

        // The community's feedback: means and comments, never the analyst.
        let feedback = try await community.get("/community")
        #expect(feedback.body.contains("Result and feedback"))
        #expect(feedback.body.contains("Synthetic assessment"))
        #expect(feedback.body.contains("mean analyst score per factor") && feedback.body.contains("<svg"))
        let analystAccount = try #require(try await store.account("analyst"))
        #expect(!feedback.body.contains(analystAccount.name))
        #expect(!feedback.body.contains(analystAccount.subject ?? "A-101"))

        // Every step is in the audit log under the person who took it.
        let log = try await store.auditLog(entity: nil, limit: 500)
        #expect(log.contains { $0.actor == "community" && $0.entity == "nomination:N-001" })
        #expect(log.contains { $0.actor == "analyst" && $0.entity.hasPrefix("review:") })
        #expect(log.contains { $0.actor == "juror" && $0.entity.hasPrefix("ballot:") })
        #expect(log.contains { $0.actor == "admin" && $0.entity.hasPrefix("publication:") })
    }

    @Test("an analyst sees only their own assignments; others are 404; conflicts are declared with a reason")
    func analystObjects() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await app.openFirstRound()
            // Give one nomination to another analyst.
            var assignments = try await store.assignments(cycle: Self.year, round: 1)
            try #require(assignments.count >= 3)
            try await store.saveAnalyst(Analyst(id: "A-900", name: "Other analyst (synthetic)", country: "Japan"), by: "test")
            let last = assignments.count - 1
            assignments[last].analyst = "A-900"
            try await store.replaceAssignments(assignments, cycle: Self.year, round: 1, by: "test")

            let analyst = try await app.signedIn(.analyst)
            let list = try await analyst.get("/analyst")
            #expect(!list.body.contains(assignments[last].nomination))
            #expect(try await analyst.get("/analyst/reviews/\(assignments[last].nomination)").status == .notFound)
            #expect(try await analyst.get("/analyst/reviews/N-999").status == .notFound)

            let mine = assignments[0].nomination
            try await analyst.get("/analyst/reviews/\(mine)")
            let noReason = try await analyst.post("/analyst/reviews/\(mine)/recuse", [("reason", " ")])
            #expect(noReason.status == .badRequest)
            try await analyst.get("/analyst/reviews/\(mine)")
            #expect(try await analyst.post("/analyst/reviews/\(mine)/recuse", [("reason", "I advised this city in 2025")]).status == .seeOther)
            #expect(try await store.analysts().first { $0.id == "A-101" }?.conflicts.contains(mine) == true)
            #expect(try await store.reviews(cycle: Self.year, round: 1).first { $0.nomination == mine }?.state == .recused)

            // An incomplete submission is refused with the field named, and nothing is locked.
            let other = assignments[1].nomination
            let form = try await analyst.get("/analyst/reviews/\(other)")
            #expect(form.status == .ok, "\(form.body)")
            let incomplete = try await analyst.post("/analyst/reviews/\(other)", [("score-Connect", "7"), ("comment-Connect", "Good."), ("confidence-Connect", "4"), ("action", "submit")])
            #expect(incomplete.status == .unprocessableContent)
            #expect(incomplete.body.contains("field"))
            #expect(try await store.reviews(cycle: Self.year, round: 1).first { $0.nomination == other } == nil)
            let notNumber = try await analyst.post("/analyst/reviews/\(other)", [("score-Connect", "seven"), ("action", "draft")])
            #expect(notNumber.status == .unprocessableContent)
            #expect(notNumber.body.contains("score-Connect"))
        }
    }

    @Test("a community cannot change its nomination once nominations close, nor save another's through the API")
    func communityLimits() async throws {
        try await TestPlatform.with { app in
            let admin = try await app.signedIn(.admin)
            try await admin.advance(to: .smart21Scoring, year: Self.year)
            let community = try await app.signedIn(.community)
            let page = try await community.get("/community")
            #expect(page.body.contains("Nominations are closed"))
            let late = try await community.post("/community/nomination", [("evidence", "https://example.org/late"), ("action", "draft")])
            #expect(late.status == .conflict)
            #expect(late.body.contains("nominations open"))

            try await community.get("/account")
            let created = try await community.post("/account/tokens", [("label", "api"), ("scope", "read"), ("scope", "submit")])
            let range = try #require(created.body.range(of: #"<code id="new-token">[^<]+"#, options: .regularExpression))
            let token = String(created.body[range].dropFirst(#"<code id="new-token">"#.count))
            let other = try await app.browser().send(
                "/api/v1/cycles/\(Self.year)/nominations",
                json: #"{"id":"N-002","community":"X","country":"Kenya","region":"Africa","year":2027,"answers":{},"evidence":[],"state":"draft","optOut":false}"#,
                token: token)
            #expect(other.status == .notFound, "another community's nomination reads as missing")
            let malformed = try await app.browser().send("/api/v1/cycles/\(Self.year)/nominations", json: #"{"id":"N-001"}"#, token: token)
            #expect(malformed.status == .badRequest)
            #expect(malformed.body.contains("field"))
        }
    }

    @Test("API clients with tokens: an analyst reads their assignments and submits a review; another analyst's review is refused")
    func apiClients() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await app.openFirstRound()
            let token = try await AccountProvisioning.issueToken(for: "analyst", label: "scripts", scopes: [.read, .submit], at: app.clock.now, in: store, by: "analyst")
            let client = app.browser()
            let list = try await client.get("/api/v1/me/assignments", headers: [.authorization: "Bearer \(token)"])
            #expect(list.status == .ok)
            let assignments = try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]] ?? []
            #expect(assignments.count == 4, "the four submitted nominations; the community's draft is not assigned")
            let nomination = try #require(assignments.first?["nomination"] as? String)
            let cycle = try await store.cycle(Self.year)
            let scores = cycle.factors.map { "\"\($0.code)\":{\"score\":6,\"comment\":\"Clear evidence (synthetic).\",\"confidence\":3}" }.joined(separator: ",")
            let review = #"{"nomination":"\#(nomination)","analyst":"A-101","round":1,"state":"draft","scores":{\#(scores)}}"#
            let created = try await client.send("/api/v1/cycles/\(Self.year)/reviews", json: review, token: token)
            #expect(created.status == .created, "\(created.body)")
            #expect(try await store.reviews(cycle: Self.year, round: 1).first { $0.nomination == nomination }?.state == .submitted)
            let again = try await client.send("/api/v1/cycles/\(Self.year)/reviews", json: review, token: token)
            #expect(again.status == .conflict, "a submitted review is locked")
            let someoneElse = review.replacingOccurrences(of: "A-101", with: "A-002")
            #expect(try await client.send("/api/v1/cycles/\(Self.year)/reviews", json: someoneElse, token: token).status == .forbidden)
            let communityToken = try await AccountProvisioning.issueToken(for: "community", label: "scripts", scopes: [.read, .submit], at: app.clock.now, in: store, by: "community")
            let own = try await client.get("/api/v1/me/nomination", headers: [.authorization: "Bearer \(communityToken)"])
            #expect(own.body.contains(#""id":"N-001""#))
            #expect(try await client.send("/api/v1/cycles/\(Self.year)/reviews", json: review, token: communityToken).status == .forbidden)
        }
    }

    @Test("a community writes a case study: drafts stay private, a published one is in the library, others cannot touch it")
    func caseStudies() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let community = try await app.signedIn(.community)
            try await community.get("/community/case-studies/new")
            let untitled = try await community.post("/community/case-studies", [("title", " "), ("body", "Kept as typed."), ("action", "draft")])
            #expect(untitled.status == .unprocessableContent)
            #expect(untitled.body.contains("title") && untitled.body.contains("Kept as typed."))
            try await community.get("/community/case-studies/new")
            let draft = try await community.post("/community/case-studies", [
                ("title", "Fibre to every village hall"), ("summary", "How the county wired its halls (synthetic)."),
                ("body", "First paragraph about fibre.\n\nSecond paragraph about training."), ("factor", "Connect"), ("factor", "Include"), ("action", "draft"),
            ])
            #expect(draft.status == .seeOther)
            let saved = try #require(try await store.caseStudy("fibre-to-every-village-hall"))
            #expect(saved.state == .draft && saved.factors == ["Connect", "Include"] && saved.author == "community")
            #expect(try await app.browser().get("/library/fibre-to-every-village-hall").status == .notFound, "drafts are private")
            #expect(try await community.get("/community").body.contains("Fibre to every village hall</a> (draft)"))

            try await community.get("/community/case-studies/fibre-to-every-village-hall")
            let published = try await community.post("/community/case-studies/fibre-to-every-village-hall", [
                ("title", "Fibre to every village hall"), ("summary", "How the county wired its halls (synthetic)."),
                ("body", "First paragraph about fibre.\n\nSecond paragraph about training."), ("factor", "Connect"), ("action", "publish"),
            ])
            #expect(published.status == .seeOther)
            #expect(try await app.browser().get("/library/fibre-to-every-village-hall").status == .ok)
            #expect(try await app.browser().get("/api/v1/library?q=village").body.contains("fibre-to-every-village-hall"))

            let otherCommunity = try #require(try await store.nominations(cycle: Self.year).first { $0.id == "N-002" }).communityID
            _ = try await AccountProvisioning.create(
                id: "other", name: "Other community (synthetic)", role: .community, subject: otherCommunity, password: "another long password",
                bcryptCost: 4, in: store, by: "admin")
            let other = app.browser()
            try await other.signIn(DemoPlatform.DemoAccount(username: "other", password: "another long password", role: .community, totpSecret: nil, subject: otherCommunity))
            #expect(try await other.get("/community/case-studies/fibre-to-every-village-hall").status == .notFound)
            try await other.get("/community")
            #expect(try await other.post("/community/case-studies/fibre-to-every-village-hall", [("title", "Taken over"), ("action", "draft")]).status == .notFound)
            #expect(try await store.caseStudy("fibre-to-every-village-hall")?.title == "Fibre to every village hall")
        }
    }

    @Test("every role reaches its own routes and gets 403 on every other role's")
    func roleMatrix() async throws {
        try await TestPlatform.with { app in
            for role in Role.allCases {
                let browser = try await app.signedIn(role)
                for entry in app.routes where entry.kind == .read {
                    guard case let .roles(allowed) = entry.access else { continue }
                    let uri = entry.path.replacingOccurrences(of: "{year}", with: String(Self.year))
                        .replacingOccurrences(of: "{nomination}", with: "N-001").replacingOccurrences(of: "{id}", with: "admin")
                    let page = try await browser.get(uri)
                    if allowed.contains(role) {
                        #expect(page.status != .forbidden && page.status != .unauthorized && page.status != .seeOther, "\(role) → \(uri): \(page.status)")
                    } else {
                        #expect(page.status == .forbidden, "\(role) → \(uri): \(page.status)")
                    }
                }
                for entry in app.routes where entry.kind == .form {
                    guard case let .roles(allowed) = entry.access, !allowed.contains(role) else { continue }
                    let uri = entry.path.replacingOccurrences(of: "{year}", with: String(Self.year))
                        .replacingOccurrences(of: "{nomination}", with: "N-001").replacingOccurrences(of: "{id}", with: "admin")
                    #expect(try await browser.post(uri, []).status == .forbidden, "\(role) posts \(uri)")
                }
            }
        }
    }
}

extension TestBrowser {
    /// Moves the cycle forward phase by phase up to `phase`, through the admin page.
    func advance(to phase: Phase, year: Int) async throws {
        while true {
            let page = try await get("/admin/cycles/\(year)")
            guard let range = page.body.range(of: #"name="phase" value="[a-z0-9_]+""#, options: .regularExpression) else { return }
            let next = String(page.body[range].dropFirst(#"name="phase" value=""#.count).dropLast())
            let current = Phase.allCases.first { $0.title == Self.between(page.body, #"<strong id="phase">"#, "</strong>") }
            if let current, current >= phase { return }
            #expect(try await post("/admin/cycles/\(year)/phase", [("phase", next), ("confirm", "yes")]).status == .seeOther)
            if next == phase.rawValue { return }
        }
    }

    /// Scores and submits every assignment of the analyst in `round` through the rubric form.
    func scoreAll(cycle: Cycle, round: Int, store: any PlatformStore) async throws {
        let assigned = try await store.assignments(cycle: cycle.year, round: round).filter { $0.analyst == "A-101" }
        #expect(!assigned.isEmpty)
        for (i, assignment) in assigned.enumerated() {
            try await get("/analyst/reviews/\(assignment.nomination)")
            var fields: [(String, String)] = []
            for factor in cycle.factors {
                fields += [("score-\(factor.code)", String(4 + (i * 3 + factor.code.count) % 6)), ("comment-\(factor.code)", "Synthetic assessment of \(factor.name)."), ("confidence-\(factor.code)", "4")]
            }
            fields.append(("action", "submit"))
            let result = try await post("/analyst/reviews/\(assignment.nomination)", fields)
            #expect(result.status == .seeOther, "review of \(assignment.nomination): \(result.body.prefix(300))")
        }
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
        return String(text[a.upperBound..<b.lowerBound])
    }
}
