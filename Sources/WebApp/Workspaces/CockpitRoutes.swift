import Awards
import Foundation
import Hummingbird

/// The organisers' cockpit of a cycle: who has not submitted or voted, and how the scores stand.
/// Nominations by status, assignments and reviews per analyst, ballots per juror — each filtered
/// by query parameter, downloadable as CSV, and with a reminder, sent at once, to those who still
/// owe the work of the phase it lists — and a round's scores with the shortlist's cut-off line;
/// for organisers only, in the page's language.
enum CockpitRoutes {
    typealias Choice = OrganiserList.Filter.Choice

    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store
        let lists: [(name: String, what: String, query: [String], phases: [Phase], build: @Sendable (Request, Int) async throws -> OrganiserList)] = [
            ("nominations", "The cycle's nominations by status", ["status"], [.nominationsOpen], { request, year in try await Self.nominations(request, year: year, store: store, pages: pages) }),
            ("reviews", "Each analyst's assignments and reviews: assigned, submitted, missing", ["round", "status"], [.smart21Scoring, .top7Scoring], { request, year in try await Self.reviews(request, year: year, store: store, pages: pages) }),
            ("ballots", "Each juror on the jury, voted or not", ["voted"], [.juryVote], { request, year in try await Self.ballots(request, year: year, store: store, pages: pages) }),
            ("scores", "A round's calibrated scores, sorted and searched, with the shortlist's cut-off line", ["round", "q", "sort", "order"], [], { request, year in try await ScoreList.build(request, year: year, store: store, pages: pages) }),
        ]
        for list in lists {
            routes.get("/admin/cycles/{year}/\(list.name)", access: .only(.admin), summary: list.what, query: list.query + (list.phases.isEmpty ? [] : ["reminded"])) { request, context in
                let identity = try context.requireIdentity()
                let year: Int = try context.parameters.require("year", as: Int.self)
                let built = try await list.build(request, year)
                var page = built.page(identity, year: year, path: "/admin/cycles/\(year)/\(list.name)")
                if !list.phases.isEmpty {
                    page["remind"] = try await Self.reminderPart(list.name, phases: list.phases, year: year, platform: platform, pages: pages, now: now())
                    if let reminded = request.uri.queryParameters.get("reminded").flatMap({ Int($0) }) {
                        page["reminded"] = pages.phrase("reminders.queued", ["count": String(reminded)])
                    }
                }
                return try pages.render("admin-list", page)
            }
            routes.get("/admin/cycles/{year}/\(list.name).csv", access: .only(.admin), summary: list.what + ", as CSV", query: list.query) { request, context in
                let year: Int = try context.parameters.require("year", as: Int.self)
                return Respond.csv(try await list.build(request, year).csv(), filename: "civic-\(year)-\(list.name).csv")
            }
            guard !list.phases.isEmpty else { continue }
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
        }
    }

    /// The list's reminder button: "Remind the 3 who have not submitted" when the cycle is in
    /// one of `phases` with a due time not yet passed for someone, otherwise why not.
    static func reminderPart(_ list: String, phases: [Phase], year: Int, platform: Platform, pages: Pages, now: Date) async throws -> [String: Any] {
        let cycle = try await platform.store.cycle(year)
        guard phases.contains(cycle.phase) else {
            return ["unavailable": pages.phrase("reminders.otherPhase", ["phase": pages.phrase("phases." + cycle.phase.rawValue)])]
        }
        guard cycle.deadline(of: cycle.phase) != nil else { return ["unavailable": pages.phrase("reminders.noDueTime")] }
        let owing = try await platform.notifications.owing(cycle, phase: cycle.phase).filter { !$0.deadline.hasPassed(at: now) }
        guard !owing.isEmpty else { return ["unavailable": pages.phrase("reminders.nobody")] }
        return ["action": "/admin/cycles/\(year)/\(list)/remind", "label": pages.phrase("reminders.button", ["count": String(owing.count)])]
    }

    /// The nominations, narrowed by `?status=draft|submitted|withdrawn`.
    static func nominations(_ request: Request, year: Int, store: any AwardsStore, pages: Pages) async throws -> OrganiserList {
        let states = [Nomination.State.draft, .submitted, .withdrawn]
        let status = try OrganiserList.Filter(
            "status", label: pages.phrase("cockpit.nominations.status"),
            choices: [Choice("", pages.phrase("cockpit.all"))] + states.map { Choice($0.rawValue, pages.phrase("states." + $0.rawValue)) }, request: request)
        let all = try await store.nominations(cycle: year)
        var counts = ["count": String(all.count)]
        for state in states { counts[state.rawValue] = String(all.filter { $0.state == state }.count) }
        return OrganiserList(
            title: pages.phrase("cockpit.nominations.title", ["year": String(year)]), summary: pages.phrase("cockpit.nominations.summary", counts),
            columns: columns(["nomination", "community", "communityId", "country", "region", "questionnaireYear", "status"], pages),
            rows: all.filter { status.chosen.isEmpty || $0.state.rawValue == status.chosen }.map {
                [$0.id, $0.community, $0.communityID, $0.country, $0.region, String($0.year), pages.phrase("states." + $0.state.rawValue)]
            },
            filters: [status])
    }

    /// One row per analyst and round with assignments: assigned, submitted, recused, missing (and
    /// which), narrowed by `?round=1|2` and `?status=missing|complete`.
    static func reviews(_ request: Request, year: Int, store: any AwardsStore, pages: Pages) async throws -> OrganiserList {
        let round = try OrganiserList.Filter(
            "round", label: pages.phrase("cockpit.reviews.round"), choices: [.init("", pages.phrase("cockpit.reviews.both")), .init("1", "1"), .init("2", "2")], request: request)
        let status = try OrganiserList.Filter(
            "status", label: pages.phrase("cockpit.reviews.reviews"),
            choices: [.init("", pages.phrase("cockpit.all")), .init("missing", pages.phrase("cockpit.reviews.missing")), .init("complete", pages.phrase("cockpit.reviews.complete"))],
            request: request)
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
            title: pages.phrase("cockpit.reviews.title", ["year": String(year)]),
            summary: pages.phrase("cockpit.reviews.summary", ["assigned": String(assignedTotal), "missing": String(missingTotal)]),
            columns: columns(["analyst", "name", "round", "assigned", "submitted", "recused", "missing", "missingNominations"], pages),
            rows: rows, filters: [round, status])
    }

    /// One row per juror on the jury, voted or not, narrowed by `?voted=yes|no`; ballots from
    /// outside the jury are not counted and not listed.
    static func ballots(_ request: Request, year: Int, store: any AwardsStore, pages: Pages) async throws -> OrganiserList {
        let voted = try OrganiserList.Filter(
            "voted", label: pages.phrase("cockpit.ballots.voted"),
            choices: [.init("", pages.phrase("cockpit.all")), .init("yes", pages.phrase("cockpit.ballots.yes")), .init("no", pages.phrase("cockpit.ballots.no"))], request: request)
        let cycle = try await store.cycle(year)
        let cast = Set(cycle.juryBallots(try await store.ballots(cycle: year)).map(\.juror))
        return OrganiserList(
            title: pages.phrase("cockpit.ballots.title", ["year": String(year)]),
            summary: pages.phrase("cockpit.ballots.summary", ["voted": String(cast.count), "jury": String(cycle.jury.count)]),
            columns: columns(["juror", "name", "group", "voted"], pages),
            rows: cycle.jury.filter { voted.chosen.isEmpty || (voted.chosen == "yes") == cast.contains($0.id) }.map {
                [$0.id, $0.name, $0.group ?? "", pages.phrase(cast.contains($0.id) ? "cockpit.ballots.yesCell" : "cockpit.ballots.noCell")]
            },
            filters: [voted])
    }

    /// The headers of `keys` in the page's language.
    static func columns(_ keys: [String], _ pages: Pages) -> [String] {
        keys.map { pages.phrase("cockpit.columns." + $0) }
    }
}
