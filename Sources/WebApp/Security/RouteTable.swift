import Awards
import Hummingbird

/// The platform's routes, each with the access it declares.
///
/// Routes can only be added with an `Access`, so a route without a rule does not compile; the
/// table is also what the authorisation tests and the OpenAPI document are checked against.
/// Every request is checked against its route's rule before the handler runs (deny by
/// default): pages send people who are not signed in to the sign-in page, the API answers 401,
/// and a signed-in person without a permitted role gets 403. An API token opens only the public
/// reads and the API routes that declare a scope it holds (403 otherwise): never a page, a form,
/// or account and token management, which are forms. Handlers still check access to the
/// objects they touch.
public struct RouteTable<Context: SignedInRequestContext> {
    /// One declared route.
    public struct Entry: Sendable, Equatable {
        public var method: HTTPRequest.Method
        public var path: String
        public var access: Access
        /// The scope an API token needs; `nil` where tokens are not accepted (or, on routes open
        /// to everyone, not needed).
        public var scope: TokenScope?
        /// A one-line summary, for the OpenAPI document.
        public var summary: String
        /// How the route takes its input.
        public var kind: Kind
        /// The optional query parameters it reads, for the OpenAPI document.
        public var query: [String] = []
        /// The JSON body an API write takes, for the OpenAPI document.
        var body: OpenAPIDocument.Schema?
        /// Where a route that has moved leads (`{…}` standing for the same path parameters); it
        /// answers 308 Permanent Redirect there.
        public var movedTo: String?

        public static func == (a: Entry, b: Entry) -> Bool {
            (a.method, a.path, a.access, a.scope) == (b.method, b.path, b.access, b.scope) && (a.summary, a.kind, a.query, a.movedTo) == (b.summary, b.kind, b.query, b.movedTo)
        }
    }

    /// How a route takes its input.
    public enum Kind: Sendable, Equatable {
        /// A page or a JSON read.
        case read
        /// An HTML form post from a signed-in browser (or the sign-in form), with a CSRF token.
        case form
        /// A JSON write from an API client with a bearer token.
        case api
    }

    /// Every route declared so far.
    public private(set) var entries: [Entry] = []
    let router: Router<Context>

    init(router: Router<Context>) {
        self.router = router
    }

    /// Declares a GET route, and HEAD answered from it without the body, with its access rule and handler.
    /// A read of the API that API tokens may make declares the `scope` they need.
    mutating func get(
        _ path: String, access: Access, scope: TokenScope? = nil, summary: String, query: [String] = [],
        _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        entries.append(Entry(method: .get, path: path, access: access, scope: scope, summary: summary, kind: .read, query: query))
        router.get(RouterPath(path)) { request, context in
            if let refusal = try Self.refusal(access, scope: scope, kind: .read, request, context) { return refusal }
            return try await handler(request, context)
        }
        router.head(RouterPath(path)) { request, context in
            if let refusal = try Self.refusal(access, scope: scope, kind: .read, request, context) { return refusal }
            let response = try await handler(request, context)
            return Response(status: response.status, headers: response.headers)
        }
    }

    /// Declares a GET (and HEAD) route that has moved to `target`, open to everyone: it answers
    /// 308 Permanent Redirect to the same address under `target`, the rest of the path (the
    /// parameters, as sent) and the query kept. 308 keeps the method, and clients and search
    /// engines learn the new address.
    mutating func redirect(_ path: String, to target: String, summary: String) {
        entries.append(Entry(method: .get, path: path, access: .everyone, summary: summary, kind: .read, movedTo: target))
        let (old, new) = (path.prefix { $0 != "{" }, target.prefix { $0 != "{" })
        let answer: @Sendable (Request, Context) -> Response = { request, _ in
            let location = new + request.uri.path.dropFirst(old.count) + (request.uri.query.map { "?" + $0 } ?? "")
            return Response(status: .permanentRedirect, headers: [.location: String(location)])
        }
        router.get(RouterPath(path), use: answer)
        router.head(RouterPath(path), use: answer)
    }

    /// Declares a POST route for an HTML form. The form must carry the CSRF token of the
    /// session (or, before sign-in, of the `civic_csrf` cookie) in its `csrf` field.
    mutating func form(
        _ path: String, access: Access, summary: String,
        _ handler: @escaping @Sendable (Request, Context, Form) async throws -> Response
    ) {
        entries.append(Entry(method: .post, path: path, access: access, summary: summary, kind: .form))
        router.post(RouterPath(path)) { request, context in
            if let refusal = try Self.refusal(access, scope: nil, kind: .form, request, context) { return refusal }
            let form = try await Form.read(request)
            let expected = context.identity?.session?.csrfToken ?? request.cookies[SessionCookies.csrf]?.value
            guard let sent = form["csrf"], let expected, !expected.isEmpty, Secrets.equal(sent, expected) else {
                throw HTTPError(.forbidden, message: "the form has expired or did not come from this site; reload the page and send it again")
            }
            return try await handler(request, context, form)
        }
    }

    /// Declares a JSON write of the API (`method` POST, PUT or DELETE). Only API tokens with
    /// `scope` are accepted, never a browser session, so that no other site can make a browser write.
    mutating func api(
        _ method: HTTPRequest.Method, _ path: String, access: Access, scope: TokenScope, summary: String, body: OpenAPIDocument.Schema?,
        _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        entries.append(Entry(method: method, path: path, access: access, scope: scope, summary: summary, kind: .api, body: body))
        router.on(RouterPath(path), method: method) { request, context in
            guard context.identity == nil || context.identity?.session == nil else {
                throw HTTPError(.unauthorized, message: "the API takes an API token (Authorization: Bearer …), not a browser session")
            }
            if let refusal = try Self.refusal(access, scope: scope, kind: .api, request, context) { return refusal }
            return try await handler(request, context)
        }
    }

    /// Answers every other method on the declared paths with 405 and the methods allowed, so
    /// that a client learns what a path takes instead of a bare 404. Called once every route is
    /// declared.
    mutating func refuseOtherMethods() {
        var allowed: [String: Set<HTTPRequest.Method>] = [:]
        for entry in entries {
            allowed[entry.path, default: []].insert(entry.method)
            if entry.method == .get { allowed[entry.path, default: []].insert(.head) }
        }
        let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options, .trace] + [HTTPRequest.Method("QUERY")].compactMap { $0 }
        for (path, taken) in allowed {
            let allow = methods.filter(taken.contains).map(\.rawValue).joined(separator: ", ")
            for method in methods where !taken.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw HTTPError(.methodNotAllowed, headers: [.allow: allow], message: "\(path) takes \(allow)")
                }
            }
        }
    }

    /// The response that refuses a request under `access`, or `nil` when it may go on.
    static func refusal(_ access: Access, scope: TokenScope?, kind: Kind, _ request: Request, _ context: Context) throws -> Response? {
        if let identity = context.identity, identity.token != nil, !(access == .everyone && kind == .read) {
            guard let scope else {
                throw HTTPError(.forbidden, message: "an API token opens only the API; pages, forms and accounts need you to sign in")
            }
            guard identity.scopes.contains(scope) else {
                throw HTTPError(.forbidden, message: "this needs an API token with the scope '\(scope.rawValue)'")
            }
        }
        if access.admits(context.identity) { return nil }
        if context.identity != nil {
            throw HTTPError(.forbidden, message: "this needs one of these roles: \(access)")
        }
        if request.uri.path.hasPrefix("/api/") || request.method != .get {
            throw HTTPError(.unauthorized, message: "sign in with one of these roles: \(access)")
        }
        let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        return Respond.redirect(to: "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
    }
}
