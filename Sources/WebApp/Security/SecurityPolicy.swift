import Foundation

/// How strict sign-in and sessions are.
public struct SecurityPolicy: Sendable {
    /// The bcrypt cost of new password hashes (each step doubles the work).
    public var bcryptCost: UInt8
    /// Whether cookies are marked `Secure` (only sent over HTTPS): on wherever the platform is
    /// served over HTTPS, off for plain HTTP on loopback.
    public var secureCookies: Bool
    /// How long a signed-in session lasts.
    public var sessionLifetime: TimeInterval
    /// How long a password-checked session waits for its second factor.
    public var secondFactorWindow: TimeInterval
    /// Consecutive failed sign-ins that lock an account.
    public var lockoutThreshold: Int
    /// How long a locked account stays locked.
    public var lockoutDuration: TimeInterval
    /// Sign-in attempts allowed from one client address per `attemptWindow`.
    public var attemptsPerWindow: Int
    public var attemptWindow: TimeInterval
    /// The proxies whose `X-Forwarded-For` names the client (`ForwardedClient`).
    public var trustedProxies: Set<String>
    /// The clock, so that tests can move time.
    public var now: @Sendable () -> Date

    /// Creates a policy; the defaults suit a production server.
    public init(
        bcryptCost: UInt8 = 12, secureCookies: Bool = false, sessionLifetime: TimeInterval = 8 * 3600, secondFactorWindow: TimeInterval = 300,
        lockoutThreshold: Int = 5, lockoutDuration: TimeInterval = 900, attemptsPerWindow: Int = 30, attemptWindow: TimeInterval = 600,
        trustedProxies: Set<String> = [], now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.secondFactorWindow = secondFactorWindow
        self.lockoutThreshold = lockoutThreshold
        self.lockoutDuration = lockoutDuration
        self.attemptsPerWindow = attemptsPerWindow
        self.attemptWindow = attemptWindow
        self.trustedProxies = trustedProxies
        self.now = now
    }
}
