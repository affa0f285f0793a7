import Foundation
import Hummingbird

/// The platform's cookies: the session and, before sign-in, the CSRF token of the sign-in forms.
enum SessionCookies {
    static let session = "civic_session"
    static let csrf = "civic_csrf"

    /// A cookie that scripts cannot read and other sites' forms do not send.
    static func make(_ name: String, _ value: String, maxAge: Int, policy: SecurityPolicy) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: policy.secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// A cookie that removes `name`.
    static func clear(_ name: String, policy: SecurityPolicy) -> Cookie {
        make(name, "", maxAge: 0, policy: policy)
    }
}
