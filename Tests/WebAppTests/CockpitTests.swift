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

    /// The nominations of a list page's rows, top to bottom.
    static func rowNominations(_ body: String) throws -> [String] {
        let row = try Regex(#"<tr(?: class="cut")?><td>\d*</td><td>(N-\d+)</td>"#)
        return body.matches(of: row).compactMap { $0.output[1].substring.map(String.init) }
    }

    @Test("a round's scores sort by any column, search without regard to case or accents, and show the Smart21 cut-off where the rule cuts")
    func scores() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await app.openFirstRound()
            let path = "/admin/cycles/\(Self.year)/scores"
            #expect(try await admin.get(path).body.contains("No review of this round has been submitted yet."))
            let analyst = try await app.signedIn(.analyst)
            try await analyst.scoreAll(cycle: try await store.cycle(Self.year), round: 1, store: store)
            var cycle = try await store.cycle(Self.year)
            cycle.rules.smart21Size = 2
            try await store.updateCycle(cycle, by: "test")
            let sheet = try await Programme(store: store, actor: "test").score(round: 1, cycle: Self.year)
            try #require(sheet.rows.count == 4 && Set(sheet.rows.map(\.overall)).count == 4, "four distinct scores")
            let best = sheet.rows.sorted { $0.overall > $1.overall }

            // In rank order, the line lies under the second: the Smart21 the rule would name now.
            let page = try await admin.get(path)
            #expect(page.status == .ok)
            #expect(try Self.rowNominations(page.body) == best.map(\.nomination))
            #expect(page.body.contains(#"<tr class="cut"><td>2</td><td>\#(best[1].nomination)</td>"#))
            #expect(page.body.components(separatedBy: #"class="cut""#).count == 2, "one line")
            #expect(page.body.contains("The thick line marks the Smart21 cut-off: 2 selected, the last of them at \(Show.score(best[1].overall))."))
            #expect(page.body.contains("The Smart21 has not been named yet"))
            #expect(page.body.contains(#"<th scope="col" aria-sort="ascending"><a href="\#(path)?round=1&amp;sort=rank&amp;order=desc">Rank"#))

            // Any column sorts, both ways; the line shows only on the whole list in rank order.
            let byScore = try await admin.get(path + "?sort=score&order=asc")
            #expect(try Self.rowNominations(byScore.body) == best.reversed().map(\.nomination))
            #expect(!byScore.body.contains(#"class="cut""#) && byScore.body.contains("Sort by rank, without a search, to see the cut-off line."))
            let byName = try await admin.get(path + "?sort=community&order=desc")
            #expect(try Self.rowNominations(byName.body) == sheet.rows.sorted { $0.community.localizedStandardCompare($1.community) == .orderedDescending }.map(\.nomination))

            // A search matches the community whatever its case.
            let target = best[3]
            let found = try await admin.get(path + "?q=" + (target.community.uppercased().addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            #expect(try Self.rowNominations(found.body) == [target.nomination])
            #expect(found.body.contains(#"href="\#(path).csv?round=1&amp;q="#))
            #expect(try Self.rowNominations(try await admin.get(path + "?q=zzzz-nowhere").body).isEmpty)

            // The CSV holds the page's rows in the page's order, with whether each is selected.
            let csv = try await admin.get(path + ".csv?sort=score&order=asc")
            let lines = csv.body.split(separator: "\n")
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("Rank,Nomination,Community,Country,Region,Score,Smart21,Reviews,") && lines[0].hasSuffix(",Disagreement"))
            #expect(lines[1].hasPrefix("4,\(best[3].nomination),") && lines[1].contains(",\(Show.score(best[3].overall)),,"))
            #expect(lines[4].hasPrefix("1,\(best[0].nomination),") && lines[4].contains(",\(Show.score(best[0].overall)),selected,"))

            // One place per country: the second, sharing the first's country, is passed over, and
            // the page says why in the reader's language.
            var second = try #require(try await store.nominations(cycle: Self.year).first { $0.id == best[1].nomination })
            second.country = best[0].country
            try await store.saveNomination(second, cycle: Self.year, by: "test")
            cycle.rules.maxPerCountry = 1
            try await store.updateCycle(cycle, by: "test")
            let capped = try await admin.get(path)
            #expect(capped.body.contains("passed over: \(best[0].country) already has its 1 place"), "\(capped.body)")
            let cappedCSV = try await admin.get(path + ".csv")
            #expect(cappedCSV.body.contains("passed over: \(best[0].country) already has its 1 place"))
            let cappedFrench = try await admin.get(path, headers: [.acceptLanguage: "fr"])
            #expect(cappedFrench.body.contains("écartée : \(best[0].country) a déjà sa place"))
            #expect(!cappedFrench.body.contains("already has"))
            cycle.rules.maxPerCountry = nil

            // Named, the list shown is the one named.
            cycle.rules.smart21Size = 3
            try await store.updateCycle(cycle, by: "test")
            try await admin.get("/admin/cycles/\(Self.year)")
            #expect(try await admin.post("/admin/cycles/\(Self.year)/shortlist", [("list", "smart21"), ("confirm", "yes")]).status == .seeOther)
            let named = try await admin.get(path)
            #expect(named.body.contains("The Smart21 named on these scores") && named.body.contains(#"<tr class="cut"><td>3</td>"#))
            #expect(try await admin.get("/admin/cycles/\(Self.year)").body.contains(#"href="/admin/cycles/\#(Self.year)/scores?round=1""#))

            // Parameters it does not offer are refused, naming them.
            for (query, parameter) in [("sort=bogus", "sort"), ("order=sideways", "order"), ("round=3", "round"), ("q=" + String(repeating: "a", count: 101), "q")] {
                let refused = try await admin.get(path + "?" + query)
                #expect(refused.status == .badRequest, "\(query)")
                #expect(refused.body.contains("query parameter &#39;\(parameter)&#39;"), "\(query)")
            }
            #expect(try await admin.get(path + "?round=2").body.contains("No review of this round has been submitted yet."))
            #expect(try await admin.get("/admin/cycles/1999/scores").status == .notFound, "a year with no cycle")

            // In French, with the decimal comma.
            let french = try await admin.get(path, headers: [.acceptLanguage: "fr"])
            #expect(french.body.contains("Notes \(Self.year), tour 1") && french.body.contains(">Rang"))
            #expect(french.body.contains("Télécharger cette liste en CSV") && french.body.contains("retenue"))
        }
    }

    @Test("only organisers reach the cockpit lists and their CSV")
    func access() async throws {
        try await TestPlatform.with { app in
            let lists = ["nominations", "reviews", "ballots", "scores"].flatMap { ["/admin/cycles/\(Self.year)/\($0)", "/admin/cycles/\(Self.year)/\($0).csv"] }
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
