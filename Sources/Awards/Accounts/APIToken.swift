import Foundation

/// A token for the JSON API, sent as `Authorization: Bearer <token>`.
///
/// Like sessions, only the SHA-256 of the token is stored; the token itself is shown once. It
/// does only what its scopes allow, and no more than its account's role allows.
public struct APIToken: Sendable, Codable, Equatable {
    /// The hex SHA-256 of the token.
    public var id: String
    public var account: String
    /// What the token is for, in the owner's words.
    public var label: String
    /// What the token may do, in the order of `TokenScope.allCases`.
    public var scopes: [TokenScope]
    public var created: Date
    /// When the token was last used, to within a few minutes (it is written at most that often).
    public var lastUsed: Date?

    /// Creates a token record.
    public init(id: String, account: String, label: String, scopes: [TokenScope], created: Date, lastUsed: Date? = nil) {
        self.id = id
        self.account = account
        self.label = label
        self.scopes = Array(Set(scopes)).sorted()
        self.created = created
        self.lastUsed = lastUsed
    }
}
