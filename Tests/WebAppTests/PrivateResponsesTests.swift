import Awards
import HTTPTypes
import Hummingbird
import Testing
@testable import WebApp

/// What the server keeps out of caches, and how it reports a request body it cannot read.
@Suite("Private responses")
struct PrivateResponsesTests {
    static let privatePages: [(Role, [String])] = [
        (.community, ["/community", "/account", "/community/case-studies/new"]),
        (.analyst, ["/analyst", "/account"]),
        (.juror, ["/juror", "/account"]),
        (.admin, ["/admin", "/admin/users", "/admin/audit", "/account"]),
    ]

    @Test("every private page of every role is marked Cache-Control: no-store; anonymous public pages are not")
    func noStore() async throws {
        try await TestPlatform.with { app in
            for (role, paths) in Self.privatePages {
                let browser = try await app.signedIn(role)
                for path in paths {
                    let page = try await browser.get(path)
                    #expect(page.headers[.cacheControl] == "no-store", "\(role) \(path) (\(page.status))")
                }
                let head = try await browser.client.execute(uri: paths[0], method: .head, headers: [.cookie: browser.cookieHeader ?? ""]) { $0 }
                #expect(head.headers[.cacheControl] == "no-store", "HEAD \(paths[0])")
            }
            #expect(try await app.browser().get("/login").headers[.cacheControl] == "no-store", "the sign-in form carries a CSRF token")
            #expect(try await app.browser().get("/indices/asem").headers[.cacheControl] != "no-store", "an anonymous public page may be cached")
        }
    }

    @Test("errors on private pages and every answer to a token are marked no-store too")
    func noStoreOnErrors() async throws {
        try await TestPlatform.with { app in
            let community = try await app.signedIn(.community)
            let missing = try await community.get("/community/case-studies/no-such-study")
            #expect(missing.status == .notFound && missing.headers[.cacheControl] == "no-store")
            let analyst = try await app.signedIn(.analyst)
            let other = try await analyst.get("/analyst/reviews/N-999")
            #expect(other.status == .notFound && other.headers[.cacheControl] == "no-store")
            let token = try await AccountProvisioning.issueToken(for: "analyst", label: "scripts", scopes: [.read, .submit], at: app.clock.now, in: app.platform.store, by: "analyst")
            let refused = try await app.browser().send("/api/v1/cycles/2027/reviews", json: "{}", token: token)
            #expect(refused.status == .badRequest && refused.headers[.cacheControl] == "no-store")
            let publicRead = try await app.browser().get("/api/v1/indices/asem/rankings", headers: [.authorization: "Bearer \(token)"])
            #expect(publicRead.status == .ok && publicRead.headers[.cacheControl] == "no-store")
        }
    }

    @Test("credentials of another scheme are not the platform's: public pages answer as to anyone; a bearer without its token is refused")
    func otherSchemes() async throws {
        try await TestPlatform.with { app in
            let basic = try await app.browser().get("/", headers: [.authorization: "Basic YWRtaW46ZGVtby1hZG1pbg=="])
            #expect(basic.status == .ok)
            #expect(try await app.browser().get("/health", headers: [.authorization: "Digest username=\"x\""]).status == .ok)
            #expect(try await app.browser().get("/api/v1/me", headers: [.authorization: "Basic YWRtaW46ZGVtby1hZG1pbg=="]).status == .unauthorized)
            #expect(try await app.browser().get("/", headers: [.authorization: "Bearer"]).status == .unauthorized)
            #expect(try await app.browser().get("/", headers: [.authorization: "bearer not-a-token"]).status == .unauthorized)
        }
    }

    @Test("a request body that is not JSON is refused with the line and column of its first error")
    func jsonSyntaxError() async throws {
        try await TestPlatform.with { app in
            let community = try await app.signedIn(.community)
            try await community.get("/account")
            let created = try await community.post("/account/tokens", [("label", "api"), ("scope", "read"), ("scope", "submit")])
            let range = try #require(created.body.range(of: #"<code id="new-token">[^<]+"#, options: .regularExpression))
            let token = String(created.body[range].dropFirst(#"<code id="new-token">"#.count))
            let broken = try await app.browser().send("/api/v1/cycles/2027/nominations", json: "{\n  \"id\": \"N-001\",,\n}", token: token)
            #expect(broken.status == .badRequest)
            #expect(broken.body.contains("line 2, column 17"), "\(broken.body)")
            #expect(!broken.body.contains("field ''"))
        }
    }
}
