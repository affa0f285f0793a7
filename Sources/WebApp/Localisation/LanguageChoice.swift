import Awards
import Hummingbird

/// Chooses the language of every page of a request and binds it (`PageLanguage.current`) while
/// the request is answered; also declares the switcher's route, which sets the `lang` cookie.
///
/// It runs before the error pages, so that they are in the same language. The choice is
/// `Language.choose`: the cookie, then `Accept-Language`, then English; once the request is
/// signed in, `AccountLanguage` puts the account's own language before the browser's.
struct LanguageChoice<Context: RequestContext>: RouterMiddleware {
    /// The cookie the header's switcher sets: `en`, `fr` or `vi`, nothing else is read.
    static var cookie: String { "lang" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let here = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let page = PageLanguage(language: Self.language(of: request, storedPreference: nil), here: here)
        return try await PageLanguage.$current.withValue(page) { try await next(request, context) }
    }

    /// The language of `request`'s pages, with `storedPreference` (the signed-in account's own
    /// language) before the browser's `Accept-Language` but after the switcher's cookie: a person
    /// who switches language on a page sees it switch.
    static func language(of request: Request, storedPreference: Language?) -> Language {
        Language.choose(stored: storedPreference, cookie: request.cookies[cookie]?.value, acceptLanguage: request.headers[.acceptLanguage])
    }

    /// Declares `GET /language/{code}`: sets the `lang` cookie (a year, SameSite=Lax, HttpOnly)
    /// to one of the three codes and goes back to `next`, a path on this site; any other code is
    /// 404 and sets nothing.
    static func addRoute<C: SignedInRequestContext>(to routes: inout RouteTable<C>, policy: SecurityPolicy) {
        routes.get("/language/{language}", access: .everyone, summary: "Shows the pages in another language (en, fr or vi), then goes back", query: ["next"]) { request, context in
            guard let language = context.parameters.get("language").flatMap(Language.init(rawValue:)) else {
                throw HTTPError(.notFound, message: "the pages are in English (en), French (fr) and Vietnamese (vi) only")
            }
            var response = Respond.redirect(to: AccountRoutes.safeNext(request.uri.queryParameters.get("next"), otherwise: "/"))
            response.setCookie(Cookie(
                name: cookie, value: language.rawValue, maxAge: 365 * 86_400, path: "/", secure: policy.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
    }
}

/// Shows a signed-in person's pages in the language their account names, unless they switched
/// language with the header's switcher; it runs after `Authenticator`, which knows the account.
struct AccountLanguage<Context: SignedInRequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let stored = context.identity?.account.language else { return try await next(request, context) }
        var page = PageLanguage.current
        page.language = LanguageChoice<Context>.language(of: request, storedPreference: stored)
        return try await PageLanguage.$current.withValue(page) { try await next(request, context) }
    }
}
