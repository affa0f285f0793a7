import Foundation

/// A signed-in browser session.
///
/// The browser holds a random token in a cookie; the store keeps only its SHA-256 (`id`), so a
/// leaked database does not leak live sessions.
public struct Session: Sendable, Codable, Equatable {
    /// The hex SHA-256 of the session token.
    public var id: String
    public var account: String
    /// The token every state-changing form of this session must carry.
    public var csrfToken: String
    public var created: Date
    public var expires: Date
    /// Whether the second factor has been given (always true for accounts that need none).
    public var verified: Bool

    /// Creates a session.
    public init(id: String, account: String, csrfToken: String, created: Date, expires: Date, verified: Bool) {
        self.id = id
        self.account = account
        self.csrfToken = csrfToken
        self.created = created
        self.expires = expires
        self.verified = verified
    }
}
