import Awards
import Hummingbird

/// Turns errors on the pages (not the API) into HTML error pages with the same status, titled in
/// the page's language; the API keeps its one JSON error body.
///
/// A broken rule of the programme is explained in the page's language by its kind ("The cycle's
/// current phase does not allow this."), followed by its precise detail — which rule, which
/// field — in English, marked as English for screen readers when the page is not.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AwardsError where !request.uri.path.hasPrefix("/api/") {
            let status = error.kind.httpStatus
            var page: [String: Any] = [
                "title": pages.phrase(Self.titles[status.code] ?? "errors.other"), "message": pages.phrase("errors.kinds." + error.kind.rawValue),
                "detail": error.description, "detailLabel": pages.phrase("errors.detail"),
            ]
            if PageLanguage.current.language != .en { page["detailLanguage"] = Language.en.rawValue }
            return try pages.render("error", page, status: status)
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
