import Awards
import Foundation
import Hummingbird
import IndexEngine

/// The analyst's workspace: the nominations assigned in the open round, the rubric form with
/// a score, comment and confidence per factor, stepping aside for a conflict, and progress.
///
/// An analyst sees only their own assignments and reviews; whom else a nomination went to, and
/// what they scored, stays hidden.
enum AnalystRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/analyst", access: .only(.analyst), summary: "An analyst's assignments and progress") { _, context in
            let identity = try context.requireIdentity()
            let analyst = try Self.analystID(identity)
            var page = Workspace.base(identity, title: "Your reviews")
            guard let (cycle, round) = try await Self.openRound(store) else {
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
                row["state"] = reviews[assignment.nomination].map { $0.state.rawValue } ?? "not started"
                rows.append(row)
            }
            let done = assigned.filter { reviews[$0.nomination].map { $0.state != .draft } ?? false }.count
            page["year"] = cycle.year
            page["round"] = round
            page["phase"] = cycle.phase.title
            page.merge(Timeline.due(cycle, in: cycle.phase, for: analyst, at: now(), pages: pages)) { _, due in due }
            page["assignments"] = rows
            page["done"] = done
            page["total"] = assigned.count
            page["progress"] = assigned.isEmpty ? 0 : Int((Double(done) / Double(assigned.count) * 100).rounded())
            return try pages.render("analyst", page)
        }

        routes.get("/analyst/reviews/{nomination}", access: .only(.analyst), summary: "The rubric form of one assigned nomination") { _, context in
            let identity = try context.requireIdentity()
            let (cycle, round, nomination) = try await Self.assigned(try context.parameters.require("nomination"), identity, store)
            let review = try await store.reviews(cycle: cycle.year, round: round).first { $0.nomination == nomination.id && $0.analyst == identity.account.subject }
            return try pages.render("review", Self.reviewPage(identity, cycle: cycle, round: round, nomination: nomination, review: review))
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
                var page = Self.reviewPage(identity, cycle: cycle, round: round, nomination: nomination, review: review, typedScores: rubric.typedScores)
                page["problem"] = error.description
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

    /// The rubric page: the nomination's answers of the round and one fieldset per factor.
    /// `typedScores` are scores as the analyst typed them, shown instead of the review's.
    static func reviewPage(
        _ identity: Identity, cycle: Cycle, round: Int, nomination: Nomination, review: Review?, typedScores: [String: String] = [:]
    ) -> [String: Any] {
        var page = Workspace.base(identity, title: "Review of \(nomination.community)")
        page["year"] = cycle.year
        page["round"] = round
        page["id"] = nomination.id
        page["community"] = nomination.community
        page["country"] = nomination.country
        page["locked"] = review.map { $0.state != .draft } ?? false
        page["state"] = review?.state.rawValue ?? "not started"
        page["low"] = Show.count(cycle.rules.scaleLow)
        page["high"] = Show.count(cycle.rules.scaleHigh)
        page["evidence"] = nomination.evidence
        page["hasEvidence"] = !nomination.evidence.isEmpty
        var factors: [[String: Any]] = []
        for factor in cycle.factors {
            var entry: [String: Any] = ["code": factor.code, "name": factor.name, "summary": factor.summary]
            let answers: [[String: Any]] = cycle.questions.filter { $0.factor == factor.code && $0.round <= round }.map { question in
                let answer: String = switch nomination.answers[question.id] {
                case let .number(n)?: Show.count(n)
                case let .text(t)?: t
                case nil: "—"
                }
                return ["question": question.text, "answer": answer]
            }
            entry["answers"] = answers
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
