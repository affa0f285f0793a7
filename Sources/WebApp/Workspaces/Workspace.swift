import Awards

/// What every workspace page shows: who is signed in, the sign-out form with its CSRF token.
enum Workspace {
    /// The page context every workspace page starts from.
    static func base(_ identity: Identity, title: String) -> [String: Any] {
        var page: [String: Any] = [:]
        page["title"] = title
        page["viewerName"] = identity.account.name
        page["viewerRole"] = identity.account.role.rawValue
        page["csrf"] = identity.session?.csrfToken ?? ""
        return page
    }
}
