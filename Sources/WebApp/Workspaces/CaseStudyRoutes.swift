import Awards
import Foundation
import Hummingbird

/// A community's own case studies for the best-practice library: written and kept as drafts,
/// then published to the public library. A community sees and changes only its own.
enum CaseStudyRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/community/case-studies/new", access: .only(.community), summary: "The form for a new case study") { _, context in
            let identity = try context.requireIdentity()
            let (_, nomination) = try await CommunityWorkspaceRoutes.nomination(identity, store)
            return try pages.render("case-study-form", Self.page(identity, nomination: nomination, caseStudy: nil, pages: pages))
        }

        routes.form("/community/case-studies", access: .only(.community), summary: "Saves a new case study as a draft or publishes it") { _, context, form in
            let identity = try context.requireIdentity()
            let (cycle, nomination) = try await CommunityWorkspaceRoutes.nomination(identity, store)
            var caseStudy = CaseStudy(
                id: try await Self.freeID(CaseStudy.slug(form["title"] ?? ""), store), communityName: nomination.community, country: nomination.country,
                title: "", summary: "", body: "", factors: [], year: cycle.year, author: identity.account.id,
                community: try CommunityWorkspaceRoutes.community(identity))
            return try await Self.save(&caseStudy, form: form, identity: identity, nomination: nomination, store: store, pages: pages, now: now)
        }

        routes.get("/community/case-studies/{caseStudy}", access: .only(.community), summary: "Edits one of the community's case studies") { _, context in
            let identity = try context.requireIdentity()
            let (_, nomination) = try await CommunityWorkspaceRoutes.nomination(identity, store)
            let caseStudy = try await Self.own(try context.parameters.require("caseStudy"), identity: identity, store: store)
            return try pages.render("case-study-form", Self.page(identity, nomination: nomination, caseStudy: caseStudy, pages: pages))
        }

        routes.form("/community/case-studies/{caseStudy}", access: .only(.community), summary: "Saves or publishes one of the community's case studies") { _, context, form in
            let identity = try context.requireIdentity()
            let (_, nomination) = try await CommunityWorkspaceRoutes.nomination(identity, store)
            var caseStudy = try await Self.own(try context.parameters.require("caseStudy"), identity: identity, store: store)
            return try await Self.save(&caseStudy, form: form, identity: identity, nomination: nomination, store: store, pages: pages, now: now)
        }
    }

    /// Fills `caseStudy` from the form and saves it, published when asked; the form comes back
    /// with the problem and every field as typed when it cannot be saved.
    static func save(
        _ caseStudy: inout CaseStudy, form: Form, identity: Identity, nomination: Nomination, store: any LibraryStore, pages: Pages,
        now: @Sendable () -> Date
    ) async throws -> Response {
        caseStudy.title = (form["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        caseStudy.summary = (form["summary"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        caseStudy.body = (form["body"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        caseStudy.factors = Factor.standard.map(\.code).filter { code in form.fields.contains { $0.name == "factor" && $0.value == code } }
        caseStudy.author = identity.account.id
        do {
            if form["action"] == "publish", caseStudy.state != .published {
                try caseStudy.publish(on: Self.day(now()))
            }
            // The store checks every field before it saves.
            try await store.saveCaseStudy(caseStudy, by: identity.actor)
        } catch {
            var page = Self.page(identity, nomination: nomination, caseStudy: caseStudy, pages: pages)
            page["problem"] = error.description
            return try pages.render("case-study-form", page, status: error.kind.httpStatus)
        }
        return Respond.redirect(to: "/community")
    }

    /// The case study `id`, when it belongs to the account's community (by the community's
    /// stable id, never by a name); 404 otherwise.
    static func own(_ id: String, identity: Identity, store: any LibraryStore) async throws -> CaseStudy {
        guard let caseStudy = try await store.caseStudy(id), caseStudy.community == (try CommunityWorkspaceRoutes.community(identity)) else {
            throw HTTPError(.notFound, message: "your community has no case study '\(id)'")
        }
        return caseStudy
    }

    /// `base`, or `base-2`, `base-3`… when taken; a title without letters or digits gets `case-study`.
    static func freeID(_ base: String, _ store: any LibraryStore) async throws -> String {
        let base = base.isEmpty ? "case-study" : base
        var id = base
        var n = 1
        while try await store.caseStudy(id) != nil {
            n += 1
            id = "\(base)-\(n)"
        }
        return id
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// The form's context, in the page's language.
    static func page(_ identity: Identity, nomination: Nomination, caseStudy: CaseStudy?, pages: Pages) -> [String: Any] {
        var page = Workspace.base(identity, title: pages.phrase(caseStudy == nil ? "caseStudyForm.new" : "caseStudyForm.edit"))
        page["community"] = nomination.community
        page["action"] = caseStudy.map { "/community/case-studies/\($0.id)" } ?? "/community/case-studies"
        page["titleText"] = caseStudy?.title ?? ""
        page["summary"] = caseStudy?.summary ?? ""
        page["body"] = caseStudy?.body ?? ""
        page["published"] = caseStudy?.state == .published
        page["id"] = caseStudy?.id ?? ""
        page["factors"] = Factor.standard.map { factor -> [String: Any] in
            ["code": factor.code, "name": factor.name, "checked": caseStudy?.factors.contains(factor.code) ?? false]
        }
        return page
    }
}
