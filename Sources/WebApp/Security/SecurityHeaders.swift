import HTTPTypes
import Hummingbird

/// Adds the platform's security headers to every response: a strict content security policy
/// (no scripts or frames from elsewhere, no framing of the platform), no MIME sniffing, no
/// referrer leaking across sites, and `Cache-Control: no-store` on every answer to a request that
/// carries a session cookie or an `Authorization` header — pages, API answers and errors alike —
/// so that nothing personal stays in a shared computer's browser cache or a proxy.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Errors become responses here, so that they carry the headers too.
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        if request.headers[.authorization] != nil || request.cookies[SessionCookies.session] != nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

extension HTTPField.Name {
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
}
