import Awards
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Creating accounts, setting passwords and issuing API tokens: the one place where passwords
/// are checked and hashed and secrets are drawn, for the account page, the organisers' pages and
/// the command line alike.
public enum AccountProvisioning {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 12
    /// The longest password accepted, in UTF-8 bytes: bcrypt ignores every byte after the 72nd,
    /// so a longer password would seem stronger than it is.
    public static let maximumPasswordBytes = 72

    /// Refuses a password that is shorter than 12 characters, only whitespace, or longer than
    /// bcrypt reads, naming `field`.
    public static func checkPassword(_ password: String, field: String = "password") throws(AwardsError) {
        guard password.count >= minimumPasswordLength, !password.allSatisfy(\.isWhitespace) else {
            throw AwardsError(.invalidValue, "the password needs at least \(minimumPasswordLength) characters, not all spaces", field: field)
        }
        guard password.utf8.count <= maximumPasswordBytes else {
            throw AwardsError(
                .invalidValue, "the password may have at most \(maximumPasswordBytes) bytes (\(password.utf8.count) given; letters such as é take two)",
                field: field)
        }
    }

    /// The bcrypt hash of a password that passes `checkPassword`.
    public static func hash(_ password: String, cost: UInt8, field: String = "password") throws(AwardsError) -> String {
        try checkPassword(password, field: field)
        return Bcrypt.hash(password, cost: cost)
    }

    /// `hash`, computed on NIO's thread pool: a hash takes a quarter of a second by design and
    /// must not hold one of the few threads that serve requests. Every page that sets a
    /// password uses it.
    static func hashOffRequestThread(_ password: String, cost: UInt8, field: String = "password") async throws -> String {
        try checkPassword(password, field: field)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Creates an account with a bcrypt hash of `password` and no second factor yet: people of
    /// every role but community enrol their authenticator app at their first sign-in, so that
    /// nobody else ever sees their secret. `email` and `language` are as typed (empty for none),
    /// checked before the password is hashed.
    public static func create(
        id: String, name: String, role: Role, subject: String?, email: String? = nil, language: String? = nil, password: String, bcryptCost: UInt8,
        in store: any AccountStore, by actor: String
    ) async throws(AwardsError) -> Account {
        var account = Account(id: id.lowercased(), name: name, role: role, passwordHash: "", subject: subject.flatMap { $0.isEmpty ? nil : $0 })
        try account.setContact(email: email, language: language)
        account.passwordHash = try hash(password, cost: bcryptCost)
        try await store.createAccount(account, by: actor)
        return account
    }

    /// Issues a new API token for `account` with `scopes`, which its role must allow; the token
    /// is returned once, only its digest kept.
    public static func issueToken(
        for account: String, label: String, scopes: [TokenScope], at date: Date, in store: any AccountStore, by actor: String
    ) async throws(AwardsError) -> String {
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty, label.count <= 100 else {
            throw AwardsError(.invalidValue, "a token needs a label of 1 to 100 characters", field: "label")
        }
        guard let owner = try await store.account(account) else {
            throw AwardsError(.unknownReference, "there is no account '\(account)'", field: "account")
        }
        guard !scopes.isEmpty else { throw AwardsError(.invalidValue, "choose at least one scope", field: "scopes") }
        if let refused = scopes.first(where: { !owner.role.tokenScopes.contains($0) }) {
            throw AwardsError(
                .invalidValue, "a \(owner.role.rawValue) token may have the scopes \(owner.role.tokenScopes.map(\.rawValue).joined(separator: ", ")), not '\(refused.rawValue)'",
                field: "scopes")
        }
        let token = Secrets.token()
        try await store.createToken(APIToken(id: Secrets.digest(token), account: account, label: label, scopes: scopes, created: date), by: actor)
        return token
    }
}
