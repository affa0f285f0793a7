import Awards
import Foundation
import HTTPTypes
import Hummingbird
import Testing
@testable import WebApp

/// Enrolment of the second factor, and what organisers do to accounts under /admin/users,
/// through the real routes.
@Suite("Account administration")
struct AccountAdministrationTests {
    static let password = "a long enough password"

    /// Creates an account through the organisers' page.
    static func create(_ app: TestPlatform, _ admin: TestBrowser, _ fields: [(String, String)]) async throws -> TestBrowser.Page {
        try await admin.get("/admin/users")
        return try await admin.post("/admin/users", fields + [("password", password)])
    }

    /// The secret the enrolment page shows, without its spaces.
    static func shownSecret(_ page: String) throws -> String {
        let range = try #require(page.range(of: #"<code id="totp-secret">[A-Z2-7 ]+"#, options: .regularExpression))
        return String(page[range].dropFirst(#"<code id="totp-secret">"#.count)).replacingOccurrences(of: " ", with: "")
    }

    /// Signs in with the password and lands on the enrolment page; returns its body.
    static func passwordToEnrolment(_ browser: TestBrowser, _ username: String, _ password: String) async throws -> String {
        try await browser.get("/login")
        let afterPassword = try await browser.post("/login", [("username", username), ("password", password)])
        #expect(afterPassword.location?.hasPrefix("/login/enrol") == true, "\(afterPassword.location ?? "no redirect")")
        return try await browser.get("/login/enrol").body
    }

    @Test("a new analyst enrols at first sign-in: secret, otpauth URI and QR code shown; no session until a code from oathtool confirms it")
    func enrolment() async throws {
        try await TestPlatform.with { app in
            let admin = try await app.signedIn(.admin)
            let created = try await Self.create(app, admin, [("username", "carol"), ("name", "Carol (synthetic)"), ("role", "analyst"), ("subject", "A-101")])
            #expect(created.status == .ok)
            #expect(!created.body.contains("TOTP secret"), "the organiser never sees the secret")
            #expect(try await app.platform.store.account("carol")?.totpSecret == nil)

            let carol = app.browser()
            let page = try await Self.passwordToEnrolment(carol, "carol", Self.password)
            let secret = try Self.shownSecret(page)
            #expect(secret.count == 32)
            #expect(page.contains("otpauth://totp/Civic%20Index:carol?secret=\(secret)&amp;issuer=Civic%20Index&amp;algorithm=SHA1&amp;digits=6&amp;period=30"))
            #expect(page.contains("<svg") && page.contains(#"shape-rendering="crispEdges""#))
            #expect(try await carol.get("/login/enrol").body.contains(secret.prefix(4) + " "), "reloading shows the same secret")
            #expect(try await carol.get("/analyst").status == .seeOther, "no session before enrolment is confirmed")
            #expect(try await carol.get("/login/code").location?.hasPrefix("/login/enrol") == true)
            #expect(try await app.platform.store.account("carol")?.secondFactorConfirmed == false)

            try await carol.get("/login/enrol")
            let wrong = try await carol.post("/login/enrol", [("code", "000000")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains(secret.prefix(4) + " "), "the page shows the secret again")
            let done = try await carol.post("/login/enrol", [("code", try Oathtool.code(secret, at: app.clock.now)), ("next", "/analyst")])
            #expect(done.location == "/analyst")
            #expect(try await carol.get("/analyst").status == .ok)
            #expect(try await app.platform.store.account("carol")?.secondFactorConfirmed == true)

            // The next sign-in asks for a code, not enrolment.
            app.clock.advance(30)
            let again = app.browser()
            try await again.signIn(DemoPlatform.DemoAccount(username: "carol", password: Self.password, role: .analyst, totpSecret: secret, subject: "A-101"))
            #expect(try await again.get("/analyst").status == .ok)
        }
    }

    @Test("new accounts default to the community role; subjects come from the lists; bad input names the field")
    func creation() async throws {
        try await TestPlatform.with { app in
            let admin = try await app.signedIn(.admin)
            let community = try #require(try await app.platform.store.communities().first)
            let plain = try await Self.create(app, admin, [("username", "dora"), ("name", "Dora (synthetic)"), ("subject", community.id)])
            #expect(plain.status == .ok)
            #expect(try await app.platform.store.account("dora")?.role == .community)
            #expect(try await app.platform.store.account("dora")?.subject == community.id)
            #expect(plain.body.contains(#"<option value="community" selected>"#), "the form proposes the least powerful role")

            let typed = try await Self.create(app, admin, [("username", "eve"), ("name", "Eve"), ("role", "analyst"), ("subject", "A-999")])
            #expect(typed.status == .unprocessableContent)
            #expect(typed.body.contains("field &#39;subject&#39;"))
            let long = try await admin.post("/admin/users", [("username", "fay"), ("name", "Fay"), ("role", "juror"), ("juror", "J-101"), ("password", String(repeating: "é", count: 37))])
            #expect(long.status == .unprocessableContent)
            #expect(long.body.contains("field &#39;password&#39;") && long.body.contains("72 bytes"))
            #expect(try await app.platform.store.account("eve") == nil)
            #expect(try await app.platform.store.account("fay") == nil)
        }
    }

    @Test("an organiser resets a password: sessions and tokens end; the owner must set a new one before anything else")
    func passwordReset() async throws {
        try await TestPlatform.with { app in
            let analyst = app.account(.analyst)
            let own = try await app.signedIn(.analyst)
            let token = try await AccountProvisioning.issueToken(for: "analyst", label: "scripts", scopes: [.read], at: app.clock.now, in: app.platform.store, by: "analyst")
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/users/analyst")
            let unconfirmed = try await admin.post("/admin/users/analyst/password", [("password", "temporary password 1")])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.body.contains("field &#39;confirm&#39;"))
            #expect(try await own.get("/analyst").status == .ok, "nothing changed without confirmation")

            try await admin.get("/admin/users/analyst")
            let reset = try await admin.post("/admin/users/analyst/password", [("password", "temporary password 1"), ("confirm", "yes")])
            #expect(reset.status == .ok)
            #expect(reset.body.contains("new password due"))
            #expect(try await own.get("/analyst").status == .seeOther, "the session ended")
            #expect(try await app.browser().get("/api/v1/me", headers: [.authorization: "Bearer \(token)"]).status == .unauthorized, "the token is revoked")
            await #expect(try await app.platform.store.auditLog(entity: "account:analyst", limit: 5).contains { $0.action == "reset-password" && $0.actor == "admin" })

            let browser = app.browser()
            try await browser.get("/login")
            #expect(try await browser.post("/login", [("username", "analyst"), ("password", analyst.password)]).status == .unauthorized)
            try await browser.post("/login", [("username", "analyst"), ("password", "temporary password 1")])
            try await browser.get("/login/code")
            let afterCode = try await browser.post("/login/code", [("code", TestBrowser.code(try #require(analyst.totpSecret), at: app.clock.now))])
            #expect(afterCode.location?.hasPrefix("/login/password") == true)
            #expect(try await browser.get("/analyst").status == .seeOther, "nothing opens before the new password")
            #expect(try await browser.get("/account").status == .seeOther)
            try await browser.get("/login/password")
            #expect(try await browser.post("/login/password", [("new", "temporary password 1")]).status == .unprocessableContent)
            try await browser.get("/login/password")
            let short = try await browser.post("/login/password", [("new", "            ")])
            #expect(short.status == .unprocessableContent && short.body.contains("Field &#39;new&#39;"))
            try await browser.get("/login/password")
            let done = try await browser.post("/login/password", [("new", "my own new passphrase")])
            #expect(done.location == "/workspace")
            #expect(try await browser.get("/analyst").status == .ok)
            await #expect(try await app.platform.store.account("analyst")?.mustChangePassword == false)
        }
    }

    @Test("an organiser resets a second factor: sessions end and the next sign-in enrols a new one")
    func secondFactorReset() async throws {
        try await TestPlatform.with { app in
            let juror = app.account(.juror)
            let own = try await app.signedIn(.juror)
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/users/juror")
            #expect(try await admin.post("/admin/users/juror/second-factor", [("confirm", "yes")]).status == .ok)
            #expect(try await own.get("/juror").status == .seeOther)
            let page = try await Self.passwordToEnrolment(app.browser(), "juror", juror.password)
            #expect(try Self.shownSecret(page) != juror.totpSecret)
            #expect(try await app.platform.store.auditLog(entity: "account:juror", limit: 5).contains { $0.action == "reset-second-factor" })
        }
    }

    @Test("an organiser unlocks an account locked after failed sign-ins")
    func unlock() async throws {
        try await TestPlatform.with { app in
            let community = app.account(.community)
            let browser = app.browser()
            try await browser.get("/login")
            for _ in 1...5 { try await browser.post("/login", [("username", "community"), ("password", "wrong")]) }
            #expect(try await browser.post("/login", [("username", "community"), ("password", community.password)]).status.code == 423)
            let admin = try await app.signedIn(.admin)
            #expect(try await admin.get("/admin/users").body.contains("locked from 1 address"))
            try await admin.get("/admin/users/community")
            #expect(try await admin.post("/admin/users/community/unlock", [("confirm", "yes")]).body.contains("The account is unlocked."))
            #expect(try await browser.post("/login", [("username", "community"), ("password", community.password)]).status == .seeOther)
        }
    }

    @Test("an organiser changes a role and subject from the lists: sessions and tokens end; a new organiser enrols a second factor")
    func roleChange() async throws {
        try await TestPlatform.with { app in
            let community = app.account(.community)
            let own = try await app.signedIn(.community)
            let token = try await AccountProvisioning.issueToken(for: "community", label: "x", scopes: [.read], at: app.clock.now, in: app.platform.store, by: "community")
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/users/community")
            let unknown = try await admin.post("/admin/users/community/role", [("role", "analyst"), ("subject", "nobody"), ("confirm", "yes")])
            #expect(unknown.status == .unprocessableContent)
            try await admin.get("/admin/users/community")
            let changed = try await admin.post("/admin/users/community/role", [("role", "analyst"), ("subject", "A-101"), ("confirm", "yes")])
            #expect(changed.status == .ok)
            #expect(try await app.platform.store.account("community")?.role == .analyst)
            #expect(try await own.get("/community").status == .seeOther)
            #expect(try await app.platform.store.token(Secrets.digest(token)) == nil)
            _ = try await Self.passwordToEnrolment(app.browser(), "community", community.password)
        }
    }

    @Test("an organiser disables an account after confirming; no action may be turned on their own account but unlocking")
    func disableAndSelf() async throws {
        try await TestPlatform.with { app in
            let own = try await app.signedIn(.juror)
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/users/juror")
            #expect(try await admin.post("/admin/users/juror/disable", []).status == .unprocessableContent)
            #expect(try await app.platform.store.account("juror")?.disabled == false)
            try await admin.get("/admin/users/juror")
            #expect(try await admin.post("/admin/users/juror/disable", [("confirm", "yes")]).status == .ok)
            #expect(try await app.platform.store.account("juror")?.disabled == true)
            #expect(try await own.get("/juror").status == .seeOther)
            try await admin.get("/admin/users/juror")
            #expect(try await admin.post("/admin/users/juror/enable", [("confirm", "yes")]).status == .ok)
            #expect(try await app.platform.store.account("juror")?.disabled == false)
            #expect(try await own.get("/juror").status == .seeOther, "the old session stays ended")
            #expect(try await app.signedIn(.juror).get("/juror").status == .ok, "a new sign-in works")
            try await admin.get("/admin/users/juror")
            #expect(try await admin.post("/admin/users/juror/enable", [("confirm", "yes")]).status == .conflict, "only a disabled account is enabled")
            #expect(try await app.platform.store.auditLog(entity: "account:juror", limit: 20).contains { $0.action == "enable" })
            for action in ["password", "second-factor", "role", "disable", "enable"] {
                try await admin.get("/admin/users/admin")
                let refused = try await admin.post("/admin/users/admin/\(action)", [("confirm", "yes"), ("password", "another long password"), ("role", "community")])
                #expect(refused.status == .conflict, "\(action)")
            }
            #expect(try await app.platform.store.account("admin")?.role == .admin)
            #expect(try await admin.get("/admin").status == .ok)
        }
    }

    @Test("tokens open only the API routes whose scope they hold: every page and form, account pages included, refuse them")
    func tokenMatrix() async throws {
        try await TestPlatform.with { app in
            for role in Role.allCases {
                let store = app.platform.store
                let full = try await AccountProvisioning.issueToken(for: role.rawValue, label: "all", scopes: role.tokenScopes, at: app.clock.now, in: store, by: role.rawValue)
                let readOnly = try await AccountProvisioning.issueToken(for: role.rawValue, label: "read", scopes: [.read], at: app.clock.now, in: store, by: role.rawValue)
                for entry in app.routes {
                    let uri = entry.path.replacingOccurrences(of: "{year}", with: "2027").replacingOccurrences(of: "{nomination}", with: "N-001")
                        .replacingOccurrences(of: "{id}", with: "community").replacingOccurrences(of: "{code}", with: "CHE")
                        .replacingOccurrences(of: "{caseStudy}", with: "none")
                    var headers: HTTPFields = [.authorization: "Bearer \(full)", .cookie: "civic_csrf=forged"]
                    var body: ByteBuffer?
                    switch entry.kind {
                    case .read: break
                    case .form:
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        body = ByteBuffer(string: "csrf=forged&confirm=yes&label=x&scope=read&role=admin")
                    case .api:
                        headers[.contentType] = "application/json"
                        body = ByteBuffer(string: "{}")
                    }
                    let status = try await app.client.execute(uri: uri, method: entry.method, headers: headers, body: body) { $0.status }
                    if entry.scope == nil, !(entry.access == .everyone && entry.kind == .read) {
                        #expect(status == .forbidden, "\(role) token → \(entry.method) \(uri): \(status)")
                    }
                    if let scope = entry.scope, scope != .read {
                        headers[.authorization] = "Bearer \(readOnly)"
                        let narrow = try await app.client.execute(uri: uri, method: entry.method, headers: headers, body: body) { $0.status }
                        #expect(narrow == .forbidden, "\(role) read-only token → \(entry.method) \(uri): \(narrow)")
                    }
                }
            }
            #expect(try await app.platform.store.accounts().map(\.role).filter { $0 == .admin }.count == 1, "no token made an organiser")
        }
    }

    @Test("every API route that needs an identity declares a token scope, and no page or form does")
    func scopesDeclared() async throws {
        try await TestPlatform.with { app in
            for entry in app.routes {
                if entry.path.hasPrefix("/api/"), entry.access != .everyone {
                    #expect(entry.scope != nil, "\(entry.method) \(entry.path)")
                } else {
                    #expect(entry.scope == nil, "\(entry.method) \(entry.path)")
                }
            }
            let document = OpenAPIDocument(routes: app.routes)
            #expect(document.paths["/api/v1/cycles/{year}/phase"]?["post"]?.security?.first?["bearerAuth"] == ["manage"])
            #expect(document.paths["/api/v1/cycles/{year}/reviews"]?["post"]?.security?.first?["bearerAuth"] == ["submit"])
        }
    }
}
