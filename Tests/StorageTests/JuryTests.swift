import Awards
import Foundation
import Testing
@testable import Storage

/// The jury on the real store: ballots only from the cycle's jury, all or none, counted with the
/// jury's groups; the jury fixed once the results are published.
@Suite("Jury on the store")
struct JuryTests {
    /// A small demo cycle of three jurors, run up to its jury vote.
    static func toJuryVote(_ store: SQLiteStore) async throws -> (DemoCycle, [String]) {
        let demo = DemoCycle(nominations: 12, analysts: 6, jurors: 3)
        let programme = Programme(store: store, actor: "admin")
        let year = demo.cycle.year
        try await programme.createCycle(demo.cycle)
        try await programme.saveNominations(demo.nominations, cycle: year)
        try await programme.saveAnalysts(demo.analysts)
        _ = try await programme.assign(round: 1, cycle: year)
        try await programme.setPhase(.smart21Scoring, cycle: year)
        try await programme.submitReviews(try await store.assignments(cycle: year, round: 1).map { demo.review(of: $0.nomination, by: $0.analyst, round: 1) }, cycle: year)
        _ = try await programme.shortlistSmart21(cycle: year)
        try await programme.setPhase(.top7Questionnaire, cycle: year)
        _ = try await programme.assign(round: 2, cycle: year)
        try await programme.setPhase(.top7Scoring, cycle: year)
        try await programme.submitReviews(try await store.assignments(cycle: year, round: 2).map { demo.review(of: $0.nomination, by: $0.analyst, round: 2) }, cycle: year)
        let top7 = try await programme.shortlistTop7(cycle: year).selected
        try await programme.setPhase(.juryVote, cycle: year)
        return (demo, top7)
    }

    @Test("imported ballots are all or none: one from outside the jury refuses the file")
    func importAllOrNone() async throws {
        try await withStore { store, _ in
            let (demo, top7) = try await Self.toJuryVote(store)
            let programme = Programme(store: store, actor: "admin")
            let ballots = demo.jurors.map { demo.ballot(of: $0, over: top7) } + [Ballot(juror: "J-999", order: top7)]
            let error = await #expect(throws: AwardsError.self) { try await programme.castBallots(ballots, cycle: 2026) }
            #expect(error?.kind == .notPermitted)
            #expect(error?.message.contains("J-999") == true)
            #expect(try await store.ballots(cycle: 2026).isEmpty)
            try await programme.castBallots(Array(ballots.dropLast()), cycle: 2026)
            #expect(try await store.ballots(cycle: 2026).map(\.group) == ["industry", "academia", "government"])
        }
    }

    @Test("a juror taken off the jury no longer counts; the jury is fixed once the results are published")
    func juryChanges() async throws {
        try await withStore { store, _ in
            let (demo, top7) = try await Self.toJuryVote(store)
            let programme = Programme(store: store, actor: "admin")
            try await programme.castBallots(demo.jurors.map { demo.ballot(of: $0, over: top7) }, cycle: 2026)
            try await programme.setJury(Array(demo.jurors.prefix(2)), cycle: 2026)
            #expect(try await programme.tally(cycle: 2026).jury.pairwise.totalWeight == 2)
            let publication = try await programme.publish(cycle: 2026)
            #expect(publication.rules.contains { $0.contains("count of 2 ballots") })
            let late = await #expect(throws: AwardsError.self) { try await programme.setJury(demo.jurors, cycle: 2026) }
            #expect(late?.kind == .invalidState)
            #expect(try await store.cycle(2026).jury.count == 2)
        }
    }
}
