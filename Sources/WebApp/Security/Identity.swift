import Awards
import Hummingbird

/// The signed-in person behind a request: their account, and the browser session or API token
/// they came with (exactly one of the two).
public struct Identity: Sendable {
    public var account: Account
    /// The browser session; `nil` for API token requests, which need no CSRF token.
    public var session: Session?
    /// The API token; `nil` for browser sessions.
    public var token: APIToken?

    /// Someone signed in with a browser session.
    public init(account: Account, session: Session) {
        self.account = account
        self.session = session
    }

    /// An API client with a token.
    public init(account: Account, token: APIToken) {
        self.account = account
        self.token = token
    }

    /// What this identity may do through the API: a token's scopes, as far as the account's
    /// role still allows them; nothing for a browser session.
    public var scopes: Set<TokenScope> {
        guard let token else { return [] }
        return Set(token.scopes).intersection(account.role.tokenScopes)
    }

    /// The name written to the audit log for this person's changes.
    public var actor: String { account.id }
}

/// A request context that knows who is asking.
public protocol SignedInRequestContext: RequestContext {
    /// The signed-in person, when the request carries a valid session or API token.
    var identity: Identity? { get set }
    /// The client's address, for rate limiting sign-in attempts.
    var clientAddress: String { get set }
}
