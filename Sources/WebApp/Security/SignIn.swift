import Awards
import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import NIOPosix

/// Signing in: the password, then for most roles a TOTP code; lock-out after repeated failures
/// and a limit on attempts per client address.
///
/// Every refusal reads the same to the person signing in ("the name or password is wrong"), so
/// that the page does not reveal which accounts exist.
struct SignIn: Sendable {
    let store: any AccountStore
    let policy: SecurityPolicy
    let limiter: AttemptLimiter

    /// A hash of a password nobody knows, at the policy's cost, checked against for unknown
    /// names so that they take as long as known ones.
    let decoyHash: String

    init(store: any AccountStore, policy: SecurityPolicy) {
        self.store = store
        self.policy = policy
        limiter = AttemptLimiter(limit: policy.attemptsPerWindow, window: policy.attemptWindow)
        decoyHash = Bcrypt.hash(Secrets.token(), cost: policy.bcryptCost)
    }

    /// Why a sign-in step was refused.
    enum Refusal: Error, Equatable {
        case wrongCredentials
        case locked
        case tooManyAttempts
        case wrongCode

        var message: String {
            switch self {
            case .wrongCredentials: "The name or password is wrong."
            case .locked: "This account is locked for a while after too many failed sign-ins. Try again later."
            case .tooManyAttempts: "Too many sign-in attempts from this address. Wait a few minutes and try again."
            case .wrongCode: "The code is wrong or has been used. Enter the current code from your authenticator app."
            }
        }
    }

    /// The outcome of a correct password: a session, verified or waiting for the second factor,
    /// and the token that goes into the cookie.
    struct Started {
        var session: Session
        var token: String

        /// A new session with fresh random token and CSRF token; the store keeps only the
        /// token's digest.
        init(account: String, at date: Date, lasting lifetime: TimeInterval, verified: Bool) {
            token = Secrets.token()
            session = Session(
                id: Secrets.digest(token), account: account, csrfToken: Secrets.token(), created: date,
                expires: date.addingTimeInterval(lifetime), verified: verified)
        }
    }

    /// Checks a name and password. Passwords are checked even for unknown names, so that timing
    /// does not reveal which accounts exist.
    func password(username: String, password: String, client: String) async throws -> Started {
        let now = policy.now()
        guard await limiter.allow(client, at: now) else { throw Refusal.tooManyAttempts }
        let account = try store.account(username.lowercased())
        let hash = account?.passwordHash ?? decoyHash
        let matches = try await Self.verify(password, hash: hash)
        guard let account, !account.disabled else { throw Refusal.wrongCredentials }
        if account.isLocked(at: now) { throw Refusal.locked }
        guard matches else {
            let after = try store.recordFailedSignIn(account.id, at: now, limit: policy.lockoutThreshold, lockFor: policy.lockoutDuration)
            throw after?.isLocked(at: now) == true ? Refusal.locked : Refusal.wrongCredentials
        }
        if account.requiresSecondFactor {
            let started = Started(account: account.id, at: now, lasting: policy.secondFactorWindow, verified: false)
            try store.createSession(started.session)
            return started
        }
        let started = Started(account: account.id, at: now, lasting: policy.sessionLifetime, verified: true)
        try store.recordSignIn(started.session, totpStep: nil)
        return started
    }

    /// Checks the TOTP code of a session waiting for its second factor; on success the waiting
    /// session is replaced by a new, verified one (a new token, so a token seen before the
    /// second factor is worth nothing).
    func code(_ code: String, pending: Session, client: String) async throws -> Started {
        let now = policy.now()
        guard await limiter.allow(client, at: now) else { throw Refusal.tooManyAttempts }
        guard let account = try store.account(pending.account), !account.disabled, let secret = account.totpSecret else {
            throw Refusal.wrongCredentials
        }
        if account.isLocked(at: now) { throw Refusal.locked }
        guard let step = Self.matchingStep(code, secret: secret, at: now), step > (account.lastTOTPStep ?? -1) else {
            let after = try store.recordFailedSignIn(account.id, at: now, limit: policy.lockoutThreshold, lockFor: policy.lockoutDuration)
            throw after?.isLocked(at: now) == true ? Refusal.locked : Refusal.wrongCode
        }
        let started = Started(account: account.id, at: now, lasting: policy.sessionLifetime, verified: true)
        do {
            try store.recordSignIn(started.session, totpStep: step)
        } catch {
            // Another request signed in with this very code first.
            if error.kind == .invalidState { throw Refusal.wrongCode }
            throw error
        }
        try store.deleteSession(pending.id)
        return started
    }

    /// Checks a password against its bcrypt hash on NIO's thread pool: the check takes a
    /// quarter of a second by design, and must not hold one of the few threads that serve
    /// requests.
    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// The time step whose code equals `code`, allowing one step of clock drift either way.
    static func matchingStep(_ code: String, secret: String, at date: Date) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, let value = Int(digits) else { return nil }
        let totp = TOTP(secret: secret)
        let step = Int64(date.timeIntervalSince1970 / 30)
        for candidate in [step - 1, step, step + 1] where totp.compute(date: Date(timeIntervalSince1970: Double(candidate) * 30)) == value {
            return candidate
        }
        return nil
    }
}
