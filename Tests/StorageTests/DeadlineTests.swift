import Awards
import Foundation
import Testing
@testable import Storage

/// Deadlines enforced by the programme at the time it is given: a community's nomination, an
/// analyst's review and a juror's ballot are refused after their phase's due time unless the
/// organisers granted that person an extension; extensions are checked and kept with the cycle.
@Suite("Deadlines on the store")
struct DeadlineStoreTests {
    static func at(_ utc: String) -> Date { ISO8601DateFormatter().date(from: utc)! }

    /// A schedule for the 2026 demo cycle in Paris: each submitting phase due at the end of a day.
    static let schedule: [Cycle.PhaseStart] = [
        .init(phase: .nominationsOpen, starts: "2026-01-15", due: "2026-03-01"),
        .init(phase: .smart21Scoring, starts: "2026-03-02", due: "2026-04-01"),
        .init(phase: .top7Scoring, starts: "2026-06-01", due: "2026-06-30"),
        .init(phase: .juryVote, starts: "2026-09-01", due: "2026-09-15T18:00:00+02:00"),
    ]

    @Test("a community's own nomination: submitted before the deadline, refused after it, accepted with its extension only")
    func nominations() async throws {
        try await withStore { store, _ in
            let demo = DemoCycle(nominations: 4, analysts: 3, jurors: 1)
            try await Programme(store: store, actor: "admin").createCycle(demo.cycle)
            var drafts = demo.nominations
            for i in drafts.indices { drafts[i].state = .draft }
            try await Programme(store: store, actor: "admin").saveNominations(drafts, cycle: 2026)
            try await Programme(store: store, actor: "admin").setSchedule(Self.schedule, timeZone: "Europe/Paris", cycle: 2026)
            func submit(_ i: Int, at utc: String) async throws {
                var n = drafts[i]
                n.state = .submitted
                try await Programme(store: store, actor: "community", now: Self.at(utc)).saveOwnNomination(n, community: n.communityID, cycle: 2026)
            }
            // The end of 1 March in Paris is 22:59:59 UTC.
            try await submit(0, at: "2026-03-01T22:59:59Z")
            let late = await #expect(throws: AwardsError.self) { try await submit(1, at: "2026-03-01T23:00:00Z") }
            #expect(late?.field == "due")
            #expect(late?.message.contains("nominations were due by 1 March 2026, 23:59 (Europe/Paris)") == true)

            let admin = Programme(store: store, actor: "admin", now: Self.at("2026-03-02T08:00:00Z"))
            try await admin.grantExtension(DeadlineExtension(person: drafts[1].communityID, phase: .nominationsOpen, until: "2026-03-05", reason: "the mayor's signature"), cycle: 2026)
            try await submit(1, at: "2026-03-05T10:00:00Z")
            await #expect(throws: AwardsError.self, "another community's extension does not help") { try await submit(2, at: "2026-03-05T10:00:00Z") }
            await #expect(throws: AwardsError.self, "nor does it last past its end") {
                try await admin.grantExtension(DeadlineExtension(person: drafts[3].communityID, phase: .nominationsOpen, until: "2026-03-03", reason: "late"), cycle: 2026)
                try await submit(3, at: "2026-03-04T00:00:00Z")
            }
            let states = try await store.nominations(cycle: 2026).map(\.state)
            #expect(states == [.submitted, .submitted, .draft, .draft])
            // A draft may still be saved after the deadline: it is not a submission.
            try await Programme(store: store, actor: "community", now: Self.at("2026-03-04T00:00:00Z")).saveOwnNomination(drafts[2], community: drafts[2].communityID, cycle: 2026)

            let log = try await store.auditLog(entity: "cycle:2026", limit: 1)
            #expect(log.first?.actor == "admin")
            #expect(log.first?.after?.contains("the mayor's signature") == true)
            #expect(try await store.cycle(2026).extensions.map(\.person) == [drafts[1].communityID, drafts[3].communityID])
        }
    }

    @Test("an analyst's review is refused after its round's due time unless that analyst has an extension")
    func reviews() async throws {
        try await withStore { store, _ in
            let demo = DemoCycle(nominations: 12, analysts: 6, jurors: 3)
            let admin = Programme(store: store, actor: "admin")
            try await admin.createCycle(demo.cycle)
            try await admin.saveNominations(demo.nominations, cycle: 2026)
            try await admin.saveAnalysts(demo.analysts)
            _ = try await admin.assign(round: 1, cycle: 2026)
            try await admin.setPhase(.smart21Scoring, cycle: 2026)
            try await admin.setSchedule(Self.schedule, timeZone: "Europe/Paris", cycle: 2026)
            let assignments = try await store.assignments(cycle: 2026, round: 1)
            let granted = assignments[0].analyst
            let another = assignments.first { $0.analyst != granted }
            let refused = try #require(another?.analyst)
            let late = Programme(store: store, actor: "analyst", now: Self.at("2026-04-02T10:00:00Z"))
            let mine = assignments.filter { $0.analyst == granted }.map { demo.review(of: $0.nomination, by: granted, round: 1) }
            let error = await #expect(throws: AwardsError.self) { try await late.submitReviews(mine, cycle: 2026) }
            #expect(error?.message.contains("round-1 reviews were due by 1 April 2026, 23:59 (Europe/Paris)") == true)
            try await admin.grantExtension(DeadlineExtension(person: granted, phase: .smart21Scoring, until: "2026-04-03T12:00:00+02:00", reason: "ill"), cycle: 2026)
            try await late.submitReviews(mine, cycle: 2026)
            let theirs = assignments.filter { $0.analyst == refused }.map { demo.review(of: $0.nomination, by: refused, round: 1) }
            await #expect(throws: AwardsError.self) { try await late.submitReviews(theirs, cycle: 2026) }
            #expect(Set(try await store.reviews(cycle: 2026, round: 1).map(\.analyst)) == [granted])
        }
    }

    @Test("a juror's ballot is refused after the vote's due time unless that juror has an extension")
    func ballots() async throws {
        try await withStore { votes, _ in
            // The demo run to its jury vote, with the vote due at 18:00 in Paris on 15 September.
            let (demo, top7) = try await JuryTests.toJuryVote(votes)
            try await Programme(store: votes, actor: "admin").setSchedule(Self.schedule, timeZone: "Europe/Paris", cycle: 2026)
            let jurors = demo.jurors
            try await Programme(store: votes, actor: "juror", now: Self.at("2026-09-15T16:00:00Z")).castBallot(demo.ballot(of: jurors[0], over: top7), cycle: 2026)
            let after = Programme(store: votes, actor: "juror", now: Self.at("2026-09-15T16:00:01Z"))
            let refused = await #expect(throws: AwardsError.self) { try await after.castBallot(demo.ballot(of: jurors[1], over: top7), cycle: 2026) }
            #expect(refused?.message.hasPrefix("ballots were due by 15 September 2026, 18:00 (Europe/Paris)") == true)
            try await Programme(store: votes, actor: "admin").grantExtension(DeadlineExtension(person: jurors[1].id, phase: .juryVote, until: "2026-09-16", reason: "travelling"), cycle: 2026)
            try await after.castBallot(demo.ballot(of: jurors[1], over: top7), cycle: 2026)
            await #expect(throws: AwardsError.self) { try await after.castBallot(demo.ballot(of: jurors[2], over: top7), cycle: 2026) }
            #expect(try await votes.ballots(cycle: 2026).map(\.juror).sorted() == [jurors[0].id, jurors[1].id].sorted())
        }
    }

    @Test("an extension names a known person, a phase with a due time, a later end and a reason", arguments: [
        (DeadlineExtension(person: "nobody", phase: .smart21Scoring, until: "2026-04-05", reason: "x"), AwardsError.Kind.unknownReference, "person"),
        (DeadlineExtension(person: "A-001", phase: .smart21Scoring, until: "2026-03-20", reason: "x"), .invalidValue, "until"),
        (DeadlineExtension(person: "A-001", phase: .smart21Scoring, until: "5 April", reason: "x"), .invalidValue, "until"),
        (DeadlineExtension(person: "A-001", phase: .smart21Scoring, until: "2026-04-05", reason: "  "), .invalidValue, "reason"),
        (DeadlineExtension(person: "A-001", phase: .siteVisits, until: "2026-08-05", reason: "x"), .invalidValue, "phase"),
        (DeadlineExtension(person: "J-999", phase: .juryVote, until: "2026-09-20", reason: "x"), .unknownReference, "person"),
    ])
    func extensionChecks(_ granted: DeadlineExtension, _ kind: AwardsError.Kind, _ field: String) async throws {
        try await withStore { store, _ in
            let demo = DemoCycle(nominations: 4, analysts: 3, jurors: 1)
            let admin = Programme(store: store, actor: "admin")
            try await admin.createCycle(demo.cycle)
            try await admin.saveAnalysts(demo.analysts)
            var schedule = Self.schedule
            schedule.insert(.init(phase: .siteVisits, starts: "2026-07-01"), at: 3)
            try await admin.setSchedule(schedule, timeZone: "Europe/Paris", cycle: 2026)
            #expect(demo.analysts.map(\.id).contains("A-001"))
            let error = await #expect(throws: AwardsError.self) { try await admin.grantExtension(granted, cycle: 2026) }
            #expect(error?.kind == kind)
            #expect(error?.field == field)
            #expect(try await store.cycle(2026).extensions.isEmpty)
        }
    }
}
