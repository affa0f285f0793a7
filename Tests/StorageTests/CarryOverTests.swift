import Awards
import Foundation
import Testing
@testable import Storage

/// Questionnaires stay eligible for three cycles: carried into a new cycle unless the community
/// opted out, withdrew, or nominated afresh.
@Suite("Carry-over of eligible questionnaires")
struct CarryOverTests {
    static func nomination(_ id: String, _ community: String, year: Int, state: Nomination.State = .submitted, optOut: Bool = false) -> Nomination {
        Nomination(id: id, community: community, country: "Kenya", region: "Africa", year: year, answers: [:], evidence: [], state: state, optOut: optOut)
    }

    @Test("eligible questionnaires of the two previous cycles come in once, the latest per community; others stay out")
    func carryOver() async throws {
        try await withStore { store, _ in
            let programme = Programme(store: store, actor: "admin")
            for year in 2024...2027 {
                try await programme.createCycle(Cycle(year: year, phase: .nominationsOpen))
            }
            try await store.saveNominations([
                Self.nomination("N-1", "Too old (synthetic)", year: 2024),
            ], cycle: 2024, by: "test")
            try await store.saveNominations([
                Self.nomination("N-1", "Twice (synthetic)", year: 2025),
                Self.nomination("N-2", "Opted out (synthetic)", year: 2025, optOut: true),
                Self.nomination("N-3", "Withdrawn (synthetic)", year: 2025, state: .withdrawn),
                Self.nomination("N-4", "Kept (synthetic)", year: 2025),
            ], cycle: 2025, by: "test")
            try await store.saveNominations([
                Self.nomination("N-1", "Twice (synthetic)", year: 2026),
                Self.nomination("N-2", "Fresh in 2027 (synthetic)", year: 2026),
            ], cycle: 2026, by: "test")
            try await store.saveNominations([Self.nomination("N-9", "Fresh in 2027 (synthetic)", year: 2027, state: .draft)], cycle: 2027, by: "test")

            let added = try await programme.carryOver(into: 2027)
            #expect(added == ["2026-N-1", "2025-N-4"])
            let stored = try await store.nominations(cycle: 2027)
            #expect(Set(stored.map(\.id)) == ["N-9", "2026-N-1", "2025-N-4"])
            #expect(stored.first { $0.id == "2025-N-4" }?.year == 2025, "a carried questionnaire keeps its year, so it ages out on time")
            #expect(try await programme.carryOver(into: 2027).isEmpty, "running it again adds nothing")
            #expect(try await programme.nominations(round: 1, cycle: 2027).map(\.id).sorted() == ["2025-N-4", "2026-N-1"])
            #expect(try await store.auditLog(entity: "nomination:2025-N-4", limit: 1).first?.actor == "admin")
        }
    }

    @Test("carry-over is a change to nominations, so only while nominations are open")
    func phase() async throws {
        try await withStore { store, _ in
            let programme = Programme(store: store, actor: "admin")
            try await programme.createCycle(Cycle(year: 2027, phase: .smart21Scoring))
            let error = await #expect(throws: AwardsError.self) { try await programme.carryOver(into: 2027) }
            #expect(error?.kind == .outOfPhase)
        }
    }
}
