/// More time an organiser grants one person for one phase's submissions: a community for its
/// nomination, an analyst for their reviews, a juror for their ballot. Stored with the cycle, so
/// that the audit log keeps who granted it, when, and the reason.
public struct DeadlineExtension: Sendable, Codable, Equatable {
    /// The person given more time: a community's id, an analyst's id or a juror's id, as their
    /// submissions name them.
    public var person: String
    /// The phase whose deadline is extended.
    public var phase: Phase
    /// The new due time, written as a phase's due time is (see `Deadline`).
    public var until: String
    /// Why, for the record.
    public var reason: String

    public init(person: String, phase: Phase, until: String, reason: String) {
        self.person = person
        self.phase = phase
        self.until = until
        self.reason = reason
    }
}
