import Awards
import Foundation
import HTTPTypes
import IndexEngine
import Testing
@testable import WebApp

/// The organisers' cockpit lists on the walkthrough cycle (five nominations, the first a draft;
/// one analyst; a jury of one): filtered by query parameter, downloaded as CSV with the same
/// rows, and refused to everyone but the organisers.
@Suite("Organiser cockpit")
struct CockpitTests {
    static let year = DemoPlatform.walkthroughYear

    @Test("nominations by status, as a page and as CSV; an unknown status is a 400 naming the parameter")
    func nominations() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await app.signedIn(.admin)
            let all = try await admin.get("/admin/cycles/\(Self.year)/nominations")
            #expect(all.status == .ok)
            #expect(all.body.contains("5 nominations: 1 draft, 4 submitted, 0 withdrawn."))
            let first = try #require(try await store.nominations(cycle: Self.year).first { $0.id == "N-001" })
            let drafts = try await admin.get("/admin/cycles/\(Self.year)/nominations?status=draft")
            #expect(drafts.body.contains("<td>N-001</td>"))
            #expect(!drafts.body.contains("<td>N-002</td>"))
            #expect(drafts.body.contains(#"<option value="draft" selected>"#))
            #expect(drafts.body.contains(#"href="/admin/cycles/2027/nominations.csv?status=draft""#))
            let csv = try await admin.get("/admin/cycles/\(Self.year)/nominations.csv?status=draft")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body == """
                Nomination,Community,Community id,Country,Region,Questionnaire year,Status
                N-001,\([first.community, first.communityID, first.country, first.region].map(NumberFormat.field).joined(separator: ",")),\(first.year),draft

                """)
            let submitted = try await admin.get("/admin/cycles/\(Self.year)/nominations.csv?status=submitted")
            #expect(submitted.body.split(separator: "\n").count == 5, "the header and the four submitted")
            let unknown = try await admin.get("/admin/cycles/\(Self.year)/nominations?status=pending")
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.contains("query parameter &#39;status&#39;"))

            // A name a spreadsheet would run as a formula is written as text.
            var hostile = first
            hostile.community = "=1+2"
            try await store.saveNominations([hostile], cycle: Self.year, by: "test")
            #expect(try await admin.get("/admin/cycles/\(Self.year)/nominations.csv?status=draft").body.contains("\nN-001,'=1+2,"))
        }
    }

    @Test("reviews per analyst show what is missing; ballots per juror show who has not voted")
    func reviewsAndBallots() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await app.openFirstRound()
            let assigned = try await store.assignments(cycle: Self.year, round: 1).map(\.nomination).sorted()
            #expect(assigned == ["N-002", "N-003", "N-004", "N-005"])
            let name = try #require(try await store.analysts().first { $0.id == "A-101" }).name
            let missing = try await admin.get("/admin/cycles/\(Self.year)/reviews.csv?status=missing&round=1")
            #expect(missing.body == """
                Analyst,Name,Round,Assigned,Submitted,Recused,Missing,Missing nominations
                A-101,\(NumberFormat.field(name)),1,4,0,0,4,N-002; N-003; N-004; N-005

                """)
            #expect(try await admin.get("/admin/cycles/\(Self.year)/reviews?status=complete").body.contains("Nothing to list."))
            #expect(try await admin.get("/admin/cycles/\(Self.year)/reviews?round=3").status == .badRequest)

            let analyst = try await app.signedIn(.analyst)
            try await analyst.scoreAll(cycle: try await store.cycle(Self.year), round: 1, store: store)
            let done = try await admin.get("/admin/cycles/\(Self.year)/reviews.csv")
            #expect(done.body.contains("\nA-101,\(NumberFormat.field(name)),1,4,4,0,0,\n"))
            #expect(try await admin.get("/admin/cycles/\(Self.year)/reviews").body.contains("4 assignments, 0 reviews missing."))

            let juror = try #require(try await store.cycle(Self.year).jury.first)
            let ballots = try await admin.get("/admin/cycles/\(Self.year)/ballots.csv?voted=no")
            #expect(ballots.body == "Juror,Name,Group,Voted\nJ-101,\(NumberFormat.field(juror.name)),\(juror.group ?? ""),no\n")
            #expect(try await admin.get("/admin/cycles/\(Self.year)/ballots?voted=yes").body.contains("0 of 1 jurors have voted."))
        }
    }

    @Test("only organisers reach the cockpit lists and their CSV")
    func access() async throws {
        try await TestPlatform.with { app in
            let lists = ["nominations", "reviews", "ballots"].flatMap { ["/admin/cycles/\(Self.year)/\($0)", "/admin/cycles/\(Self.year)/\($0).csv"] }
            for role in [Role.analyst, .juror, .community] {
                let browser = try await app.signedIn(role)
                for path in lists { #expect(try await browser.get(path).status == .forbidden, "\(role) \(path)") }
            }
            for path in lists {
                let anonymous = try await app.browser().get(path)
                #expect(anonymous.status == .seeOther && anonymous.location?.hasPrefix("/login") == true, "\(path)")
            }
        }
    }
}
