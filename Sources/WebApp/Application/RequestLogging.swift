import Hummingbird
import Logging

/// Logs every request once, when its response is ready: method, path, status and duration,
/// through the request context's logger, which already carries Hummingbird's request id
/// (`hb.request.id`).
///
/// It wraps the whole router rather than sitting in it, so that it sees the status the error
/// pages give, and it replaces `LogRequestsMiddleware`, which logs before the response exists.
/// The path is logged without its query, which may carry tokens.
struct RequestLogResponder<Base: HTTPResponder>: HTTPResponder where Base.Context: RequestContext {
    typealias Context = Base.Context

    let base: Base

    init(_ base: Base) {
        self.base = base
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await base.respond(to: request, context: context)
            log(request, status: response.status, since: start, to: context.logger)
            return response
        } catch {
            // Hummingbird turns the error into this status.
            log(request, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: start, to: context.logger)
            throw error
        }
    }

    private func log(_ request: Request, status: HTTPResponse.Status, since start: ContinuousClock.Instant, to logger: Logger) {
        let elapsed = (ContinuousClock.now - start).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        logger.log(
            level: status.code >= 500 ? .error : .info, "Request",
            metadata: [
                "hb.request.method": .string(request.method.rawValue),
                "hb.request.path": .string(request.uri.path),
                "status": .stringConvertible(status.code),
                "duration_ms": .string(LogFormat.tenths(milliseconds)),
            ])
    }
}

/// Numbers as the request log writes them.
enum LogFormat {
    /// A non-negative number with one decimal, as `String(format: "%.1f")` writes it, without
    /// the cost of a format string on every request.
    static func tenths(_ value: Double) -> String {
        let scaled = value * 10
        // A half (or what rounds to one) is left to the format, which rounds the exact value.
        guard value.isFinite, value >= 0, value < 1e15, scaled - scaled.rounded(.down) != 0.5 else { return String(format: "%.1f", value) }
        let tenths = Int(scaled.rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
