/// An analyst's review of one nomination in one round: a rubric score, comment and confidence per factor.
public struct Review: Sendable, Codable, Equatable {
    /// The state of a review.
    public enum State: String, Sendable, Codable {
        /// Being written.
        case draft
        /// Submitted and locked; only an admin can change it, with a reason.
        case submitted
        /// The analyst stepped aside (a conflict of interest found late).
        case recused
    }

    /// One factor's assessment.
    public struct FactorScore: Sendable, Codable, Equatable {
        public var score: Double
        public var comment: String
        /// The analyst's confidence, 1 (low) to 5 (high).
        public var confidence: Int

        public init(score: Double, comment: String, confidence: Int) {
            self.score = score
            self.comment = comment
            self.confidence = confidence
        }
    }

    public var nomination: String
    public var analyst: String
    /// 1 for the Smart21 round, 2 for the Top7 round.
    public var round: Int
    /// Assessments by factor code.
    public var scores: [String: FactorScore]
    public var state: State
    /// Why the analyst recused, when recused.
    public var recusalReason: String?

    /// Creates a review.
    public init(nomination: String, analyst: String, round: Int, scores: [String: FactorScore] = [:], state: State = .draft, recusalReason: String? = nil) {
        self.nomination = nomination
        self.analyst = analyst
        self.round = round
        self.scores = scores
        self.state = state
        self.recusalReason = recusalReason
    }

    /// Every problem with the review against the cycle's factors and scale, one error per field.
    public func problems(in cycle: Cycle) -> [AwardsError] {
        problems(in: cycle, complete: true)
    }

    /// The problems with the scores a draft (or a recusal) holds, one error per field: each is
    /// for a factor of the cycle, on the cycle's scale, with a confidence of 1 to 5 or 0 (not
    /// chosen yet). Unscored factors and missing comments are fine until submission.
    public func draftProblems(in cycle: Cycle) -> [AwardsError] {
        problems(in: cycle, complete: false)
    }

    private func problems(in cycle: Cycle, complete: Bool) -> [AwardsError] {
        var problems: [AwardsError] = []
        let codes = Set(cycle.factors.map(\.code))
        for code in scores.keys.sorted() where !codes.contains(code) {
            problems.append(AwardsError(.unknownReference, "there is no factor '\(code)' in this cycle", field: code))
        }
        let (low, high) = (cycle.rules.scaleLow, cycle.rules.scaleHigh)
        let confidences = complete ? 1...5 : 0...5
        for factor in cycle.factors {
            guard let s = scores[factor.code] else {
                if complete { problems.append(AwardsError(.invalidValue, "the factor needs a score", field: factor.code)) }
                continue
            }
            // Written so that NaN, which compares false with everything, is refused too.
            if !(s.score >= low && s.score <= high) {
                problems.append(AwardsError(.invalidValue, "the score must lie between \(low) and \(high), not \(s.score)", field: factor.code))
            }
            if complete, s.comment.allSatisfy(\.isWhitespace) {
                problems.append(AwardsError(.invalidValue, "a comment is required", field: "\(factor.code).comment"))
            }
            if !confidences.contains(s.confidence) {
                problems.append(AwardsError(.invalidValue, "the confidence must be 1 to 5, not \(s.confidence)", field: "\(factor.code).confidence"))
            }
        }
        return problems
    }

    /// Submits and locks the review after checking it and the phase.
    public mutating func submit(in cycle: Cycle) throws(AwardsError) {
        try CycleAction.submitReview.check(in: cycle.phase)
        guard state == .draft else {
            throw AwardsError(.invalidState, "the review is \(state.rawValue); a submitted review is changed only by an admin, with a reason", field: "state")
        }
        if let first = problems(in: cycle).first { throw first }
        state = .submitted
    }

    /// Steps the analyst aside from the nomination.
    public mutating func recuse(reason: String) throws(AwardsError) {
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw AwardsError(.invalidValue, "a recusal needs a reason", field: "reason")
        }
        guard state != .submitted else {
            throw AwardsError(.invalidState, "a submitted review is locked and cannot be recused; only an organiser can change it, with a reason", field: "state")
        }
        state = .recused
        recusalReason = reason
    }

    /// An admin's change to a submitted review; the reason goes into the audit log.
    public mutating func amend(_ factor: String, to score: FactorScore, reason: String, in cycle: Cycle) throws(AwardsError) {
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw AwardsError(.invalidValue, "changing a submitted review needs a reason", field: "reason")
        }
        var changed = self
        changed.scores[factor] = score
        if let first = changed.problems(in: cycle).first { throw first }
        self = changed
    }
}
