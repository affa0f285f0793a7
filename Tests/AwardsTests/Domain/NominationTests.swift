import Testing
@testable import Awards

@Suite("Nominations: answers, submission, withdrawal, eligibility")
struct NominationTests {
    static func problems(_ nomination: Nomination, round: Int = 1) -> [AwardsError] {
        nomination.problems(against: DomainKit.questions, round: round)
    }

    // MARK: Problems

    @Test("complete answers have no problems; unanswered optional and round-2 questions are fine")
    func complete() {
        #expect(Self.problems(DomainKit.nomination()).isEmpty)
        var answers = DomainKit.completeAnswers
        answers["W1"] = nil
        answers["W2"] = nil
        #expect(Self.problems(DomainKit.nomination(answers)).isEmpty)
    }

    @Test("a required question left unanswered", arguments: ["C1", "C2"])
    func requiredMissing(_ id: String) {
        var answers = DomainKit.completeAnswers
        answers[id] = nil
        let problems = Self.problems(DomainKit.nomination(answers))
        #expect(problems == [AwardsError(.invalidValue, "the question is required", field: id)])
    }

    @Test("a number given to a narrative question", arguments: ["C2", "W1"])
    func numberForNarrative(_ id: String) {
        var answers = DomainKit.completeAnswers
        answers[id] = .number(3)
        #expect(Self.problems(DomainKit.nomination(answers)) == [AwardsError(.invalidValue, "the answer must be text", field: id)])
    }

    @Test("text given to a quantitative question", arguments: ["C1", "W2"])
    func textForQuantitative(_ id: String) {
        var answers = DomainKit.completeAnswers
        answers[id] = .text("about 87")
        #expect(Self.problems(DomainKit.nomination(answers)) == [AwardsError(.invalidValue, "the answer must be a number", field: id)])
    }

    @Test("empty or blank text", arguments: ["", " ", "\n\t  "])
    func emptyText(_ text: String) {
        var answers = DomainKit.completeAnswers
        answers["W1"] = .text(text)
        #expect(Self.problems(DomainKit.nomination(answers)) == [AwardsError(.invalidValue, "the answer is empty", field: "W1")])
    }

    @Test("a number that is not finite", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(_ value: Double) {
        var answers = DomainKit.completeAnswers
        answers["C1"] = .number(value)
        #expect(Self.problems(DomainKit.nomination(answers)) == [AwardsError(.invalidValue, "the answer must be a finite number", field: "C1")])
    }

    @Test("zero, both ends of the range and negative numbers (where the range has them) are answers")
    func zeroAndNegative() {
        var answers = DomainKit.completeAnswers
        answers["C1"] = .number(0)
        answers["W2"] = .number(100)
        #expect(Self.problems(DomainKit.nomination(answers)).isEmpty)
        var questions = DomainKit.questions
        questions[3].min = -50
        answers["W2"] = .number(-1.5)
        #expect(DomainKit.nomination(answers).problems(against: questions).isEmpty)
    }

    @Test("an answer to a question the cycle does not have")
    func unknownQuestion() {
        var answers = DomainKit.completeAnswers
        answers["Z9"] = .text("stray")
        #expect(Self.problems(DomainKit.nomination(answers)) == [AwardsError(.unknownReference, "there is no question 'Z9' in this cycle", field: "Z9")])
    }

    @Test("evidence must be web addresses")
    func evidence() {
        let nomination = DomainKit.nomination(evidence: [
            "https://pontagrossa.pr.gov.br/fibre", "http://example.org/report.pdf",
            "www.example.org", "ftp://example.org/data.csv", "https://example.org/annual report.pdf", "",
        ])
        let problems = Self.problems(nomination)
        #expect(problems.map(\.field) == ["evidence[2]", "evidence[3]", "evidence[4]", "evidence[5]"])
        #expect(problems.allSatisfy { $0.kind == .invalidValue })
        #expect(problems.first?.message == "'www.example.org' is not a web address")
    }

    @Test("every problem is reported, one per question, in a stable order")
    func everything() {
        let answers: [String: Nomination.Answer] = [
            "C1": .text("lots"), "C2": .text("  "), "W1": .number(2), "W2": .number(.nan),
            "Q9": .number(1), "A0": .text("x"),
        ]
        let problems = Self.problems(DomainKit.nomination(answers, evidence: ["see attached"]))
        #expect(problems.map(\.field) == ["A0", "Q9", "C1", "C2", "W1", "W2", "evidence[0]"])
        #expect(problems.map(\.kind) == [.unknownReference, .unknownReference, .invalidValue, .invalidValue, .invalidValue, .invalidValue, .invalidValue])
    }

    @Test("round 2 checks the round-2 questions only")
    func roundTwo() {
        let round2 = DomainKit.nomination([:])
        #expect(Self.problems(round2, round: 2) == [AwardsError(.invalidValue, "the question is required", field: "T1")])
        let answered = DomainKit.nomination(["T1": .text("A new innovation district.")])
        #expect(Self.problems(answered, round: 2).isEmpty)
        #expect(Self.problems(answered, round: 1).map(\.field) == ["C1", "C2"])
    }

    // MARK: Submission

    @Test("submitting while nominations are open makes the nomination submitted")
    func submit() throws {
        var nomination = DomainKit.nomination()
        try nomination.submit(in: DomainKit.cycle(in: .nominationsOpen))
        #expect(nomination.state == .submitted)
    }

    @Test("submitting outside nominations_open is out of phase", arguments: DomainKit.phases(except: [.nominationsOpen]))
    func submitOutOfPhase(_ phase: Phase) throws {
        var nomination = DomainKit.nomination()
        let error = try #require(DomainKit.error { () throws(AwardsError) in try nomination.submit(in: DomainKit.cycle(in: phase)) })
        #expect(error.kind == .outOfPhase)
        #expect(error.message.hasPrefix("submitting a nomination is allowed only during nominations open"))
        #expect(nomination.state == .draft)
    }

    @Test("a withdrawn nomination cannot be submitted")
    func submitWithdrawn() throws {
        var nomination = DomainKit.nomination(state: .withdrawn)
        let error = try #require(DomainKit.error { () throws(AwardsError) in try nomination.submit(in: DomainKit.cycle(in: .nominationsOpen)) })
        #expect(error.kind == .invalidState)
        #expect(error.field == "state")
        #expect(nomination.state == .withdrawn)
    }

    @Test("an invalid nomination is refused with its first problem and stays a draft")
    func submitInvalid() throws {
        var answers = DomainKit.completeAnswers
        answers["C1"] = nil
        answers["C2"] = .number(1)
        var nomination = DomainKit.nomination(answers)
        let error = try #require(DomainKit.error { () throws(AwardsError) in try nomination.submit(in: DomainKit.cycle(in: .nominationsOpen)) })
        #expect(error == AwardsError(.invalidValue, "the question is required", field: "C1"))
        #expect(error == Self.problems(nomination).first)
        #expect(nomination.state == .draft)
    }

    @Test("a nomination missing only its round-2 answers can be submitted")
    func submitIgnoresRoundTwo() throws {
        var nomination = DomainKit.nomination()
        #expect(nomination.answers["T1"] == nil)
        try nomination.submit(in: DomainKit.cycle(in: .nominationsOpen))
        #expect(nomination.state == .submitted)
    }

    // MARK: Withdrawal

    @Test("a draft or a submitted nomination can be withdrawn while nominations are open", arguments: [Nomination.State.draft, .submitted])
    func withdraw(_ state: Nomination.State) throws {
        var nomination = DomainKit.nomination(state: state)
        try nomination.withdraw(in: DomainKit.cycle(in: .nominationsOpen))
        #expect(nomination.state == .withdrawn)
    }

    @Test("withdrawing outside nominations_open is out of phase", arguments: DomainKit.phases(except: [.nominationsOpen]))
    func withdrawOutOfPhase(_ phase: Phase) throws {
        var nomination = DomainKit.nomination(state: .submitted)
        let error = try #require(DomainKit.error { () throws(AwardsError) in try nomination.withdraw(in: DomainKit.cycle(in: phase)) })
        #expect(error.kind == .outOfPhase)
        #expect(error.field == "phase")
        #expect(nomination.state == .submitted)
    }

    // MARK: Eligibility

    @Test("a submitted questionnaire stays eligible for three cycles",
          arguments: [(2023, false), (2024, true), (2025, true), (2026, true), (2027, false), (2030, false)])
    func eligibilityWindow(_ cycle: Int, _ eligible: Bool) {
        let nomination = DomainKit.nomination(state: .submitted, year: 2024)
        #expect(nomination.isEligible(inCycle: cycle, years: 3) == eligible)
    }

    @Test("an opted-out questionnaire is eligible only in its own cycle",
          arguments: [(2023, false), (2024, true), (2025, false), (2026, false)])
    func eligibilityOptOut(_ cycle: Int, _ eligible: Bool) {
        let nomination = DomainKit.nomination(state: .submitted, year: 2024, optOut: true)
        #expect(nomination.isEligible(inCycle: cycle, years: 3) == eligible)
    }

    @Test("drafts and withdrawn nominations are never eligible", arguments: [Nomination.State.draft, .withdrawn])
    func eligibilityUnsubmitted(_ state: Nomination.State) {
        let nomination = DomainKit.nomination(state: state, year: 2024)
        for year in 2023...2027 {
            #expect(!nomination.isEligible(inCycle: year, years: 3))
        }
    }

    @Test("the window follows the number of years")
    func eligibilityYears() {
        let nomination = DomainKit.nomination(state: .submitted, year: 2024)
        #expect(nomination.isEligible(inCycle: 2024, years: 1))
        #expect(!nomination.isEligible(inCycle: 2025, years: 1))
        #expect(nomination.isEligible(inCycle: 2028, years: 5))
        #expect(!nomination.isEligible(inCycle: 2029, years: 5))
    }

    @Test("a window of no years (unvalidated rules) does not crash and keeps only the own cycle", arguments: [0, -2])
    func eligibilityNoYears(_ years: Int) {
        let nomination = DomainKit.nomination(state: .submitted, year: 2024)
        #expect(nomination.isEligible(inCycle: 2024, years: years))
        #expect(!nomination.isEligible(inCycle: 2025, years: years))
        #expect(!nomination.isEligible(inCycle: 2023, years: years))
    }
}
