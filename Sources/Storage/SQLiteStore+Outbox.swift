import Awards
import Foundation
import GRDB

/// The outbox in the SQLite file. SQLite runs one writer at a time, so a claim that reads the
/// due messages and marks them in one write transaction cannot meet another claim half-way.
extension SQLiteStore: Outbox {
    /// The columns an `OutboxEntry` is read from, in `entry(_:)`'s order.
    private static let entryColumns = """
        id, dedupe_key, recipient, language, kind, subject, body, status, attempts, next_attempt, lease_until, claim, last_error, sent_at, queued_at
        """

    @discardableResult
    public func queue(_ messages: [MailMessage], at date: Date) async throws(AwardsError) -> Int {
        for message in messages { if let problem = message.problems().first { throw problem } }
        return try await transaction(by: "system") { db, _ in try Self.insert(messages, at: date, into: db) }
    }

    public func queue(_ messages: [MailMessage], at date: Date, recording action: String, on entity: String, by actor: String) async throws(AwardsError) -> Int {
        for message in messages { if let problem = message.problems().first { throw problem } }
        return try await transaction(by: actor) { db, log in
            let added = try Self.insert(messages, at: date, into: db)
            try log(action, entity, nil, "{\"messages\":\(messages.count),\"queued\":\(added)}", nil)
            return added
        }
    }

    /// Inserts the messages whose dedupe keys are new; returns how many were.
    private static func insert(_ messages: [MailMessage], at date: Date, into db: Database) throws -> Int {
        var added = 0
        for message in messages {
            try db.execute(
                sql: """
                    INSERT INTO outbox (id, dedupe_key, recipient, language, kind, subject, body, status, attempts, next_attempt, queued_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
                    """,
                arguments: [
                    UUID().uuidString.lowercased(), message.dedupeKey, message.recipient, message.language.rawValue, message.kind,
                    message.subject, message.body, date.timeIntervalSince1970, date.timeIntervalSince1970,
                ])
            added += db.changesCount
        }
        return added
    }

    public func claimDue(at date: Date, limit: Int, lease: TimeInterval) async throws(AwardsError) -> [OutboxEntry] {
        let now = date.timeIntervalSince1970
        let claim = UUID().uuidString.lowercased()
        return try await transaction(by: "system") { db, _ in
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM outbox WHERE (status = 'queued' AND next_attempt <= ?) OR (status = 'sending' AND lease_until <= ?)
                    ORDER BY next_attempt, id LIMIT ?
                    """,
                arguments: [now, now, max(0, limit)])
            var claimed: [OutboxEntry] = []
            for id in ids {
                try db.execute(
                    sql: "UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = ?, claim = ? WHERE id = ?",
                    arguments: [now + lease, claim, id])
                if let row = try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM outbox WHERE id = ?", arguments: [id]) {
                    claimed.append(try Self.entry(row))
                }
            }
            return claimed
        }
    }

    @discardableResult
    public func recordSent(_ entry: OutboxEntry, at date: Date) async throws(AwardsError) -> Bool {
        try await transaction(by: "system") { db, _ in
            try db.execute(
                sql: """
                    UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL
                    WHERE id = ? AND status = 'sending' AND claim = ?
                    """,
                arguments: [date.timeIntervalSince1970, entry.id, entry.claim])
            return db.changesCount == 1
        }
    }

    @discardableResult
    public func recordFailure(_ entry: OutboxEntry, error: String, retryAt: Date?) async throws(AwardsError) -> Bool {
        try await transaction(by: "system") { db, _ in
            try db.execute(
                sql: """
                    UPDATE outbox SET status = ?, next_attempt = COALESCE(?, next_attempt), lease_until = NULL, last_error = ?
                    WHERE id = ? AND status = 'sending' AND claim = ?
                    """,
                arguments: [retryAt == nil ? "failed" : "queued", retryAt?.timeIntervalSince1970, error, entry.id, entry.claim])
            return db.changesCount == 1
        }
    }

    public func outboxEntries(status: OutboxEntry.Status?, limit: Int) async throws(AwardsError) -> [OutboxEntry] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.entryColumns) FROM outbox WHERE ? IS NULL OR status = ? ORDER BY queued_at DESC, id LIMIT ?",
                arguments: [status?.rawValue, status?.rawValue, max(0, limit)]
            ).map(Self.entry)
        }
    }

    public func retryMessage(_ id: String, at date: Date, by actor: String) async throws(AwardsError) {
        try await write("retry", "outbox:\(id)", by: actor) { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM outbox WHERE id = ?", arguments: [id]) else {
                throw AwardsError(.unknownReference, "there is no message '\(id)' in the outbox", field: "id")
            }
            guard status == OutboxEntry.Status.failed.rawValue else {
                throw AwardsError(.invalidState, "the message is \(status); only a failed message is sent again", field: "id")
            }
            try db.execute(
                sql: "UPDATE outbox SET status = 'queued', attempts = 0, next_attempt = ?, claim = NULL WHERE id = ?",
                arguments: [date.timeIntervalSince1970, id])
            return ("{\"status\":\"failed\"}", "{\"status\":\"queued\"}")
        }
    }

    public func signingKey(_ name: String, proposed: String) async throws(AwardsError) -> String {
        try await transaction(by: "system") { db, _ in
            try db.execute(sql: "INSERT INTO platform_key (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", arguments: [name, proposed])
            return try String.fetchOne(db, sql: "SELECT value FROM platform_key WHERE name = ?", arguments: [name]) ?? proposed
        }
    }

    private static func entry(_ row: Row) throws -> OutboxEntry {
        guard let language = Language(rawValue: row["language"]), let status = OutboxEntry.Status(rawValue: row["status"]) else {
            throw AwardsError(.storage, "the outbox message \(row["id"] as String) has an unknown language or status")
        }
        let date = { (column: String) -> Date? in (row[column] as Double?).map(Date.init(timeIntervalSince1970:)) }
        return OutboxEntry(
            id: row["id"],
            message: MailMessage(
                recipient: row["recipient"], language: language, kind: row["kind"], subject: row["subject"], body: row["body"], dedupeKey: row["dedupe_key"]),
            status: status, attempts: row["attempts"], nextAttempt: date("next_attempt") ?? .distantPast, leaseUntil: date("lease_until"),
            claim: row["claim"], lastError: row["last_error"], sentAt: date("sent_at"), queuedAt: date("queued_at") ?? .distantPast)
    }
}
