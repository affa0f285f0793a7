import Hummingbird

/// The platform's routes, each with the access it declares.
///
/// Routes can only be added with an `Access`, so a route without a rule does not compile; the
/// table is also what the authorisation tests and the OpenAPI document are checked against.
/// A request to a route that is not open to everyone is refused until the person is signed in
/// with a permitted role (deny by default).
public struct RouteTable<Context: RequestContext> {
    /// One declared route.
    public struct Entry: Sendable, Equatable {
        public var method: HTTPRequest.Method
        public var path: String
        public var access: Access
        /// A one-line summary, for the OpenAPI document.
        public var summary: String
    }

    /// Every route declared so far.
    public private(set) var entries: [Entry] = []
    let router: Router<Context>

    init(router: Router<Context>) {
        self.router = router
    }

    /// Declares a GET route with its access rule and handler.
    mutating func get(
        _ path: String, access: Access, summary: String,
        _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        entries.append(Entry(method: .get, path: path, access: access, summary: summary))
        router.get(RouterPath(path)) { request, context in
            guard access == .everyone else {
                throw HTTPError(.unauthorized, message: "sign in with one of these roles: \(access)")
            }
            return try await handler(request, context)
        }
    }
}
