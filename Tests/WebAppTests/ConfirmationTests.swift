import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// The organisers' irreversible forms act only when confirmed: the first post shows what will
/// happen and what blocks it, and changes nothing; only a second post with `confirm=yes` acts,
/// and a blocker refuses even that.
@Suite("Confirmation of irreversible actions")
struct ConfirmationTests {
    static let year = DemoPlatform.walkthroughYear

    @Test("moving to Smart21 scoring shows the draft left behind, changes nothing, and moves once confirmed")
    func phaseChange() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/cycles/\(Self.year)")
            let asked = try await admin.post("/admin/cycles/\(Self.year)/phase", [("phase", "smart21_scoring")])
            #expect(asked.status == .ok)
            #expect(asked.body.contains("Move the \(Self.year) cycle to Smart21 scoring?"))
            #expect(asked.body.contains("1 of 5 nominations is still a draft and will not be scored"))
            #expect(asked.body.contains("no analysts are assigned to round 1 yet, so none can score"))
            #expect(asked.body.contains(#"<input type="hidden" name="phase" value="smart21_scoring">"#))
            #expect(asked.body.contains(#"<input type="hidden" name="confirm" value="yes">"#))
            #expect(try await store.cycle(Self.year).phase == .nominationsOpen, "nothing changes before the confirmation")
            // In the organiser's language, the phases and counts with it.
            try await admin.get("/admin/cycles/\(Self.year)", headers: [.acceptLanguage: "fr"])
            let french = try await admin.post("/admin/cycles/\(Self.year)/phase", [("phase", "smart21_scoring")], headers: [.acceptLanguage: "fr"])
            #expect(french.body.contains("1 candidature sur 5 est encore un brouillon et ne sera pas notée"))
            #expect(french.body.contains("aucun analyste n’est encore attribué au tour 1"))
            #expect(!french.body.contains("Phases only move forward"))

            for refused in ["no", "", "YES"] {
                let page = try await admin.post("/admin/cycles/\(Self.year)/phase", [("phase", "smart21_scoring"), ("confirm", refused)])
                #expect(page.status == .ok, "confirm=\(refused) only asks again")
            }
            #expect(try await store.cycle(Self.year).phase == .nominationsOpen)

            let forged = try await admin.post("/admin/cycles/\(Self.year)/phase", [("phase", "smart21_scoring"), ("confirm", "yes")], csrf: "forged")
            #expect(forged.status == .forbidden, "the confirmation carries the CSRF token like every form")
            let analyst = try await app.signedIn(.analyst)
            try await analyst.get("/analyst")
            #expect(try await analyst.post("/admin/cycles/\(Self.year)/phase", [("phase", "smart21_scoring"), ("confirm", "yes")]).status == .forbidden)
            #expect(try await store.cycle(Self.year).phase == .nominationsOpen)

            try await admin.get("/admin/cycles/\(Self.year)")
            let moved = try await admin.post("/admin/cycles/\(Self.year)/phase", [("phase", "smart21_scoring"), ("confirm", "yes")])
            #expect(moved.status == .seeOther)
            #expect(try await store.cycle(Self.year).phase == .smart21Scoring)

            // Going back is a blocker: the page offers no confirmation, and a forced one is refused.
            let back = try await admin.post("/admin/cycles/\(Self.year)/phase", [("phase", "nominations_open")])
            #expect(back.body.contains("the cycle is already in Smart21 scoring"))
            #expect(!back.body.contains(#"id="confirm""#))
            #expect(try await admin.post("/admin/cycles/\(Self.year)/phase", [("phase", "nominations_open"), ("confirm", "yes")]).status == .conflict)
        }
    }

    @Test("publishing with no ballots is refused even when confirmed; once published it cannot be published again, by page or API")
    func publish() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await DisclosureRoutesTests.drive(store, to: .siteVisits)
            try await Programme(store: store, actor: "admin").setPhase(.juryVote, cycle: Self.year)
            let admin = try await app.signedIn(.admin)
            #expect(try await admin.get("/admin/cycles/\(Self.year)").body.contains(#"id="publish""#))
            let asked = try await admin.post("/admin/cycles/\(Self.year)/publish", [])
            #expect(asked.status == .ok)
            #expect(asked.body.contains("0 of 1 jurors have voted"))
            #expect(!asked.body.contains(#"id="confirm""#), "no confirmation is offered while a blocker stands")
            let forced = try await admin.post("/admin/cycles/\(Self.year)/publish", [("confirm", "yes")])
            #expect(forced.status == .conflict)
            #expect(forced.body.contains("0 of 1 jurors have voted"))
            #expect(try await store.publication(cycle: Self.year) == nil)

            let top7 = try #require(try await store.shortlist("top7", cycle: Self.year)).selected
            try await Programme(store: store, actor: "juror").castBallot(Ballot(juror: "J-101", order: top7), cycle: Self.year)
            try await admin.get("/admin/cycles/\(Self.year)")
            let ready = try await admin.post("/admin/cycles/\(Self.year)/publish", [])
            #expect(ready.body.contains(#"id="confirm""#))
            #expect(try await store.publication(cycle: Self.year) == nil, "asking publishes nothing")
            let published = try await admin.post("/admin/cycles/\(Self.year)/publish", [("confirm", "yes")])
            #expect(published.status == .seeOther)
            let publication = try #require(try await store.publication(cycle: Self.year))
            #expect(publication.publishedAt == ISO8601DateFormatter().string(from: app.clock.now), "dated by the platform's clock")

            #expect(!(try await admin.get("/admin/cycles/\(Self.year)").body.contains(#"id="publish""#)), "no publish button once published")

            // A confirmation page left open, sent again, is refused.
            #expect(try await admin.post("/admin/cycles/\(Self.year)/publish", []).body.contains("the results were already published ("))
            let replay = try await admin.post("/admin/cycles/\(Self.year)/publish", [("confirm", "yes")])
            #expect(replay.status == .conflict)
            #expect(replay.body.contains("already published"))
            let token = try await AccountProvisioning.issueToken(for: "admin", label: "scripts", scopes: TokenScope.allCases, at: app.clock.now, in: store, by: "admin")
            let api = try await app.browser().send("/api/v1/cycles/\(Self.year)/publish", json: "", token: token)
            #expect(api.status == .conflict)
            #expect(api.body.contains("already published"))
            #expect(try await store.publication(cycle: Self.year) == publication)
        }
    }

    @Test("assignment, shortlists and the jury ask first too, and say what they replace")
    func otherActions() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/cycles/\(Self.year)")
            let assign = try await admin.post("/admin/cycles/\(Self.year)/assign", [("round", "1")])
            #expect(assign.body.contains("Assign the analysts of round 1?"))
            #expect(try await store.assignments(cycle: Self.year, round: 1).isEmpty)
            #expect(try await admin.post("/admin/cycles/\(Self.year)/assign", [("round", "1"), ("confirm", "yes")]).status == .seeOther)
            let assigned = try await store.assignments(cycle: Self.year, round: 1).count
            #expect(assigned == 4, "the four submitted nominations, one analyst each")
            #expect(try await admin.post("/admin/cycles/\(Self.year)/assign", [("round", "1")]).body.contains("the 4 assignments of round 1 will be replaced"))

            let smart21 = try await admin.post("/admin/cycles/\(Self.year)/shortlist", [("list", "smart21")])
            #expect(smart21.body.contains("naming the Smart21 is not allowed in nominations open"))
            #expect(try await admin.post("/admin/cycles/\(Self.year)/shortlist", [("list", "smart21"), ("confirm", "yes")]).status == .conflict)

            try await admin.get("/admin/cycles/\(Self.year)")
            let jury = try await admin.post("/admin/cycles/\(Self.year)/jury", [])
            #expect(jury.body.contains("with no jury, no ballot is accepted"))
            #expect(try await store.cycle(Self.year).jury.map(\.id) == ["J-101"], "the jury stays until confirmed")
            #expect(try await admin.post("/admin/cycles/\(Self.year)/jury", [("confirm", "yes")]).status == .seeOther)
            #expect(try await store.cycle(Self.year).jury.isEmpty)
        }
    }
}
