import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Awards
import Testing
@testable import WebApp

/// A clock the tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// The platform with the demo data and accounts on a temporary database, served through the
/// real router, with a clock the test controls and a cheap bcrypt cost.
struct TestPlatform {
    let client: any TestClientProtocol
    let accounts: [DemoPlatform.DemoAccount]
    let platform: Platform
    let clock: TestClock
    let routes: [RouteTable<PlatformContext>.Entry]

    static func with(
        attemptsPerWindow: Int = 30, _ body: @Sendable (TestPlatform) async throws -> Void
    ) async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-auth-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let root = PlatformRoutesTests.root
        let platform = try Platform.load(WebConfiguration(database: database, indices: [root + "/Examples/asem/asem.json"], analysis: nil))
        let accounts = try await DemoPlatform.load(
            into: platform.store, record: try RecognitionRecord.read(path: root + "/Examples/awards-history/recognitions.csv"),
            published: DemoCycle(nominations: 40, analysts: 12, jurors: 5), bcryptCost: 4)
        let clock = TestClock()
        let policy = SecurityPolicy(bcryptCost: 4, attemptsPerWindow: attemptsPerWindow, now: { clock.now })
        let (router, routes) = makeRouter(platform: platform, pages: try await Pages.load(), policy: policy)
        try await Application(router: router).test(.router) { client in
            try await body(TestPlatform(client: client, accounts: accounts, platform: platform, clock: clock, routes: routes))
        }
    }

    func account(_ role: Role) -> DemoPlatform.DemoAccount { accounts.first { $0.role == role }! }

    /// A new browser with no cookies.
    func browser() -> TestBrowser { TestBrowser(client: client, clock: clock) }

    /// The demo organiser, signed in, having assigned the analysts of the walkthrough cycle's
    /// first round and opened Smart21 scoring.
    func openFirstRound() async throws -> TestBrowser {
        let year = DemoPlatform.walkthroughYear
        let admin = try await signedIn(.admin)
        try await admin.get("/admin/cycles/\(year)")
        try await admin.post("/admin/cycles/\(year)/assign", [("round", "1"), ("confirm", "yes")])
        try await admin.advance(to: .smart21Scoring, year: year)
        return admin
    }

    /// A browser signed in as the demo account of `role`, second factor included.
    func signedIn(_ role: Role) async throws -> TestBrowser {
        let browser = browser()
        try await browser.signIn(account(role))
        return browser
    }
}

/// A minimal browser over the test client: it keeps cookies and reads CSRF tokens from forms.
final class TestBrowser: @unchecked Sendable {
    let client: any TestClientProtocol
    let clock: TestClock
    private(set) var cookies: [String: String] = [:]
    /// The body of the last page fetched.
    private(set) var lastPage = ""

    init(client: any TestClientProtocol, clock: TestClock) {
        self.client = client
        self.clock = clock
    }

    struct Page {
        var status: HTTPResponse.Status
        var body: String
        var location: String?
        var headers: HTTPFields
    }

    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, body: nil, headers: headers)
    }

    /// Posts a form, adding the CSRF token of the last page unless `csrf` is given.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil, headers: HTTPFields = [:]) async throws -> Page {
        var all = fields
        if !fields.contains(where: { $0.0 == "csrf" }) { all.append(("csrf", csrf ?? csrfToken() ?? "")) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(path, method: .post, body: body, headers: headers)
    }

    /// The browser's cookies as a `Cookie` header, if it has any.
    var cookieHeader: String? { Self.cookieHeader(cookies) }

    /// `cookies` as a `Cookie` header, if there are any.
    static func cookieHeader(_ cookies: [String: String]) -> String? {
        cookies.isEmpty ? nil : cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    /// The CSRF token of the last page's first form.
    func csrfToken() -> String? { Self.csrfToken(in: lastPage) }

    /// The CSRF token of `page`'s first form.
    static func csrfToken(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value="([^"]*)""#, options: .regularExpression) else { return nil }
        return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// Applies one `Set-Cookie` field to `cookies`: an empty value or `Max-Age=0` removes the
    /// cookie, as a browser does.
    static func apply(setCookie field: String, to cookies: inout [String: String]) {
        let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
        let (name, value) = (String(pair[0]).trimmingCharacters(in: .whitespaces), pair.count > 1 ? String(pair[1]) : "")
        if value.isEmpty || field.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
    }

    /// Signs in with the password and, when the account needs one, the current TOTP code of its
    /// base32 secret.
    func signIn(_ account: DemoPlatform.DemoAccount) async throws {
        try await get("/login")
        let afterPassword = try await post("/login", [("username", account.username), ("password", account.password)])
        #expect(afterPassword.status == .seeOther)
        if let secret = account.totpSecret {
            #expect(afterPassword.location?.hasPrefix("/login/code") == true)
            try await get("/login/code")
            let done = try await post("/login/code", [("code", Self.code(secret, at: clock.now))])
            #expect(done.status == .seeOther, "the TOTP code is accepted")
            clock.advance(30)
        }
    }

    static func code(_ secret: String, at date: Date) -> String {
        TOTP(base32: secret)!.code(at: date)
    }

    private func send(_ path: String, method: HTTPRequest.Method, body: String?, headers: HTTPFields) async throws -> Page {
        var headers = headers
        if let cookie = cookieHeader { headers[.cookie] = cookie }
        return try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            for field in response.headers[values: .setCookie] { Self.apply(setCookie: field, to: &self.cookies) }
            let page = Page(status: response.status, body: String(buffer: response.body), location: response.headers[.location], headers: response.headers)
            if method == .get || response.status != .seeOther { self.lastPage = page.body }
            return page
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestBrowser {
    /// Sends a JSON body with the browser's cookies (and no token).
    func send(_ path: String, json: String, token: String? = nil) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let cookie = cookieHeader { headers[.cookie] = cookie }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: json)) { response in
            Page(status: response.status, body: String(buffer: response.body), location: response.headers[.location], headers: response.headers)
        }
    }
}
