import Awards

/// Who may use a route. Every route declares one; there is no default.
public enum Access: Sendable, Equatable, CustomStringConvertible {
    /// Anyone, signed in or not: the public pages and the open API.
    case everyone
    /// Only signed-in people with one of these roles.
    case roles(Set<Role>)

    /// Anyone signed in, whatever their role.
    public static let signedIn = Access.roles(Set(Role.allCases))

    /// Only people with this role.
    public static func only(_ role: Role) -> Access { .roles([role]) }

    /// Whether `identity` may use a route with this rule.
    func admits(_ identity: Identity?) -> Bool {
        switch self {
        case .everyone: true
        case let .roles(roles): identity.map { roles.contains($0.account.role) } ?? false
        }
    }

    public var description: String {
        switch self {
        case .everyone: "everyone"
        case let .roles(roles): roles.map(\.rawValue).sorted().joined(separator: ", ")
        }
    }
}
