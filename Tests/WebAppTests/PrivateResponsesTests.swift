import Awards
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

    @Test("every private page of every role is marked Cache-Control: no-store; public pages are not")
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
                let publicPage = try await browser.get("/rankings")
                #expect(publicPage.status == .ok && publicPage.headers[.cacheControl] != "no-store", "the rankings are the same for everyone")
            }
            #expect(try await app.browser().get("/login").headers[.cacheControl] == "no-store", "the sign-in form carries a CSRF token")
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
