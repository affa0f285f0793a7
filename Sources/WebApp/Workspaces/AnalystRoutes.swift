import Awards
import Foundation
import Hummingbird
import IndexEngine

/// The analyst's workspace: the nominations assigned in the open round, the rubric form with
/// a score, comment and confidence per factor (each factor with its questions, the answers and
/// what its scores mean), stepping aside for a conflict, progress, and the analyst's own
/// submitted reviews of closed rounds, read-only.
///
/// An analyst sees only their own assignments and reviews; whom else a nomination went to, and
/// what they scored, stays hidden. Another analyst's review, or a draft of a closed round, is
/// 404, as if it did not exist; nothing can be changed once its round is closed.
enum AnalystRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/analyst", access: .only(.analyst), summary: "An analyst's assignments and progress, and their past reviews") { _, context in
            let identity = try context.requireIdentity()
            let analyst = try Self.analystID(identity)
            var page = Workspace.base(identity, title: pages.phrase("analyst.title"))
            let open = try await Self.openRound(store)
            let past = try await Self.pastReviews(of: analyst, besides: open.map { ($0.0.year, $0.1) }, store: store, pages: pages)
            page["past"] = past
            page["hasPast"] = !past.isEmpty
            guard let (cycle, round) = open else {
                page["closed"] = true
                return try pages.render("analyst", page)
            }
            let assigned = try await store.assignments(cycle: cycle.year, round: round).filter { $0.analyst == analyst }
            let reviews = Dictionary(
                try await store.reviews(cycle: cycle.year, round: round).filter { $0.analyst == analyst }.map { ($0.nomination, $0) },
                uniquingKeysWith: { a, _ in a })
            let nominations = Dictionary(try await store.nominations(cycle: cycle.year).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var rows: [[String: Any]] = []
            for assignment in assigned.sorted(by: { $0.nomination < $1.nomination }) {
                var row: [String: Any] = ["id": assignment.nomination]
                row["community"] = nominations[assignment.nomination]?.community ?? assignment.nomination
                row["country"] = nominations[assignment.nomination]?.country ?? ""
                row["state"] = Self.stateWords(reviews[assignment.nomination]?.state, pages)
                rows.append(row)
            }
            let done = assigned.filter { reviews[$0.nomination].map { $0.state != .draft } ?? false }.count
            page["roundLine"] = Self.roundLine(cycle, round: round, pages: pages)
            page.merge(Timeline.due(cycle, in: cycle.phase, for: analyst, at: now(), pages: pages)) { _, due in due }
            page["assignments"] = rows
            page["progressText"] = pages.phrase("analyst.progress", ["done": String(done), "total": String(assigned.count)])
            page["progress"] = assigned.isEmpty ? 0 : Int((Double(done) / Double(assigned.count) * 100).rounded())
            return try pages.render("analyst", page)
        }

        routes.get("/analyst/reviews/{nomination}", access: .only(.analyst), summary: "The rubric form of one assigned nomination") { _, context in
            let identity = try context.requireIdentity()
            let (cycle, round, nomination) = try await Self.assigned(try context.parameters.require("nomination"), identity, store)
            let reviews = try await store.reviews(cycle: cycle.year, round: round).filter { $0.analyst == identity.account.subject }
            let review = reviews.first { $0.nomination == nomination.id }
            let next = try await Self.nextNomination(after: nomination.id, identity, cycle: cycle, round: round, reviews: reviews, store: store)
            return try pages.render("review", Self.reviewPage(identity, pages: pages, cycle: cycle, round: round, nomination: nomination, review: review, next: next))
        }

        routes.get("/analyst/past/{year}/{round}/{nomination}", access: .only(.analyst), summary: "One of the analyst's own submitted reviews, read-only, after its round") { _, context in
            let identity = try context.requireIdentity()
            let analyst = try Self.analystID(identity)
            let id: String = try context.parameters.require("nomination")
            let missing = HTTPError(.notFound, message: "you have no submitted review '\(id)' in that round")
            guard let year = context.parameters.get("year").flatMap({ Int($0) }), let round = context.parameters.get("round").flatMap({ Int($0) }),
                let cycle = try await store.cycles().first(where: { $0.year == year }),
                let review = try await store.reviews(cycle: year, round: round).first(where: { $0.nomination == id && $0.analyst == analyst && $0.state == .submitted }),
                let nomination = try await store.nominations(cycle: year).first(where: { $0.id == id })
            else { throw missing }
            return try pages.render("review", Self.reviewPage(identity, pages: pages, cycle: cycle, round: round, nomination: nomination, review: review, readOnly: true))
        }

        routes.form("/analyst/reviews/{nomination}", access: .only(.analyst), summary: "Saves or submits a review") { _, context, form in
            let identity = try context.requireIdentity()
            let (cycle, round, nomination) = try await Self.assigned(try context.parameters.require("nomination"), identity, store)
            let rubric = Self.review(from: form, cycle: cycle, round: round, nomination: nomination.id, analyst: try Self.analystID(identity))
            let review = rubric.review
            let programme = Programme(store: store, actor: identity.actor, now: now())
            do {
                if let unreadable = rubric.unreadable { throw unreadable }
                if form["action"] == "submit" {
                    try await programme.submitReview(review, cycle: cycle.year)
                } else {
                    try await programme.saveDraft(review, cycle: cycle.year)
                }
            } catch let error as AwardsError {
                var page = Self.reviewPage(identity, pages: pages, cycle: cycle, round: round, nomination: nomination, review: review, typedScores: rubric.typedScores)
                page["problem"] = pages.problem(error)
                return try pages.render("review", page, status: error.kind.httpStatus)
            }
            return Respond.redirect(to: "/analyst")
        }

        routes.form("/analyst/reviews/{nomination}/recuse", access: .only(.analyst), summary: "Steps aside from a nomination for a conflict of interest") { _, context, form in
            let identity = try context.requireIdentity()
            let (cycle, _, nomination) = try await Self.assigned(try context.parameters.require("nomination"), identity, store)
            try await Programme(store: store, actor: identity.actor, now: now()).recuse(
                analyst: try Self.analystID(identity), from: nomination.id, reason: try form.required("reason"), cycle: cycle.year)
            return Respond.redirect(to: "/analyst")
        }
    }

    /// The analyst id the account acts as.
    static func analystID(_ identity: Identity) throws -> String {
        guard let id = identity.account.subject, !id.isEmpty else {
            throw HTTPError(.forbidden, message: "this account is not linked to an analyst")
        }
        return id
    }

    /// The latest cycle in a scoring phase and its round.
    static func openRound(_ store: any AwardsStore) async throws -> (Cycle, Int)? {
        guard let cycle = try await store.cycles().last(where: { $0.scoringRound != nil }), let round = cycle.scoringRound else { return nil }
        return (cycle, round)
    }

    /// The nomination, when it is assigned to this analyst in the open round; 404 otherwise, so
    /// that other nominations cannot even be confirmed to exist.
    static func assigned(_ id: String, _ identity: Identity, _ store: any AwardsStore) async throws -> (Cycle, Int, Nomination) {
        let analyst = try analystID(identity)
        guard let (cycle, round) = try await openRound(store),
            try await store.assignments(cycle: cycle.year, round: round).contains(where: { $0.nomination == id && $0.analyst == analyst }),
            let nomination = try await store.nominations(cycle: cycle.year).first(where: { $0.id == id })
        else {
            throw HTTPError(.notFound, message: "you have no assignment '\(id)' in an open round")
        }
        return (cycle, round, nomination)
    }

    /// A review from the rubric form: `score-F`, `comment-F` and `confidence-F` per factor `F`
    /// (an empty confidence is 0, not chosen yet). Whether the score lies on the cycle's scale
    /// ("NaN", "Infinity" and "1e300" do not) and the confidence is 1 to 5 is the programme's to
    /// check, for drafts as for submissions.
    static func review(from form: Form, cycle: Cycle, round: Int, nomination: String, analyst: String) -> RubricForm {
        var scores: [String: Review.FactorScore] = [:]
        var typed: [String: String] = [:]
        var unreadable: AwardsError?
        for factor in cycle.factors {
            let text = (form["score-\(factor.code)"] ?? "").trimmingCharacters(in: .whitespaces)
            let comment = form["comment-\(factor.code)"] ?? ""
            let confidenceText = (form["confidence-\(factor.code)"] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty && comment.isEmpty { continue }
            typed[factor.code] = text
            let score = DecimalNumber.parse(text, decimalComma: true)
            if score == nil {
                unreadable = unreadable ?? AwardsError(.invalidValue, "'\(text)' is not a number (e.g. 7 or 7.5)", field: "score-\(factor.code)")
            }
            let confidence = confidenceText.isEmpty ? 0 : Int(confidenceText)
            if confidence == nil {
                unreadable = unreadable ?? AwardsError(.invalidValue, "'\(confidenceText)' is not a confidence from 1 to 5", field: "confidence-\(factor.code)")
            }
            scores[factor.code] = Review.FactorScore(score: score.map { $0 == 0 ? 0 : $0 } ?? .nan, comment: comment, confidence: confidence ?? 0)
        }
        return RubricForm(review: Review(nomination: nomination, analyst: analyst, round: round, scores: scores), typedScores: typed, unreadable: unreadable)
    }

    /// A review read from the rubric form: the scores as typed, to show again, and the first
    /// score or confidence that could not be read (its score is then NaN, never saved).
    struct RubricForm {
        var review: Review
        var typedScores: [String: String]
        var unreadable: AwardsError?
    }

    /// The words of a review's state (`not started` when there is none yet).
    static func stateWords(_ state: Review.State?, _ pages: Pages) -> String {
        pages.phrase("analyst.states." + (state?.rawValue ?? "notStarted"))
    }

    /// "Cycle 2027, round 1 (Smart21 scoring)".
    static func roundLine(_ cycle: Cycle, round: Int, pages: Pages) -> String {
        pages.phrase("analyst.roundLine", ["year": String(cycle.year), "round": String(round), "phase": pages.phrase("phases." + cycle.phase.rawValue)])
    }

    /// The analyst's submitted reviews of every round but the open one (`open`, year and
    /// round), newest cycle first, each with the link to read it.
    static func pastReviews(of analyst: String, besides open: (Int, Int)?, store: any AwardsStore, pages: Pages) async throws -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for cycle in try await store.cycles().reversed() {
            let nominations = Dictionary(try await store.nominations(cycle: cycle.year).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for round in [2, 1] where !(open.map { $0 == (cycle.year, round) } ?? false) {
                let own = try await store.reviews(cycle: cycle.year, round: round).filter { $0.analyst == analyst && $0.state == .submitted }
                for review in own.sorted(by: { $0.nomination < $1.nomination }) {
                    rows.append([
                        "year": cycle.year, "round": round, "id": review.nomination,
                        "community": nominations[review.nomination]?.community ?? review.nomination,
                        "href": "/analyst/past/\(cycle.year)/\(round)/\(review.nomination)",
                    ])
                }
            }
        }
        return rows
    }

    /// The next of the analyst's assignments after `current`, in the list's order and round
    /// again from the start, that is not submitted yet (nor stepped aside from); nil when every
    /// other one is done.
    static func nextNomination(
        after current: String, _ identity: Identity, cycle: Cycle, round: Int, reviews: [Review], store: any AwardsStore
    ) async throws -> String? {
        let analyst = try analystID(identity)
        let done = Set(reviews.filter { $0.state != .draft }.map(\.nomination))
        let open = try await store.assignments(cycle: cycle.year, round: round)
            .filter { $0.analyst == analyst && $0.nomination != current && !done.contains($0.nomination) }.map(\.nomination).sorted()
        return open.first { $0 > current } ?? open.first
    }

    /// The rubric page in the page's language: the nomination's answers of the round, with the
    /// units of number answers, and one fieldset per factor with its name, questions, score
    /// input and the legend of what its scores mean. `typedScores` are scores as the analyst
    /// typed them, shown instead of the review's; `next` is the next nomination to score;
    /// `readOnly` shows a past review without a form.
    static func reviewPage(
        _ identity: Identity, pages: Pages, cycle: Cycle, round: Int, nomination: Nomination, review: Review?, typedScores: [String: String] = [:],
        next: String? = nil, readOnly: Bool = false
    ) -> [String: Any] {
        let language = pages.language.rawValue
        var page = Workspace.base(identity, title: pages.phrase("analyst.reviewTitle", ["community": nomination.community]))
        page["heading"] = pages.phrase("analyst.reviewTitle", ["community": nomination.community])
        page["id"] = nomination.id
        page["community"] = nomination.community
        page["country"] = nomination.country
        page["roundLine"] = roundLine(cycle, round: round, pages: pages)
        let state = stateWords(review?.state, pages)
        page["stateLine"] = pages.phrase("analyst.stateLine", ["state": state])
        page["readOnly"] = readOnly
        page["locked"] = readOnly || review.map { $0.state != .draft } ?? false
        page["lockedNote"] = pages.phrase("analyst.locked", ["state": state])
        page["evidence"] = nomination.evidence
        page["hasEvidence"] = !nomination.evidence.isEmpty
        page["next"] = next
        let low = Show.count(cycle.rules.scaleLow), high = Show.count(cycle.rules.scaleHigh)
        page["low"] = low
        page["high"] = high
        let scoreLabel = pages.phrase("analyst.score", ["low": pages.format.count(cycle.rules.scaleLow), "high": pages.format.count(cycle.rules.scaleHigh)])
        var factors: [[String: Any]] = []
        for factor in cycle.factors {
            var entry: [String: Any] = ["code": factor.code, "name": FactorWords.name(factor, pages), "scoreLabel": scoreLabel]
            entry["answers"] = cycle.questions.filter { $0.factor == factor.code && $0.round <= round }.map { question -> [String: Any] in
                let wording = question.wording(in: language)
                let answer: String = switch nomination.answers[question.id] {
                case let .number(n)?: pages.format.count(n) + (wording.unit.map { " " + $0 } ?? "")
                case let .text(t)?: t
                case nil: pages.phrase("analyst.unanswered")
                }
                return ["id": question.id, "question": wording.text, "answer": answer]
            }
            let descriptors = cycle.descriptors(of: factor.code).map { d -> [String: Any] in
                ["anchor": pages.format.count(d.score), "meaning": d.text(in: language)]
            }
            entry["descriptors"] = descriptors
            entry["hasLegend"] = !descriptors.isEmpty
            let score = review?.scores[factor.code]
            entry["score"] = typedScores[factor.code] ?? score.map { Show.count($0.score) } ?? ""
            entry["comment"] = score?.comment ?? ""
            entry["confidences"] = (1...5).map { level -> [String: Any] in ["level": level, "selected": score?.confidence == level] }
            factors.append(entry)
        }
        page["factors"] = factors
        return page
    }
}
