import Testing
@testable import Awards

@Suite("Reviews: problems, submission, recusal, amendment")
struct ReviewDomainTests {
    static let scoring = DomainKit.cycle(in: .smart21Scoring)

    static func with(_ code: String, _ score: Review.FactorScore) -> Review {
        var scores = DomainKit.fullScores
        scores[code] = score
        return DomainKit.review(scores)
    }

    // MARK: Problems

    @Test("a complete review on the scale has no problems, at both ends of the scale and of confidence")
    func complete() {
        #expect(DomainKit.review().problems(in: Self.scoring).isEmpty)
        var scores = DomainKit.fullScores
        scores["Connect"] = .init(score: 1, comment: "Weak.", confidence: 1)
        scores["Work"] = .init(score: 10, comment: "Outstanding.", confidence: 5)
        scores["Innovate"] = .init(score: 7.5, comment: "Good.", confidence: 3)
        #expect(DomainKit.review(scores).problems(in: Self.scoring).isEmpty)
    }

    @Test("a score outside the scale", arguments: [0.99, 10.01, 0, -3, .nan, .infinity])
    func scoreOutside(_ score: Double) {
        let problems = Self.with("Include", .init(score: score, comment: "Fine.", confidence: 3)).problems(in: Self.scoring)
        #expect(problems.count == 1)
        #expect(problems.first?.kind == .invalidValue)
        #expect(problems.first?.field == "Include")
        #expect(problems.first?.message.hasPrefix("the score must lie between 1.0 and 10.0, not ") == true)
    }

    @Test("the scale is the cycle's")
    func cycleScale() {
        let cycle = DomainKit.cycle(in: .smart21Scoring, rules: CycleRules(scaleLow: 0, scaleHigh: 5))
        var scores = DomainKit.fullScores
        scores["Connect"] = .init(score: 0, comment: "None.", confidence: 2)
        #expect(DomainKit.review(scores).problems(in: cycle).map(\.field) == ["Work", "Innovate", "Engage", "Include", "Sustain"])
    }

    @Test("a scale set the wrong way round (unvalidated rules) flags the scores instead of crashing")
    func invertedScale() {
        let cycle = DomainKit.cycle(in: .smart21Scoring, rules: CycleRules(scaleLow: 10, scaleHigh: 1))
        let problems = DomainKit.review().problems(in: cycle)
        #expect(problems.map(\.field) == Factor.standard.map(\.code))
    }

    @Test("a missing comment", arguments: ["", "   ", "\n"])
    func missingComment(_ comment: String) {
        let problems = Self.with("Engage", .init(score: 5, comment: comment, confidence: 3)).problems(in: Self.scoring)
        #expect(problems == [AwardsError(.invalidValue, "a comment is required", field: "Engage.comment")])
    }

    @Test("a confidence outside 1…5", arguments: [0, 6, -1])
    func confidenceOutside(_ confidence: Int) {
        let problems = Self.with("Sustain", .init(score: 5, comment: "Ok.", confidence: confidence)).problems(in: Self.scoring)
        #expect(problems == [AwardsError(.invalidValue, "the confidence must be 1 to 5, not \(confidence)", field: "Sustain.confidence")])
    }

    @Test("a score for a factor the cycle does not have")
    func unknownFactor() {
        let problems = Self.with("Speed", .init(score: 5, comment: "Fast.", confidence: 3)).problems(in: Self.scoring)
        #expect(problems == [AwardsError(.unknownReference, "there is no factor 'Speed' in this cycle", field: "Speed")])
    }

    @Test("a factor left unscored")
    func missingFactor() {
        var scores = DomainKit.fullScores
        scores["Work"] = nil
        scores["Sustain"] = nil
        let problems = DomainKit.review(scores).problems(in: Self.scoring)
        #expect(problems == [
            AwardsError(.invalidValue, "the factor needs a score", field: "Work"),
            AwardsError(.invalidValue, "the factor needs a score", field: "Sustain"),
        ])
    }

    @Test("one error per broken field, all of them")
    func everything() {
        var scores = DomainKit.fullScores
        scores["Connect"] = .init(score: 11, comment: "", confidence: 9)
        scores["Work"] = nil
        scores["Bogus"] = .init(score: 5, comment: "x", confidence: 3)
        let problems = DomainKit.review(scores).problems(in: Self.scoring)
        #expect(problems.map(\.field) == ["Bogus", "Connect", "Connect.comment", "Connect.confidence", "Work"])
    }

    // MARK: Submission

    @Test("a submitted review is locked: a second submit is refused", arguments: [Phase.smart21Scoring, .top7Scoring])
    func submitLocks(_ phase: Phase) throws {
        let cycle = DomainKit.cycle(in: phase)
        var review = DomainKit.review()
        try review.submit(in: cycle)
        #expect(review.state == .submitted)
        let locked = review
        let error = try #require(DomainKit.error { () throws(AwardsError) in try review.submit(in: cycle) })
        #expect(error.kind == .invalidState)
        #expect(error.field == "state")
        #expect(error.message.hasPrefix("the review is submitted"))
        #expect(review == locked)
    }

    @Test("submitting outside the scoring phases is out of phase", arguments: DomainKit.phases(except: [.smart21Scoring, .top7Scoring]))
    func submitOutOfPhase(_ phase: Phase) throws {
        var review = DomainKit.review()
        let error = try #require(DomainKit.error { () throws(AwardsError) in try review.submit(in: DomainKit.cycle(in: phase)) })
        #expect(error.kind == .outOfPhase)
        #expect(error.message.hasPrefix("submitting a review is allowed only during Smart21 scoring or Top7 scoring"))
        #expect(review.state == .draft)
    }

    @Test("an invalid review is refused with its first problem and stays a draft")
    func submitInvalid() throws {
        var scores = DomainKit.fullScores
        scores["Innovate"] = .init(score: 0, comment: "", confidence: 3)
        var review = DomainKit.review(scores)
        let error = try #require(DomainKit.error { () throws(AwardsError) in try review.submit(in: Self.scoring) })
        #expect(error.field == "Innovate")
        #expect(error.kind == .invalidValue)
        #expect(review.state == .draft)
    }

    @Test("a recused review cannot be submitted")
    func submitRecused() throws {
        var review = DomainKit.review()
        try review.recuse(reason: "Worked for the city in 2024.")
        let error = try #require(DomainKit.error { () throws(AwardsError) in try review.submit(in: Self.scoring) })
        #expect(error.kind == .invalidState)
        #expect(review.state == .recused)
    }

    // MARK: Recusal

    @Test("recusal records the reason")
    func recuse() throws {
        var review = DomainKit.review([:])
        try review.recuse(reason: "Sister works in the mayor's office.")
        #expect(review.state == .recused)
        #expect(review.recusalReason == "Sister works in the mayor's office.")
    }

    @Test("recusal needs a reason", arguments: ["", "  ", "\t\n"])
    func recuseWithoutReason(_ reason: String) throws {
        var review = DomainKit.review()
        let error = try #require(DomainKit.error { () throws(AwardsError) in try review.recuse(reason: reason) })
        #expect(error.kind == .invalidValue)
        #expect(error.field == "reason")
        #expect(review.state == .draft)
        #expect(review.recusalReason == nil)
    }

    @Test("a submitted review cannot be recused")
    func recuseSubmitted() throws {
        var review = DomainKit.review()
        try review.submit(in: Self.scoring)
        let error = try #require(DomainKit.error { () throws(AwardsError) in try review.recuse(reason: "Conflict found late.") })
        #expect(error.kind == .invalidState)
        #expect(error.field == "state")
        #expect(review.state == .submitted)
        #expect(review.recusalReason == nil)
    }

    // MARK: Amendment

    @Test("an amendment with a reason changes the score and keeps the review submitted")
    func amend() throws {
        var review = DomainKit.review()
        try review.submit(in: Self.scoring)
        let new = Review.FactorScore(score: 8, comment: "Re-read the evidence.", confidence: 5)
        try review.amend("Connect", to: new, reason: "Analyst misread the broadband figures.", in: Self.scoring)
        #expect(review.scores["Connect"] == new)
        #expect(review.scores["Work"] == DomainKit.fullScores["Work"])
        #expect(review.state == .submitted)
    }

    @Test("an amendment needs a reason", arguments: ["", "   "])
    func amendWithoutReason(_ reason: String) throws {
        var review = DomainKit.review()
        try review.submit(in: Self.scoring)
        let before = review
        let error = try #require(DomainKit.error { () throws(AwardsError) in
            try review.amend("Connect", to: .init(score: 9, comment: "Better.", confidence: 4), reason: reason, in: Self.scoring)
        })
        #expect(error.kind == .invalidValue)
        #expect(error.field == "reason")
        #expect(review == before)
    }

    @Test("an amendment is re-validated and an invalid one changes nothing")
    func amendInvalid() throws {
        var review = DomainKit.review()
        try review.submit(in: Self.scoring)
        let before = review
        let outside = DomainKit.error { () throws(AwardsError) in
            try review.amend("Connect", to: .init(score: 12, comment: "Wow.", confidence: 4), reason: "Typo.", in: Self.scoring)
        }
        #expect(outside?.kind == .invalidValue)
        #expect(outside?.field == "Connect")
        let noComment = DomainKit.error { () throws(AwardsError) in
            try review.amend("Work", to: .init(score: 5, comment: " ", confidence: 4), reason: "Typo.", in: Self.scoring)
        }
        #expect(noComment?.field == "Work.comment")
        let unknown = DomainKit.error { () throws(AwardsError) in
            try review.amend("Speed", to: .init(score: 5, comment: "Fast.", confidence: 4), reason: "Typo.", in: Self.scoring)
        }
        #expect(unknown?.kind == .unknownReference)
        #expect(unknown?.field == "Speed")
        #expect(review == before)
    }
}
