import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// The cycle's jury through the real router: the organiser names it with the jurors' groups, a
/// juror account not on it cannot vote by the page or the API, a ballot cannot pick its group,
/// and only the jury's ballots are counted.
@Suite("Jury")
struct JuryRoutesTests {
    static let year = DemoPlatform.walkthroughYear

    /// A juror account that is not on the walkthrough cycle's jury, signed in.
    static func outsider(_ app: TestPlatform) async throws -> TestBrowser {
        var account = try await AccountProvisioning.create(
            id: "outsider", name: "Juror Outside (synthetic)", role: .juror, subject: "J-900", password: "a long outsider password",
            bcryptCost: 4, in: app.platform.store, by: "admin")
        // Enrolled already, as after their first sign-in.
        account.totpSecret = Secrets.totpSecret()
        account.secondFactorConfirmed = true
        try await app.platform.store.saveAccount(account, by: "outsider")
        let browser = app.browser()
        try await browser.signIn(DemoPlatform.DemoAccount(
            username: "outsider", password: "a long outsider password", role: .juror, totpSecret: account.totpSecret, subject: "J-900"))
        return browser
    }

    @Test("the organiser names the jury and its groups on the cycle page; only juror accounts can be named")
    func organiserNamesJury() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await Self.outsider(app)
            let admin = try await app.signedIn(.admin)
            let page = try await admin.get("/admin/cycles/\(Self.year)")
            #expect(page.body.contains(#"name="juror" value="J-101" checked"#), "the demo juror is on the demo jury")
            #expect(page.body.contains(#"name="juror" value="J-900""#), "every juror account is listed")
            let saved = try await admin.post("/admin/cycles/\(Self.year)/jury", [
                ("juror", "J-101"), ("group-J-101", "academia"), ("juror", "J-900"), ("group-J-900", " industry "), ("confirm", "yes"),
            ])
            #expect(saved.status == .seeOther)
            let body = try JSONSerialization.jsonObject(with: Data(try #require(try await store.auditLog(entity: "cycle:\(Self.year)", limit: 1).first?.after).utf8))
            let jury = try #require((body as? [String: Any])?["jury"] as? [[String: Any]])
            #expect(jury.map { $0["id"] as? String } == ["J-101", "J-900"])
            #expect(jury.map { $0["group"] as? String } == ["academia", "industry"])
            #expect(jury.map { $0["name"] as? String } == [try await store.account("juror")?.name, "Juror Outside (synthetic)"])
            try await admin.get("/admin/cycles/\(Self.year)")
            let stranger = try await admin.post("/admin/cycles/\(Self.year)/jury", [("juror", "A-101"), ("confirm", "yes")])
            #expect(stranger.status == .unprocessableContent, "an analyst id is not a juror")
            #expect(stranger.body.contains("juror"))
            try await admin.get("/admin/cycles/\(Self.year)")
            #expect(try await admin.post("/admin/cycles/\(Self.year)/jury", [("confirm", "yes")]).status == .seeOther, "an empty jury is allowed")
            #expect(try await admin.get("/admin/cycles/\(Self.year)").body.contains("On the jury: 0."))

            // The next cycle names its own jury.
            try await admin.post("/admin/cycles/\(Self.year)/jury", [("juror", "J-101"), ("confirm", "yes")])
            try await admin.get("/admin")
            #expect(try await admin.post("/admin/cycles", [("year", "2028")]).status == .seeOther)
            #expect(try await admin.get("/admin/cycles/2028").body.contains("On the jury: 0."))
        }
    }

    @Test("a juror account not on the jury is refused on the juror page and the API, and nothing is stored")
    func outsiderRefused() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await DisclosureRoutesTests.drive(store, to: .juryVote)
            let top7 = try #require(try await store.shortlist("top7", cycle: Self.year)).selected
            let before = try await store.ballots(cycle: Self.year).count

            let outsider = try await Self.outsider(app)
            let page = try await outsider.get("/juror")
            #expect(page.body.contains("You are not on the \(Self.year) jury"))
            #expect(!page.body.contains("Cast the ballot"))
            let posted = try await outsider.post("/juror/ballot", top7.enumerated().map { ("rank-\($0.element)", String($0.offset + 1)) })
            #expect(posted.status == .forbidden)
            #expect(posted.body.contains("not on the \(Self.year) jury"))

            let token = try await AccountProvisioning.issueToken(for: "outsider", label: "scripts", scopes: [.submit], at: app.clock.now, in: store, by: "outsider")
            let entries = top7.enumerated().map { #"{"candidate":"\#($0.element)","rank":\#($0.offset + 1)}"# }.joined(separator: ",")
            let api = try await app.browser().send("/api/v1/cycles/\(Self.year)/ballots", json: #"{"juror":"J-900","entries":[\#(entries)]}"#, token: token)
            #expect(api.status == .forbidden)
            #expect(api.body.contains("not on the \(Self.year) jury"))
            #expect(try await store.ballots(cycle: Self.year).count == before)
            await #expect(try !store.ballots(cycle: Self.year).contains { $0.juror == "J-900" })
        }
    }

    @Test("a ballot's group is the jury's: a ballot naming another is refused, one naming none gets the jury's")
    func groupFromJury() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await DisclosureRoutesTests.drive(store, to: .juryVote)
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/cycles/\(Self.year)")
            #expect(try await admin.post("/admin/cycles/\(Self.year)/jury", [("juror", "J-101"), ("group-J-101", "academia"), ("confirm", "yes")]).status == .seeOther)

            let top7 = try #require(try await store.shortlist("top7", cycle: Self.year)).selected
            let token = try await AccountProvisioning.issueToken(for: "juror", label: "scripts", scopes: [.submit], at: app.clock.now, in: store, by: "juror")
            let entries = top7.enumerated().map { #"{"candidate":"\#($0.element)","rank":\#($0.offset + 1)}"# }.joined(separator: ",")
            let chosen = try await app.browser().send(
                "/api/v1/cycles/\(Self.year)/ballots", json: #"{"juror":"J-101","group":"government","entries":[\#(entries)]}"#, token: token)
            #expect(chosen.status == .unprocessableContent)
            #expect(chosen.body.contains("group"))
            #expect(try await store.ballots(cycle: Self.year).first { $0.juror == "J-101" }?.group != "government")

            let plain = try await app.browser().send("/api/v1/cycles/\(Self.year)/ballots", json: #"{"juror":"J-101","entries":[\#(entries)]}"#, token: token)
            #expect(plain.status == .created)
            #expect(try await store.ballots(cycle: Self.year).first { $0.juror == "J-101" }?.group == "academia")

            let juror = try await app.signedIn(.juror)
            let page = try await juror.get("/juror")
            #expect(page.body.contains("You vote in the academia group"))
        }
    }

    @Test("only the jury's ballots are counted, even when another ballot is in the store")
    func tallyCountsJuryOnly() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await DisclosureRoutesTests.drive(store, to: .juryVote)
            let top7 = try #require(try await store.shortlist("top7", cycle: Self.year)).selected
            // Two ballots from outside the jury, slipped past the programme into the store.
            for juror in ["J-900", "J-901"] { try await store.saveBallot(Ballot(juror: juror, order: top7), cycle: Self.year, by: "test") }
            let admin = try await app.signedIn(.admin)
            let cycle = try await admin.get("/admin/cycles/\(Self.year)")
            #expect(cycle.body.contains("1 ballots from the jury (2 from outside it, not counted)"))
            #expect(try await admin.post("/admin/cycles/\(Self.year)/publish", [("confirm", "yes")]).status == .seeOther)
            let publication = try #require(try await store.publication(cycle: Self.year))
            // The jury's one ballot ranks the Top7 in reverse; the outsiders' two would outvote it.
            #expect(publication.pairwise[top7[2]]?[top7[0]] == 1)
            #expect(publication.pairwise[top7[0]]?[top7[2]] == 0)
            #expect(publication.rules.contains { $0.contains("count of 1 ballots") })
        }
    }
}
