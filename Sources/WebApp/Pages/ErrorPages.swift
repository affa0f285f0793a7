import Hummingbird

/// Turns errors on the pages (not the API) into HTML error pages with the same status, titled in
/// the page's language (the detail is the handler's, in English); the API keeps its one JSON
/// error body.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where !request.uri.path.hasPrefix("/api/") {
            let title = pages.phrase(Self.titles[error.status.code] ?? "errors.other")
            let message = error.body ?? "The page could not be shown."
            var response = try pages.render("error", ["title": title, "message": message], status: error.status)
            response.headers.append(contentsOf: error.headers)
            return response
        }
    }

    /// The phrase of each status's title; other statuses are "something went wrong".
    static var titles: [Int: String] {
        [400: "errors.badRequest", 401: "errors.unauthorized", 403: "errors.forbidden", 404: "errors.notFound", 409: "errors.conflict", 422: "errors.unprocessable"]
    }
}
