import Awards
import Foundation
import Hummingbird

/// The organisers' view of the outbox: every message with where its delivery stands, filtered
/// by status, and sending a failed one again.
enum OutboxRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store
        let admin = Access.only(.admin)

        routes.get("/admin/outbox", access: admin, summary: "The messages the platform sends, with their delivery", query: ["status"]) { request, context in
            let status = request.uri.queryParameters.get("status").flatMap { $0.isEmpty ? nil : $0 }
            guard status == nil || OutboxEntry.Status(rawValue: status ?? "") != nil else {
                throw HTTPError(.unprocessableContent, message: "field 'status': one of \(OutboxEntry.Status.allCases.map(\.rawValue).joined(separator: ", ")), or empty")
            }
            return try await page(pages, context: context, platform: platform, status: status.flatMap(OutboxEntry.Status.init(rawValue:)))
        }

        routes.form("/admin/outbox/retry", access: admin, summary: "Sends a failed message again") { _, context, form in
            let identity = try context.requireIdentity()
            do {
                guard form["confirm"] == "yes" else { throw AwardsError(.invalidValue, "tick the box to confirm", field: "confirm") }
                try await store.retryMessage(try form.required("id"), at: now(), by: identity.actor)
            } catch let problem as AwardsError {
                return try await page(pages, context: context, platform: platform, status: .failed, problem: problem)
            }
            return try await page(pages, context: context, platform: platform, status: .failed, notice: pages.phrase("admin.queuedAgain"))
        }
    }

    /// How many messages the page lists, newest first.
    static let shown = 500

    private static func page(
        _ pages: Pages, context: some SignedInRequestContext, platform: Platform, status: OutboxEntry.Status?, notice: String? = nil, problem: AwardsError? = nil
    ) async throws -> Response {
        var page = Workspace.base(try context.requireIdentity(), title: pages.phrase("admin.outbox"))
        if let relay = platform.mail.relay {
            page["relay"] = relay.description
            page["sender"] = platform.mail.sender.description
        }
        page["statuses"] = [["value": "", "title": pages.phrase("admin.all"), "selected": status == nil]]
            + OutboxEntry.Status.allCases.map { ["value": $0.rawValue, "title": pages.phrase("admin.outboxStatus." + $0.rawValue), "selected": $0 == status] }
        page["filtered"] = status != nil
        let dates = ISO8601DateFormatter()
        page["messages"] = try await platform.store.outboxEntries(status: status, limit: shown).map { entry -> [String: Any] in
            [
                "id": entry.id, "queued": dates.string(from: entry.queuedAt), "recipient": entry.message.recipient, "kind": entry.message.kind,
                "language": entry.message.language.rawValue, "subject": entry.message.subject, "status": entry.status.rawValue,
                "attempts": entry.attempts, "lastError": entry.lastError ?? "", "failed": entry.status == .failed,
                "retryLabel": pages.phrase("admin.retryLabel", ["recipient": entry.message.recipient]),
                "when": entry.status == .sent ? entry.sentAt.map(dates.string) ?? "" : entry.status == .failed ? "" : dates.string(from: entry.nextAttempt),
            ]
        }
        if let notice { page["notice"] = notice }
        if let problem { page["problem"] = problem.description }
        var response = try pages.render("admin-outbox", page, status: problem?.kind.httpStatus ?? .ok)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
