import Awards
import Foundation
import Hummingbird

/// Signing in and out — the password, the second factor or its enrolment, a new password when
/// one is due — and each person's own account page with their API tokens.
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
                return continuation(started, next: form["next"], policy: policy)
            } catch let refusal as SignIn.Refusal {
                return try signInPage(pages, request: request, policy: policy, message: pages.phrase(refusal.phrase), status: status(refusal), next: form["next"])
            }
        }

        routes.get("/login/code", access: .everyone, summary: "The second-factor page") { request, _ in
            guard let pending = try await pending(request, .secondFactor, store: store, policy: policy) else { return Respond.redirect(to: "/login") }
            if try await signIn.enrolmentSecret(for: pending) != nil { return Respond.redirect(to: "/login/enrol" + query(request)) }
            return try codePage(pages, request: request, policy: policy)
        }

        routes.form("/login/code", access: .everyone, summary: "Continues signing in with a TOTP code") { request, context, form in
            guard let pending = try await pending(request, .secondFactor, store: store, policy: policy) else { return Respond.redirect(to: "/login") }
            do {
                return continuation(try await signIn.code(form["code"] ?? "", pending: pending, client: context.clientAddress), next: form["next"], policy: policy)
            } catch let refusal as SignIn.Refusal {
                return try codePage(pages, request: request, policy: policy, message: pages.phrase(refusal.phrase), status: status(refusal), next: form["next"])
            }
        }

        routes.get("/login/enrol", access: .everyone, summary: "Enrolling an authenticator app: its secret and QR code") { request, _ in
            guard let pending = try await pending(request, .secondFactor, store: store, policy: policy) else { return Respond.redirect(to: "/login") }
            guard let secret = try await signIn.enrolmentSecret(for: pending) else { return Respond.redirect(to: "/login/code" + query(request)) }
            return try enrolPage(pages, request: request, policy: policy, secret: secret, account: pending.account)
        }

        routes.form("/login/enrol", access: .everyone, summary: "Confirms the authenticator app with one valid code") { request, context, form in
            guard let pending = try await pending(request, .secondFactor, store: store, policy: policy) else { return Respond.redirect(to: "/login") }
            do {
                return continuation(try await signIn.code(form["code"] ?? "", pending: pending, client: context.clientAddress), next: form["next"], policy: policy)
            } catch let refusal as SignIn.Refusal {
                guard let secret = try await signIn.enrolmentSecret(for: pending) else { return Respond.redirect(to: "/login") }
                return try enrolPage(
                    pages, request: request, policy: policy, secret: secret, account: pending.account, message: pages.phrase(refusal.phrase), status: status(refusal),
                    next: form["next"])
            }
        }

        routes.get("/login/password", access: .everyone, summary: "Choosing a new password after an organiser reset it") { request, _ in
            guard try await pending(request, .newPassword, store: store, policy: policy) != nil else { return Respond.redirect(to: "/login") }
            return try newPasswordPage(pages, request: request, policy: policy)
        }

        routes.form("/login/password", access: .everyone, summary: "Sets the new password and completes signing in") { request, context, form in
            guard let pending = try await pending(request, .newPassword, store: store, policy: policy) else { return Respond.redirect(to: "/login") }
            do {
                return continuation(try await signIn.newPassword(form["new"] ?? "", pending: pending, client: context.clientAddress), next: form["next"], policy: policy)
            } catch let problem as AwardsError {
                return try newPasswordPage(pages, request: request, policy: policy, message: Self.sentence(problem.description), status: .unprocessableContent, next: form["next"])
            } catch let refusal as SignIn.Refusal {
                return try signInPage(pages, request: request, policy: policy, message: pages.phrase(refusal.phrase), status: status(refusal), next: form["next"])
            }
        }

        routes.form("/logout", access: .signedIn, summary: "Signs out") { _, context, _ in
            if let session = context.identity?.session { try await store.deleteSession(session.id) }
            var response = Respond.redirect(to: "/")
            response.setCookie(SessionCookies.clear(SessionCookies.session, policy: policy))
            return response
        }

        routes.get("/workspace", access: .everyone, summary: "Sends each person to their workspace") { _, context in
            guard let identity = context.identity else { return Respond.redirect(to: "/login") }
            return Respond.redirect(to: "/\(identity.account.role.rawValue)")
        }

        routes.get("/account", access: .signedIn, summary: "Your account and API tokens") { _, context in
            try await accountPage(pages, context: context, store: store)
        }

        routes.form("/account/tokens", access: .signedIn, summary: "Creates an API token with the scopes chosen, shown once") { _, context, form in
            let identity = try context.requireIdentity()
            let scopes = try form.fields.filter { $0.name == "scope" }.map { field in
                guard let scope = TokenScope(rawValue: field.value) else {
                    throw AwardsError(.invalidValue, "'\(field.value)' is not a scope; one of \(TokenScope.allCases.map(\.rawValue).joined(separator: ", "))", field: "scopes")
                }
                return scope
            }
            let token: String
            do throws(AwardsError) {
                token = try await AccountProvisioning.issueToken(
                    for: identity.account.id, label: form["label"] ?? "", scopes: scopes, at: policy.now(), in: store, by: identity.actor)
            } catch {
                return try await accountPage(pages, context: context, store: store, problem: Self.sentence(error.description), status: .unprocessableContent)
            }
            return try await accountPage(pages, context: context, store: store, newToken: token)
        }

        routes.form("/account/password", access: .signedIn, summary: "Changes your password; your other sessions and your API tokens end") { _, context, form in
            let identity = try context.requireIdentity()
            guard var account = try await store.account(identity.account.id) else { throw HTTPError(.unauthorized, message: "sign in again") }
            do {
                try await signIn.currentPassword(form["current"] ?? "", of: account, client: context.clientAddress)
            } catch let refusal as SignIn.Refusal {
                let problem = pages.phrase(refusal == .wrongCredentials ? "account.wrongPassword" : refusal.phrase)
                return try await accountPage(pages, context: context, store: store, problem: problem, status: status(refusal))
            }
            do {
                account.passwordHash = try await AccountProvisioning.hashOffRequestThread(form["new"] ?? "", cost: policy.bcryptCost, field: "new")
            } catch let error as AwardsError {
                return try await accountPage(pages, context: context, store: store, problem: Self.sentence(error.description), status: .unprocessableContent)
            }
            try await store.saveAccount(account, action: "password-changed", keepingSession: identity.session?.id, by: identity.actor)
            return try await accountPage(pages, context: context, store: store, notice: pages.phrase("account.passwordChanged"))
        }

        routes.form("/account/contact", access: .signedIn, summary: "Sets your e-mail address and the language the platform writes to you in") { _, context, form in
            let identity = try context.requireIdentity()
            guard var account = try await store.account(identity.account.id) else { throw HTTPError(.unauthorized, message: "sign in again") }
            do {
                try account.setContact(email: form["email"], language: form["language"])
                try await store.saveAccount(account, action: "change-contact", keepingSession: identity.session?.id, by: identity.actor)
            } catch let error as AwardsError {
                return try await accountPage(pages, context: context, store: store, problem: Self.sentence(error.description), status: error.kind.httpStatus)
            }
            return try await accountPage(pages, context: context, store: store, notice: pages.phrase("account.contactSaved"))
        }

        routes.form("/account/tokens/revoke", access: .signedIn, summary: "Revokes one of your API tokens") { _, context, form in
            let identity = try context.requireIdentity()
            try await store.deleteToken(try form.required("token"), account: identity.account.id, by: identity.actor)
            return Respond.redirect(to: "/account")
        }
    }

    /// Where a browser goes after a step of signing in, with the session cookie of the step.
    private static func continuation(_ started: SignIn.Started, next: String?, policy: SecurityPolicy) -> Response {
        let next = safeNext(next)
        let path = switch started.session.waitingFor {
        case nil: next
        case .secondFactor: (started.enrolled ? "/login/code" : "/login/enrol") + "?next=" + encode(next)
        case .newPassword: "/login/password?next=" + encode(next)
        }
        var response = Respond.redirect(to: path)
        response.setCookie(SessionCookies.make(
            SessionCookies.session, started.token, maxAge: Int(started.session.expires.timeIntervalSince(started.session.created)), policy: policy))
        return response
    }

    /// An error message as a sentence for a page: capitalised, with a full stop.
    private static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst() + "."
    }

    /// The query of the request, with its `?`, to carry `next` on.
    private static func query(_ request: Request) -> String {
        request.uri.query.map { "?" + $0 } ?? ""
    }

    /// The session of the cookie, if it waits for `step` of signing in.
    private static func pending(_ request: Request, _ step: Session.Step, store: any AccountStore, policy: SecurityPolicy) async throws -> Session? {
        guard let cookie = request.cookies[SessionCookies.session]?.value, !cookie.isEmpty,
            let session = try await store.session(Secrets.digest(cookie), at: policy.now()), session.waitingFor == step
        else { return nil }
        return session
    }

    private static func signInPage(_ pages: Pages, request: Request, policy: SecurityPolicy, message: String? = nil, status: HTTPResponse.Status = .ok, next: String? = nil) throws -> Response {
        try anonymousForm(pages, "login", title: pages.phrase("login.title"), request: request, policy: policy, message: message, status: status, next: next)
    }

    private static func codePage(_ pages: Pages, request: Request, policy: SecurityPolicy, message: String? = nil, status: HTTPResponse.Status = .ok, next: String? = nil) throws -> Response {
        try anonymousForm(pages, "login-code", title: pages.phrase("login.codeTitle"), request: request, policy: policy, message: message, status: status, next: next)
    }

    /// The enrolment page: the secret to type in, the `otpauth://` URI and its QR code to scan,
    /// and the field for the first code, which confirms the enrolment.
    private static func enrolPage(
        _ pages: Pages, request: Request, policy: SecurityPolicy, secret: String, account: String, message: String? = nil,
        status: HTTPResponse.Status = .ok, next: String? = nil
    ) throws -> Response {
        let uri = TOTP.enrolmentURI(secret: secret, account: account)
        let qr = QRCode(uri)?.svg(label: "QR code of the authenticator set-up for \(account)") ?? ""
        // Four characters at a time, as apps accept and people type more easily.
        let grouped = stride(from: 0, to: secret.count, by: 4).map { String(secret.dropFirst($0).prefix(4)) }.joined(separator: " ")
        return try anonymousForm(
            pages, "login-enrol", title: pages.phrase("login.enrolTitle"), request: request, policy: policy, message: message, status: status, next: next,
            extra: ["secret": grouped, "uri": uri, "qr": qr])
    }

    private static func newPasswordPage(
        _ pages: Pages, request: Request, policy: SecurityPolicy, message: String? = nil, status: HTTPResponse.Status = .ok, next: String? = nil
    ) throws -> Response {
        try anonymousForm(
            pages, "login-password", title: pages.phrase("login.newPasswordTitle"), request: request, policy: policy, message: message, status: status, next: next,
            extra: [
                "minimum": AccountProvisioning.minimumPasswordLength,
                "newPasswordLabel": pages.phrase("login.newPasswordLabel", [
                    "minimum": String(AccountProvisioning.minimumPasswordLength), "maximum": String(AccountProvisioning.maximumPasswordBytes),
                ]),
            ])
    }

    /// A form shown before sign-in is complete: its CSRF token is the `civic_csrf` cookie's,
    /// set here when the browser has none yet.
    static func anonymousForm(
        _ pages: Pages, _ template: String, title: String, request: Request, policy: SecurityPolicy, message: String?, status: HTTPResponse.Status, next: String?,
        extra: [String: Any] = [:]
    ) throws -> Response {
        let existing = request.cookies[SessionCookies.csrf]?.value ?? ""
        let csrf = existing.isEmpty ? Secrets.token() : existing
        var context: [String: Any] = ["title": title, "csrf": csrf, "next": safeNext(next ?? request.uri.queryParameters.get("next"))]
        context.merge(extra) { _, new in new }
        if let message { context["message"] = message }
        var response = try pages.render(template, context, status: status)
        if existing.isEmpty { response.setCookie(SessionCookies.make(SessionCookies.csrf, csrf, maxAge: 86_400, policy: policy)) }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private static func accountPage(
        _ pages: Pages, context: some SignedInRequestContext, store: any AccountStore, newToken: String? = nil,
        notice: String? = nil, problem: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let identity = try context.requireIdentity()
        let tokens = try await store.tokens(account: identity.account.id)
        let format = pages.format
        var page = Workspace.base(identity, title: pages.phrase("account.title"))
        page["roleName"] = pages.phrase("roles." + identity.account.role.rawValue)
        page["secondFactor"] = identity.account.hasSecondFactor
        // Read afresh: the identity's copy is the account as the request began.
        let stored = try await store.account(identity.account.id) ?? identity.account
        page["email"] = stored.email ?? ""
        page["languageChoices"] = AccountAdminRoutes.languageChoices(selected: stored.language, pages: pages)
        page["tokens"] = tokens.map { token -> [String: Any] in
            [
                "id": token.id, "label": token.label, "scopes": token.scopes.map(\.rawValue).joined(separator: ", "),
                "revokeLabel": pages.phrase("account.revokeLabel", ["label": token.label]),
                "created": format.date(token.created), "lastUsed": token.lastUsed.map { format.date($0) } ?? pages.phrase("account.never"),
            ]
        }
        page["scopes"] = identity.account.role.tokenScopes.map { scope -> [String: Any] in
            ["value": scope.rawValue, "title": pages.phrase("account.scope." + scope.rawValue), "checked": scope == .read]
        }
        page["newPasswordLabel"] = pages.phrase("login.newPasswordLabel", [
            "minimum": String(AccountProvisioning.minimumPasswordLength), "maximum": String(AccountProvisioning.maximumPasswordBytes),
        ])
        page["minimum"] = AccountProvisioning.minimumPasswordLength
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
    /// `otherwise` is where to go when `next` is missing or refused.
    static func safeNext(_ next: String?, otherwise: String = "/workspace") -> String {
        guard let next, next.first == "/", next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }) else {
            return otherwise
        }
        let second = next.dropFirst().first
        guard second == nil || second.map(isPathCharacter) == true else { return otherwise }
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
