import Awards
import Hummingbird

/// The signed-in person behind a request: their account, and the browser session or API token
/// they came with.
public struct Identity: Sendable {
    public var account: Account
    /// The browser session; `nil` for API token requests, which need no CSRF token.
    public var session: Session?

    /// The name written to the audit log for this person's changes.
    public var actor: String { account.id }
}

/// A request context that knows who is asking.
public protocol SignedInRequestContext: RequestContext {
    /// The signed-in person, when the request carries a valid session or API token.
    var identity: Identity? { get set }
    /// The client's address, for rate limiting sign-in attempts.
    var clientAddress: String { get }
}
