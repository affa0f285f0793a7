import Awards
import Hummingbird

/// Turns a broken rule of the programme into an HTTP error with the same message, so that a
/// person or API client sees which rule and which field, never a bare 500.
struct ProgrammeErrors<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AwardsError {
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
