import Awards

/// Who the platform's messages come from (`--mail-from`, `CIVIC_MAIL_FROM`):
/// `Civic Index <no-reply@example.org>`, or a bare address.
public struct MailSender: Sendable, Equatable, CustomStringConvertible {
    /// The name shown beside the address, if any.
    public var name: String?
    /// The address, given to the relay as the envelope sender too.
    public var address: String

    /// The default: the platform's name at an address that takes no replies.
    public static let standard = MailSender(name: "Civic Index", address: "no-reply@localhost")

    /// A sender whose parts are known to be valid (the default's).
    private init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    /// The sender written as `Name <address>` or `address`; an error naming `field` when the
    /// address is not one or the name holds a line break or quote marks.
    public init(_ text: String, field: String = "mail-from") throws(AwardsError) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let name = text[..<open].trimmingCharacters(in: .whitespaces)
            guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\"" || $0 == "\\" }) else {
                throw AwardsError(.invalidValue, "the sender's name may not hold line breaks, quote marks or backslashes", field: field)
            }
            self.name = name.isEmpty ? nil : name
            address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        } else {
            name = nil
            address = text
        }
        if let problem = EmailAddress.problem(address) { throw AwardsError(.invalidValue, problem, field: field) }
    }

    /// The domain of the address, where the `Message-ID`s are made.
    var domain: String { String(address.split(separator: "@").last ?? "localhost") }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }
}
