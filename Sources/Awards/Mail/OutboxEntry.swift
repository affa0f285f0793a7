import Foundation

/// A message in the outbox, with where its delivery stands.
public struct OutboxEntry: Sendable, Equatable, Identifiable {
    /// Where a message's delivery stands.
    public enum Status: String, Sendable, CaseIterable {
        /// Waiting to be sent at `nextAttempt`.
        case queued
        /// Claimed by one server, which is talking to the relay; if that server stops, the
        /// claim runs out at `leaseUntil` and another server takes the message again.
        case sending
        /// The relay accepted it (its 250 reply to the end of the data).
        case sent
        /// Given up: the relay refused it for good, or every attempt failed.
        case failed
    }

    /// The message's id; its `Message-ID` header is made from it, so every attempt carries the
    /// same one and a recipient's mail system can recognise a repeat.
    public var id: String
    public var message: MailMessage
    public var status: Status
    /// How many times a server has claimed the message to send it.
    public var attempts: Int
    /// When the message may next be sent.
    public var nextAttempt: Date
    /// Until when the server that claimed it holds it (while `sending`).
    public var leaseUntil: Date?
    /// The token of the claim that holds it: only that claim may record the outcome, so a
    /// server whose lease ran out cannot overwrite what another has since done.
    public var claim: String?
    /// The last failure: the relay's reply, or what went wrong before it answered.
    public var lastError: String?
    /// When the relay accepted it.
    public var sentAt: Date?
    /// When it was queued.
    public var queuedAt: Date

    public init(
        id: String, message: MailMessage, status: Status = .queued, attempts: Int = 0, nextAttempt: Date, leaseUntil: Date? = nil,
        claim: String? = nil, lastError: String? = nil, sentAt: Date? = nil, queuedAt: Date
    ) {
        self.id = id
        self.message = message
        self.status = status
        self.attempts = attempts
        self.nextAttempt = nextAttempt
        self.leaseUntil = leaseUntil
        self.claim = claim
        self.lastError = lastError
        self.sentAt = sentAt
        self.queuedAt = queuedAt
    }
}
