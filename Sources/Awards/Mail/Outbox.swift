import Foundation

/// Where the platform keeps the messages it sends, so that none is lost between the event that
/// queues it and the relay that accepts it, whatever stops in between.
///
/// Any number of servers may share one outbox: a message is claimed by one of them for a lease
/// (`claimDue`), and only that claim records how the attempt ended. A server that stops while
/// sending leaves its claim to run out; another server then takes the message again — so a
/// message is delivered at least once, and more than once only if a server stopped after the
/// relay accepted it and before it recorded so (every copy then carries the same `Message-ID`).
public protocol Outbox: Sendable {
    /// Queues the messages whose dedupe keys the outbox does not hold yet, due at once; returns
    /// how many were new. Queueing the same event again adds nothing.
    @discardableResult
    func queue(_ messages: [MailMessage], at date: Date) async throws(AwardsError) -> Int

    /// Queues `messages` as `queue(_:at:)` does and, in the same transaction, writes to the audit
    /// log that `actor` did `action` on `entity`, with how many messages were asked for and how
    /// many were new: for messages a person chose to send (a bulk reminder), whose sending is
    /// their decision to account for.
    @discardableResult
    func queue(_ messages: [MailMessage], at date: Date, recording action: String, on entity: String, by actor: String) async throws(AwardsError) -> Int

    /// Claims up to `limit` messages due at `date` — queued ones whose time has come, and ones
    /// whose earlier claim ran out — for `lease` seconds, counting an attempt for each. Servers
    /// claiming at once never get the same message.
    func claimDue(at date: Date, limit: Int, lease: TimeInterval) async throws(AwardsError) -> [OutboxEntry]

    /// Records that the relay accepted a claimed message; `false` (nothing changed) when the
    /// claim no longer holds it.
    @discardableResult
    func recordSent(_ entry: OutboxEntry, at date: Date) async throws(AwardsError) -> Bool

    /// Records a failed attempt of a claimed message: queued again for `retryAt`, or failed for
    /// good when it is `nil`; `false` (nothing changed) when the claim no longer holds it.
    @discardableResult
    func recordFailure(_ entry: OutboxEntry, error: String, retryAt: Date?) async throws(AwardsError) -> Bool

    /// The messages, newest first, only those in `status` when given.
    func outboxEntries(status: OutboxEntry.Status?, limit: Int) async throws(AwardsError) -> [OutboxEntry]

    /// Queues a failed message again, due at `date` with its attempts counted afresh; the
    /// organiser's decision is written to the audit log. `.invalidState` unless it failed.
    func retryMessage(_ id: String, at date: Date, by actor: String) async throws(AwardsError)

    /// The platform's secret key named `name` (one that signs links in messages): the one kept,
    /// or `proposed`, kept from now on, when there is none. Every server on the database gets the
    /// same key, whichever proposed it first.
    func signingKey(_ name: String, proposed: String) async throws(AwardsError) -> String
}
