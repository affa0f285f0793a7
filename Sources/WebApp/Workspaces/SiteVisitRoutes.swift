import Awards
import Foundation
import Hummingbird

/// The organisers' page of a cycle's site visits: one note per finalist of the Top7, which the
/// jury reads in the finalist's dossier beside the ballot. Each change is logged with the cycle.
enum SiteVisitRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/admin/cycles/{year}/site-visits", access: .only(.admin), summary: "The notes from each finalist's site visit, for the jury's dossiers") { _, context in
            let identity = try context.requireIdentity()
            let cycle = try await store.cycle(try context.parameters.require("year", as: Int.self))
            return try pages.render("admin-site-visits", try await Self.page(identity, cycle: cycle, store: store, pages: pages))
        }

        routes.form("/admin/cycles/{year}/site-visits", access: .only(.admin), summary: "Records the notes from one finalist's site visit") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let nomination = try form.required("nomination")
            let note = form["note"] ?? ""
            do {
                try await Programme(store: store, actor: identity.actor, now: now()).setSiteVisitNote(note, nomination: nomination, cycle: year)
            } catch let error as AwardsError {
                var page = try await Self.page(identity, cycle: try await store.cycle(year), store: store, pages: pages, typed: (nomination, note))
                page["problem"] = pages.problem(error)
                return try pages.render("admin-site-visits", page, status: error.kind.httpStatus)
            }
            return Respond.redirect(to: "/admin/cycles/\(year)/site-visits#visit-\(nomination)")
        }
    }

    /// The page: the Top7 in rank order, each with its note (or, after a refused change, the
    /// note as typed) in a form of its own.
    static func page(
        _ identity: Identity, cycle: Cycle, store: any AwardsStore, pages: Pages, typed: (nomination: String, note: String)? = nil
    ) async throws -> [String: Any] {
        var page = Workspace.base(identity, title: pages.phrase("juror.visits.title", ["year": String(cycle.year)]))
        page["year"] = cycle.year
        let top7 = try await store.shortlist("top7", cycle: cycle.year)
        let candidates = Dictionary((top7?.candidates ?? []).map { ($0.nomination, $0) }, uniquingKeysWith: { a, _ in a })
        page["finalists"] = (top7?.selected ?? []).map { id -> [String: Any] in
            let note = typed.flatMap { $0.nomination == id ? $0.note : nil } ?? cycle.siteVisitNotes[id] ?? ""
            return ["id": id, "community": candidates[id]?.community ?? id, "country": candidates[id]?.country ?? "", "note": note]
        }
        page["noTop7"] = top7 == nil
        page["limit"] = pages.phrase("juror.visits.limit", ["limit": String(Programme.siteVisitNoteLimit)])
        return page
    }
}
