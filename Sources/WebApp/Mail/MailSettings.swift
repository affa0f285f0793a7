import Awards

/// How the platform sends its messages: through which relay, from whom, and where their links
/// lead. With no relay, messages are queued and wait in the outbox.
public struct MailSettings: Sendable {
    public var relay: MailRelay?
    public var sender: MailSender
    /// Where the links in messages lead, without a final slash.
    public var links: String

    public init(relay: MailRelay? = nil, sender: MailSender = .standard, links: String = "http://127.0.0.1:8080") {
        self.relay = relay
        self.sender = sender
        self.links = links
    }

    /// The settings of a configuration (checked when it was loaded).
    init(_ configuration: WebConfiguration) throws(AwardsError) {
        self.init(
            relay: try configuration.smtpURL.map { url throws(AwardsError) in try MailRelay(url: url) },
            sender: try MailSender(configuration.mailFrom), links: configuration.linkBase)
    }
}
