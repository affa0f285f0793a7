import Awards
import PostgresNIO

/// The statements on the append-only `audit_log`, one set for every PostgreSQL store, so that
/// each writes and reads the same entries as `SQLiteStore` does.
enum PostgresAudit {
    /// Appends one entry; run inside the transaction of the change it records.
    static func append(at: String, actor: String, action: String, entity: String, before: String?, after: String?, reason: String?) -> PostgresQuery {
        """
        INSERT INTO audit_log (at, actor, action, entity, before, after, reason)
        VALUES (\(at), \(actor), \(action), \(entity), \(before), \(after), \(reason))
        """
    }

    /// The newest `limit` entries, newest first, of the entities whose names start with
    /// `entity` (a literal prefix), or of all.
    static func newest(entity: String?, limit: Int) -> PostgresQuery {
        let columns = "SELECT id, at, actor, action, entity, before, after, reason FROM audit_log"
        return if let entity {
            "\(unescaped: columns) WHERE starts_with(entity, \(entity)) ORDER BY id DESC LIMIT \(max(0, limit))"
        } else {
            "\(unescaped: columns) ORDER BY id DESC LIMIT \(max(0, limit))"
        }
    }

    /// An entry read by `newest`.
    static func entry(_ row: PostgresRow) throws -> AuditEntry {
        let (id, at, actor, action, entity, before, after, reason) = try row.decode((Int64, String, String, String, String, String?, String?, String?).self)
        return AuditEntry(id: id, at: at, actor: actor, action: action, entity: entity, before: before, after: after, reason: reason)
    }
}
