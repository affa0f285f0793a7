import Awards
import Foundation
import Hummingbird
import IndexEngine

/// The community's workspace: its nomination — the questionnaire by factor with its help,
/// progress and deadline, editable while nominations are open, and a review of every answer
/// before a separate submit —, the stage it reached once announced, and the analysts' feedback
/// once the cycle's results are published — scores per factor and comments, never who wrote
/// them. Everything is in the viewer's language.
enum CommunityWorkspaceRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/community", access: .only(.community), summary: "A community's nomination and feedback") { _, context in
            let identity = try context.requireIdentity()
            let (cycle, nomination) = try await Self.nomination(identity, store)
            return try pages.render("community-workspace", try await Self.page(identity, cycle: cycle, nomination: nomination, platform: platform, pages: pages, now: now()))
        }

        routes.form("/community/nomination", access: .only(.community), summary: "Saves the community's answers as a draft, then shows the form or the review") { _, context, form in
            let identity = try context.requireIdentity()
            let (cycle, stored) = try await Self.nomination(identity, store)
            let questionnaire = QuestionnaireForm(cycle: cycle, pages: pages)
            let reading = questionnaire.read(form, into: stored)
            // Shown again with the answers as typed and each problem at its question.
            func again(_ problem: String, status: HTTPResponse.Status) async throws -> Response {
                var page = try await Self.page(identity, cycle: cycle, nomination: reading.nomination, platform: platform, pages: pages, now: now(), reading: reading)
                page["problem"] = problem
                return try pages.render("community-workspace", page, status: status)
            }
            if let phase = Self.closed(cycle, pages: pages) { return try await again(phase.message, status: phase.status) }
            if let problems = reading.summary(questionnaire.questions) { return try await again(problems, status: .unprocessableContent) }
            do {
                try await Programme(store: store, actor: identity.actor, now: now()).saveOwnNomination(reading.nomination, community: try Self.community(identity), cycle: cycle.year)
            } catch let error as AwardsError {
                return try await again(pages.problem(error), status: error.kind.httpStatus)
            }
            return Respond.redirect(to: form["action"] == "review" ? "/community/review" : "/community")
        }

        routes.get("/community/review", access: .only(.community), summary: "Every answer of the community's nomination, before it is submitted") { _, context in
            let identity = try context.requireIdentity()
            let (cycle, nomination) = try await Self.nomination(identity, store)
            return try pages.render("community-review", Self.review(identity, cycle: cycle, nomination: nomination, pages: pages, now: now()))
        }

        routes.form("/community/nomination/submit", access: .only(.community), summary: "Submits the community's nomination as reviewed") { _, context, _ in
            let identity = try context.requireIdentity()
            let (cycle, stored) = try await Self.nomination(identity, store)
            let questionnaire = QuestionnaireForm(cycle: cycle, pages: pages)
            func again(_ problem: String, status: HTTPResponse.Status) throws -> Response {
                var page = Self.review(identity, cycle: cycle, nomination: stored, pages: pages, now: now())
                page["problem"] = problem
                return try pages.render("community-review", page, status: status)
            }
            if let phase = Self.closed(cycle, pages: pages) { return try again(phase.message, status: phase.status) }
            let missing = questionnaire.missing(stored)
            if let problems = QuestionnaireForm.Reading(nomination: stored, typed: [:], problems: missing).summary(questionnaire.questions) {
                return try again(problems, status: .unprocessableContent)
            }
            var nomination = stored
            do {
                try nomination.submit(in: cycle)
                try await Programme(store: store, actor: identity.actor, now: now()).saveOwnNomination(nomination, community: try Self.community(identity), cycle: cycle.year)
            } catch let error as AwardsError {
                return try again(pages.problem(error), status: error.kind.httpStatus)
            }
            return Respond.redirect(to: "/community")
        }
    }

    /// Why the nomination cannot be changed in the cycle's phase, in the page's language, and
    /// the status that says so; nil while nominations are open.
    static func closed(_ cycle: Cycle, pages: Pages) -> (message: String, status: HTTPResponse.Status)? {
        do throws(AwardsError) {
            try CycleAction.editNomination.check(in: cycle.phase)
            return nil
        } catch {
            let message = pages.phrase("workspace.notEditable", [
                "open": pages.phrase("phases." + Phase.nominationsOpen.rawValue), "phase": pages.phrase("phases." + cycle.phase.rawValue),
            ])
            return (message, error.kind.httpStatus)
        }
    }

    /// The community a community account is bound to (a `Community.id`).
    static func community(_ identity: Identity) throws -> String {
        guard identity.account.role == .community, let id = identity.account.subject, !id.isEmpty else {
            throw HTTPError(.forbidden, message: "this account is not linked to a community")
        }
        return id
    }

    /// The nomination of the account's community in the latest cycle that has one.
    static func nomination(_ identity: Identity, _ store: any AwardsStore) async throws -> (Cycle, Nomination) {
        let community = try community(identity)
        for cycle in try await store.cycles().reversed() {
            if let nomination = try await store.nominations(cycle: cycle.year).first(where: { $0.communityID == community }) { return (cycle, nomination) }
        }
        throw HTTPError(.notFound, message: "your community has no nomination in any cycle")
    }

    /// What the workspace and the review page both show first: the nomination, its cycle and
    /// phase, and the deadline: the phase's due time for this community, judged at `now`, when
    /// the schedule gives one, else the start of the phase after nominations.
    static func base(_ identity: Identity, title: String, cycle: Cycle, nomination: Nomination, pages: Pages, now: Date) -> [String: Any] {
        var page = Workspace.base(identity, title: title)
        let editable = CycleAction.editNomination.allowedPhases.contains(cycle.phase)
        page["year"] = cycle.year
        page["id"] = nomination.id
        page["community"] = nomination.community
        page["summary"] = pages.phrase("workspace.summary", [
            "id": nomination.id, "year": String(cycle.year), "phase": pages.phrase("phases." + cycle.phase.rawValue),
            "state": pages.phrase("states." + nomination.state.rawValue),
        ])
        page["editable"] = editable
        let due = Timeline.due(cycle, in: .nominationsOpen, for: nomination.communityID, at: now, pages: pages)
        page.merge(due) { _, due in due }
        if due.isEmpty, let close = cycle.nominationsClose {
            page["deadline"] = pages.phrase(cycle.phase > .nominationsOpen ? "workspace.deadlinePassed" : "workspace.deadline", ["date": pages.format.date(close)])
        }
        return page
    }

    /// The workspace: the questionnaire (editable while nominations are open), the stage once
    /// announced and, once the results are published, the feedback. `reading` holds a form
    /// sent back with problems: its answers as typed and the problem at each question.
    static func page(
        _ identity: Identity, cycle: Cycle, nomination: Nomination, platform: Platform, pages: Pages, now: Date, reading: QuestionnaireForm.Reading? = nil
    ) async throws -> [String: Any] {
        let store = platform.store
        let questionnaire = QuestionnaireForm(cycle: cycle, pages: pages)
        var page = base(identity, title: pages.phrase("workspace.title"), cycle: cycle, nomination: nomination, pages: pages, now: now)
        page["evidence"] = nomination.evidence.joined(separator: "\n")
        page["groups"] = questionnaire.groups(nomination, typed: reading?.typed ?? [:], problems: reading?.problems ?? [:])
        page["progress"] = questionnaire.progress(nomination)
        page["caseStudies"] = try await store.caseStudies(LibraryFilter(includeDrafts: true, community: nomination.communityID)).map { study -> [String: Any] in
            ["id": study.id, "title": study.title, "state": pages.phrase("states." + study.state.rawValue)]
        }
        // The community learns its stage when the public does, and its scores with the results.
        let announcement = try await CycleAnnouncement(cycle: cycle, store: store)
        if announcement.disclosure.smart21 {
            page["stage"] = pages.phrase("stages." + (announcement.stage(of: nomination.id)?.rawValue ?? "nominated"))
        }
        if announcement.disclosure.scores {
            page["published"] = true
            let feedback = try await Feedback(nomination: nomination, cycle: cycle, store: store)
            page["feedback"] = feedback.rows(pages)
            page["chart"] = feedback.chart(pages)
            // The Intelligent Community Index holds a cycle only once its scores are public. Scores
            // it cannot compute (an old database's, off the scale) leave the rest of the feedback.
            do {
                if let edition = try await platform.communityDirectory().index.edition(cycle.year),
                    let score = edition.scores.first(where: { $0.nomination == nomination.id })
                {
                    page["standing"] = standing(score, edition: edition, pages: pages)
                }
            } catch is AwardsError {}
        }
        return page
    }

    /// The nomination's published scores, overall and per factor, against the lowest of the
    /// Smart21 and the median nominee, as the profile's index computes them, with the profile's
    /// bar chart.
    static func standing(_ score: CommunityScore, edition: CommunityIndexEdition, pages: Pages) -> [String: Any] {
        let format = pages.format
        let row = { (name: String, key: String, value: Double?) -> [String: Any] in
            ["factor": name, "score": format.score(value), "cutoff": format.score(edition.smart21Lowest[key]), "median": format.score(edition.medians[key])]
        }
        return [
            "caption": pages.phrase("feedback.scoresCaption", ["year": String(edition.year)]),
            "rows": [row(pages.phrase("feedback.overall"), "overall", score.overall)] + edition.factors.map { row($0.name, $0.code, score.factors[$0.code]) },
            "chart": CommunityPage.factorChart(score.name, score, edition: edition, pages: pages),
        ]
    }

    /// The review page: every question by factor with its answer, what is still missing, and
    /// the submit form while nominations are open.
    static func review(_ identity: Identity, cycle: Cycle, nomination: Nomination, pages: Pages, now: Date) -> [String: Any] {
        let questionnaire = QuestionnaireForm(cycle: cycle, pages: pages)
        var page = base(identity, title: pages.phrase("review.title"), cycle: cycle, nomination: nomination, pages: pages, now: now)
        let missing = questionnaire.missing(nomination)
        page["groups"] = questionnaire.groups(nomination)
        page["progress"] = questionnaire.progress(nomination)
        page["evidence"] = nomination.evidence
        if !missing.isEmpty { page["missing"] = pages.phrase("review.missingCount", ["count": String(missing.count)]) }
        return page
    }
}

/// What a community learns from its reviews: per round and factor, the number of reviews, the
/// mean score and the comments in a fixed order, and a radar chart of the means over both
/// rounds — no analyst ids, names or per-analyst scores. Recused reviews and drafts count for
/// nothing.
struct Feedback {
    /// The submitted reviews of the nomination, by round.
    let reviews: [Int: [Review]]
    let nomination: Nomination
    let cycle: Cycle

    init(nomination: Nomination, cycle: Cycle, store: any AwardsStore) async throws {
        var reviews: [Int: [Review]] = [:]
        for round in [1, 2] {
            reviews[round] = try await store.reviews(cycle: cycle.year, round: round).filter { $0.nomination == nomination.id && $0.state == .submitted }
        }
        self.reviews = reviews
        self.nomination = nomination
        self.cycle = cycle
    }

    /// One row per round and factor that has scores, the means in the page's format.
    func rows(_ pages: Pages) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for round in [1, 2] {
            for factor in cycle.factors {
                let scores = (reviews[round] ?? []).compactMap { $0.scores[factor.code] }
                guard !scores.isEmpty else { continue }
                var row: [String: Any] = ["round": round, "factor": factor.name, "count": scores.count]
                row["mean"] = pages.format.score(Self.mean(scores.map(\.score)))
                row["comments"] = scores.map(\.comment).sorted()
                rows.append(row)
            }
        }
        return rows
    }

    /// The mean score per factor over both rounds, on the cycle's scale.
    func chart(_ pages: Pages) -> String {
        let all = (reviews[1] ?? []) + (reviews[2] ?? [])
        let axes = cycle.factors.map { factor in
            RadarChart.Axis(factor.name, Self.mean(all.compactMap { $0.scores[factor.code]?.score }))
        }
        return RadarChart(
            title: pages.phrase("feedback.radarTitle", ["community": nomination.community]), axes: axes,
            scale: cycle.rules.scaleLow...cycle.rules.scaleHigh, rings: 3, decimals: 1, id: "feedback", words: pages.chartWords).svg()
    }

    /// The mean, or NaN (drawn as "no data") when there is nothing to average.
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
