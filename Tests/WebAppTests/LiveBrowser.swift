import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal browser over real HTTP to servers on the loopback interface, through Foundation's
/// URLSession: it keeps its own cookies and sends them to whichever port it is pointed at (a
/// proxy, or one server behind it directly), follows no redirects, and reads CSRF tokens from
/// forms — what `TestBrowser` does over the in-process router, for processes started for real.
final class LiveBrowser: @unchecked Sendable {
    /// One answer.
    struct Page: Sendable {
        var status: Int
        var body: String
        var location: String?
    }

    private let lock = NSLock()
    private var cookies: [String: String] = [:]
    private var lastPage = ""

    /// The browser's cookies.
    var cookieJar: [String: String] { lock.withLock { cookies } }

    /// The CSRF token of the last page's first form.
    func csrfToken() -> String? { TestBrowser.csrfToken(in: lock.withLock { lastPage }) }

    @discardableResult
    func get(_ port: Int, _ path: String) async throws -> Page {
        try await send(port, path, method: "GET", body: nil, contentType: nil)
    }

    /// Posts a form, adding the CSRF token of the last page.
    @discardableResult
    func post(_ port: Int, _ path: String, _ fields: [(String, String)]) async throws -> Page {
        let all = fields + [("csrf", csrfToken() ?? "")]
        let body = all.map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
        return try await send(port, path, method: "POST", body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    private func send(_ port: Int, _ path: String, method: String, body: Data?, contentType: String?) async throws -> Page {
        var headers: [String: String] = [:]
        if let contentType { headers["Content-Type"] = contentType }
        if let cookie = TestBrowser.cookieHeader(cookieJar) { headers["Cookie"] = cookie }
        let (page, setCookie) = try await Self.exchange(port, path, method: method, headers: headers, body: body)
        lock.withLock {
            // URLSession joins repeated Set-Cookie fields with commas; the platform's cookies
            // carry no commas (Max-Age, not Expires), so the join splits back cleanly.
            for field in setCookie?.split(separator: ",") ?? [] { TestBrowser.apply(setCookie: String(field), to: &cookies) }
            if method == "GET" || page.status != 303 { lastPage = page.body }
        }
        return page
    }

    /// One request to `127.0.0.1:port`, without cookies of its own; returns the answer and its
    /// `Set-Cookie` header. Fails after 30 s without an answer.
    static func exchange(
        _ port: Int, _ path: String, method: String, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> (Page, setCookie: String?) {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw BrowserTestError("'\(path)' is not a path") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw BrowserTestError("\(method) \(url) gave no HTTP answer") }
        let page = Page(status: http.statusCode, body: String(decoding: data, as: UTF8.self), location: http.value(forHTTPHeaderField: "Location"))
        return (page, http.value(forHTTPHeaderField: "Set-Cookie"))
    }

    /// One session for every live browser: no cookie store (each browser keeps its own), no
    /// redirects followed, enough connections per host for a test's concurrent writers.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    /// Hands every redirect back to the caller, as the answer.
    private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
            completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }
}
