import Awards
import Foundation
import Testing
import PostgresStorage
import Storage

/// What every `Outbox` must do, on SQLite and on PostgreSQL alike: one message per dedupe key,
/// claims that never hand one message to two servers, leases that run out, outcomes recorded only
/// by the claim that holds a message, and the organisers' retry.
@Suite("Outbox conformance")
struct OutboxConformanceTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func message(_ n: Int, kind: String = "phase-open") -> MailMessage {
        MailMessage(
            recipient: "person\(n)@example.org", language: n.isMultiple(of: 2) ? .fr : .vi, kind: kind,
            subject: "Sujet n° \(n) — Hà Nội", body: "Line one\n.line two starting with a dot\n", dedupeKey: "\(kind)/2027/smart21_scoring/person\(n)")
    }

    @Test("queueing is idempotent by dedupe key; a message reads back as queued, due at once", arguments: StoreKind.allCases)
    func idempotentQueue(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let store = t.store
            #expect(try await store.queue([Self.message(1), Self.message(2)], at: Self.start) == 2)
            #expect(try await store.queue([Self.message(2), Self.message(3)], at: Self.start.addingTimeInterval(60)) == 1)
            #expect(try await store.queue([Self.message(1)], at: Self.start) == 0)
            let all = try await store.outboxEntries(status: nil, limit: 100)
            #expect(all.count == 3)
            let first = try #require(all.first { $0.message.dedupeKey == Self.message(1).dedupeKey })
            #expect(first.message == Self.message(1))
            #expect(first.status == .queued && first.attempts == 0 && first.nextAttempt == Self.start && first.queuedAt == Self.start)
            #expect(first.sentAt == nil && first.lastError == nil)
            #expect(all.first?.message.dedupeKey == Self.message(3).dedupeKey, "newest first")
            #expect(try await store.outboxEntries(status: .sent, limit: 100).isEmpty)
            #expect(try await store.outboxEntries(status: nil, limit: 2).count == 2)
        }
    }

    @Test("a message that could forge headers or has a bad address is refused before it is queued", arguments: StoreKind.allCases)
    func refusesHostileMessages(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            var forged = Self.message(1)
            forged.subject = "Results\r\nBcc: everyone@example.org"
            await #expect(throws: AwardsError.self) { try await t.store.queue([forged], at: Self.start) }
            var address = Self.message(2)
            address.recipient = "a@example.org\r\nRCPT TO:<b@example.org>"
            await #expect(throws: AwardsError.self) { try await t.store.queue([Self.message(3), address], at: Self.start) }
            let queued = try await t.store.outboxEntries(status: nil, limit: 10)
            #expect(queued.isEmpty, "none of a batch is queued when one is refused")
        }
    }

    @Test("a claim takes due messages once, counts an attempt, and only that claim records the outcome", arguments: StoreKind.allCases)
    func claimAndRecord(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let store = t.store
            try await store.queue((1...3).map { Self.message($0) }, at: Self.start)
            let claimed = try await store.claimDue(at: Self.start, limit: 2, lease: 300)
            #expect(claimed.count == 2)
            #expect(claimed.allSatisfy { $0.status == .sending && $0.attempts == 1 && $0.claim != nil && $0.leaseUntil == Self.start.addingTimeInterval(300) })
            let rest = try await store.claimDue(at: Self.start, limit: 10, lease: 300)
            #expect(rest.count == 1)
            #expect(Set((claimed + rest).map(\.id)).count == 3)
            #expect(try await store.claimDue(at: Self.start.addingTimeInterval(299), limit: 10, lease: 300).isEmpty, "held while the lease lasts")

            let sentAt = Self.start.addingTimeInterval(5)
            #expect(try await store.recordSent(claimed[0], at: sentAt))
            #expect(try await !store.recordSent(claimed[0], at: sentAt), "recorded once")
            #expect(try await store.recordFailure(claimed[1], error: "451 4.3.0 try later", retryAt: Self.start.addingTimeInterval(60)))
            #expect(try await store.recordFailure(rest[0], error: "550 5.1.1 no such user", retryAt: nil))

            let entries = Dictionary(uniqueKeysWithValues: try await store.outboxEntries(status: nil, limit: 10).map { ($0.id, $0) })
            #expect(entries[claimed[0].id]?.status == .sent)
            #expect(entries[claimed[0].id]?.sentAt == sentAt)
            #expect(entries[claimed[1].id]?.status == .queued)
            #expect(entries[claimed[1].id]?.lastError == "451 4.3.0 try later")
            #expect(entries[claimed[1].id]?.nextAttempt == Self.start.addingTimeInterval(60))
            #expect(entries[rest[0].id]?.status == .failed)
            #expect(entries[rest[0].id]?.lastError == "550 5.1.1 no such user")

            #expect(try await store.claimDue(at: Self.start.addingTimeInterval(59), limit: 10, lease: 300).isEmpty, "not before its back-off")
            let again = try await store.claimDue(at: Self.start.addingTimeInterval(60), limit: 10, lease: 300)
            #expect(again.map(\.id) == [claimed[1].id])
            #expect(again.first?.attempts == 2)
            #expect(try await store.outboxEntries(status: .sent, limit: 10).map(\.id) == [claimed[0].id])
        }
    }

    @Test("a lease that runs out (the server stopped mid-send) lets another claim take the message; the stale claim records nothing", arguments: StoreKind.allCases)
    func expiredLease(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let store = t.store
            try await store.queue([Self.message(1)], at: Self.start)
            let stale = try #require(try await store.claimDue(at: Self.start, limit: 1, lease: 300).first)
            let fresh = try #require(try await store.claimDue(at: Self.start.addingTimeInterval(300), limit: 1, lease: 300).first)
            #expect(fresh.id == stale.id && fresh.claim != stale.claim && fresh.attempts == 2)
            #expect(try await !store.recordSent(stale, at: Self.start.addingTimeInterval(301)))
            #expect(try await !store.recordFailure(stale, error: "late", retryAt: nil))
            #expect(try await store.recordSent(fresh, at: Self.start.addingTimeInterval(302)))
            // A restart after `sent` finds nothing to send.
            try await t.reopened { again in
                let due = try await again.claimDue(at: Self.start.addingTimeInterval(100_000), limit: 10, lease: 300)
                #expect(due.isEmpty)
            }
        }
    }

    @Test("servers claiming at once each get different messages, and together all of them", arguments: StoreKind.allCases)
    func concurrentClaims(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await t.store.queue((1...60).map { Self.message($0) }, at: Self.start)
            try await t.reopened { other in
                let stores: [any Outbox] = [t.store, other, t.store, other]
                let ids = try await withThrowingTaskGroup(of: [String].self) { group in
                    for store in stores {
                        group.addTask {
                            var mine: [String] = []
                            while true {
                                let batch = try await store.claimDue(at: Self.start, limit: 4, lease: 300)
                                if batch.isEmpty { return mine }
                                mine += batch.map(\.id)
                            }
                        }
                    }
                    return try await group.reduce(into: [String]()) { $0 += $1 }
                }
                #expect(ids.count == 60, "no message claimed twice")
                #expect(Set(ids).count == 60)
            }
        }
    }

    @Test("organisers retry a failed message only; the retry is audited and counts attempts afresh", arguments: StoreKind.allCases)
    func retry(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let store = t.store
            try await store.queue([Self.message(1), Self.message(2)], at: Self.start)
            let claimed = try await store.claimDue(at: Self.start, limit: 2, lease: 300)
            try await store.recordFailure(claimed[0], error: "554 refused", retryAt: nil)
            do {
                try await store.retryMessage(claimed[1].id, at: Self.start, by: "admin")
                Issue.record("a message being sent cannot be retried")
            } catch let error as AwardsError {
                #expect(error.kind == .invalidState)
            }
            do {
                try await store.retryMessage("no-such-id", at: Self.start, by: "admin")
                Issue.record("an unknown message cannot be retried")
            } catch let error as AwardsError {
                #expect(error.kind == .unknownReference)
            }
            try await store.retryMessage(claimed[0].id, at: Self.start.addingTimeInterval(10), by: "admin")
            let entry = try #require(try await store.outboxEntries(status: .queued, limit: 10).first)
            #expect(entry.id == claimed[0].id && entry.attempts == 0 && entry.nextAttempt == Self.start.addingTimeInterval(10))
            #expect(entry.lastError == "554 refused", "the last failure stays for the record")
            let audit = try await store.auditLog(entity: "outbox:", limit: 10)
            #expect(audit.map(\.action) == ["retry"])
            #expect(audit.first?.actor == "admin")
        }
    }
}

extension OutboxConformanceTests {
    @Test("a signing key is made once, by whichever server proposes it first, and kept across restarts", arguments: StoreKind.allCases)
    func signingKey(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            #expect(try await t.store.signingKey("reminder-opt-out", proposed: "first") == "first")
            #expect(try await t.store.signingKey("reminder-opt-out", proposed: "second") == "first")
            #expect(try await t.store.signingKey("other", proposed: "third") == "third")
            try await t.reopened { again in
                let key = try await again.signingKey("reminder-opt-out", proposed: "fourth")
                #expect(key == "first")
            }
        }
    }
}
