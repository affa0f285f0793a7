import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// The analyst's rubric through the real router: factor names, questions and answers with their
/// units, the score descriptors as the input's legend, the next nomination; the organiser's
/// rubric settings; and the analyst's own submitted reviews, read-only after their round.
@Suite("Analyst rubric")
struct AnalystRubricTests {
    static let year = DemoPlatform.walkthroughYear

    /// The analyst's round-1 assignments in the list's order, after the organiser opened the
    /// round; the first one's nomination answers Connect-Q1 with 62.5 (per cent).
    static func open(_ app: TestPlatform) async throws -> (admin: TestBrowser, assigned: [String]) {
        let admin = try await app.openFirstRound()
        let store = app.platform.store
        let assigned = try await store.assignments(cycle: year, round: 1).filter { $0.analyst == "A-101" }.map(\.nomination).sorted()
        try #require(assigned.count >= 3)
        var first = try #require(try await store.nominations(cycle: year).first { $0.id == assigned[0] })
        first.answers["Connect-Q1"] = .number(62.5)
        first.answers["Connect-N1"] = .text("Open-access fibre to every village hall (synthetic).")
        try await store.saveNomination(first, cycle: year, by: "test")
        return (admin, assigned)
    }

    /// Another analyst's account (`A-102`), signed in.
    static func otherAnalyst(_ app: TestPlatform) async throws -> TestBrowser {
        try await app.platform.store.saveAnalyst(Analyst(id: "A-102", name: "Second analyst (synthetic)", country: "Japan"), by: "test")
        var account = try await AccountProvisioning.create(
            id: "analyst2", name: "Second analyst (synthetic)", role: .analyst, subject: "A-102", password: "a long second password",
            bcryptCost: 4, in: app.platform.store, by: "admin")
        account.totpSecret = Secrets.totpSecret()
        account.secondFactorConfirmed = true
        try await app.platform.store.saveAccount(account, by: "analyst2")
        let browser = app.browser()
        try await browser.signIn(DemoPlatform.DemoAccount(
            username: "analyst2", password: "a long second password", role: .analyst, totpSecret: account.totpSecret, subject: "A-102"))
        return browser
    }

    /// The fields of a complete review: every factor scored 6 with a comment and confidence 4.
    static func fields(_ action: String) -> [(String, String)] {
        Factor.standard.flatMap { f in [("score-\(f.code)", "6"), ("comment-\(f.code)", "Past assessment of \(f.code) (synthetic)."), ("confidence-\(f.code)", "4")] }
            + [("action", action)]
    }

    @Test("the review page names each factor, shows its questions with the answers and units, the descriptors as the score's legend, and the next nomination")
    func reviewPage() async throws {
        try await TestPlatform.with { app in
            let (_, assigned) = try await Self.open(app)
            let analyst = try await app.signedIn(.analyst)
            let page = try await analyst.get("/analyst/reviews/\(assigned[0])")
            #expect(page.status == .ok)
            // The factor by name and what it is about, not by its bare code.
            #expect(page.body.contains("<legend>Connect — broadband and digital services</legend>"))
            #expect(!page.body.contains("<legend>Connect</legend>"))
            // The question in words, the number with its unit, the narrative answer as written.
            #expect(page.body.contains("<dt>Connect-Q1. Broadband and digital services: headline data point</dt>"))
            #expect(TestBrowser.between(page.body, #"id="answer-Connect-Q1">"#, "</dd>") == "62.50 per cent")
            #expect(TestBrowser.between(page.body, #"id="answer-Connect-N1">"#, "</dd>") == "Open-access fibre to every village hall (synthetic).")
            #expect(!page.body.contains(#"id="answer-Connect-N2""#), "the second round's questions wait for the second round")
            // The descriptors: the legend the score input is described by, anchors 2, 5 and 9.
            #expect(page.body.contains(#"id="score-Connect" name="score-Connect" min="1" max="10" step="0.5" value="" aria-describedby="legend-Connect""#))
            let legend = try #require(TestBrowser.between(page.body, #"id="legend-Connect">"#, "</div>"))
            #expect(legend.contains("<dt>2</dt><dd>Weak: few programmes for broadband and digital services, little evidence and no measured results.</dd>"))
            #expect(legend.contains("<dt>5</dt><dd>Sound: established programmes for broadband and digital services"))
            #expect(legend.contains("<dt>9</dt><dd>Exemplary: programmes for broadband and digital services"))
            // The next nomination not yet submitted.
            #expect(page.body.contains(#"<a href="/analyst/reviews/\#(assigned[1])" id="next-nomination" rel="next">Next nomination</a>"#))

            // Once the second is submitted, the first leads to the third; the last goes round to the first.
            try await analyst.get("/analyst/reviews/\(assigned[1])")
            #expect(try await analyst.post("/analyst/reviews/\(assigned[1])", Self.fields("submit")).status == .seeOther)
            let again = try await analyst.get("/analyst/reviews/\(assigned[0])")
            #expect(again.body.contains(#"href="/analyst/reviews/\#(assigned[2])" id="next-nomination""#))
            let last = try await analyst.get("/analyst/reviews/\(assigned[assigned.count - 1])")
            #expect(last.body.contains(#"href="/analyst/reviews/\#(assigned[0])" id="next-nomination""#))
        }
    }

    @Test("the review page in French and in Vietnamese: words, factor names, units and descriptors in the language")
    func reviewPageLanguages() async throws {
        try await TestPlatform.with { app in
            let (_, assigned) = try await Self.open(app)
            let analyst = try await app.signedIn(.analyst)
            let fr = try await analyst.get("/analyst/reviews/\(assigned[0])", headers: [.acceptLanguage: "fr"])
            #expect(fr.body.contains("<legend>Connecter — haut débit et services numériques</legend>"))
            #expect(TestBrowser.between(fr.body, #"id="answer-Connect-Q1">"#, "</dd>") == "62,50 pour cent")
            #expect(fr.body.contains("Ce que signifient les notes :"))
            #expect(fr.body.contains("<dt>5</dt><dd>Solide : des programmes établis pour le haut débit et les services numériques"))
            #expect(fr.body.contains("Soumettre et verrouiller") && fr.body.contains("Candidature suivante") && fr.body.contains("Note (1–10)"))
            #expect(!fr.body.contains("Submit and lock"))
            let vi = try await analyst.get("/analyst/reviews/\(assigned[0])", headers: [.acceptLanguage: "vi"])
            #expect(vi.body.contains("<legend>Kết nối — băng thông rộng và dịch vụ số</legend>"))
            #expect(TestBrowser.between(vi.body, #"id="answer-Connect-Q1">"#, "</dd>") == "62,50 phần trăm")
            #expect(vi.body.contains("<dt>2</dt><dd>Yếu: ít chương trình về băng thông rộng và dịch vụ số"))
            #expect(vi.body.contains("Nộp và khóa") && vi.body.contains("Hồ sơ tiếp theo"))
            let list = try await analyst.get("/analyst", headers: [.acceptLanguage: "vi"])
            #expect(list.body.contains("Các bài đánh giá của bạn") && list.body.contains("Tiến độ: đã xong 0 trên \(assigned.count)"))
            #expect(list.body.contains("chưa bắt đầu"))
            let listFr = try await analyst.get("/analyst", headers: [.acceptLanguage: "fr"])
            #expect(listFr.body.contains("Cycle \(Self.year), tour 1 (") && listFr.body.contains("Vos évaluations passées"))
        }
    }

    @Test("the organiser changes the descriptors with the cycle's settings; bad ones are refused naming the row's field")
    func organiserEditsRubric() async throws {
        try await TestPlatform.with { app in
            let (admin, assigned) = try await Self.open(app)
            let store = app.platform.store
            let form = try await admin.get("/admin/cycles/\(Self.year)/rubric")
            #expect(form.status == .ok)
            #expect(try await admin.get("/admin/cycles/\(Self.year)").body.contains(#"href="/admin/cycles/\#(Self.year)/rubric""#))
            // Row 1 is Connect's anchor 5; rows 0–17 are the defaults, 18–23 the blank rows.
            #expect(form.body.contains(#"name="d1-score" value="5""#))
            var fields: [(String, String)] = []
            for (i, d) in try await store.cycle(Self.year).descriptors.enumerated() {
                fields += [("d\(i)-factor", d.factor), ("d\(i)-score", Show.count(d.score)), ("d\(i)-text", d.text),
                           ("d\(i)-fr", d.translations?["fr"] ?? ""), ("d\(i)-vi", d.translations?["vi"] ?? "")]
            }
            fields[1 * 5 + 2].1 = "Established programmes with some measured results."
            fields[1 * 5 + 3].1 = ""
            fields += [("d18-factor", "Connect"), ("d18-score", "7,5"), ("d18-text", "Most of the community reached."), ("d18-fr", ""), ("d18-vi", "")]
            #expect(try await admin.post("/admin/cycles/\(Self.year)/rubric", fields).status == .seeOther)
            let connect = try await store.cycle(Self.year).descriptors(of: "Connect")
            #expect(connect.map(\.score) == [2, 5, 7.5, 9])
            #expect(connect[1].text == "Established programmes with some measured results.")
            #expect(connect[1].translations?["fr"] == nil && connect[1].translations?["vi"] != nil, "an empty translation shows the English")
            let log = try #require(try await store.auditLog(entity: "cycle:\(Self.year)", limit: 1).first)
            #expect(log.actor == "admin" && log.after?.contains("Most of the community reached.") == true)

            let analyst = try await app.signedIn(.analyst)
            let page = try await analyst.get("/analyst/reviews/\(assigned[0])")
            #expect(page.body.contains("<dt>7.50</dt><dd>Most of the community reached.</dd>"))
            #expect(try await analyst.get("/analyst/reviews/\(assigned[0])", headers: [.acceptLanguage: "fr"]).body.contains("<dt>5</dt><dd>Established programmes with some measured results.</dd>"))

            // Refused, naming the row's field; nothing changes.
            let refusals: [(field: String, value: String, status: HTTPResponse.Status)] = [
                ("d1-score", "11", .unprocessableContent), ("d1-score", "NaN", .unprocessableContent), ("d1-score", "1e300", .unprocessableContent),
                ("d1-score", "five", .unprocessableContent), ("d1-text", " ", .unprocessableContent), ("d1-score", "2", .conflict),
            ]
            for refusal in refusals {
                try await admin.get("/admin/cycles/\(Self.year)/rubric")
                var bad = fields
                bad[try #require(bad.firstIndex { $0.0 == refusal.field })].1 = refusal.value
                let refused = try await admin.post("/admin/cycles/\(Self.year)/rubric", bad)
                #expect(refused.status == refusal.status, "\(refusal.field)=\(refusal.value)")
                let alert = TestBrowser.between(refused.body, "role=\"alert\">", "</p>") ?? "no alert"
                #expect(alert.hasPrefix("field &#39;\(refusal.field)&#39;"), "\(refusal.field)=\(refusal.value): \(alert)")
                #expect(refused.body.contains(#"value="\#(refusal.value)""#) || refusal.field != "d1-score", "the form comes back as typed")
            }
            #expect(try await store.cycle(Self.year).descriptors(of: "Connect").map(\.score) == [2, 5, 7.5, 9])

            // Only the organiser.
            for role in [Role.analyst, .juror, .community] {
                let other = try await app.signedIn(role)
                #expect(try await other.get("/admin/cycles/\(Self.year)/rubric").status == .forbidden)
                #expect(try await other.post("/admin/cycles/\(Self.year)/rubric", fields).status == .forbidden)
            }
        }
    }

    @Test("after the round an analyst reads their own submitted reviews, read-only; never another's, never a draft; others may not")
    func pastReviews() async throws {
        try await TestPlatform.with { app in
            let (admin, assigned) = try await Self.open(app)
            let analyst = try await app.signedIn(.analyst)
            for id in assigned.dropLast() {
                try await analyst.get("/analyst/reviews/\(id)")
                #expect(try await analyst.post("/analyst/reviews/\(id)", Self.fields("submit")).status == .seeOther)
            }
            let draft = assigned[assigned.count - 1]
            try await analyst.get("/analyst/reviews/\(draft)")
            #expect(try await analyst.post("/analyst/reviews/\(draft)", Self.fields("draft")).status == .seeOther)
            #expect(try await analyst.get("/analyst").body.contains("No review of yours from a closed round yet."), "the open round is not past")

            try await admin.advance(to: .smart21Announced, year: Self.year)
            let list = try await analyst.get("/analyst")
            #expect(list.body.contains("No round is being scored at the moment.") && list.body.contains("Your past reviews"))
            let path = "/analyst/past/\(Self.year)/1/\(assigned[0])"
            #expect(list.body.contains(#"<a href="\#(path)">\#(assigned[0])</a>"#))
            #expect(!list.body.contains("/analyst/past/\(Self.year)/1/\(draft)"), "a draft is not a submitted review")

            let page = try await analyst.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains(#"id="read-only""#))
            #expect(page.body.contains(">Past assessment of Connect (synthetic).</textarea>"))
            #expect(page.body.contains(#"value="6" aria-describedby="legend-Connect" disabled>"#))
            #expect(!page.body.contains(#"<form method="post" action="/analyst/reviews/"#) && !page.body.contains("Save draft"))
            #expect(!page.body.contains("next-nomination") && !page.body.contains("/recuse"))

            // Nothing can be changed after the round: neither the submitted review nor the draft.
            // (Each post carries the CSRF token of the workspace page just read.)
            try await analyst.get("/analyst")
            #expect(try await analyst.post("/analyst/reviews/\(assigned[0])", Self.fields("submit")).status == .notFound)
            try await analyst.get("/analyst")
            #expect(try await analyst.post("/analyst/reviews/\(draft)", Self.fields("submit")).status == .notFound)
            #expect(try await analyst.get("/analyst/reviews/\(draft)").status == .notFound)
            #expect(try await analyst.get("/analyst/past/\(Self.year)/1/\(draft)").status == .notFound, "a draft is not readable as a past review")
            #expect(try await app.platform.store.reviews(cycle: Self.year, round: 1).first { $0.nomination == draft }?.state == .draft)
            #expect(try await analyst.get("/analyst/past/\(Self.year)/2/\(assigned[0])").status == .notFound, "no such round")
            #expect(try await analyst.get("/analyst/past/1999/1/\(assigned[0])").status == .notFound, "no such cycle")
            #expect(try await analyst.get("/analyst/past/abc/1/\(assigned[0])").status == .notFound)

            // Another analyst gets 404, as if it did not exist; other roles 403; nobody signed in goes to sign in.
            let other = try await Self.otherAnalyst(app)
            let stranger = try await other.get(path)
            #expect(stranger.status == .notFound)
            #expect(!stranger.body.contains("Past assessment of"))
            #expect(!(try await other.get("/analyst").body.contains(path)))
            for role in [Role.juror, .community, .admin] {
                #expect(try await app.signedIn(role).get(path).status == .forbidden, "\(role)")
            }
            let anonymous = try await app.browser().get(path)
            #expect(anonymous.status == .seeOther && anonymous.location?.hasPrefix("/login") == true)
        }
    }
}
