import Awards

/// Who may use a route. Every route declares one; there is no default.
public enum Access: Sendable, Equatable, CustomStringConvertible {
    /// Anyone, signed in or not: the public pages and the open API.
    case everyone
    /// Only signed-in people with one of these roles.
    case roles(Set<Role>)

    public var description: String {
        switch self {
        case .everyone: "everyone"
        case let .roles(roles): roles.map(\.rawValue).sorted().joined(separator: ", ")
        }
    }
}
