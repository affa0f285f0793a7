import Hummingbird

/// Turns errors on the pages (not the API) into HTML error pages with the same status; the API
/// keeps its one JSON error body.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where !request.uri.path.hasPrefix("/api/") {
            let title = error.status == .notFound ? "Not found" : error.status.reasonPhrase
            let message = error.body ?? "The page could not be shown."
            var response = try pages.render("error", ["title": title, "message": message], status: error.status)
            response.headers.append(contentsOf: error.headers)
            return response
        }
    }
}
