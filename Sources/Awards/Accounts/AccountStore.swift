import Foundation

/// Where the platform keeps accounts, sessions and API tokens.
///
/// Changes to accounts and tokens, sign-ins and lock-outs are written to the audit log (never
/// the password hash or TOTP secret, which are redacted).
public protocol AccountStore: Sendable {
    /// Adds a new account after checking its fields; `.duplicate` when the name is taken.
    func createAccount(_ account: Account, by actor: String) throws(AwardsError)
    /// Adds or replaces an account after checking its fields.
    func saveAccount(_ account: Account, by actor: String) throws(AwardsError)
    /// The account with this sign-in name, if any.
    func account(_ id: String) throws(AwardsError) -> Account?
    /// Every account, by sign-in name.
    func accounts() throws(AwardsError) -> [Account]

    /// Records a failed sign-in atomically; locks the account for `lockFor` once `limit`
    /// consecutive failures are reached. Returns the account as it now stands.
    func recordFailedSignIn(_ id: String, at date: Date, limit: Int, lockFor: TimeInterval) throws(AwardsError) -> Account?
    /// Records a successful sign-in: failures reset, the TOTP step used (if any) remembered, and
    /// the session stored, all in one transaction; `.invalidState` when that step, or a later
    /// one, was already used.
    func recordSignIn(_ session: Session, totpStep: Int64?) throws(AwardsError)

    /// The session with this id (token hash), if it exists and has not expired at `date`.
    func session(_ id: String, at date: Date) throws(AwardsError) -> Session?
    /// Stores a new session (before its second factor is given).
    func createSession(_ session: Session) throws(AwardsError)
    /// Ends a session.
    func deleteSession(_ id: String) throws(AwardsError)
    /// Ends every session of an account but `except`.
    func deleteSessions(account: String, except: String?) throws(AwardsError)

    /// Stores a new API token.
    func createToken(_ token: APIToken, by actor: String) throws(AwardsError)
    /// The token with this id (hash), if any.
    func token(_ id: String) throws(AwardsError) -> APIToken?
    /// The tokens of an account, newest first.
    func tokens(account: String) throws(AwardsError) -> [APIToken]
    /// Revokes a token of an account.
    func deleteToken(_ id: String, account: String, by actor: String) throws(AwardsError)
}
