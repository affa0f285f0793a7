import Awards
import Foundation
import PostgresNIO

/// The outbox on PostgreSQL, shared by every server on the database: a claim takes the due rows
/// it can lock and skips those another server's claim is locking at that moment
/// (`FOR UPDATE SKIP LOCKED`), so two servers never take one message, and neither waits for the
/// other. A claim's lease outlives the transaction: a server that stops mid-send leaves the row
/// `sending` until the lease runs out, when any server may take it again.
extension PostgresPlatformStore: Outbox {
    /// The columns an `OutboxEntry` is read from.
    private static let entryColumns = """
        id, dedupe_key, recipient, language, kind, subject, body, status, attempts, next_attempt, lease_until, claim, last_error, sent_at, queued_at
        """

    @discardableResult
    public func queue(_ messages: [MailMessage], at date: Date) async throws(AwardsError) -> Int {
        for message in messages { if let problem = message.problems().first { throw problem } }
        return try await transaction(by: "system") { db, _ in try await insert(messages, at: date, into: db) }
    }

    public func queue(_ messages: [MailMessage], at date: Date, recording action: String, on entity: String, by actor: String) async throws(AwardsError) -> Int {
        for message in messages { if let problem = message.problems().first { throw problem } }
        return try await transaction(by: actor) { db, log in
            let added = try await insert(messages, at: date, into: db)
            try await log(action, entity, nil, "{\"messages\":\(messages.count),\"queued\":\(added)}", nil)
            return added
        }
    }

    /// Inserts the messages whose dedupe keys are new; returns how many were.
    private func insert(_ messages: [MailMessage], at date: Date, into db: PostgresConnection) async throws -> Int {
        let now = date.timeIntervalSince1970
        var added = 0
        for message in messages {
            added += try await rows(db, """
                INSERT INTO outbox (id, dedupe_key, recipient, language, kind, subject, body, status, attempts, next_attempt, queued_at)
                VALUES (\(UUID().uuidString.lowercased()), \(message.dedupeKey), \(message.recipient), \(message.language.rawValue), \(message.kind),
                    \(message.subject), \(message.body), 'queued', 0, \(now), \(now))
                ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1
                """).count
        }
        return added
    }

    public func claimDue(at date: Date, limit: Int, lease: TimeInterval) async throws(AwardsError) -> [OutboxEntry] {
        let now = date.timeIntervalSince1970
        let claim = UUID().uuidString.lowercased()
        return try await transaction(by: "system") { db, _ in
            try await rows(db, """
                UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = \(now + lease), claim = \(claim)
                WHERE id IN (
                    SELECT id FROM outbox
                    WHERE (status = 'queued' AND next_attempt <= \(now)) OR (status = 'sending' AND lease_until <= \(now))
                    ORDER BY next_attempt, id LIMIT \(max(0, limit))
                    FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.entryColumns)
                """).map(Self.entry).sorted { ($0.nextAttempt, $0.id) < ($1.nextAttempt, $1.id) }
        }
    }

    @discardableResult
    public func recordSent(_ entry: OutboxEntry, at date: Date) async throws(AwardsError) -> Bool {
        try await transaction(by: "system") { db, _ in
            try await !rows(db, """
                UPDATE outbox SET status = 'sent', sent_at = \(date.timeIntervalSince1970), lease_until = NULL, last_error = NULL
                WHERE id = \(entry.id) AND status = 'sending' AND claim = \(entry.claim) RETURNING 1
                """).isEmpty
        }
    }

    @discardableResult
    public func recordFailure(_ entry: OutboxEntry, error: String, retryAt: Date?) async throws(AwardsError) -> Bool {
        try await transaction(by: "system") { db, _ in
            try await !rows(db, """
                UPDATE outbox SET status = \(retryAt == nil ? "failed" : "queued"), next_attempt = COALESCE(\(retryAt?.timeIntervalSince1970), next_attempt),
                    lease_until = NULL, last_error = \(error)
                WHERE id = \(entry.id) AND status = 'sending' AND claim = \(entry.claim) RETURNING 1
                """).isEmpty
        }
    }

    public func outboxEntries(status: OutboxEntry.Status?, limit: Int) async throws(AwardsError) -> [OutboxEntry] {
        try await read { db in
            try await rows(db, """
                SELECT \(unescaped: Self.entryColumns) FROM outbox WHERE \(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)
                ORDER BY queued_at DESC, id COLLATE "C" LIMIT \(max(0, limit))
                """).map(Self.entry)
        }
    }

    public func retryMessage(_ id: String, at date: Date, by actor: String) async throws(AwardsError) {
        try await write("retry", "outbox:\(id)", by: actor) { db in
            guard let status = try await string(db, "SELECT status FROM outbox WHERE id = \(id) FOR UPDATE") else {
                throw AwardsError(.unknownReference, "there is no message '\(id)' in the outbox", field: "id")
            }
            guard status == OutboxEntry.Status.failed.rawValue else {
                throw AwardsError(.invalidState, "the message is \(status); only a failed message is sent again", field: "id")
            }
            try await execute(db, "UPDATE outbox SET status = 'queued', attempts = 0, next_attempt = \(date.timeIntervalSince1970), claim = NULL WHERE id = \(id)")
            return ("{\"status\":\"failed\"}", "{\"status\":\"queued\"}")
        }
    }

    public func signingKey(_ name: String, proposed: String) async throws(AwardsError) -> String {
        try await transaction(by: "system") { db, _ in
            try await execute(db, "INSERT INTO platform_key (name, value) VALUES (\(name), \(proposed)) ON CONFLICT (name) DO NOTHING")
            return try await string(db, "SELECT value FROM platform_key WHERE name = \(name)") ?? proposed
        }
    }

    private static func entry(_ row: PostgresRow) throws -> OutboxEntry {
        let cells = row.makeRandomAccess()
        func value<T: PostgresDecodable>(_ column: String, _ type: T.Type) throws -> T { try cells[column].decode(T.self) }
        func date(_ column: String) throws -> Date? { try value(column, Double?.self).map(Date.init(timeIntervalSince1970:)) }
        let id = try value("id", String.self)
        guard let language = Language(rawValue: try value("language", String.self)), let status = OutboxEntry.Status(rawValue: try value("status", String.self)) else {
            throw AwardsError(.storage, "the outbox message \(id) has an unknown language or status")
        }
        return OutboxEntry(
            id: id,
            message: MailMessage(
                recipient: try value("recipient", String.self), language: language, kind: try value("kind", String.self),
                subject: try value("subject", String.self), body: try value("body", String.self), dedupeKey: try value("dedupe_key", String.self)),
            status: status, attempts: try value("attempts", Int.self), nextAttempt: try date("next_attempt") ?? .distantPast,
            leaseUntil: try date("lease_until"), claim: try value("claim", String?.self), lastError: try value("last_error", String?.self),
            sentAt: try date("sent_at"), queuedAt: try date("queued_at") ?? .distantPast)
    }
}
