import Awards
import Foundation
import Testing
@testable import WebApp

/// A community account acts for one community, by its stable id: it cannot rename its
/// nomination into another community, and so cannot reach that community's case studies.
@Suite("Community accounts are bound to their community")
struct CommunityBindingTests {
    static let year = DemoPlatform.walkthroughYear

    /// A token of the demo community account, made on its account page.
    static func token(_ browser: TestBrowser) async throws -> String {
        try await browser.get("/account")
        let created = try await browser.post("/account/tokens", [("label", "api"), ("scope", "read"), ("scope", "submit")])
        let range = try #require(created.body.range(of: #"<code id="new-token">[^<]+"#, options: .regularExpression))
        return String(created.body[range].dropFirst(#"<code id="new-token">"#.count))
    }

    static func json(_ nomination: Nomination) throws -> String {
        String(decoding: try JSONEncoder().encode(nomination), as: UTF8.self)
    }

    @Test("renaming its own nomination into another community is refused, and that community's case studies stay out of reach")
    func noTakeover() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let browser = try await app.signedIn(.community)
            let token = try await Self.token(browser)
            let bound = try #require(try await store.account(app.account(.community).username)?.subject)
            let own = try #require(try await store.nominations(cycle: Self.year).first { $0.communityID == bound })
            let victim = try #require(try await store.caseStudies().first { $0.community != bound })

            var renamed = own
            renamed.community = victim.communityName
            renamed.country = victim.country
            let refused = try await app.browser().send("/api/v1/cycles/\(Self.year)/nominations", json: try Self.json(renamed), token: token)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("community"), "\(refused.body)")
            #expect(try await store.nominations(cycle: Self.year).first { $0.id == own.id } == own, "nothing was saved")

            var claimed = own
            claimed.communityID = victim.community
            let kept = try await app.browser().send("/api/v1/cycles/\(Self.year)/nominations", json: try Self.json(claimed), token: token)
            #expect(kept.status == .created)
            #expect(try await store.nominations(cycle: Self.year).first { $0.id == own.id }?.communityID == bound, "the community id sent is ignored")

            #expect(try await browser.get("/community/case-studies/\(victim.id)").status == .notFound)
            try await browser.get("/community")
            let overwrite = try await browser.post("/community/case-studies/\(victim.id)", [("title", "Taken over"), ("summary", "x"), ("body", "x"), ("action", "publish")])
            #expect(overwrite.status == .notFound)
            #expect(try await store.caseStudy(victim.id) == victim)
        }
    }

    @Test("another community's nomination reads as missing; a second nomination in the cycle is refused")
    func otherNominations() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let token = try await Self.token(try await app.signedIn(.community))
            let bound = try #require(try await store.account(app.account(.community).username)?.subject)
            let own = try #require(try await store.nominations(cycle: Self.year).first { $0.communityID == bound })
            let other = try #require(try await store.nominations(cycle: Self.year).first { $0.communityID != bound })
            var edited = other
            edited.evidence = ["https://example.org/mine-now"]
            let foreign = try await app.browser().send("/api/v1/cycles/\(Self.year)/nominations", json: try Self.json(edited), token: token)
            #expect(foreign.status == .notFound)
            #expect(try await store.nominations(cycle: Self.year).first { $0.id == other.id } == other)
            var second = own
            second.id = "N-999"
            let duplicate = try await app.browser().send("/api/v1/cycles/\(Self.year)/nominations", json: try Self.json(second), token: token)
            #expect(duplicate.status == .conflict)
            #expect(try await store.nominations(cycle: Self.year).contains { $0.id == "N-999" } == false)
        }
    }

    @Test("when the organisers correct the community's name, the account keeps its nomination and its case studies")
    func organiserRename() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let browser = try await app.signedIn(.community)
            try await browser.get("/community/case-studies/new")
            let created = try await browser.post(
                "/community/case-studies", [("title", "Fibre to every school"), ("summary", "All schools on fibre."), ("body", "We laid fibre."), ("action", "draft")])
            #expect(created.status == .seeOther)
            let bound = try #require(try await store.account(app.account(.community).username)?.subject)
            var nomination = try #require(try await store.nominations(cycle: Self.year).first { $0.communityID == bound })
            nomination.community = "Corrected Name"
            try await Programme(store: store, actor: "admin").saveNominations([nomination], cycle: Self.year)
            let page = try await browser.get("/community")
            #expect(page.status == .ok)
            #expect(page.body.contains("Corrected Name"))
            #expect(page.body.contains("Fibre to every school"))
        }
    }
}
