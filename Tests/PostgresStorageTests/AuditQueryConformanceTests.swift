import Awards
import Foundation
import Testing
import PostgresStorage
import Storage

/// The audit log read a page at a time, filtered by actor, entity and time in the database: the
/// same entries and counts from SQLite and PostgreSQL, checked against a filter written here
/// over the rows the test inserted.
@Suite("Audit log queries")
struct AuditQueryConformanceTests {
    /// 130 entries over 13 days of January 2027, by three actors, on four kinds of entity.
    static let rows: [(at: String, actor: String, entity: String)] = (0..<130).map { i in
        let day = String(format: "2027-01-%02d", 1 + i / 10)
        return ("\(day)T\(String(format: "%02d", i % 10 + 8)):00:00Z", ["admin", "analyst", "community"][i % 3], ["nomination:N-\(i)", "review:R-\(i)", "cycle:2027", "ballot:J_\(i)"][i % 4])
    }

    @Test("filters and pages agree with a filter over the inserted rows, on both stores", arguments: StoreKind.allCases)
    func paging(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            for row in Self.rows {
                try await t.execute("INSERT INTO audit_log (at, actor, action, entity, before, after, reason) VALUES ('\(row.at)', '\(row.actor)', 'update', '\(row.entity)', NULL, '{}', NULL)")
            }
            // Ids rise with insertion, so newest first is the inserted order reversed.
            let newestFirst = Array(Self.rows.reversed())
            func expected(_ keep: ((at: String, actor: String, entity: String)) -> Bool) -> [String] { newestFirst.filter(keep).map(\.entity) }

            let first = try await t.store.auditLog(AuditQuery(limit: 50))
            #expect(first.total == 130)
            #expect(first.entries.map(\.entity) == Array(expected { _ in true }.prefix(50)))
            let third = try await t.store.auditLog(AuditQuery(limit: 50, offset: 100))
            #expect(third.entries.map(\.entity) == Array(expected { _ in true }.dropFirst(100)))
            #expect(third.entries.count == 30)
            #expect(try await t.store.auditLog(AuditQuery(limit: 50, offset: 500)).entries.isEmpty)

            let analyst = try await t.store.auditLog(AuditQuery(actor: "analyst", limit: 200))
            #expect(analyst.entries.map(\.entity) == expected { $0.actor == "analyst" })
            #expect(analyst.total == 43)
            #expect(try await t.store.auditLog(AuditQuery(actor: "analys", limit: 10)).total == 0, "the actor is matched exactly")

            let nominations = try await t.store.auditLog(AuditQuery(entity: "nomination:", limit: 10, offset: 10))
            #expect(nominations.total == 33)
            #expect(nominations.entries.map(\.entity) == Array(expected { $0.entity.hasPrefix("nomination:") }.dropFirst(10).prefix(10)))
            #expect(try await t.store.auditLog(AuditQuery(entity: "ballot:J_1", limit: 100)).total == 10, "J_11, J_15, J_19 and J_103 to J_127")
            #expect(try await t.store.auditLog(AuditQuery(entity: "ballot:J%", limit: 100)).total == 0, "the entity is a literal prefix")

            // 3 to 5 January included, by the community.
            let range = try AuditQuery(actor: "community", entity: nil, fromDay: "2027-01-03", untilDay: "2027-01-05", limit: 100, offset: 0)
            let days = try await t.store.auditLog(range)
            #expect(days.entries.map(\.entity) == expected { $0.actor == "community" && $0.at >= "2027-01-03" && $0.at < "2027-01-06" })
            #expect(days.total == 10)
        }
    }

    @Test("a day range is checked: malformed days and an end before the start name their field")
    func dayRange() throws {
        for (from, until, field) in [("2027-13-01", "", "from"), ("", "5 January", "until"), ("2027-01-05", "2027-01-04", "until")] {
            #expect(throws: AwardsError.self, "\(from)–\(until)") { try AuditQuery(actor: nil, entity: nil, fromDay: from, untilDay: until, limit: 1, offset: 0) }
            do {
                _ = try AuditQuery(actor: nil, entity: nil, fromDay: from, untilDay: until, limit: 1, offset: 0)
            } catch {
                #expect(error.field == field)
            }
        }
        #expect(try AuditQuery(actor: nil, entity: nil, fromDay: "", untilDay: "2027-12-31", limit: 1, offset: 0).before == "2028-01-01")
        #expect(try AuditQuery(actor: nil, entity: nil, fromDay: nil, untilDay: "2028-02-28", limit: 1, offset: 0).before == "2028-02-29")
    }
}
