import Awards
import Hummingbird

/// Turns a broken rule of the programme met by the API into an HTTP error with the same
/// message, so that a client sees which rule and which field, never a bare 500. On the pages,
/// `ErrorPages` words it in the reader's language.
struct ProgrammeErrors<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AwardsError where request.uri.path.hasPrefix("/api/") {
            throw HTTPError(error.kind.httpStatus, message: error.description)
        }
    }
}

extension AwardsError.Kind {
    /// The HTTP status that reports a broken rule of this kind.
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .unreadableFile, .invalidValue, .invalidBallot: .unprocessableContent
        case .unknownReference: .notFound
        case .notPermitted: .forbidden
        case .duplicate, .outOfPhase, .invalidState, .conflictOfInterest, .infeasible: .conflict
        case .storage: .internalServerError
        }
    }
}

extension Pages {
    /// A broken rule as a form's problem line: its detail as the programme words it (in English),
    /// led in another language by what kind of problem it is in that language.
    func problem(_ error: AwardsError) -> String {
        guard language != .en else { return error.description }
        return phrase("errors.kinds." + error.kind.rawValue) + " " + phrase("errors.detail") + " " + error.description
    }
}
