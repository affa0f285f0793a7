import Awards
import Foundation

/// The SMTP relay the platform hands its messages to, named by one URL
/// (`--smtp-url`, `CIVIC_SMTP_URL`): `smtp://[user:password@]host:port`.
///
/// The connection is plain SMTP: the relay is expected on the platform's own host or network
/// (a local Postfix, a smarthost reached through a tunnel), because the credentials, when
/// given, travel as `AUTH PLAIN`.
public struct MailRelay: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// The user name for `AUTH PLAIN`, when the relay wants one.
    public var user: String?
    /// The password that goes with `user`.
    public var password: String?

    /// The relay a URL names; an error naming `field` (without repeating the URL, which may hold
    /// a password) when it names none.
    public init(url: String, field: String = "smtp-url") throws(AwardsError) {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "smtp" else {
            throw AwardsError(.invalidValue, "the relay must be given as smtp://[user:password@]host:port", field: field)
        }
        guard let host = components.host, !host.isEmpty else { throw AwardsError(.invalidValue, "the relay's URL names no host", field: field) }
        let port = components.port ?? 25
        guard (1...65535).contains(port) else { throw AwardsError(.invalidValue, "the relay's port must be 1 to 65535", field: field) }
        guard components.path.isEmpty || components.path == "/", components.query == nil else {
            throw AwardsError(.invalidValue, "the relay's URL takes no path or query", field: field)
        }
        self.host = host
        self.port = port
        user = components.user.flatMap { $0.removingPercentEncoding ?? $0 }
        password = components.password.flatMap { $0.removingPercentEncoding ?? $0 }
    }

    /// The relay as logs and pages show it: no password.
    public var description: String {
        "smtp://\(user.map { "\($0)@" } ?? "")\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}
