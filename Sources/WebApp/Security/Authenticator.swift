import Foundation
import Awards
import Hummingbird

/// Finds who is asking: a bearer API token, or a verified session cookie. A request with
/// neither goes on anonymously; the route's rule then decides. A bearer token that is not valid
/// is refused at once, so that a client with a revoked token learns of it; credentials of other
/// schemes (`Basic`, as a proxy in front may add) are not the platform's and are ignored.
struct Authenticator<Context: SignedInRequestContext>: RouterMiddleware {
    let store: any AccountStore
    let policy: SecurityPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization], let bearer = Self.bearerToken(authorization) {
            guard let (token, account) = try await store.tokenWithAccount(Secrets.digest(bearer)), !account.disabled else {
                throw HTTPError(.unauthorized, message: "the API token is not valid")
            }
            // Written at most every five minutes, so that busy clients do not write on every call.
            if token.lastUsed.map({ policy.now().timeIntervalSince($0) >= 300 }) ?? true {
                try await store.recordTokenUse(token.id, at: policy.now())
            }
            context.identity = Identity(account: account, token: token)
        } else if let cookie = request.cookies[SessionCookies.session]?.value, !cookie.isEmpty,
            let session = try await store.session(Secrets.digest(cookie), at: policy.now()), session.verified,
            let account = try await store.account(session.account), !account.disabled
        {
            context.identity = Identity(account: account, session: session)
        }
        return try await next(request, context)
    }

    /// The token of a `Bearer` credential (the scheme's name in any case), or `nil` for another scheme.
    static func bearerToken(_ authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.first?.lowercased() == "bearer" else { return nil }
        // A bearer credential without its token is still a (wrong) bearer credential.
        return parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    }
}
