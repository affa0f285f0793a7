/// What an API token may do, chosen when it is made. Every API route declares the one scope it
/// needs; a token without it is refused, and no token reaches the pages, the forms, or account
/// and token management, which need a signed-in browser with its second factor.
public enum TokenScope: String, Sendable, Codable, CaseIterable, Comparable {
    /// Reading what the account may see.
    case read
    /// Submitting the account's own work: a community's nomination, an analyst's review, a
    /// juror's ballot.
    case submit
    /// The organisers' programme operations: moving phases, publishing results.
    case manage

    public var title: String {
        switch self {
        case .read: "read"
        case .submit: "submit own work"
        case .manage: "manage the programme (phases, publication)"
        }
    }

    public static func < (a: TokenScope, b: TokenScope) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension Role {
    /// The scopes a token of this role may be given. Organisers may submit too, as they enter
    /// nominations on communities' behalf.
    public var tokenScopes: [TokenScope] {
        switch self {
        case .admin: [.read, .submit, .manage]
        case .analyst, .juror, .community: [.read, .submit]
        }
    }
}
