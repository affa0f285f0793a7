import Awards
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Signing in: the password, then for most roles a TOTP code (or, the first time, enrolling an
/// authenticator app), then a new password if an organiser reset it; lock-out of a client
/// address after repeated failures from it, and a limit on attempts per client address.
///
/// Every refusal reads the same to the person signing in ("the name or password is wrong"), so
/// that the page does not reveal which accounts exist.
struct SignIn: Sendable {
    let store: any AccountStore
    let policy: SecurityPolicy

    /// A hash of a password nobody knows, at the policy's cost, checked against for unknown
    /// names so that they take as long as known ones.
    let decoyHash: String

    init(store: any AccountStore, policy: SecurityPolicy) {
        self.store = store
        self.policy = policy
        decoyHash = Bcrypt.hash(Secrets.token(), cost: policy.bcryptCost)
    }

    /// Why a sign-in step was refused.
    enum Refusal: Error, Equatable {
        case wrongCredentials
        case locked
        case tooManyAttempts
        case wrongCode

        /// The phrase telling the person what went wrong (`Locales/`, group `login`).
        var phrase: String {
            switch self {
            case .wrongCredentials: "login.wrongCredentials"
            case .locked: "login.locked"
            case .tooManyAttempts: "login.tooManyAttempts"
            case .wrongCode: "login.wrongCode"
            }
        }
    }

    /// The outcome of a step done: a session, complete or waiting for its next step, and the
    /// token that goes into the cookie.
    struct Started {
        var session: Session
        var token: String
        /// Whether the account has a confirmed second factor, so that a session waiting for it
        /// goes to the code page rather than the enrolment page.
        var enrolled: Bool

        /// A new session with fresh random token and CSRF token; the store keeps only the
        /// token's digest.
        init(account: Account, at date: Date, lasting lifetime: TimeInterval, waitingFor step: Session.Step?) {
            token = Secrets.token()
            enrolled = account.hasSecondFactor
            session = Session(
                id: Secrets.digest(token), account: account.id, csrfToken: Secrets.token(), created: date,
                expires: date.addingTimeInterval(lifetime), waitingFor: step)
        }
    }

    /// Checks a name and password. Passwords are checked even for unknown names, so that timing
    /// does not reveal which accounts exist. Failures are counted per account and client
    /// address, so that five wrong passwords from one address lock only that address out.
    func password(username: String, password: String, client: String) async throws -> Started {
        let now = policy.now()
        guard try await allowAttempt(from: client, at: now) else { throw Refusal.tooManyAttempts }
        let account = try await store.account(username.lowercased())
        let hash = account?.passwordHash ?? decoyHash
        let matches = try await Self.verify(password, hash: hash)
        guard let account, !account.disabled else { throw Refusal.wrongCredentials }
        if try await store.isLocked(account.id, client: client, at: now) { throw Refusal.locked }
        guard matches else { throw try await failure(account, client: client, at: now, refusal: .wrongCredentials) }
        if account.requiresSecondFactor {
            let started = Started(account: account, at: now, lasting: policy.secondFactorWindow, waitingFor: .secondFactor)
            try await store.createSession(started.session)
            return started
        }
        return try await advance(account, client: client, at: now, totpStep: nil)
    }

    /// The secret a session waiting for its second factor enrols: the account's pending one,
    /// drawn and stored on first use so that reloading the page shows the same secret. `nil`
    /// when the account has a confirmed second factor (or has gone).
    func enrolmentSecret(for pending: Session) async throws -> String? {
        guard var account = try await store.account(pending.account), !account.disabled, !account.hasSecondFactor else { return nil }
        if let secret = account.totpSecret { return secret }
        let secret = Secrets.totpSecret()
        account.totpSecret = secret
        try await store.saveAccount(account, action: "second-factor-pending", keepingSession: pending.id, by: account.id)
        return secret
    }

    /// Checks the TOTP code of a session waiting for its second factor — the code of the
    /// confirmed secret, or of the pending one, which it confirms. On success the waiting
    /// session is replaced by a new one (a new token, so a token seen before the second factor
    /// is worth nothing), complete unless a new password is due.
    func code(_ code: String, pending: Session, client: String) async throws -> Started {
        let now = policy.now()
        guard try await allowAttempt(from: client, at: now) else { throw Refusal.tooManyAttempts }
        guard pending.waitingFor == .secondFactor, let account = try await store.account(pending.account), !account.disabled,
            let totp = account.totpSecret.flatMap({ TOTP(base32: $0) })
        else {
            throw Refusal.wrongCredentials
        }
        if try await store.isLocked(account.id, client: client, at: now) { throw Refusal.locked }
        guard let step = totp.matchingStep(code, at: now), step > (account.lastTOTPStep ?? -1) else {
            throw try await failure(account, client: client, at: now, refusal: .wrongCode)
        }
        let started = try await advance(account, client: client, at: now, totpStep: step)
        try await store.deleteSession(pending.id)
        return started
    }

    /// Sets the new password of a session waiting for one (after an organiser reset it), which
    /// completes signing in. Every other session and every API token of the account ends.
    func newPassword(_ password: String, pending: Session, client: String) async throws -> Started {
        let now = policy.now()
        guard pending.waitingFor == .newPassword, var account = try await store.account(pending.account), !account.disabled, account.mustChangePassword else {
            throw Refusal.wrongCredentials
        }
        try AccountProvisioning.checkPassword(password, field: "new")
        if try await Self.verify(password, hash: account.passwordHash) {
            throw AwardsError(.invalidValue, "choose a password other than the one you were given", field: "new")
        }
        account.passwordHash = try await AccountProvisioning.hashOffRequestThread(password, cost: policy.bcryptCost, field: "new")
        account.mustChangePassword = false
        try await store.saveAccount(account, action: "password-changed", keepingSession: nil, by: account.id)
        return try await advance(account, client: client, at: now, totpStep: nil)
    }

    /// The session after a step is done: waiting for a new password if one is due, else
    /// complete; recorded with the TOTP step used, if any.
    private func advance(_ account: Account, client: String, at now: Date, totpStep: Int64?) async throws -> Started {
        let started = account.mustChangePassword
            ? Started(account: account, at: now, lasting: policy.secondFactorWindow, waitingFor: .newPassword)
            : Started(account: account, at: now, lasting: policy.sessionLifetime, waitingFor: nil)
        do {
            try await store.recordSignIn(started.session, client: client, totpStep: totpStep)
        } catch {
            // Another request signed in with this very code first, or the factor was reset.
            if error.kind == .invalidState { throw Refusal.wrongCode }
            throw error
        }
        return started
    }

    /// Checks the current password of a signed-in person before it is changed, under the same
    /// attempt limit and lock-out per address as signing in, so that a session left open on a
    /// shared computer cannot be used to guess the password.
    func currentPassword(_ password: String, of account: Account, client: String) async throws {
        let now = policy.now()
        guard try await allowAttempt(from: client, at: now) else { throw Refusal.tooManyAttempts }
        if try await store.isLocked(account.id, client: client, at: now) { throw Refusal.locked }
        guard try await Self.verify(password, hash: account.passwordHash) else {
            throw try await failure(account, client: client, at: now, refusal: .wrongCredentials)
        }
    }

    /// Records a failure from `client`: `refusal`, or `.locked` once that address is locked out.
    private func failure(_ account: Account, client: String, at now: Date, refusal: Refusal) async throws -> Refusal {
        try await store.recordFailedSignIn(account.id, client: client, at: now, limit: policy.lockoutThreshold, lockFor: policy.lockoutDuration)
            ? .locked : refusal
    }

    /// Checks a password against its bcrypt hash on NIO's thread pool: the check takes a
    /// quarter of a second by design, and must not hold one of the few threads that serve
    /// requests.
    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Counts an attempt from `client` against the policy's attempts per window, in the store,
    /// so that every server counts together.
    private func allowAttempt(from client: String, at date: Date) async throws -> Bool {
        try await store.recordAttempt(client: client, at: date, limit: policy.attemptsPerWindow, window: policy.attemptWindow)
    }
}
