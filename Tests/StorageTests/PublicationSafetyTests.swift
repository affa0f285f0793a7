import Awards
import Foundation
import Testing
@testable import Storage

/// Results are published once, and only from ballots; the organisers' irreversible actions are
/// previewed in plain words first, with what blocks them and what they leave undone.
@Suite("Publication safety")
struct PublicationSafetyTests {
    @Test("publishing twice is refused and leaves the first publication as it was")
    func publishTwice() async throws {
        try await withStore { store, _ in
            let (demo, top7) = try await JuryTests.toJuryVote(store)
            let first = Programme(store: store, actor: "admin", now: Date(timeIntervalSince1970: 1_800_000_000))
            try await first.castBallots(demo.jurors.map { demo.ballot(of: $0, over: top7) }, cycle: 2026)
            let publication = try await first.publish(cycle: 2026)
            #expect(publication.publishedAt == "2027-01-15T08:00:00Z")
            let again = Programme(store: store, actor: "admin", now: Date(timeIntervalSince1970: 1_800_086_400))
            let error = await #expect(throws: AwardsError.self) { try await again.publish(cycle: 2026) }
            #expect(error?.kind == .invalidState)
            #expect(error?.field == "publication")
            #expect(error?.message == "the 2026 results were already published (2027-01-15T08:00:00Z); they are published only once")
            #expect(try await store.publication(cycle: 2026) == publication)
        }
    }

    @Test("once the results are published, the jury, the rubric and the site-visit notes can no longer change")
    func frozenByPublication() async throws {
        try await withStore { store, _ in
            let (demo, top7) = try await JuryTests.toJuryVote(store)
            let programme = Programme(store: store, actor: "admin")
            try await programme.setSiteVisitNote("Visited the library (synthetic).", nomination: top7[0], cycle: 2026)
            try await programme.castBallots(demo.jurors.map { demo.ballot(of: $0, over: top7) }, cycle: 2026)
            _ = try await programme.publish(cycle: 2026)
            let before = try await store.cycle(2026)
            let changes: [(String, String, @Sendable () async throws -> Void)] = [
                ("the jury", "jury", { try await programme.setJury(Array(before.jury.dropFirst()), cycle: 2026) }),
                ("the rubric", "descriptors", { try await programme.setDescriptors([], cycle: 2026) }),
                ("the dossiers", "note", { try await programme.setSiteVisitNote("Rewritten after the results.", nomination: top7[0], cycle: 2026) }),
            ]
            for (what, field, change) in changes {
                let error = await #expect(throws: AwardsError.self) { try await change() }
                #expect(error?.kind == .invalidState, "\(what)")
                #expect(error?.field == field, "\(what)")
                #expect(error?.message == "the 2026 results are published; \(what) can no longer change")
            }
            let after = try await store.cycle(2026)
            #expect(after.jury == before.jury && after.descriptors == before.descriptors)
            #expect(after.siteVisitNotes == [top7[0]: "Visited the library (synthetic)."])
        }
    }

    @Test("results not yet published when the cycle was moved on to results announced can still be published")
    func publishAfterMovingOn() async throws {
        try await withStore { store, _ in
            let (demo, top7) = try await JuryTests.toJuryVote(store)
            let programme = Programme(store: store, actor: "admin")
            try await programme.castBallots(demo.jurors.map { demo.ballot(of: $0, over: top7) }, cycle: 2026)
            #expect(try await programme.preview(.setPhase(.resultsAnnounced), cycle: 2026).warnings.map(\.description) == ["the results have not been published yet"])
            try await programme.setPhase(.resultsAnnounced, cycle: 2026)
            let publication = try await programme.publish(cycle: 2026)
            #expect(publication.top7 == top7)
            #expect(publication.rules.contains { $0.contains("count of 3 ballots") })
        }
    }

    @Test("a vote with no ballots is not published; the cycle stays in its jury vote")
    func publishWithoutBallots() async throws {
        try await withStore { store, _ in
            _ = try await JuryTests.toJuryVote(store)
            let error = await #expect(throws: AwardsError.self) { try await Programme(store: store, actor: "admin").publish(cycle: 2026) }
            #expect(error?.kind == .invalidState)
            #expect(error?.field == "ballots")
            #expect(error?.message == "no ballots to count: 0 of 3 jurors on the jury have voted")
            #expect(try await store.publication(cycle: 2026) == nil)
            #expect(try await store.cycle(2026).phase == .juryVote)
        }
    }

    @Test("the publication preview blocks with no ballots, warns with some missing, and blocks once published")
    func publishPreview() async throws {
        try await withStore { store, _ in
            let (demo, top7) = try await JuryTests.toJuryVote(store)
            let programme = Programme(store: store, actor: "admin", now: Date(timeIntervalSince1970: 1_800_000_000))
            let empty = try await programme.preview(.publish, cycle: 2026)
            #expect(empty.title == "Count the ballots and publish the 2026 results")
            #expect(empty.blockers.map(\.description) == ["0 of 3 jurors have voted"])
            #expect(empty.warnings.isEmpty)
            #expect(throws: AwardsError.self) { try empty.check() }

            try await programme.castBallot(demo.ballot(of: demo.jurors[0], over: top7), cycle: 2026)
            let one = try await programme.preview(.publish, cycle: 2026)
            #expect(one.blockers.isEmpty)
            #expect(one.warnings.map(\.description) == ["1 of 3 jurors have voted"])
            try one.check()

            _ = try await programme.publish(cycle: 2026)
            #expect(try await programme.preview(.publish, cycle: 2026).blockers.map(\.description) == ["the results were already published (2027-01-15T08:00:00Z)"])
        }
    }

    @Test("moving on warns of what the phases left behind leave undone, and a phase cannot go back")
    func phasePreview() async throws {
        try await withStore { store, _ in
            let demo = DemoCycle(nominations: 5, analysts: 3, jurors: 1)
            let programme = Programme(store: store, actor: "admin")
            var cycle = demo.cycle
            cycle.phase = .nominationsOpen
            try await programme.createCycle(cycle)
            var nominations = demo.nominations
            nominations[0].state = .draft
            nominations[1].state = .withdrawn
            try await programme.saveNominations(nominations, cycle: 2026)

            let scoring = try await programme.preview(.setPhase(.smart21Scoring), cycle: 2026)
            #expect(scoring.title == "Move the 2026 cycle to Smart21 scoring")
            #expect(scoring.blockers.isEmpty)
            // Four nominations not withdrawn, one of them a draft; no one assigned yet.
            #expect(scoring.warnings.map(\.description) == ["1 of 4 nominations is still a draft and will not be scored", "no analysts are assigned to round 1 yet, so none can score"])

            let skipping = try await programme.preview(.setPhase(.smart21Announced), cycle: 2026)
            #expect(skipping.warnings.map(\.description).first == "this skips Smart21 scoring")
            #expect(skipping.warnings.map(\.description).contains("no analysts are assigned to round 1"))
            #expect(skipping.warnings.map(\.description).contains("the Smart21 have not been named"))

            #expect(try await programme.preview(.setPhase(.setup), cycle: 2026).blockers.map(\.description) == ["the cycle is already in nominations open"])
            #expect(try await programme.preview(.shortlist("top7"), cycle: 2026).blockers.map(\.description) == ["naming the Top7 is not allowed in nominations open", "the Smart21 have not been named yet"])
        }
    }
}
