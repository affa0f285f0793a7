import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// The juror's ballot page through the real router: each finalist's dossier beside the ballot,
/// with only what the jury may see before the results; the organisers' site-visit notes; and a
/// ballot whose controls are named by their labels and whose errors are announced.
@Suite("Juror dossier")
struct JurorDossierTests {
    static let year = DemoPlatform.walkthroughYear

    /// The walkthrough cycle taken to its site visits through the workspaces: both rounds
    /// scored by the demo analyst, the Smart21 and the Top7 named. Returns the organiser.
    static func toSiteVisits(_ app: TestPlatform) async throws -> TestBrowser {
        let store = app.platform.store
        let cycle = try await store.cycle(year)
        let admin = try await app.openFirstRound()
        let analyst = try await app.signedIn(.analyst)
        try await analyst.scoreAll(cycle: cycle, round: 1, store: store)
        try await admin.get("/admin/cycles/\(year)")
        #expect(try await admin.post("/admin/cycles/\(year)/shortlist", [("list", "smart21"), ("confirm", "yes")]).status == .seeOther)
        try await admin.advance(to: .top7Questionnaire, year: year)
        try await admin.get("/admin/cycles/\(year)")
        #expect(try await admin.post("/admin/cycles/\(year)/assign", [("round", "2"), ("confirm", "yes")]).status == .seeOther)
        try await admin.advance(to: .top7Scoring, year: year)
        try await analyst.scoreAll(cycle: cycle, round: 2, store: store)
        try await admin.get("/admin/cycles/\(year)")
        #expect(try await admin.post("/admin/cycles/\(year)/shortlist", [("list", "top7"), ("confirm", "yes")]).status == .seeOther)
        try await admin.advance(to: .siteVisits, year: year)
        return admin
    }

    @Test("the organiser writes each finalist's site-visit notes, audited; only for a finalist, within the limit; nobody else may")
    func siteVisitNotes() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await Self.toSiteVisits(app)
            let top7 = try #require(try await store.shortlist("top7", cycle: Self.year))
            let finalist = top7.selected[0]
            #expect(try await admin.get("/admin/cycles/\(Self.year)").body.contains(#"href="/admin/cycles/\#(Self.year)/site-visits""#))
            let page = try await admin.get("/admin/cycles/\(Self.year)/site-visits")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<textarea id="note-\#(finalist)" name="note""#))
            let saved = try await admin.post("/admin/cycles/\(Self.year)/site-visits", [("nomination", finalist), ("note", "  Visited the fibre co-operative (synthetic).\nMet 40 residents.  ")])
            #expect(saved.status == .seeOther)
            #expect(try await store.cycle(Self.year).siteVisitNotes == [finalist: "Visited the fibre co-operative (synthetic).\nMet 40 residents."])
            let entry = try #require(try await store.auditLog(entity: "cycle:\(Self.year)", limit: 1).first)
            #expect(entry.actor == "admin" && entry.after?.contains("Visited the fibre co-operative (synthetic).") == true)

            // Not a finalist, unknown, too long: refused with the field named, nothing stored.
            let passedOver = try #require(try await store.shortlist("smart21", cycle: Self.year)?.selected.first { !top7.selected.contains($0) })
            for (nomination, note, status, field) in [
                (passedOver, "A visit", HTTPResponse.Status.notFound, "nomination"), ("N-999", "A visit", .notFound, "nomination"),
                (finalist, String(repeating: "é", count: Programme.siteVisitNoteLimit + 1), .unprocessableContent, "note"),
            ] {
                try await admin.get("/admin/cycles/\(Self.year)/site-visits")
                let refused = try await admin.post("/admin/cycles/\(Self.year)/site-visits", [("nomination", nomination), ("note", note)])
                #expect(refused.status == status, "\(nomination)")
                #expect(refused.body.contains("role=\"alert\">field &#39;\(field)&#39;"), "\(nomination)")
            }
            #expect(try await store.cycle(Self.year).siteVisitNotes.count == 1)

            // Only the organiser writes them (or reads the page).
            for role in [Role.analyst, .juror, .community] {
                let other = try await app.signedIn(role)
                #expect(try await other.get("/admin/cycles/\(Self.year)/site-visits").status == .forbidden, "\(role)")
                #expect(try await other.post("/admin/cycles/\(Self.year)/site-visits", [("nomination", finalist), ("note", "Rewritten")]).status == .forbidden, "\(role)")
            }
            #expect(try await app.browser().post("/admin/cycles/\(Self.year)/site-visits", [("nomination", finalist), ("note", "Rewritten")]).status != .seeOther)
            #expect(try await store.cycle(Self.year).siteVisitNotes[finalist] == "Visited the fibre co-operative (synthetic).\nMet 40 residents.")

            // An empty note removes it.
            try await admin.get("/admin/cycles/\(Self.year)/site-visits")
            #expect(try await admin.post("/admin/cycles/\(Self.year)/site-visits", [("nomination", finalist), ("note", " ")]).status == .seeOther)
            #expect(try await store.cycle(Self.year).siteVisitNotes.isEmpty)
        }
    }

    @Test("each finalist's dossier beside the ballot: summary, Top7-round factor scores, site-visit notes, and nothing else before publication")
    func dossiers() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await Self.toSiteVisits(app)
            let top7 = try #require(try await store.shortlist("top7", cycle: Self.year))
            let finalist = top7.selected[0]
            var nomination = try #require(try await store.nominations(cycle: Self.year).first { $0.id == finalist })
            nomination.answers["Include-N1"] = .text("Refurbished laptops for every household on a low income (synthetic).")
            try await store.saveNomination(nomination, cycle: Self.year, by: "test")
            try await admin.get("/admin/cycles/\(Self.year)/site-visits")
            try await admin.post("/admin/cycles/\(Self.year)/site-visits", [("nomination", finalist), ("note", "Visited the laptop library (synthetic).")])

            // Before the vote the juror sees no dossier.
            let juror = try await app.signedIn(.juror)
            let early = try await juror.get("/juror")
            #expect(early.body.contains("No cycle is in its jury vote at the moment."))
            #expect(!early.body.contains("laptop library") && !early.body.contains("dossier-"))

            try await admin.advance(to: .juryVote, year: Self.year)
            // Another juror on the jury has voted.
            let programme = Programme(store: store, actor: "test")
            try await programme.setJury(try await store.cycle(Self.year).jury + [JuryMember(id: "J-102", name: "Second juror (synthetic)")], cycle: Self.year)
            try await programme.castBallot(Ballot(juror: "J-102", order: top7.selected.reversed()), cycle: Self.year)

            let page = try await juror.get("/juror")
            #expect(page.status == .ok)
            let dossiers = try #require(TestBrowser.between(page.body, #"<section class="dossiers""#, "</section>"))
            let sheet = try await programme.score(round: 2, cycle: Self.year)
            let pages = try await Pages.load()
            for id in top7.selected {
                let candidate = try #require(top7.candidates.first { $0.nomination == id })
                let dossier = try #require(TestBrowser.between(dossiers, #"<article class="dossier" id="dossier-\#(id)""#, "</article>"), "\(id)")
                #expect(dossier.contains(candidate.community))
                // The Top7 round's calibrated factor score of each factor, by name, one decimal.
                let row = try #require(sheet.rows.first { $0.nomination == id })
                for factor in Factor.standard {
                    let name = FactorWords.name(factor, pages)
                    let shown = Show.fixed(try #require(row.factors[factor.code]), decimals: 1)
                    #expect(dossier.contains("<dt>\(name)</dt><dd class=\"num\">\(shown)</dd>"), "\(id) \(factor.code): \(shown)")
                }
                // Those six and no other figure: no shortlist score or rank, no first-round score.
                #expect(dossier.components(separatedBy: "<dd class=\"num\">").count - 1 == 6)
            }
            let mine = try #require(TestBrowser.between(dossiers, #"id="dossier-\#(finalist)""#, "</article>"))
            #expect(mine.contains("<dd>Refurbished laptops for every household on a low income (synthetic).</dd>"))
            #expect(mine.contains(#"<p class="visit-note">Visited the laptop library (synthetic).</p>"#))
            #expect(dossiers.contains("No notes from the site visit yet."), "the other finalists have none yet")
            // No analyst's comments or names, no other juror's ballot.
            #expect(!page.body.contains("Synthetic assessment of"))
            #expect(!page.body.contains(try #require(try await store.account("analyst")).name))
            #expect(!page.body.contains("J-102") && !page.body.contains("Second juror"))
            #expect(!page.body.contains(" selected>"), "the juror's own ballot is empty; the other juror's ranks are not shown")

            // Laid out beside the ballot.
            #expect(page.body.contains(#"<div class="ballot-layout">"#) && page.body.contains(#"<section class="ballot""#))
        }
    }

    @Test("the ballot: each rank control named by its label, errors announced naming the finalist, in every language")
    func accessibleBallot() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let admin = try await Self.toSiteVisits(app)
            try await admin.advance(to: .juryVote, year: Self.year)
            let top7 = try #require(try await store.shortlist("top7", cycle: Self.year))
            let names = Dictionary(uniqueKeysWithValues: top7.candidates.map { ($0.nomination, $0.community) })
            let juror = try await app.signedIn(.juror)
            let page = try await juror.get("/juror")
            for id in top7.selected {
                let name = try #require(names[id])
                // A label tied by for/id, hidden from view but not from screen readers.
                #expect(page.body.contains(#"<label for="rank-\#(id)" class="sr">Rank of \#(name)</label>"#), "\(id)")
                #expect(page.body.contains(#"<select id="rank-\#(id)" name="rank-\#(id)">"#), "\(id)")
            }
            #expect(page.body.contains(#"<caption class="sr">Your rank for each finalist, 1 for your first choice</caption>"#))
            #expect(!page.body.contains("style=\"display:inline"), "no helper label on screen")
            // The counting method by its name, in each language.
            #expect(page.body.contains("counted by the Schulze method."))
            #expect(try await juror.get("/juror", headers: [.acceptLanguage: "fr"]).body.contains("selon la méthode de Schulze."))

            // A rank that is not one: announced, naming the finalist, the control marked; nothing stored.
            let first = top7.selected[0]
            for typed in ["abc", "0", "99", "NaN", "1e300", "-0"] {
                try await juror.get("/juror")
                var fields = top7.selected.enumerated().map { ("rank-\($0.element)", String($0.offset + 1)) }
                fields[0].1 = typed
                let refused = try await juror.post("/juror/ballot", fields)
                #expect(refused.status == .unprocessableContent, "\(typed)")
                #expect(refused.body.contains(#"<p class="problem" role="alert" id="ballot-problem">Rank of \#(names[first] ?? first): &#39;\#(typed)&#39; is not a rank from 1 to 3.</p>"#), "\(typed)")
                #expect(refused.body.contains(#"<select id="rank-\#(first)" name="rank-\#(first)" aria-invalid="true" aria-describedby="ballot-problem">"#))
                #expect(refused.body.contains(#"<option value="2" selected>2</option>"#), "the other ranks come back as sent")
            }
            #expect(try await store.ballots(cycle: Self.year).isEmpty)

            // In French and Vietnamese.
            let fr = try await juror.get("/juror", headers: [.acceptLanguage: "fr"])
            #expect(fr.body.contains("Votre bulletin") && fr.body.contains("Les dossiers des finalistes") && fr.body.contains(">Voter</button>"))
            #expect(fr.body.contains(#"class="sr">Rang de \#(names[first] ?? first)</label>"#))
            #expect(fr.body.contains("Notes par facteur du tour du Top7") && fr.body.contains("<dt>Connecter — haut débit et services numériques</dt>"))
            let vi = try await juror.get("/juror", headers: [.acceptLanguage: "vi"])
            #expect(vi.body.contains("Phiếu bầu của bạn") && vi.body.contains("Hồ sơ của các ứng viên chung kết") && vi.body.contains(">Bỏ phiếu</button>"))
            #expect(vi.body.contains(#"class="sr">Thứ hạng của \#(names[first] ?? first)</label>"#))
            #expect(vi.body.contains("Chưa có ghi chú từ chuyến thăm thực địa."))
            #expect(!vi.body.contains("Cast the ballot"))

            // A full ballot is recorded.
            try await juror.get("/juror")
            let cast = try await juror.post("/juror/ballot", top7.selected.enumerated().map { ("rank-\($0.element)", String($0.offset + 1)) })
            #expect(cast.status == .ok && cast.body.contains(#"role="status">Your ballot is recorded"#))
        }
    }
}
