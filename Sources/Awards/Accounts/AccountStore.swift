/// Where the platform keeps accounts and sessions.
public protocol AccountStore: Sendable {}
