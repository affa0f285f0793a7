import Awards
import Foundation
import Hummingbird
import HummingbirdBcrypt
import NIOPosix

/// Signing in and out, the second factor, and each person's own account page with their API
/// tokens.
enum AccountRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, signIn: SignIn) {
        let store = platform.store
        let policy = signIn.policy

        routes.get("/login", access: .everyone, summary: "The sign-in page") { request, context in
            if context.identity != nil { return Respond.redirect(to: safeNext(request)) }
            return try signInPage(pages, request: request, policy: policy)
        }

        routes.form("/login", access: .everyone, summary: "Signs in with a name and password") { request, context, form in
            do {
                let started = try await signIn.password(
                    username: form["username"] ?? "", password: form["password"] ?? "", client: context.clientAddress)
                var response = Respond.redirect(to: started.session.verified ? safeNext(form["next"]) : "/login/code?next=" + encode(safeNext(form["next"])))
                response.setCookie(SessionCookies.make(SessionCookies.session, started.token, maxAge: Int(started.session.expires.timeIntervalSince(started.session.created)), policy: policy))
                return response
            } catch let refusal as SignIn.Refusal {
                return try signInPage(pages, request: request, policy: policy, message: refusal.message, status: status(refusal), next: form["next"])
            }
        }

        routes.get("/login/code", access: .everyone, summary: "The second-factor page") { request, _ in
            guard try pending(request, store: store, policy: policy) != nil else { return Respond.redirect(to: "/login") }
            return try codePage(pages, request: request, policy: policy)
        }

        routes.form("/login/code", access: .everyone, summary: "Completes sign-in with a TOTP code") { request, context, form in
            guard let pending = try pending(request, store: store, policy: policy) else { return Respond.redirect(to: "/login") }
            do {
                let started = try await signIn.code(form["code"] ?? "", pending: pending, client: context.clientAddress)
                var response = Respond.redirect(to: safeNext(form["next"]))
                response.setCookie(SessionCookies.make(SessionCookies.session, started.token, maxAge: Int(policy.sessionLifetime), policy: policy))
                return response
            } catch let refusal as SignIn.Refusal {
                return try codePage(pages, request: request, policy: policy, message: refusal.message, status: status(refusal), next: form["next"])
            }
        }

        routes.form("/logout", access: .signedIn, summary: "Signs out") { _, context, _ in
            if let session = context.identity?.session { try store.deleteSession(session.id) }
            var response = Respond.redirect(to: "/")
            response.setCookie(SessionCookies.clear(SessionCookies.session, policy: policy))
            return response
        }

        routes.get("/workspace", access: .everyone, summary: "Sends each person to their workspace") { _, context in
            guard let identity = context.identity else { return Respond.redirect(to: "/login") }
            return Respond.redirect(to: "/\(identity.account.role.rawValue)")
        }

        routes.get("/account", access: .signedIn, summary: "Your account and API tokens") { _, context in
            try accountPage(pages, context: context, store: store)
        }

        routes.form("/account/tokens", access: .signedIn, summary: "Creates an API token, shown once") { _, context, form in
            let identity = try context.requireIdentity()
            let token = try AccountProvisioning.issueToken(
                for: identity.account.id, label: try form.required("label"), at: policy.now(), in: store, by: identity.actor)
            return try accountPage(pages, context: context, store: store, newToken: token)
        }

        routes.form("/account/password", access: .signedIn, summary: "Changes your password; your other sessions end") { _, context, form in
            let identity = try context.requireIdentity()
            guard var account = try store.account(identity.account.id),
                try await SignIn.verify(form["current"] ?? "", hash: account.passwordHash)
            else {
                return try accountPage(pages, context: context, store: store, problem: "The current password is wrong.", status: .unauthorized)
            }
            let new = form["new"] ?? ""
            guard new.count >= AccountProvisioning.minimumPasswordLength else {
                return try accountPage(
                    pages, context: context, store: store,
                    problem: "The new password needs at least \(AccountProvisioning.minimumPasswordLength) characters.", status: .unprocessableContent)
            }
            account.passwordHash = try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(new, cost: policy.bcryptCost) }
            try store.saveAccount(account, by: identity.actor)
            try store.deleteSessions(account: account.id, except: identity.session?.id)
            return try accountPage(pages, context: context, store: store, notice: "Your password is changed; your other sessions have ended.")
        }

        routes.form("/account/tokens/revoke", access: .signedIn, summary: "Revokes one of your API tokens") { _, context, form in
            let identity = try context.requireIdentity()
            try store.deleteToken(try form.required("token"), account: identity.account.id, by: identity.actor)
            return Respond.redirect(to: "/account")
        }
    }

    /// The session waiting for its second factor, from the cookie.
    private static func pending(_ request: Request, store: any AccountStore, policy: SecurityPolicy) throws -> Session? {
        guard let cookie = request.cookies[SessionCookies.session]?.value, !cookie.isEmpty,
            let session = try store.session(Secrets.digest(cookie), at: policy.now()), !session.verified
        else { return nil }
        return session
    }

    private static func signInPage(_ pages: Pages, request: Request, policy: SecurityPolicy, message: String? = nil, status: HTTPResponse.Status = .ok, next: String? = nil) throws -> Response {
        try anonymousForm(pages, "login", title: "Sign in", request: request, policy: policy, message: message, status: status, next: next)
    }

    private static func codePage(_ pages: Pages, request: Request, policy: SecurityPolicy, message: String? = nil, status: HTTPResponse.Status = .ok, next: String? = nil) throws -> Response {
        try anonymousForm(pages, "login-code", title: "Second factor", request: request, policy: policy, message: message, status: status, next: next)
    }

    /// A form shown before sign-in: its CSRF token is the `civic_csrf` cookie's, set here when
    /// the browser has none yet.
    private static func anonymousForm(
        _ pages: Pages, _ template: String, title: String, request: Request, policy: SecurityPolicy, message: String?, status: HTTPResponse.Status, next: String?
    ) throws -> Response {
        let existing = request.cookies[SessionCookies.csrf]?.value ?? ""
        let csrf = existing.isEmpty ? Secrets.token() : existing
        var context: [String: Any] = ["title": title, "csrf": csrf, "next": safeNext(next ?? request.uri.queryParameters.get("next"))]
        if let message { context["message"] = message }
        var response = try pages.render(template, context, status: status)
        if existing.isEmpty { response.setCookie(SessionCookies.make(SessionCookies.csrf, csrf, maxAge: 86_400, policy: policy)) }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private static func accountPage(
        _ pages: Pages, context: some SignedInRequestContext, store: any AccountStore, newToken: String? = nil,
        notice: String? = nil, problem: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let identity = try context.requireIdentity()
        let tokens = try store.tokens(account: identity.account.id)
        var page = Workspace.base(identity, title: "Your account")
        page["role"] = identity.account.role.rawValue
        page["secondFactor"] = identity.account.requiresSecondFactor
        page["tokens"] = tokens.map { token -> [String: Any] in
            ["id": token.id, "label": token.label, "created": ISO8601DateFormatter().string(from: token.created)]
        }
        page["hasTokens"] = !tokens.isEmpty
        if let newToken { page["newToken"] = newToken }
        if let notice { page["notice"] = notice }
        if let problem { page["problem"] = problem }
        var response = try pages.render("account", page, status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private static func status(_ refusal: SignIn.Refusal) -> HTTPResponse.Status {
        switch refusal {
        case .tooManyAttempts: .tooManyRequests
        case .locked: HTTPResponse.Status(code: 423, reasonPhrase: "Locked")
        case .wrongCredentials, .wrongCode: .unauthorized
        }
    }

    /// Where to go after signing in: only a path on this site, never another site.
    ///
    /// `next` arrives decoded. It must be `/` alone or `/` followed by a path character, and hold
    /// only visible ASCII: browsers drop tabs and line breaks from a `Location` and read `\` as
    /// `/`, so `/\t/evil.example` or `/\\evil.example` would otherwise lead to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.first == "/", next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }) else {
            return "/workspace"
        }
        let second = next.dropFirst().first
        guard second == nil || second.map(isPathCharacter) == true else { return "/workspace" }
        return next
    }

    /// Whether `c` may start a path segment (RFC 3986's `pchar`, or the start of a query).
    private static func isPathCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "-._~%!$&'()*+,;=:@?".contains(c))
    }

    private static func safeNext(_ request: Request) -> String { safeNext(request.uri.queryParameters.get("next")) }

    private static func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
}

extension SignedInRequestContext {
    /// The signed-in person; routes that declare roles are only reached with one.
    func requireIdentity() throws -> Identity {
        guard let identity else { throw HTTPError(.unauthorized, message: "sign in first") }
        return identity
    }
}
