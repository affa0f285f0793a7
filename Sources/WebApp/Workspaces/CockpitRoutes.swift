import Awards
import Foundation
import Hummingbird

/// The organisers' cockpit of a cycle: who has not submitted or voted. Nominations by status,
/// assignments and reviews per analyst, ballots per juror — each filtered by query parameter and
/// downloadable as CSV, and each with a reminder, sent at once, to those who still owe the work
/// of the phase it lists; for organisers only.
enum CockpitRoutes {
    typealias Choice = OrganiserList.Filter.Choice

    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store
        let lists: [(name: String, what: String, query: [String], phases: [Phase], build: @Sendable (Request, Int) async throws -> OrganiserList)] = [
            ("nominations", "The cycle's nominations by status", ["status"], [.nominationsOpen], { request, year in try await Self.nominations(request, year: year, store: store) }),
            ("reviews", "Each analyst's assignments and reviews: assigned, submitted, missing", ["round", "status"], [.smart21Scoring, .top7Scoring], { request, year in try await Self.reviews(request, year: year, store: store) }),
            ("ballots", "Each juror on the jury, voted or not", ["voted"], [.juryVote], { request, year in try await Self.ballots(request, year: year, store: store) }),
        ]
        for list in lists {
            routes.get("/admin/cycles/{year}/\(list.name)", access: .only(.admin), summary: list.what, query: list.query + ["reminded"]) { request, context in
                let identity = try context.requireIdentity()
                let year: Int = try context.parameters.require("year", as: Int.self)
                let built = try await list.build(request, year)
                var page = built.page(identity, year: year, path: "/admin/cycles/\(year)/\(list.name)")
                page["remind"] = try await Self.reminderPart(list.name, phases: list.phases, year: year, platform: platform, pages: pages, now: now())
                if let reminded = request.uri.queryParameters.get("reminded").flatMap({ Int($0) }) {
                    page["reminded"] = pages.phrase("reminders.queued", ["count": String(reminded)])
                }
                return try pages.render("admin-list", page)
            }
            routes.form("/admin/cycles/{year}/\(list.name)/remind", access: .only(.admin), summary: "Reminds now, once a day, everyone who still owes the work of the phase this list follows") { _, context, _ in
                let identity = try context.requireIdentity()
                let year: Int = try context.parameters.require("year", as: Int.self)
                let cycle = try await store.cycle(year)
                guard list.phases.contains(cycle.phase) else {
                    throw AwardsError(
                        .outOfPhase, "this list's reminders go during \(list.phases.map(\.title).joined(separator: " or ")); the cycle is in \(cycle.phase.title)", field: "phase")
                }
                let notifications = Notifications(store: store, links: platform.mail.links, clock: now)
                let (_, queued) = try await notifications.remindNow(cycle: year, phase: cycle.phase, by: identity.actor)
                return Respond.redirect(to: "/admin/cycles/\(year)/\(list.name)?reminded=\(queued)")
            }
            routes.get("/admin/cycles/{year}/\(list.name).csv", access: .only(.admin), summary: list.what + ", as CSV", query: list.query) { request, context in
                let year: Int = try context.parameters.require("year", as: Int.self)
                return Respond.csv(try await list.build(request, year).csv(), filename: "civic-\(year)-\(list.name).csv")
            }
        }
    }

    /// The list's reminder button: "Remind the 3 who have not submitted" when the cycle is in
    /// one of `phases` with a due time not yet passed for someone, otherwise why not.
    static func reminderPart(_ list: String, phases: [Phase], year: Int, platform: Platform, pages: Pages, now: Date) async throws -> [String: Any] {
        let cycle = try await platform.store.cycle(year)
        guard phases.contains(cycle.phase) else {
            return ["unavailable": pages.phrase("reminders.otherPhase", ["phase": cycle.phase.title])]
        }
        guard cycle.deadline(of: cycle.phase) != nil else { return ["unavailable": pages.phrase("reminders.noDueTime")] }
        let owing = try await platform.notifications.owing(cycle, phase: cycle.phase).filter { !$0.deadline.hasPassed(at: now) }
        guard !owing.isEmpty else { return ["unavailable": pages.phrase("reminders.nobody")] }
        return ["action": "/admin/cycles/\(year)/\(list)/remind", "label": pages.phrase("reminders.button", ["count": String(owing.count)])]
    }

    /// The nominations, narrowed by `?status=draft|submitted|withdrawn`.
    static func nominations(_ request: Request, year: Int, store: any AwardsStore) async throws -> OrganiserList {
        let status = try OrganiserList.Filter(
            "status", label: "Status", choices: [Choice("", "all")] + [Nomination.State.draft, .submitted, .withdrawn].map { Choice($0.rawValue, $0.rawValue) }, request: request)
        let all = try await store.nominations(cycle: year)
        let counts = [Nomination.State.draft, .submitted, .withdrawn].map { state in "\(all.filter { $0.state == state }.count) \(state.rawValue)" }
        return OrganiserList(
            title: "Nominations \(year)", summary: "\(all.count) nominations: \(counts.joined(separator: ", ")).",
            columns: ["Nomination", "Community", "Community id", "Country", "Region", "Questionnaire year", "Status"],
            rows: all.filter { status.chosen.isEmpty || $0.state.rawValue == status.chosen }.map {
                [$0.id, $0.community, $0.communityID, $0.country, $0.region, String($0.year), $0.state.rawValue]
            },
            filters: [status])
    }

    /// One row per analyst and round with assignments: assigned, submitted, recused, missing (and
    /// which), narrowed by `?round=1|2` and `?status=missing|complete`.
    static func reviews(_ request: Request, year: Int, store: any AwardsStore) async throws -> OrganiserList {
        let round = try OrganiserList.Filter("round", label: "Round", choices: [.init("", "both"), .init("1", "1"), .init("2", "2")], request: request)
        let status = try OrganiserList.Filter("status", label: "Reviews", choices: [.init("", "all"), .init("missing", "some missing"), .init("complete", "all done")], request: request)
        let analysts = Dictionary(try await store.analysts().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        var (assignedTotal, missingTotal) = (0, 0)
        for r in [1, 2] where round.chosen.isEmpty || round.chosen == String(r) {
            let assignments = try await store.assignments(cycle: year, round: r)
            let reviews = try await store.reviews(cycle: year, round: r)
            for analyst in Set(assignments.map(\.analyst)).sorted() {
                let theirs = assignments.filter { $0.analyst == analyst }.map(\.nomination).sorted()
                let states = Dictionary(reviews.filter { $0.analyst == analyst }.map { ($0.nomination, $0.state) }, uniquingKeysWith: { a, _ in a })
                let missing = theirs.filter { states[$0] == nil || states[$0] == .draft }
                assignedTotal += theirs.count
                missingTotal += missing.count
                if status.chosen == "missing" && missing.isEmpty || status.chosen == "complete" && !missing.isEmpty { continue }
                rows.append([
                    analyst, analysts[analyst] ?? "", String(r), String(theirs.count), String(theirs.filter { states[$0] == .submitted }.count),
                    String(theirs.filter { states[$0] == .recused }.count), String(missing.count), missing.joined(separator: "; "),
                ])
            }
        }
        return OrganiserList(
            title: "Reviews \(year)", summary: "\(assignedTotal) assignments, \(missingTotal) reviews missing.",
            columns: ["Analyst", "Name", "Round", "Assigned", "Submitted", "Recused", "Missing", "Missing nominations"],
            rows: rows, filters: [round, status])
    }

    /// One row per juror on the jury, voted or not, narrowed by `?voted=yes|no`; ballots from
    /// outside the jury are not counted and not listed.
    static func ballots(_ request: Request, year: Int, store: any AwardsStore) async throws -> OrganiserList {
        let voted = try OrganiserList.Filter("voted", label: "Voted", choices: [.init("", "all"), .init("yes", "voted"), .init("no", "not yet")], request: request)
        let cycle = try await store.cycle(year)
        let cast = Set(cycle.juryBallots(try await store.ballots(cycle: year)).map(\.juror))
        return OrganiserList(
            title: "Ballots \(year)", summary: "\(cast.count) of \(cycle.jury.count) jurors have voted.",
            columns: ["Juror", "Name", "Group", "Voted"],
            rows: cycle.jury.filter { voted.chosen.isEmpty || (voted.chosen == "yes") == cast.contains($0.id) }.map {
                [$0.id, $0.name, $0.group ?? "", cast.contains($0.id) ? "yes" : "no"]
            },
            filters: [voted])
    }
}
