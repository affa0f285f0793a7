import Awards
import Foundation
import Testing
@testable import Storage

/// A whole demo cycle, from nominations to the Community of the Year, on the real store.
@Suite("End-to-end cycle")
struct EndToEndCycleTests {
    /// Runs the demo cycle through every phase and returns the publication and shortlists.
    static func runCycle(_ store: SQLiteStore, demo: DemoCycle) async throws -> (Publication, Shortlist, Shortlist) {
        try await demo.run(programme: Programme(store: store, actor: "admin"))
        let year = demo.cycle.year
        guard let publication = try await store.publication(cycle: year), let smart21 = try await store.shortlist("smart21", cycle: year),
              let top7 = try await store.shortlist("top7", cycle: year) else {
            throw AwardsError(.invalidState, "the demo cycle did not publish")
        }
        return (publication, smart21, top7)
    }

    /// Runs the cycle and checks what the store holds afterwards.
    static func runAndCheckStore(_ store: SQLiteStore, demo: DemoCycle) async throws -> (Publication, Shortlist, Shortlist) {
        let outcome = try await runCycle(store, demo: demo)
        // Each nomination got three distinct analysts, none with a conflict or from its own country.
        let nominations = Dictionary(uniqueKeysWithValues: demo.nominations.map { ($0.id, $0) })
        let analysts = Dictionary(uniqueKeysWithValues: demo.analysts.map { ($0.id, $0) })
        let assignments = try await store.assignments(cycle: 2026, round: 1)
        #expect(assignments.count == 1200)
        for (nomination, pairs) in Dictionary(grouping: assignments, by: \.nomination) {
            #expect(Set(pairs.map(\.analyst)).count == 3)
            for p in pairs {
                #expect(analysts[p.analyst]?.country != nominations[nomination]?.country)
                #expect(analysts[p.analyst]?.conflicts.contains(nomination) == false)
            }
        }
        for (_, load) in Dictionary(grouping: assignments, by: \.analyst) { #expect(load.count <= demo.cycle.rules.analystLoad) }
        #expect(try await store.reviews(cycle: 2026, round: 1).count == 1200)
        #expect(try await store.cycle(2026).phase == .resultsAnnounced)
        #expect(try await store.auditLog(entity: "publication:2026", limit: 5).count == 1)
        return outcome
    }

    @Test("a 400-nomination demo cycle runs to a winner, deterministically, with every rule applied")
    func fullCycle() async throws {
        let demo = DemoCycle(nominations: 400, analysts: 40, jurors: 12)
        let first = try await withStore { store, _ in try await Self.runAndCheckStore(store, demo: demo) }
        let (publication, smart21, top7) = first
        #expect(smart21.selected.count == 21)
        #expect(top7.selected.count == 7)
        #expect(Set(top7.selected).isSubset(of: Set(smart21.selected)))
        #expect(publication.winner == publication.ranking.first)
        #expect(Set(publication.ranking) == Set(top7.selected))
        #expect(publication.strongestPaths != nil, "Schulze is the default and its strongest paths are published")
        #expect(publication.pairwise.count == 7)
        // The Smart21 are, on the whole, the nominations of highest hidden quality.
        let quality = smart21.selected.compactMap { demo.quality[$0] }
        #expect(quality.reduce(0, +) / Double(quality.count) > 0.85)

        let second = try await withStore { store, _ in try await Self.runCycle(store, demo: demo) }
        var again = second.0
        again.publishedAt = publication.publishedAt
        #expect(again == publication, "the same files give the same results (all but the time of publication)")
        #expect(second.1 == smart21)
        #expect(second.2 == top7)
    }

    @Test("out-of-phase actions are refused with a clear error and change nothing")
    func phaseRules() async throws {
        try await withStore { store, _ in
            let demo = DemoCycle(nominations: 12, analysts: 6, jurors: 3)
            let programme = Programme(store: store, actor: "admin")
            try await programme.createCycle(demo.cycle)
            try await programme.saveNominations(demo.nominations, cycle: 2026)
            try await programme.saveAnalysts(demo.analysts)
            _ = try await programme.assign(round: 1, cycle: 2026)
            let a = try #require(try await store.assignments(cycle: 2026, round: 1).first)
            let early = await #expect(throws: AwardsError.self) {
                try await programme.submitReview(demo.review(of: a.nomination, by: a.analyst, round: 1), cycle: 2026)
            }
            #expect(early?.kind == .outOfPhase)
            #expect(early?.message.contains("Smart21 scoring") == true)
            try await programme.setPhase(.smart21Scoring, cycle: 2026)
            let late = await #expect(throws: AwardsError.self) { try await programme.saveNominations(demo.nominations, cycle: 2026) }
            #expect(late?.kind == .outOfPhase)
            let back = await #expect(throws: AwardsError.self) { try await programme.setPhase(.nominationsOpen, cycle: 2026) }
            #expect(back?.kind == .invalidState)
            let stranger = await #expect(throws: AwardsError.self) {
                try await programme.submitReview(demo.review(of: a.nomination, by: "A-999", round: 1), cycle: 2026)
            }
            #expect(stranger?.kind == .conflictOfInterest)
            #expect(try await store.reviews(cycle: 2026, round: 1).isEmpty)
            let ballot = await #expect(throws: AwardsError.self) {
                try await programme.castBallot(Ballot(juror: "J-001", order: ["N-001"]), cycle: 2026)
            }
            #expect(ballot?.kind == .outOfPhase)
        }
    }

    @Test("an invalid submitted nomination is refused naming the nomination and the question")
    func invalidNomination() async throws {
        try await withStore { store, _ in
            let demo = DemoCycle(nominations: 3, analysts: 3, jurors: 3)
            var bad = demo.nominations[1]
            bad.answers["Connect-Q1"] = .text("fast")
            let programme = Programme(store: store, actor: "admin")
            try await programme.createCycle(demo.cycle)
            let error = await #expect(throws: AwardsError.self) { try await programme.saveNominations([demo.nominations[0], bad], cycle: 2026) }
            #expect(error?.field == "Connect-Q1")
            #expect(error?.message.contains(bad.id) == true)
            #expect(try await store.nominations(cycle: 2026).isEmpty, "nothing is saved when one nomination is invalid")
        }
    }
}
