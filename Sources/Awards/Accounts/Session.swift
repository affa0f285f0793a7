import Foundation

/// A browser session.
///
/// The browser holds a random token in a cookie; the store keeps only its SHA-256 (`id`), so a
/// leaked database does not leak live sessions. A session opens nothing until every step of
/// signing in is done.
public struct Session: Sendable, Codable, Equatable {
    /// A step of signing in that a session still waits for.
    public enum Step: String, Sendable, Codable {
        /// The TOTP code, or enrolling an authenticator when the account has none confirmed.
        case secondFactor
        /// A new password, after an organiser reset it.
        case newPassword
    }

    /// The hex SHA-256 of the session token.
    public var id: String
    public var account: String
    /// The token every state-changing form of this session must carry.
    public var csrfToken: String
    public var created: Date
    public var expires: Date
    /// The step the session waits for; `nil` once signing in is complete.
    public var waitingFor: Step?

    /// Whether signing in is complete, so that the session opens the workspaces.
    public var verified: Bool { waitingFor == nil }

    /// Creates a session.
    public init(id: String, account: String, csrfToken: String, created: Date, expires: Date, waitingFor: Step?) {
        self.id = id
        self.account = account
        self.csrfToken = csrfToken
        self.created = created
        self.expires = expires
        self.waitingFor = waitingFor
    }
}
