import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// What each page and API shows of a cycle at each phase, to everyone but the organisers: the
/// Smart21 from its announcement, the Top7 from the site visits, the results and every score
/// only once published — checked for anonymous visitors and for juror, analyst and community
/// accounts, while the organiser keeps seeing everything in the organisers' pages.
@Suite("Disclosure of a cycle by phase")
struct DisclosureRoutesTests {
    static let year = DemoPlatform.walkthroughYear

    /// What the programme means to be public at each phase, written out independently of the code.
    static let intended: [Phase: (smart21: Bool, top7: Bool, results: Bool)] = [
        .setup: (false, false, false), .nominationsOpen: (false, false, false), .smart21Scoring: (false, false, false),
        .smart21Announced: (true, false, false), .top7Questionnaire: (true, false, false), .top7Scoring: (true, false, false),
        .siteVisits: (true, true, false), .juryVote: (true, true, false), .resultsAnnounced: (true, true, true),
    ]

    /// What the walkthrough cycle holds at a phase, as the organisers see it.
    struct Facts {
        var smart21: [Shortlist.Candidate] = []
        var top7: [Shortlist.Candidate] = []
        var winner: Shortlist.Candidate?
        /// Every shortlist score, as the pages would write it.
        var scores: [String] = []
        /// The community account's nomination.
        var own: String = "N-001"

        var smart21Names: [String] { smart21.map(\.community) }
        var top7Names: [String] { top7.map(\.community) }
        /// The Smart21 who are not in the Top7 (or all of the Smart21 before the Top7 are named).
        var smart21Only: [Shortlist.Candidate] { smart21.filter { c in !top7.contains { $0.nomination == c.nomination } } }

        /// The stage `nomination` has reached, whatever has been announced.
        func stage(of nomination: String) -> AwardStage? {
            if winner?.nomination == nomination { return .communityOfTheYear }
            if top7.contains(where: { $0.nomination == nomination }) { return .top7 }
            if smart21.contains(where: { $0.nomination == nomination }) { return .smart21 }
            return nil
        }
    }

    /// Runs the 2027 walkthrough cycle up to `phase` as the organisers would, every nomination
    /// submitted: the Smart21 are named at the end of Smart21 scoring, the Top7 at the end of Top7
    /// scoring, the jury votes, and the results are published.
    static func drive(_ store: any PlatformStore, to phase: Phase) async throws -> Facts {
        let programme = Programme(store: store, actor: "admin")
        if phase == .setup {
            var cycle = try await store.cycle(year)
            cycle.phase = .setup
            try await store.updateCycle(cycle, by: "admin")
            return Facts()
        }
        let demo = DemoPlatform.walkthroughCycle()
        var first = demo.nominations[0]
        first.state = .submitted
        try await programme.saveNominations([first], cycle: year)
        _ = try await programme.assign(round: 1, cycle: year)
        func score(_ round: Int) async throws {
            try await programme.submitReviews(try await store.assignments(cycle: year, round: round).map { demo.review(of: $0.nomination, by: $0.analyst, round: round) }, cycle: year)
        }
        if phase >= .smart21Scoring {
            try await programme.setPhase(.smart21Scoring, cycle: year)
            try await score(1)
            _ = try await programme.shortlistSmart21(cycle: year)
        }
        for next in [Phase.smart21Announced, .top7Questionnaire] where next <= phase { try await programme.setPhase(next, cycle: year) }
        if phase >= .top7Questionnaire { _ = try await programme.assign(round: 2, cycle: year) }
        if phase >= .top7Scoring {
            try await programme.setPhase(.top7Scoring, cycle: year)
            try await score(2)
            _ = try await programme.shortlistTop7(cycle: year)
        }
        for next in [Phase.siteVisits, .juryVote] where next <= phase { try await programme.setPhase(next, cycle: year) }
        if phase >= .juryVote {
            let top7 = try #require(try await store.shortlist("top7", cycle: year)).selected
            try await programme.castBallot(Ballot(juror: "J-101", order: top7.reversed()), cycle: year)
        }
        if phase == .resultsAnnounced { _ = try await programme.publish(cycle: year) }
        #expect(try await store.cycle(year).phase == phase)
        return try await facts(store)
    }

    /// The walkthrough cycle's shortlists and winner as stored.
    static func facts(_ store: any PlatformStore) async throws -> Facts {
        var facts = Facts()
        if let list = try await store.shortlist("smart21", cycle: year) {
            facts.smart21 = list.selected.compactMap { id in list.candidates.first { $0.nomination == id } }
            facts.scores += list.candidates.map { Show.score($0.score) }
        }
        if let list = try await store.shortlist("top7", cycle: year) {
            facts.top7 = list.selected.compactMap { id in list.candidates.first { $0.nomination == id } }
            facts.scores += list.candidates.map { Show.score($0.score) }
        }
        if let winner = try await store.publication(cycle: year)?.winner { facts.winner = facts.top7.first { $0.nomination == winner } }
        return facts
    }

    /// The record of recognitions holding what the organisers have decided of the cycle so far,
    /// as if it had been imported ahead of the announcements.
    static func recordDecisions(_ facts: Facts, store: any PlatformStore) async throws {
        let root = PlatformRoutesTests.root
        var record = try RecognitionRecord.read(path: root + "/Examples/awards-history/recognitions.csv")
        for (stage, list) in [(AwardStage.smart21, facts.smart21), (.top7, facts.top7), (.communityOfTheYear, facts.winner.map { [$0] } ?? [])] {
            record += list.map { Recognition(awardYear: year, stage: stage, community: $0.community, country: $0.country) }
        }
        try await Programme(store: store, actor: "admin").importRecord(record)
    }

    enum Viewer: String, CaseIterable {
        case anonymous, juror, analyst, community
    }

    @Test("every public page and API shows a cycle's shortlists, results and scores only from their announcement", arguments: Phase.allCases)
    func publicRoutes(_ phase: Phase) async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let facts = try await Self.drive(store, to: phase)
            try await Self.recordDecisions(facts, store: store)
            let intent = try #require(Self.intended[phase])
            for viewer in Viewer.allCases {
                let browser = viewer == .anonymous ? app.browser() : try await app.signedIn(Role(rawValue: viewer.rawValue)!)
                try await Self.checkPublic(browser, "\(phase.rawValue), \(viewer.rawValue)", facts: facts, intent: intent)
            }
        }
    }

    /// The public routes as `browser` sees them.
    static func checkPublic(_ browser: TestBrowser, _ who: String, facts: Facts, intent: (smart21: Bool, top7: Bool, results: Bool)) async throws {
        // The cycle's page.
        let page = try await browser.get("/cycles/\(year)")
        #expect(page.status == .ok)
        #expect(page.body.contains("<h2>The Smart21</h2>") == intent.smart21, "\(who): no empty Smart21 heading before the announcement")
        for name in facts.smart21Names {
            #expect(page.body.contains(name) == intent.smart21, "\(who): /cycles/\(year) and the Smart21 member \(name)")
        }
        #expect(page.body.contains("<h2>The Top7</h2>") == (intent.top7 && !intent.results), "\(who): /cycles/\(year) lists the Top7")
        #expect(page.body.contains("Community of the Year") == intent.results, "\(who): /cycles/\(year) names a winner")
        if let winner = facts.winner { #expect(page.body.contains("<strong>\(winner.community)</strong>") == intent.results) }
        #expect(page.body.contains("pairwise") == intent.results, "\(who): /cycles/\(year) shows the jury's matrix")
        for score in facts.scores where !intent.results {
            #expect(!page.body.contains(score), "\(who): /cycles/\(year) shows the score \(score)")
        }
        if intent.results {
            for candidate in facts.smart21 { #expect(page.body.contains(Show.score(candidate.score)), "\(who): the published Smart21 scores") }
        }

        // The cycle's API.
        let api = try await browser.get("/api/v1/cycles/\(year)")
        #expect(api.status == .ok)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
        let smart21 = (json["smart21"] as? [[String: Any]] ?? []).compactMap { $0["community"] as? String }
        let top7 = (json["top7"] as? [[String: Any]] ?? []).compactMap { $0["community"] as? String }
        #expect(Set(smart21) == (intent.smart21 ? Set(facts.smart21Names) : []), "\(who): the API's Smart21")
        #expect(Set(top7) == (intent.top7 ? Set(facts.top7Names) : []), "\(who): the API's Top7")
        #expect((json["publication"] != nil) == intent.results, "\(who): the API's publication")
        #expect(api.body.contains("\"score\"") == (intent.results && !facts.smart21.isEmpty), "\(who): the API's scores")
        for only in facts.smart21Only where !intent.smart21 {
            #expect(!api.body.contains(only.nomination), "\(who): the API names \(only.nomination) before the Smart21 are announced")
        }

        // The record: home page, directory, profiles and their API.
        let home = try await browser.get("/")
        if let winner = facts.winner {
            let id = Community.id(name: winner.community, country: winner.country)
            #expect(home.body.contains("/communities/\(id)") == intent.results, "\(who): the home page lists the \(year) winner")
        }
        let directory = try await browser.get("/api/v1/communities")
        let all = try #require(try JSONSerialization.jsonObject(with: Data(directory.body.utf8)) as? [[String: Any]])
        for candidate in facts.smart21 {
            let id = Community.id(name: candidate.community, country: candidate.country)
            let expected: AwardStage? = switch facts.stage(of: candidate.nomination) {
            case .communityOfTheYear?: intent.results ? .communityOfTheYear : intent.top7 ? .top7 : intent.smart21 ? .smart21 : nil
            case .top7?: intent.top7 ? .top7 : intent.smart21 ? .smart21 : nil
            case .smart21?: intent.smart21 ? .smart21 : nil
            case nil: nil
            }
            let listed = all.first { ($0["community"] as? [String: Any])?["id"] as? String == id }
            #expect((listed?["stages"] as? [String: String])?[String(year)] == expected?.rawValue, "\(who): /api/v1/communities, \(candidate.community)")
            let one = try await browser.get("/api/v1/communities/\(id)")
            #expect(one.body.contains("\"\(year)\"") == (expected != nil), "\(who): /api/v1/communities/\(id)")
            let profile = try await browser.get("/communities/\(id)")
            #expect(profile.body.contains("<td>\(year)</td><td>\(expected?.title ?? "")</td>") == (expected != nil), "\(who): /communities/\(id)")
            if expected == nil { #expect(!profile.body.contains("<td>\(year)</td>"), "\(who): /communities/\(id)") }
        }
        let communities = try await browser.get("/communities")
        #expect(communities.status == .ok)
        for candidate in facts.smart21 where !intent.smart21 {
            // The directory may list the community, but no stage for it.
            let id = Community.id(name: candidate.community, country: candidate.country)
            if let row = TestBrowser.between(communities.body, "href=\"/communities/\(id)\"", "</tr>") {
                #expect(row.contains("—"), "\(who): /communities shows a stage for \(candidate.community)")
            }
        }
    }

    @Test("the juror sees the Top7's names to rank them during the jury vote, never a shortlist score", arguments: Phase.allCases)
    func jurorWorkspace(_ phase: Phase) async throws {
        try await TestPlatform.with { app in
            let facts = try await Self.drive(app.platform.store, to: phase)
            let juror = try await app.signedIn(.juror)
            let page = try await juror.get("/juror")
            #expect(page.status == .ok)
            for name in facts.top7Names { #expect(page.body.contains(name) == (phase == .juryVote), "/juror in \(phase): \(name)") }
            for only in facts.smart21Only { #expect(!page.body.contains(only.community), "/juror in \(phase) names \(only.community)") }
            for score in facts.scores { #expect(!page.body.contains(score), "/juror in \(phase) shows the score \(score)") }
            #expect(page.body.contains("Cast the ballot") == (phase == .juryVote))
            if phase == .juryVote {
                // In alphabetical order: the Top7's rank order would tell their scores.
                let positions = facts.top7Names.sorted().compactMap { page.body.range(of: $0)?.lowerBound }
                #expect(positions.count == facts.top7Names.count && positions == positions.sorted(), "/juror lists the Top7 by name")
            }
        }
    }

    @Test("a community sees its own stage once announced and its feedback only once the results are published", arguments: Phase.allCases)
    func communityWorkspace(_ phase: Phase) async throws {
        try await TestPlatform.with { app in
            let facts = try await Self.drive(app.platform.store, to: phase)
            let intent = try #require(Self.intended[phase])
            let community = try await app.signedIn(.community)
            let page = try await community.get("/community")
            #expect(page.status == .ok)
            let announced: String? = switch facts.stage(of: facts.own) {
            case .communityOfTheYear?: intent.results ? "Community of the Year" : intent.top7 ? "Top7" : "Smart21"
            case .top7?: intent.top7 ? "Top7" : "Smart21"
            case .smart21?: "Smart21"
            case nil: "nominated"
            }
            if intent.smart21 {
                #expect(page.body.contains("Stage reached: <strong>\(announced ?? "")</strong>"), "/community in \(phase)")
            } else {
                #expect(!page.body.contains("Stage reached"), "/community in \(phase) shows a stage")
            }
            #expect(page.body.contains("Synthetic assessment") == intent.results, "/community in \(phase): the analysts' comments")
            #expect(page.body.contains("mean analyst score per factor") == intent.results, "/community in \(phase): the scores")
            if !intent.results { #expect(!page.body.contains(#"id="standing""#), "/community in \(phase): the scores against the nominees") }
            for score in facts.scores where !intent.results { #expect(!page.body.contains(score), "/community in \(phase) shows the score \(score)") }
        }
    }

    @Test("the organiser sees the shortlists and scores in the organisers' pages from the moment they exist", arguments: [Phase.smart21Scoring, .top7Scoring, .juryVote])
    func organiserSeesEverything(_ phase: Phase) async throws {
        try await TestPlatform.with { app in
            let facts = try await Self.drive(app.platform.store, to: phase)
            let admin = try await app.signedIn(.admin)
            let page = try await admin.get("/admin/cycles/\(Self.year)")
            #expect(page.status == .ok)
            for name in facts.smart21Names { #expect(page.body.contains(name), "/admin/cycles/\(Self.year) in \(phase): \(name)") }
            #expect(page.body.contains("<strong>Top7</strong>") == (phase >= .top7Scoring))
            #expect(page.body.contains("Calibrated scores"))
        }
    }
}
