import Awards
import Crypto
import Foundation

/// The signed token of a reminder's "stop these reminders" link: the account's sign-in name and
/// an HMAC-SHA256 of it under the platform's key, which the outbox keeps so that every server,
/// and every restart, signs and checks alike.
///
/// The link needs no sign-in, so the token is all that proves the person holds the message; it
/// can only stop that account's reminders, never anything else.
struct ReminderOptOut: Sendable {
    let key: SymmetricKey

    /// The name the outbox keeps the key under.
    static let keyName = "reminder-opt-out"

    init(key: String) {
        self.key = SymmetricKey(data: Data(key.utf8))
    }

    /// The token for `account`.
    func token(for account: String) -> String {
        account + "." + Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data("reminders:\(account)".utf8), using: key)))
    }

    /// The account a token was made for, if it is genuine.
    func account(from token: String) -> String? {
        guard let dot = token.lastIndex(of: "."), dot != token.startIndex else { return nil }
        let account = String(token[..<dot])
        guard account.count <= 64, Secrets.equal(token, self.token(for: account)) else { return nil }
        return account
    }

    /// A random key, for a platform that has none yet.
    static func newKey() -> String { Secrets.token() }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
