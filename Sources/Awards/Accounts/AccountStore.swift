import Foundation

/// Where the platform keeps accounts, sessions, API tokens and failed sign-ins.
///
/// Changes to accounts and tokens, sign-ins and lock-outs are written to the audit log (never
/// the password hash or TOTP secret, which are redacted). Failed sign-ins are counted here, per
/// account and client address, so that several servers over one database share the counts.
public protocol AccountStore: Sendable {
    /// Adds a new account after checking its fields; `.duplicate` when the name is taken.
    func createAccount(_ account: Account, by actor: String) async throws(AwardsError)
    /// Adds or replaces an account after checking its fields, writing `action` to the audit log.
    ///
    /// What the change means for access is decided here, in the same transaction: a new
    /// password, another role or subject, or disabling ends every session (but
    /// `keepingSession`) and revokes every API token; removing a confirmed second factor ends
    /// every session.
    func saveAccount(_ account: Account, action: String, keepingSession: String?, by actor: String) async throws(AwardsError)
    /// The account with this sign-in name, if any.
    func account(_ id: String) async throws(AwardsError) -> Account?
    /// Every account, by sign-in name.
    func accounts() async throws(AwardsError) -> [Account]

    /// Counts a sign-in attempt from `client` at `date` against the `limit` attempts that one
    /// address may make in any `window`, for every account together, so that one address cannot
    /// try passwords across many accounts; `false` (and nothing counted) when the address has used
    /// its attempts. Servers sharing the database share the counts.
    func recordAttempt(client: String, at date: Date, limit: Int, window: TimeInterval) async throws(AwardsError) -> Bool
    /// Records a failed sign-in of `id` from `client` atomically; once `limit` consecutive
    /// failures from that address are reached, that address is locked out of the account for
    /// `lockFor`. Returns whether it now is.
    func recordFailedSignIn(_ id: String, client: String, at date: Date, limit: Int, lockFor: TimeInterval) async throws(AwardsError) -> Bool
    /// Whether `client` is locked out of `id` at `date`.
    func isLocked(_ id: String, client: String, at date: Date) async throws(AwardsError) -> Bool
    /// The number of addresses locked out of each account at `date`, for accounts with any.
    func lockedAddresses(at date: Date) async throws(AwardsError) -> [String: Int]
    /// Forgets every failed sign-in of an account, lifting its locks.
    func unlock(_ id: String, by actor: String) async throws(AwardsError)
    /// Records a successful sign-in step from `client`: that address's failures forgotten, the
    /// TOTP step used (if any) remembered — which also confirms a pending second factor — and
    /// the session stored, all in one transaction; `.invalidState` when that step, or a later
    /// one, was already used.
    func recordSignIn(_ session: Session, client: String, totpStep: Int64?) async throws(AwardsError)

    /// The session with this id (token hash), if it exists and has not expired at `date`.
    func session(_ id: String, at date: Date) async throws(AwardsError) -> Session?
    /// Stores a new session (before its second factor is given).
    func createSession(_ session: Session) async throws(AwardsError)
    /// Ends a session.
    func deleteSession(_ id: String) async throws(AwardsError)
    /// Ends every session of an account but `except`.
    func deleteSessions(account: String, except: String?) async throws(AwardsError)

    /// Stores a new API token.
    func createToken(_ token: APIToken, by actor: String) async throws(AwardsError)
    /// The token with this id (hash), if any.
    func token(_ id: String) async throws(AwardsError) -> APIToken?
    /// The token with this id (hash) and the account it belongs to, read together, as on every
    /// API call; `nil` when there is no such token (or, were it possible, no such account).
    func tokenWithAccount(_ id: String) async throws(AwardsError) -> (token: APIToken, account: Account)?
    /// Notes that a token was used at `date`.
    func recordTokenUse(_ id: String, at date: Date) async throws(AwardsError)
    /// The tokens of an account, newest first.
    func tokens(account: String) async throws(AwardsError) -> [APIToken]
    /// Revokes a token of an account.
    func deleteToken(_ id: String, account: String, by actor: String) async throws(AwardsError)
}

extension AccountStore {
    /// The token and its account, read one after the other; a store that can read both at
    /// once does.
    public func tokenWithAccount(_ id: String) async throws(AwardsError) -> (token: APIToken, account: Account)? {
        guard let token = try await token(id), let account = try await account(token.account) else { return nil }
        return (token, account)
    }

    /// Adds or replaces an account, as `saveAccount(_:action:keepingSession:by:)` with the
    /// action "save" and no session kept.
    public func saveAccount(_ account: Account, by actor: String) async throws(AwardsError) {
        try await saveAccount(account, action: "save", keepingSession: nil, by: actor)
    }
}
