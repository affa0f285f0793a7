import Awards
import Foundation
import Testing

/// A cycle's rubric descriptors and site-visit notes, kept in the cycle's body, on SQLite and on
/// PostgreSQL alike.
@Suite("Rubric and dossier storage")
struct RubricConformanceTests {
    static let descriptors = [
        ScoreDescriptor(factor: "Connect", score: 2, text: "Few services online.", translations: ["fr": "Peu de services en ligne.", "vi": "Ít dịch vụ trực tuyến."]),
        ScoreDescriptor(factor: "Connect", score: 7.5, text: "Most services online, \"measured\" monthly."),
        ScoreDescriptor(factor: "Sustain", score: 10, text: "Net zero by design."),
    ]

    @Test("descriptors and site-visit notes round-trip, also after a restart, and their change is audited", arguments: StoreKind.allCases)
    func roundTrip(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let cycle = Cycle(year: 2027, phase: .siteVisits, descriptors: Self.descriptors, siteVisitNotes: ["N-1": "Met the co-operative's board.\nFibre in 9 of 10 villages — ảnh đính kèm."])
            try await t.store.createCycle(cycle, by: "admin")
            #expect(try await t.store.cycle(2027) == cycle)
            try await t.reopened { again in
                let reread = try await again.cycle(2027)
                #expect(reread.descriptors == Self.descriptors)
                #expect(reread.siteVisitNotes["N-1"] == "Met the co-operative's board.\nFibre in 9 of 10 villages — ảnh đính kèm.")
            }
            var changed = cycle
            changed.descriptors[1].text = "Every service online."
            try await t.store.updateCycle(changed, by: "organiser")
            let entry = try #require(try await t.store.auditLog(entity: "cycle:2027", limit: 1).first)
            #expect(entry.actor == "organiser")
            #expect(entry.before?.contains("measured") == true && entry.after?.contains("Every service online.") == true)
        }
    }

    @Test("a cycle body stored before descriptors and notes reads back with the standard descriptors and no notes", arguments: StoreKind.allCases)
    func olderBody(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let cycle = Cycle(year: 2026, phase: .juryVote, descriptors: Self.descriptors, siteVisitNotes: ["N-1": "Note"])
            try await t.store.createCycle(cycle, by: "admin")
            var fields = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(cycle)) as? [String: Any])
            fields["descriptors"] = nil
            fields["siteVisitNotes"] = nil
            let legacy = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self).replacingOccurrences(of: "'", with: "''")
            try await t.execute("UPDATE cycle SET body = '\(legacy)' WHERE year = 2026")
            try await t.reopened { again in
                let reread = try await again.cycle(2026)
                #expect(reread.descriptors == ScoreDescriptor.standard(for: Factor.standard, low: 1, high: 10))
                #expect(reread.descriptors.count == 18)
                #expect(reread.siteVisitNotes.isEmpty)
            }
        }
    }
}
