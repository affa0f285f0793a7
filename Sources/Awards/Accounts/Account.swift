import Foundation

/// A person's account on the platform: how they sign in and what they may do.
///
/// The password is kept only as a bcrypt hash, the second factor as a TOTP secret. `subject`
/// ties the account to the programme: the analyst or juror id it acts as, or the community a
/// community account speaks for.
public struct Account: Sendable, Codable, Equatable {
    /// The sign-in name: 2–64 lower-case letters, digits, dots, dashes or underscores.
    public var id: String
    /// The person's name, as shown to colleagues (never to communities, for analysts).
    public var name: String
    public var role: Role
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// The TOTP secret; required for every role but `community`.
    public var totpSecret: String?
    /// The TOTP time step last accepted, so that a code cannot be used twice.
    public var lastTOTPStep: Int64?
    /// What the account acts as: the analyst id, the juror id, or for a community account the
    /// community's stable id (`Community.id`) — never a name the community could change.
    public var subject: String?
    /// Failed sign-ins since the last successful one.
    public var failedSignIns: Int
    /// Until when sign-in is refused after too many failures.
    public var lockedUntil: Date?
    /// A disabled account cannot sign in; its sessions and tokens stop working.
    public var disabled: Bool

    /// Creates an account.
    public init(
        id: String, name: String, role: Role, passwordHash: String, totpSecret: String? = nil, subject: String? = nil,
        failedSignIns: Int = 0, lockedUntil: Date? = nil, disabled: Bool = false, lastTOTPStep: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.subject = subject
        self.failedSignIns = failedSignIns
        self.lockedUntil = lockedUntil
        self.disabled = disabled
        self.lastTOTPStep = lastTOTPStep
    }

    /// Whether signing in needs a second factor: every role that can change or see unpublished
    /// assessments.
    public var requiresSecondFactor: Bool { role != .community }

    /// Whether sign-in is refused at `date` because of earlier failures.
    public func isLocked(at date: Date) -> Bool {
        if let lockedUntil, lockedUntil > date { return true }
        return false
    }

    /// Every problem with the account's fields, one error per field.
    public func problems() -> [AwardsError] {
        var problems: [AwardsError] = []
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        if !(2...64).contains(id.count) || !id.allSatisfy({ allowed.contains($0) }) {
            problems.append(AwardsError(.invalidValue, "the sign-in name must be 2 to 64 lower-case letters, digits, '.', '-' or '_'", field: "id"))
        }
        if name.allSatisfy(\.isWhitespace) || name.count > 200 {
            problems.append(AwardsError(.invalidValue, "the name is required (at most 200 characters)", field: "name"))
        }
        if !passwordHash.hasPrefix("$2") {
            problems.append(AwardsError(.invalidValue, "the password must be stored as a bcrypt hash", field: "passwordHash"))
        }
        if requiresSecondFactor, (totpSecret ?? "").count < 16 {
            problems.append(AwardsError(.invalidValue, "a \(role.rawValue) account needs a TOTP secret of at least 16 characters", field: "totpSecret"))
        }
        if role != .admin, (subject ?? "").isEmpty {
            let what = switch role {
            case .analyst: "the analyst id"
            case .juror: "the juror id"
            case .community: "the community id"
            case .admin: ""
            }
            problems.append(AwardsError(.invalidValue, "a \(role.rawValue) account must name \(what) it acts as", field: "subject"))
        }
        return problems
    }
}
