import Testing
@testable import WebApp

/// After signing in, the platform goes back only to a path on this site: never to another site,
/// however the address is disguised.
@Suite("Where sign-in leads")
struct OpenRedirectTests {
    @Test(
        "a disguised address of another site leads to the workspace instead",
        arguments: [
            "/\t/evil.example/", "/\n/evil.example/", "/\r\n/evil.example", "/ /evil.example", "//evil.example/", "/\\evil.example",
            "/\\/evil.example", "https://evil.example/", "evil.example", "", "/\u{0}/evil.example", "/\u{7F}/evil.example",
            "/\u{3000}/evil.example", "/\u{FF0F}evil.example", "/analyst\tx",
        ])
    func refused(_ next: String) {
        #expect(AccountRoutes.safeNext(next) == "/workspace")
    }

    @Test("a path on this site is kept as it is", arguments: ["/", "/analyst", "/analyst/reviews/N-1?round=2", "/%2F%2Fevil.example", "/?x=1", "/@me", "/community/case-studies/new"])
    func kept(_ next: String) {
        #expect(AccountRoutes.safeNext(next) == next)
    }

    @Test("through the routes: a tab-disguised next is dropped from the sign-in page and after signing in")
    func throughTheRoutes() async throws {
        try await TestPlatform.with { app in
            let browser = app.browser()
            let page = try await browser.get("/login?next=/%09/evil.example/")
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"next\" value=\"/workspace\""))
            #expect(!page.body.contains("evil.example"))
            let community = app.account(.community)
            let signedIn = try await browser.post("/login", [("username", community.username), ("password", community.password), ("next", "/\t/evil.example/")])
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location == "/workspace")
            let again = try await browser.get("/login?next=/%09/evil.example/")
            #expect(again.location == "/workspace", "a signed-in visit to the sign-in page goes on, but not off the site")
        }
    }
}
