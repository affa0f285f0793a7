/// One row of the append-only audit log: who changed what, when, from what to what.
public struct AuditEntry: Sendable, Codable, Equatable {
    /// The entry's position in the log.
    public var id: Int64
    /// When (ISO 8601, UTC).
    public var at: String
    /// Who: a user id, or `system` for imports and jobs.
    public var actor: String
    /// What was done (`create`, `update`, `replace`, …).
    public var action: String
    /// What it was done to (`nomination:N-001`, `cycle:2026`, …).
    public var entity: String
    /// The entity before, as JSON; `nil` when it was created.
    public var before: String?
    /// The entity after, as JSON; `nil` when it was removed.
    public var after: String?
    /// The reason given, where one is required.
    public var reason: String?

    /// Creates an entry.
    public init(id: Int64, at: String, actor: String, action: String, entity: String, before: String?, after: String?, reason: String?) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.before = before
        self.after = after
        self.reason = reason
    }
}
