import Foundation

/// A person's account on the platform: how they sign in and what they may do.
///
/// The password is kept only as a bcrypt hash, the second factor as a TOTP secret (the base32
/// text an authenticator app is given). `subject` ties the account to the programme: the analyst
/// or juror id it acts as, or the community a community account speaks for. Failed sign-ins are
/// counted by the store per account and client address, not here.
public struct Account: Sendable, Codable, Equatable {
    /// The sign-in name: 2–64 lower-case letters, digits, dots, dashes or underscores.
    public var id: String
    /// The person's name, as shown to colleagues (never to communities, for analysts).
    public var name: String
    public var role: Role
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// The TOTP secret in base32; `nil` until the person enrols an authenticator app.
    public var totpSecret: String?
    /// Whether the person has confirmed enrolment with a valid code. Until then the secret is
    /// pending: signing in leads to the enrolment page, never to a session.
    public var secondFactorConfirmed: Bool
    /// Whether the person must choose a new password at their next sign-in, before anything
    /// else (after an organiser reset it).
    public var mustChangePassword: Bool
    /// The TOTP time step last accepted, so that a code cannot be used twice.
    public var lastTOTPStep: Int64?
    /// What the account acts as: the analyst id, the juror id, or for a community account the
    /// community's stable id (`Community.id`) — never a name the community could change.
    public var subject: String?
    /// A disabled account cannot sign in; its sessions and tokens stop working.
    public var disabled: Bool
    /// Where the platform's messages to the person go; `nil` when none is known, and then
    /// nothing is sent. Only its holder and the organisers ever see it.
    public var email: String?
    /// The language the person wants to be written to in; `nil` until they choose (messages are
    /// then in English).
    public var language: Language?
    /// When the person stopped the reminders before deadlines (through the link in one);
    /// `nil` while they receive them. Other messages still come.
    public var remindersStopped: Date?

    /// Creates an account.
    public init(
        id: String, name: String, role: Role, passwordHash: String, totpSecret: String? = nil, secondFactorConfirmed: Bool = false,
        subject: String? = nil, mustChangePassword: Bool = false, disabled: Bool = false, lastTOTPStep: Int64? = nil,
        email: String? = nil, language: Language? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.secondFactorConfirmed = secondFactorConfirmed
        self.subject = subject
        self.mustChangePassword = mustChangePassword
        self.disabled = disabled
        self.lastTOTPStep = lastTOTPStep
        self.email = email
        self.language = language
    }

    /// Sets where and in which language the person is written to, from a form's or the command
    /// line's text: empty clears a setting, anything else must be an address (`email`) or a
    /// language code (`language`), or the error names that field.
    public mutating func setContact(email: String?, language: String?) throws(AwardsError) {
        let address = try EmailAddress.chosen(email)
        let chosen = try Language.chosen(language)
        self.email = address
        self.language = chosen
    }

    /// Whether signing in needs a second factor: every role that can change or see unpublished
    /// assessments.
    public var requiresSecondFactor: Bool { role != .community }

    /// Whether a confirmed second factor is in place.
    public var hasSecondFactor: Bool { secondFactorConfirmed && totpSecret != nil }

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
        let base32 = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        if let totpSecret, totpSecret.count < 16 || !totpSecret.allSatisfy({ base32.contains($0) }) {
            problems.append(AwardsError(.invalidValue, "the TOTP secret must be at least 16 characters of base32 (A-Z, 2-7)", field: "totpSecret"))
        }
        if secondFactorConfirmed, totpSecret == nil {
            problems.append(AwardsError(.invalidValue, "a confirmed second factor needs its TOTP secret", field: "totpSecret"))
        }
        if let email, let problem = EmailAddress.problem(email) {
            problems.append(AwardsError(.invalidValue, problem, field: "email"))
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
