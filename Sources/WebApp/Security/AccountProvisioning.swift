import Awards
import Foundation
import HummingbirdBcrypt

/// Creating accounts and API tokens: the one place where passwords are hashed and secrets are
/// drawn, for the organisers' page and the command line alike.
public enum AccountProvisioning {
    /// The shortest password accepted for a new account.
    public static let minimumPasswordLength = 12

    /// Creates an account with a bcrypt hash of `password` and, for roles that need one, a new
    /// TOTP secret; returns the account (whose secret is to be shown once).
    public static func create(
        id: String, name: String, role: Role, subject: String?, password: String, bcryptCost: UInt8,
        in store: any AccountStore, by actor: String
    ) throws(AwardsError) -> Account {
        guard password.count >= minimumPasswordLength else {
            throw AwardsError(.invalidValue, "the password needs at least \(minimumPasswordLength) characters", field: "password")
        }
        let account = Account(
            id: id.lowercased(), name: name, role: role, passwordHash: Bcrypt.hash(password, cost: bcryptCost),
            totpSecret: role == .community ? nil : Secrets.totpSecret(), subject: subject.flatMap { $0.isEmpty ? nil : $0 })
        try store.createAccount(account, by: actor)
        return account
    }

    /// Issues a new API token for `account`; the token is returned once, only its digest kept.
    public static func issueToken(for account: String, label: String, at date: Date, in store: any AccountStore, by actor: String) throws(AwardsError) -> String {
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty, label.count <= 100 else {
            throw AwardsError(.invalidValue, "a token needs a label of 1 to 100 characters", field: "label")
        }
        guard try store.account(account) != nil else {
            throw AwardsError(.unknownReference, "there is no account '\(account)'", field: "account")
        }
        let token = Secrets.token()
        try store.createToken(APIToken(id: Secrets.digest(token), account: account, label: label, created: date), by: actor)
        return token
    }
}
