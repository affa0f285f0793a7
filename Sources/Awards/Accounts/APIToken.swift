import Foundation

/// A token for the JSON API, sent as `Authorization: Bearer <token>`.
///
/// Like sessions, only the SHA-256 of the token is stored; the token itself is shown once.
public struct APIToken: Sendable, Codable, Equatable {
    /// The hex SHA-256 of the token.
    public var id: String
    public var account: String
    /// What the token is for, in the owner's words.
    public var label: String
    public var created: Date

    /// Creates a token record.
    public init(id: String, account: String, label: String, created: Date) {
        self.id = id
        self.account = account
        self.label = label
        self.created = created
    }
}
