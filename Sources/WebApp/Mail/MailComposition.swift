import Awards
import Foundation

/// An outbox message written out as the text the relay receives after `DATA` (RFC 5322 with
/// MIME): CRLF line endings throughout, every header on one line of plain ASCII, and the body in
/// quoted-printable UTF-8, so any relay carries it unchanged whether or not it speaks 8BITMIME.
///
/// Nothing a person typed reaches a header as it is: the subject and the sender's name become
/// MIME encoded words (RFC 2047) unless they are plain printable ASCII, so a line break in them
/// can never start a header of its own. Dot-stuffing belongs to the SMTP transfer, not here
/// (`SMTPClient`).
enum MailComposition {
    /// The message text for `entry` from `sender`, dated `date`.
    static func text(_ entry: OutboxEntry, from sender: MailSender, date: Date) -> String {
        // An encoded name goes on a line of its own, so that no header line passes 78 characters.
        let from = sender.name.map { name in
            let shown = phrase(name)
            return shown.hasPrefix("=?") ? "\(shown)\r\n <\(sender.address)>" : "\(shown) <\(sender.address)>"
        } ?? sender.address
        let headers = [
            "From: \(from)",
            "To: \(entry.message.recipient)",
            "Subject: \(headerText(entry.message.subject))",
            "Date: \(rfc5322Date(date))",
            "Message-ID: \(messageID(entry.id, sender: sender))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Language: \(entry.message.language.rawValue)",
            "Auto-Submitted: auto-generated",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(entry.message.body)
    }

    /// The `Message-ID` of an outbox message: made from its id alone, so that every attempt to
    /// send it carries the same one.
    static func messageID(_ id: String, sender: MailSender) -> String {
        "<\(id)@\(sender.domain)>"
    }

    /// Header text: as it is when it is printable ASCII, else RFC 2047 encoded words of UTF-8 in
    /// base64, each at most 64 characters (so that a header's name fits before the first on a
    /// line of 78) and never splitting a character, folded onto continuation lines. Control characters (a CR or LF above all) are always encoded.
    static func headerText(_ text: String) -> String {
        let printable = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable, !text.contains("=?"), text.count <= 900 { return text }
        // 64 characters minus "=?utf-8?B?" and "?=" leave 52 of base64: 39 bytes of text.
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append("=?utf-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk += bytes.prefix(39)
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?utf-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// A display name: as a quoted string when it is printable ASCII, else encoded words.
    static func phrase(_ name: String) -> String {
        let printable = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }
        return printable ? "\"\(name)\"" : headerText(name)
    }

    /// `date` as RFC 5322 writes it, in UTC: `Tue, 01 Dec 2026 02:55:19 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
