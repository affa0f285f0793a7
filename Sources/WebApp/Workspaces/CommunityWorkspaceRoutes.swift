import Awards
import Foundation
import Hummingbird
import IndexEngine

/// The community's workspace: its nomination, editable while nominations are open, the stage it
/// reached once announced, and the analysts' feedback once the cycle's results are published —
/// scores per factor and comments, never who wrote them.
enum CommunityWorkspaceRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/community", access: .only(.community), summary: "A community's nomination and feedback") { _, context in
            let identity = try context.requireIdentity()
            let (cycle, nomination) = try await Self.nomination(identity, store)
            return try pages.render("community-workspace", try await Self.page(identity, cycle: cycle, nomination: nomination, store: store, now: now()))
        }

        routes.form("/community/nomination", access: .only(.community), summary: "Saves or submits the community's nomination") { _, context, form in
            let identity = try context.requireIdentity()
            let (cycle, stored) = try await Self.nomination(identity, store)
            var nomination = stored
            // What was typed, shown again as typed when the form comes back with a problem.
            var typed: [String: String] = [:]
            var unreadable: AwardsError?
            for question in cycle.questions(round: 1) {
                let text = (form["answer-\(question.id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                typed[question.id] = text
                if text.isEmpty {
                    nomination.answers[question.id] = nil
                } else if question.isQuantitative {
                    guard let value = DecimalNumber.parse(text, decimalComma: true) else {
                        unreadable = unreadable ?? AwardsError(
                            .invalidValue, "'\(text)' is not a number (write digits with a decimal point or comma and no thousands separators, e.g. 1500 or 2.5)",
                            field: "answer-\(question.id)")
                        continue
                    }
                    // Range and finiteness ("NaN", "Infinity", "1e300") are the programme's to
                    // check, below, for drafts as for submissions; -0 is kept as 0.
                    nomination.answers[question.id] = .number(value == 0 ? 0 : value)
                } else {
                    nomination.answers[question.id] = .text(text)
                }
            }
            nomination.evidence = (form["evidence"] ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let programme = Programme(store: store, actor: identity.actor, now: now())
            do {
                if let unreadable { throw unreadable }
                if form["action"] == "submit" {
                    try nomination.submit(in: cycle)
                } else {
                    try CycleAction.editNomination.check(in: cycle.phase)
                }
                try await programme.saveOwnNomination(nomination, community: try Self.community(identity), cycle: cycle.year)
            } catch let error as AwardsError {
                var page = try await Self.page(identity, cycle: cycle, nomination: nomination, store: store, now: now(), typed: typed)
                page["problem"] = error.description
                return try pages.render("community-workspace", page, status: error.kind.httpStatus)
            }
            return Respond.redirect(to: "/community")
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

    /// The page: the questionnaire (editable while nominations are open), the stage once
    /// announced and, once the results are published, the feedback.
    /// `typed` holds answers as the person typed them, shown instead of the stored ones; the
    /// deadline of the phase, if any, is judged at `now`.
    static func page(
        _ identity: Identity, cycle: Cycle, nomination: Nomination, store: any PlatformStore, now: Date, typed: [String: String] = [:]
    ) async throws -> [String: Any] {
        var page = Workspace.base(identity, title: "Your nomination")
        page.merge(Timeline.due(cycle, in: .nominationsOpen, for: nomination.communityID, at: now)) { _, due in due }
        page["year"] = cycle.year
        page["id"] = nomination.id
        page["community"] = nomination.community
        page["state"] = nomination.state.rawValue
        page["phase"] = cycle.phase.title
        page["editable"] = CycleAction.editNomination.allowedPhases.contains(cycle.phase)
        page["evidence"] = nomination.evidence.joined(separator: "\n")
        page["questions"] = cycle.questions(round: 1).map { question -> [String: Any] in
            let answer: String = typed[question.id] ?? {
                switch nomination.answers[question.id] {
                case let .number(n)?: Show.count(n)
                case let .text(t)?: t
                case nil: ""
                }
            }()
            var entry: [String: Any] = ["id": question.id, "text": question.text, "answer": answer, "number": question.isQuantitative]
            // The declared range, shown and given to the browser (older cycles declare none).
            if case let .quantitative(_, unit, _) = question.kind, question.min != nil, question.max != nil {
                let range = question.accepted
                entry["range"] = ["low": Show.count(range.lowerBound), "high": Show.count(range.upperBound), "unit": unit.isEmpty ? "" : " " + unit]
            }
            return entry
        }
        page["caseStudies"] = try await store.caseStudies(LibraryFilter(includeDrafts: true, community: nomination.communityID)).map { study -> [String: Any] in
            ["id": study.id, "title": study.title, "state": study.state.rawValue]
        }
        // The community learns its stage when the public does, and its scores with the results.
        let announcement = try await CycleAnnouncement(cycle: cycle, store: store)
        if announcement.disclosure.smart21 {
            page["stage"] = announcement.stage(of: nomination.id)?.title ?? "nominated"
        }
        if announcement.disclosure.scores {
            page["published"] = true
            let feedback = try await Feedback(nomination: nomination, cycle: cycle, store: store)
            page["feedback"] = feedback.rows
            page["chart"] = feedback.chart
        }
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

    /// One row per round and factor that has scores.
    var rows: [[String: Any]] {
        var rows: [[String: Any]] = []
        for round in [1, 2] {
            for factor in cycle.factors {
                let scores = (reviews[round] ?? []).compactMap { $0.scores[factor.code] }
                guard !scores.isEmpty else { continue }
                var row: [String: Any] = ["round": round, "factor": factor.name, "count": scores.count]
                row["mean"] = Show.score(Self.mean(scores.map(\.score)))
                row["comments"] = scores.map(\.comment).sorted()
                rows.append(row)
            }
        }
        return rows
    }

    /// The mean score per factor over both rounds, on the cycle's scale.
    var chart: String {
        let all = (reviews[1] ?? []) + (reviews[2] ?? [])
        let axes = cycle.factors.map { factor in
            RadarChart.Axis(factor.name, Self.mean(all.compactMap { $0.scores[factor.code]?.score }))
        }
        return RadarChart(
            title: "\(nomination.community): mean analyst score per factor", axes: axes,
            scale: cycle.rules.scaleLow...cycle.rules.scaleHigh, rings: 3, decimals: 1, id: "feedback").svg()
    }

    /// The mean, or NaN (drawn as "no data") when there is nothing to average.
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
