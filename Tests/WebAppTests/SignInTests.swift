import Awards
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

/// Accounts, sessions, the second factor, CSRF tokens, lock-out and rate limiting, through the
/// real router.
@Suite("Sign-in and sessions")
struct SignInTests {
    @Test("a community signs in with its password; the session cookie is HttpOnly and SameSite=Lax; signing out ends it")
    func communitySignIn() async throws {
        try await TestPlatform.with { app in
            let browser = app.browser()
            let form = try await browser.get("/login")
            #expect(form.status == .ok)
            #expect(form.headers[values: .setCookie].contains { $0.hasPrefix("civic_csrf=") && $0.contains("HttpOnly") && $0.contains("SameSite=Lax") })
            let community = app.account(.community)
            let signedIn = try await browser.post("/login", [("username", community.username), ("password", community.password)])
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location == "/workspace")
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("civic_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            #expect(try await browser.get("/workspace").location == "/community")
            let page = try await browser.get("/community")
            #expect(page.status == .ok)
            #expect(page.body.contains("Signed in as"))
            #expect(try await browser.post("/logout", []).status == .seeOther)
            #expect(try await browser.get("/community").status == .seeOther, "the session ended")
            let audit = try await app.platform.store.auditLog(entity: "account:community", limit: 10)
            #expect(audit.contains { $0.action == "sign-in" && $0.actor == "community" })
        }
    }

    @Test("a wrong password and an unknown name read the same; no session is given")
    func wrongPassword() async throws {
        try await TestPlatform.with { app in
            let browser = app.browser()
            try await browser.get("/login")
            let wrong = try await browser.post("/login", [("username", "admin"), ("password", "not-the-password")])
            let unknown = try await browser.post("/login", [("username", "nobody"), ("password", "whatever")])
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.body.contains("The name or password is wrong.") && unknown.body.contains("The name or password is wrong."))
            #expect(browser.cookies["civic_session"] == nil)
            #expect(try await app.platform.store.auditLog(entity: "account:admin", limit: 5).filter { $0.action == "sign-in-failed" }.count == 1)
        }
    }

    @Test("an analyst needs the TOTP code: the password alone opens nothing, a wrong code fails, a used code cannot be replayed")
    func secondFactor() async throws {
        try await TestPlatform.with { app in
            let analyst = app.account(.analyst)
            let secret = try #require(analyst.totpSecret)
            let browser = app.browser()
            try await browser.get("/login")
            let afterPassword = try await browser.post("/login", [("username", analyst.username), ("password", analyst.password), ("next", "/analyst")])
            #expect(afterPassword.location?.hasPrefix("/login/code") == true)
            #expect(try await browser.get("/analyst").status == .seeOther, "a password-only session opens no workspace")
            try await browser.get("/login/code")
            let good = TestBrowser.code(secret, at: app.clock.now)
            let bad = good == "000000" ? "111111" : "000000"
            let wrong = try await browser.post("/login/code", [("code", bad)])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("The code is wrong"))
            let right = try await browser.post("/login/code", [("code", good), ("next", "/analyst")])
            #expect(right.status == .seeOther)
            #expect(right.location == "/analyst")
            #expect(try await browser.get("/analyst").status == .ok)

            // The same code, from another browser in the same 30 seconds, is refused.
            let other = app.browser()
            try await other.get("/login")
            try await other.post("/login", [("username", analyst.username), ("password", analyst.password)])
            try await other.get("/login/code")
            #expect(try await other.post("/login/code", [("code", good)]).status == .unauthorized)
        }
    }

    @Test("five failed sign-ins lock the account for fifteen minutes, even against the right password")
    func lockOut() async throws {
        try await TestPlatform.with { app in
            let admin = app.account(.admin)
            let browser = app.browser()
            try await browser.get("/login")
            for _ in 1...4 {
                #expect(try await browser.post("/login", [("username", "admin"), ("password", "wrong")]).status == .unauthorized)
            }
            let fifth = try await browser.post("/login", [("username", "admin"), ("password", "wrong")])
            #expect(fifth.status.code == 423)
            #expect(try await browser.post("/login", [("username", "admin"), ("password", admin.password)]).status.code == 423)
            #expect(try await app.platform.store.auditLog(entity: "account:admin", limit: 10).contains { $0.action == "locked" })
            app.clock.advance(16 * 60)
            let afterwards = try await browser.post("/login", [("username", "admin"), ("password", admin.password)])
            #expect(afterwards.status == .seeOther)
        }
    }

    @Test("one address gets a limited number of attempts across all accounts")
    func rateLimit() async throws {
        try await TestPlatform.with(attemptsPerWindow: 3) { app in
            let browser = app.browser()
            try await browser.get("/login")
            for name in ["a1", "a2", "a3"] {
                #expect(try await browser.post("/login", [("username", name), ("password", "x")]).status == .unauthorized)
            }
            let fourth = try await browser.post("/login", [("username", "community"), ("password", app.account(.community).password)])
            #expect(fourth.status == .tooManyRequests)
            app.clock.advance(11 * 60)
            #expect(try await browser.post("/login", [("username", "community"), ("password", app.account(.community).password)]).status == .seeOther)
        }
    }

    @Test("forms without the right CSRF token are refused and change nothing")
    func csrf() async throws {
        try await TestPlatform.with { app in
            let anonymous = app.browser()
            let community = app.account(.community)
            // No token cookie yet: the sign-in form cannot be posted from elsewhere.
            #expect(try await anonymous.post("/login", [("username", community.username), ("password", community.password), ("csrf", "forged")]).status == .forbidden)

            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/users")
            let before = try await app.platform.store.accounts().count
            let forged = try await admin.post("/admin/users", [
                ("username", "mallory"), ("name", "M"), ("role", "admin"), ("password", "long-enough-password"), ("csrf", "not-the-token"),
            ])
            #expect(forged.status == .forbidden)
            #expect(try await app.platform.store.accounts().count == before)
            // The session's own token is accepted.
            try await admin.get("/admin/users")
            let real = try await admin.post("/admin/users", [
                ("username", "carol"), ("name", "Carol (synthetic)"), ("role", "analyst"), ("subject", "A-101"), ("password", "long-enough-password"),
            ])
            #expect(real.status == .ok)
            #expect(real.body.contains("Created carol (analyst)"))
            #expect(try await app.platform.store.account("carol")?.role == .analyst)
        }
    }

    @Test("API tokens: created on the account page, shown once, accepted as Bearer, refused once revoked; sessions do not open the API's writes")
    func apiTokens() async throws {
        try await TestPlatform.with { app in
            let juror = try await app.signedIn(.juror)
            try await juror.get("/account")
            let created = try await juror.post("/account/tokens", [("label", "scripts"), ("scope", "read")])
            let range = try #require(created.body.range(of: #"<code id="new-token">[^<]+"#, options: .regularExpression))
            let token = String(created.body[range].dropFirst(#"<code id="new-token">"#.count))
            #expect(try await app.platform.store.tokens(account: "juror").count == 1)
            #expect(try await app.platform.store.tokens(account: "juror").first?.id != token, "only the digest is stored")

            let me = try await app.browser().get("/api/v1/me", headers: [.authorization: "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect(me.body.contains(#""role":"juror""#))
            #expect(try await app.browser().get("/api/v1/me", headers: [.authorization: "Bearer nonsense"]).status == .unauthorized)

            // A browser session cannot use the API's writes (no CSRF protection there).
            let write = try await juror.send("/api/v1/cycles/2027/ballots", json: #"{"juror":"J-001","entries":[]}"#)
            #expect(write.status == .unauthorized)

            try await juror.get("/account")
            let id = try #require(try await app.platform.store.tokens(account: "juror").first?.id)
            #expect(try await juror.post("/account/tokens/revoke", [("token", id)]).status == .seeOther)
            #expect(try await app.browser().get("/api/v1/me", headers: [.authorization: "Bearer \(token)"]).status == .unauthorized)
        }
    }

    @Test("changing the password needs the current one and at least 12 characters, and ends the other sessions")
    func changePassword() async throws {
        try await TestPlatform.with { app in
            let community = app.account(.community)
            let first = try await app.signedIn(.community)
            let second = try await app.signedIn(.community)
            try await first.get("/account")
            let wrong = try await first.post("/account/password", [("current", "not it"), ("new", "a brand new passphrase")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("The current password is wrong."))
            let short = try await first.post("/account/password", [("current", community.password), ("new", "short")])
            #expect(short.status == .unprocessableContent)
            let changed = try await first.post("/account/password", [("current", community.password), ("new", "a brand new passphrase")])
            #expect(changed.status == .ok)
            #expect(changed.body.contains("Your password is changed"))
            #expect(try await first.get("/community").status == .ok, "this session goes on")
            #expect(try await second.get("/community").status == .seeOther, "the other session ended")
            let again = app.browser()
            try await again.get("/login")
            #expect(try await again.post("/login", [("username", "community"), ("password", community.password)]).status == .unauthorized)
            #expect(try await again.post("/login", [("username", "community"), ("password", "a brand new passphrase")]).status == .seeOther)
        }
    }

    @Test("after sign-in only paths on this site are followed")
    func safeNext() {
        #expect(AccountRoutes.safeNext("/analyst") == "/analyst")
        #expect(AccountRoutes.safeNext("//evil.example/") == "/workspace")
        #expect(AccountRoutes.safeNext("https://evil.example/") == "/workspace")
        #expect(AccountRoutes.safeNext("/\\evil") == "/workspace")
        #expect(AccountRoutes.safeNext(nil) == "/workspace")
    }

    @Test("HEAD is answered for every page, with no body")
    func head() async throws {
        try await TestPlatform.with { app in
            try await app.client.execute(uri: "/indices/asem", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}
