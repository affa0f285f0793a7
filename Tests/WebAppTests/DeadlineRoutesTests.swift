import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// Deadlines through the real router, at the test clock's time (15 January 2027, 08:00 UTC):
/// the organiser sets the schedule and grants extensions on the cycle page, the workspaces show
/// what is due, late submissions are refused naming the deadline, and times are written in the
/// cycle's zone inside `<time datetime="…UTC…">` for the platform's own script to localise.
@Suite("Deadlines")
struct DeadlineRoutesTests {
    static let year = DemoPlatform.walkthroughYear

    /// The schedule form with nominations due at `due`, in Bangkok.
    static func scheduleForm(nominationsDue due: String) -> [(String, String)] {
        [("timeZone", "Asia/Bangkok"), ("starts-nominations_open", "2027-01-01"), ("due-nominations_open", due),
         ("starts-smart21_scoring", "2027-02-01"), ("due-smart21_scoring", "2027-02-28"), ("starts-jury_vote", "2027-09-01")]
    }

    @Test("the organiser sets the schedule; the timeline shows it in the cycle's zone; bad dates name the form's field")
    func schedule() async throws {
        try await TestPlatform.with { app in
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/cycles/\(Self.year)")
            #expect(try await admin.post("/admin/cycles/\(Self.year)/schedule", Self.scheduleForm(nominationsDue: "2027-01-20T23:59:00+07:00")).status == .seeOther)
            let cycle = try await app.platform.store.cycle(Self.year)
            #expect(cycle.timeZone == "Asia/Bangkok")
            #expect(cycle.schedule.map(\.phase) == [.nominationsOpen, .smart21Scoring, .juryVote])
            #expect(cycle.schedule.map(\.due) == ["2027-01-20T23:59:00+07:00", "2027-02-28", nil])

            let page = try await admin.get("/admin/cycles/\(Self.year)")
            #expect(page.body.contains(#"<time class="local" datetime="2027-01-20T16:59:00Z">20 January 2027, 23:59 (Asia/Bangkok)</time>"#))
            #expect(page.body.contains(#"<time class="local" datetime="2027-02-28T16:59:59Z">28 February 2027, 23:59 (Asia/Bangkok)</time>"#))
            #expect(page.body.contains(#"<tr aria-current="step"><td><strong>nominations open</strong> (now)"#))
            #expect(page.body.contains("Nominations are due by"))
            let visitor = try await app.browser().get("/cycles/\(Self.year)")
            #expect(visitor.body.contains(#"datetime="2027-01-20T16:59:00Z""#), "the public page shows the timeline too")
            #expect(visitor.body.contains(#"<script src="/assets/local-time.js" defer></script>"#))

            for (field, value, named) in [
                ("due-smart21_scoring", "28/02/2027", "due-smart21_scoring"), ("due-smart21_scoring", "2027-01-31", "due-smart21_scoring"),
                ("timeZone", "Bangkok", "timeZone"), ("starts-smart21_scoring", "2027-02-31", "starts-smart21_scoring"),
            ] {
                try await admin.get("/admin/cycles/\(Self.year)")
                let refused = try await admin.post("/admin/cycles/\(Self.year)/schedule", Self.scheduleForm(nominationsDue: "2027-01-20").map { $0.0 == field ? (field, value) : $0 })
                #expect(refused.status == .unprocessableContent, "\(field)=\(value)")
                #expect(refused.body.contains("field &#39;\(named)&#39;"), "\(field)=\(value): \(TestBrowser.between(refused.body, "<main id=\"main\">", "</main>") ?? "")")
            }
            #expect(try await app.platform.store.cycle(Self.year).schedule.first?.due == "2027-01-20T23:59:00+07:00", "a refused form changes nothing")
        }
    }

    @Test("a community's late submission is refused naming the deadline, until the organiser grants it an extension")
    func lateNomination() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/cycles/\(Self.year)")
            // Due at 14:00 in Bangkok on 15 January: 07:00 UTC, an hour before the test clock.
            #expect(try await admin.post("/admin/cycles/\(Self.year)/schedule", Self.scheduleForm(nominationsDue: "2027-01-15T14:00:00+07:00")).status == .seeOther)

            let community = try await app.signedIn(.community)
            let page = try await community.get("/community")
            #expect(page.body.contains(#"<p class="problem" id="due">Nominations were due by <time class="local" datetime="2027-01-15T07:00:00Z">15 January 2027, 14:00 (Asia/Bangkok)</time>; the deadline has passed.</p>"#))
            let cycle = try await store.cycle(Self.year)
            var answers: [(String, String)] = cycle.questions(round: 1).map { q in ("answer-\(q.id)", q.isQuantitative ? "55.5" : "Our programme (synthetic).") }
            answers += [("evidence", "https://example.org/evidence")]
            // The answers are saved as a draft; the submit after the review is what is late.
            #expect(try await community.post("/community/nomination", answers).status == .seeOther)
            let late = try await community.post("/community/nomination/submit", [])
            #expect(late.status == .conflict)
            #expect(late.body.contains("nominations were due by 15 January 2027, 14:00 (Asia/Bangkok)"))
            #expect(try await store.nominations(cycle: Self.year).first { $0.id == "N-001" }?.state == .draft)

            let subject = try #require(app.account(.community).subject)
            try await admin.get("/admin/cycles/\(Self.year)")
            let unknown = try await admin.post("/admin/cycles/\(Self.year)/extensions", [("person", "nobody"), ("phase", "nominations_open"), ("until", "2027-01-16"), ("reason", "x")])
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("field &#39;person&#39;"))
            try await admin.get("/admin/cycles/\(Self.year)")
            let early = try await admin.post("/admin/cycles/\(Self.year)/extensions", [("person", subject), ("phase", "nominations_open"), ("until", "2027-01-15T12:00:00+07:00"), ("reason", "x")])
            #expect(early.status == .unprocessableContent)
            #expect(early.body.contains("field &#39;until&#39;"))
            try await admin.get("/admin/cycles/\(Self.year)")
            let granted = try await admin.post("/admin/cycles/\(Self.year)/extensions", [("person", subject), ("phase", "nominations_open"), ("until", "2027-01-16"), ("reason", "The council met late")])
            #expect(granted.status == .seeOther)
            let cyclePage = try await admin.get("/admin/cycles/\(Self.year)")
            #expect(cyclePage.body.contains("<strong>\(subject)</strong>, nominations open: until <time class=\"local\" datetime=\"2027-01-16T16:59:59Z\">16 January 2027, 23:59 (Asia/Bangkok)</time> — The council met late"))
            #expect(try await store.auditLog(entity: "cycle:\(Self.year)", limit: 1).first?.after?.contains("The council met late") == true)

            #expect(try await community.get("/community").body.contains("(your extension)"))
            #expect(try await community.post("/community/nomination/submit", []).status == .seeOther)
            #expect(try await store.nominations(cycle: Self.year).first { $0.id == "N-001" }?.state == .submitted)
        }
    }

    @Test("the analyst and the juror see their deadline; a late ballot is refused")
    func workspaces() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await DisclosureRoutesTests.drive(store, to: .siteVisits)
            let programme = Programme(store: store, actor: "admin")
            try await programme.setPhase(.juryVote, cycle: Self.year)
            try await programme.setSchedule([.init(phase: .juryVote, starts: "2027-01-01", due: "2027-01-15T08:30:00Z")], timeZone: "Europe/Lisbon", cycle: Self.year)
            let juror = try await app.signedIn(.juror)
            let page = try await juror.get("/juror")
            #expect(page.body.contains(#"<p class="notice" id="due">Ballots are due by <time class="local" datetime="2027-01-15T08:30:00Z">15 January 2027, 08:30 (Europe/Lisbon)</time>.</p>"#))
            let top7 = try #require(try await store.shortlist("top7", cycle: Self.year)).selected
            app.clock.advance(3600)
            let late = try await juror.post("/juror/ballot", top7.enumerated().map { ("rank-\($0.element)", String($0.offset + 1)) })
            #expect(late.status == .conflict)
            #expect(late.body.contains("ballots were due by 15 January 2027, 08:30 (Europe/Lisbon)"))
            #expect(try await store.ballots(cycle: Self.year).isEmpty)
        }
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await app.openFirstRound()
            try await Programme(store: store, actor: "admin").setSchedule([.init(phase: .smart21Scoring, starts: "2027-01-01", due: "2027-01-31")], timeZone: "UTC", cycle: Self.year)
            let analyst = try await app.signedIn(.analyst)
            let page = try await analyst.get("/analyst")
            #expect(page.body.contains(#"Round-1 reviews are due by <time class="local" datetime="2027-01-31T23:59:59Z">31 January 2027, 23:59 (UTC)</time>."#), "\(TestBrowser.between(page.body, "<main id=\"main\">", "</main>") ?? page.body)")
        }
    }

    @Test("the local-time script is the platform's own, served as JavaScript under the content security policy")
    func script() async throws {
        try await TestPlatform.with { app in
            let script = try await app.browser().get("/assets/local-time.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.body.contains(#"querySelectorAll("time.local[datetime]")"#))
            let policy = script.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
            #expect(policy.contains("default-src 'self'") && !policy.contains("script-src"), "scripts only from the platform itself, none inline")
            #expect(!(try await app.browser().get("/library").body.contains("<script")), "a page without times loads no script")
        }
    }
}
