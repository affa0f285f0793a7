/// A message the platform wants to send one person: what it says and to whom, before it is
/// queued.
///
/// `dedupeKey` names the event and the recipient (`phase-open/2027/smart21_scoring/ana`): the
/// outbox keeps one message per key, so that an action repeated, or re-run after a crash, never
/// writes to anyone twice.
public struct MailMessage: Sendable, Equatable {
    /// The recipient's address (checked by `EmailAddress`).
    public var recipient: String
    /// The language the message is written in.
    public var language: Language
    /// What the message is about (`phase-open`, `assignment`, `results`, `reminder`), for
    /// the organisers' list and for filtering.
    public var kind: String
    /// The subject line, one line of plain text (any language).
    public var subject: String
    /// The body, plain text.
    public var body: String
    /// The event and recipient the message is for, unique in the outbox.
    public var dedupeKey: String

    public init(recipient: String, language: Language, kind: String, subject: String, body: String, dedupeKey: String) {
        self.recipient = recipient
        self.language = language
        self.kind = kind
        self.subject = subject
        self.body = body
        self.dedupeKey = dedupeKey
    }

    /// Every problem that would let the message harm the mail it becomes: an address that is not
    /// one, a subject or kind that would end its header line (CR, LF or another control
    /// character), an empty or over-long key.
    public func problems() -> [AwardsError] {
        var problems: [AwardsError] = []
        if let problem = EmailAddress.problem(recipient) { problems.append(AwardsError(.invalidValue, problem, field: "recipient")) }
        for (field, text, limit) in [("subject", subject, 998), ("kind", kind, 64), ("dedupeKey", dedupeKey, 500)] {
            if text.isEmpty || text.count > limit || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                problems.append(AwardsError(.invalidValue, "the \(field) must be 1 to \(limit) characters on one line, without control characters", field: field))
            }
        }
        return problems
    }
}
