import Awards
import Hummingbird

/// The organisers' audit log page: filtered by actor, entity (a prefix) and a range of days in
/// UTC, 50 entries a page with links to the pages around, each entry's changed fields listed.
/// The store filters and pages in the database.
struct AuditLogPage {
    /// Entries on one page.
    static let perPage = 50

    var actor: String
    var entity: String
    var from: String
    var until: String
    /// The page, from 1.
    var page: Int

    /// The filters and the page `request` asks for; a page that is not a whole number from 1 is
    /// a 400 naming it.
    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        func text(_ name: String) -> String { (parameters.get(name) ?? "").trimmingCharacters(in: .whitespaces) }
        (actor, entity, from, until) = (text("actor"), text("entity"), text("from"), text("until"))
        let pageText = text("page")
        guard pageText.isEmpty || (pageText.count <= 6 && pageText.allSatisfy(\.isASCII) && Int(pageText).map { $0 >= 1 } == true) else {
            throw HTTPError(.badRequest, message: "query parameter 'page': a whole number from 1")
        }
        page = Int(pageText) ?? 1
    }

    /// The page's context for `identity`, read from `store`, in the page's language.
    func context(_ identity: Identity, store: any AwardsStore, pages: Pages) async throws -> [String: Any] {
        let query = try AuditQuery(
            actor: actor.isEmpty ? nil : actor, entity: entity.isEmpty ? nil : entity, fromDay: from, untilDay: until,
            limit: Self.perPage, offset: (page - 1) * Self.perPage)
        let result = try await store.auditLog(query)
        let pageCount = max(1, (result.total + Self.perPage - 1) / Self.perPage)
        var context = Workspace.base(identity, title: pages.phrase("admin.audit"))
        context["actor"] = actor
        context["entity"] = entity
        context["from"] = from
        context["until"] = until
        context["counted"] = result.total == 1 ? pages.phrase("admin.oneEntry") : pages.phrase("admin.entries", ["count": String(result.total)])
        context["pageOf"] = pages.phrase("admin.pageOf", ["page": String(page), "pages": String(pageCount)])
        if page > 1 { context["previous"] = link(page: min(page - 1, pageCount)) }
        if page < pageCount { context["next"] = link(page: page + 1) }
        context["entries"] = result.entries.map { entry -> [String: Any] in
            [
                "id": entry.id, "at": entry.at, "actor": entry.actor, "action": entry.action, "entity": entry.entity, "reason": entry.reason ?? "",
                "changes": AuditChange.fields(entry).map { ["field": $0.field, "before": $0.before, "after": $0.after] },
            ]
        }
        return context
    }

    /// The address of `page` under the same filters.
    func link(page: Int) -> String {
        let filters = [("actor", actor), ("entity", entity), ("from", from), ("until", until)].filter { !$0.1.isEmpty }
        let query = (filters + [("page", String(page))]).map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return "/admin/audit?" + query.joined(separator: "&")
    }
}
