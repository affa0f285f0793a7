import Foundation
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

    /// The page of entries `query` selects, newest first.
    static func page(_ query: AuditQuery) -> PostgresQuery {
        var bindings = PostgresBindings()
        let filter = filter(query, &bindings)
        bindings.append(max(0, query.limit))
        bindings.append(max(0, query.offset))
        return PostgresQuery(
            unsafeSQL: "SELECT id, at, actor, action, entity, before, after, reason FROM audit_log\(filter) ORDER BY id DESC LIMIT $\(bindings.count - 1) OFFSET $\(bindings.count)",
            binds: bindings)
    }

    /// How many entries `query` selects, on every page.
    static func count(_ query: AuditQuery) -> PostgresQuery {
        var bindings = PostgresBindings()
        let filter = filter(query, &bindings)
        return PostgresQuery(unsafeSQL: "SELECT count(*)::bigint FROM audit_log" + filter, binds: bindings)
    }

    /// The `WHERE` clause of `query`, its values bound as parameters: the entity a literal
    /// prefix (`starts_with`, so `%` and `_` mean themselves, as `SQLiteStore` escapes them), the
    /// actor exact, the time stamps compared as the ISO 8601 text both stores write.
    private static func filter(_ query: AuditQuery, _ bindings: inout PostgresBindings) -> String {
        var conditions: [String] = []
        for (condition, value) in [("starts_with(entity, $?)", query.entity), ("actor = $?", query.actor), ("at >= $?", query.from), ("at < $?", query.before)] {
            guard let value else { continue }
            bindings.append(value)
            conditions.append(condition.replacingOccurrences(of: "$?", with: "$\(bindings.count)"))
        }
        return conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }

    /// An entry read by `page`.
    static func entry(_ row: PostgresRow) throws -> AuditEntry {
        let (id, at, actor, action, entity, before, after, reason) = try row.decode((Int64, String, String, String, String, String?, String?, String?).self)
        return AuditEntry(id: id, at: at, actor: actor, action: action, entity: entity, before: before, after: after, reason: reason)
    }
}
