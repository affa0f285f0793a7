import Awards
import Foundation
import Logging
import ServiceLifecycle

/// The service that empties the outbox into the SMTP relay, beside the server in its
/// `ServiceGroup`, until the server shuts down.
///
/// Every `interval` it claims the messages due (`Outbox.claimDue`, safe with any number of
/// servers on one database) and hands each to the relay. A message is recorded `sent` only after
/// the relay's 250 to the end of its data. A failure is tried again after a back-off that
/// doubles with every attempt (`retryDelay`), until `maxAttempts`; a permanent refusal (a 5xx
/// reply) or the last attempt leaves it `failed` with the relay's reply.
///
/// What this guarantees is at-least-once delivery: if the server stops after the relay accepted a
/// message and before `sent` is recorded, the claim's lease runs out and the message goes again,
/// with the same `Message-ID`, which lets mail systems drop the copy. A message recorded `sent`
/// is never sent again, whatever restarts.
public struct MailDelivery: Service {
    /// How the service paces itself.
    public struct Policy: Sendable {
        /// How often it looks for due messages.
        public var interval: Duration = .seconds(15)
        /// How many messages one look claims.
        public var batch = 20
        /// How long a claim holds a message; longer than a conversation with the relay may last
        /// (`SMTPClient.deadline`), so that a live server's claim never runs out mid-send.
        public var lease: TimeInterval = 600
        /// Attempts before a message is given up.
        public var maxAttempts = 8
        /// The wait after the first failed attempt; each further one doubles it.
        public var firstRetry: TimeInterval = 60

        public init() {}

        /// The wait before attempt `attempts + 1`, after `attempts` failed ones.
        func retryDelay(after attempts: Int) -> TimeInterval {
            firstRetry * pow(2, Double(max(0, attempts - 1)))
        }
    }

    let outbox: any Outbox
    var client: SMTPClient
    let sender: MailSender
    let policy: Policy
    let clock: @Sendable () -> Date
    let logger: Logger

    init(outbox: any Outbox, relay: MailRelay, sender: MailSender, policy: Policy = Policy(), clock: @escaping @Sendable () -> Date = Date.init, logger: Logger) {
        self.outbox = outbox
        client = SMTPClient(relay: relay, hostname: sender.domain)
        self.sender = sender
        self.policy = policy
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    while try await deliverDue() == policy.batch {}
                } catch {
                    logger.error("The outbox could not be read", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: policy.interval)
            }
        }
    }

    /// Claims the messages due now and hands each to the relay; returns how many were claimed.
    @discardableResult
    func deliverDue() async throws(AwardsError) -> Int {
        let claimed = try await outbox.claimDue(at: clock(), limit: policy.batch, lease: policy.lease)
        for entry in claimed { try await deliver(entry) }
        return claimed.count
    }

    private func deliver(_ entry: OutboxEntry) async throws(AwardsError) {
        guard entry.attempts <= policy.maxAttempts else {
            // Claimed again and again by servers that stopped mid-send: given up, not tried forever.
            try await outbox.recordFailure(entry, error: entry.lastError ?? "every attempt was interrupted", retryAt: nil)
            return
        }
        do throws(SMTPFailure) {
            try await client.send(MailComposition.text(entry, from: sender, date: clock()), from: sender.address, to: entry.message.recipient)
        } catch {
            let retry = error.permanent || entry.attempts >= policy.maxAttempts ? nil : clock().addingTimeInterval(policy.retryDelay(after: entry.attempts))
            logger.warning(
                "A message could not be sent", metadata: ["id": "\(entry.id)", "attempt": "\(entry.attempts)", "error": "\(error)", "retry": "\(retry.map { "\($0)" } ?? "no")"])
            try await outbox.recordFailure(entry, error: String(error.description.prefix(1000)), retryAt: retry)
            return
        }
        try await outbox.recordSent(entry, at: clock())
    }
}
