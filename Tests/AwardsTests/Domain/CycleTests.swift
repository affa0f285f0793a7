import Testing
@testable import Awards

@Suite("Cycle validation and schedule")
struct CycleTests {
    /// A full 2026 schedule, one start per phase after set-up.
    static let schedule: [Cycle.PhaseStart] = [
        .init(phase: .nominationsOpen, starts: "2026-01-15"),
        .init(phase: .smart21Scoring, starts: "2026-03-01"),
        .init(phase: .smart21Announced, starts: "2026-04-10"),
        .init(phase: .top7Questionnaire, starts: "2026-04-11"),
        .init(phase: .top7Scoring, starts: "2026-06-01"),
        .init(phase: .siteVisits, starts: "2026-07-01"),
        .init(phase: .juryVote, starts: "2026-09-01"),
        .init(phase: .resultsAnnounced, starts: "2026-10-15"),
    ]

    static func validCycle() -> Cycle {
        Cycle(year: 2026, questions: DomainKit.questions, schedule: schedule, phase: .nominationsOpen)
    }

    static func failure(_ cycle: Cycle) -> AwardsError? {
        DomainKit.error { () throws(AwardsError) in try cycle.validate() }
    }

    @Test("the default cycle and a full cycle are valid")
    func validCycles() {
        let plain = Cycle(year: 2026)
        #expect(Self.failure(plain) == nil)
        #expect(plain.factors.map(\.code) == ["Connect", "Work", "Innovate", "Engage", "Include", "Sustain"])
        #expect(plain.factors.allSatisfy { $0.weight == 1 })
        #expect(plain.phase == .setup)
        #expect(plain.rules == CycleRules())
        #expect(Self.failure(Self.validCycle()) == nil)
    }

    @Test("a cycle needs a factor")
    func noFactors() throws {
        var cycle = Self.validCycle()
        cycle.factors = []
        cycle.questions = []
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "factors")
    }

    @Test("a factor listed twice is a duplicate at its position")
    func duplicateFactor() throws {
        var cycle = Self.validCycle()
        cycle.factors.append(Factor(code: "Work", name: "Work again"))
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .duplicate)
        #expect(error.field == "factors[6].code")
        #expect(error.message.contains("'Work'"))
    }

    @Test("a factor's weight must be finite and not negative", arguments: [-0.5, -.infinity, .infinity, .nan])
    func badWeight(_ weight: Double) throws {
        var cycle = Self.validCycle()
        cycle.factors[1].weight = weight
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "factors[1].weight")
        #expect(error.message.contains("'Work'"))
    }

    @Test("zero weights are allowed for some factors but not for all")
    func zeroWeights() throws {
        var cycle = Self.validCycle()
        for i in 1..<cycle.factors.count { cycle.factors[i].weight = 0 }
        #expect(Self.failure(cycle) == nil)
        cycle.factors[0].weight = 0
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "factors")
    }

    @Test("a question listed twice is a duplicate at its second position")
    func duplicateQuestion() throws {
        var cycle = Self.validCycle()
        cycle.questions.append(Question(id: "C2", factor: "Include", text: "Again", kind: .narrative(rubric: "")))
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .duplicate)
        #expect(error.field == "questions[5].id")
        #expect(error.message.contains("'C2'"))
    }

    @Test("a question of an unknown factor is an unknown reference")
    func unknownFactor() throws {
        var cycle = Self.validCycle()
        cycle.questions[2].factor = "Broadband"
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .unknownReference)
        #expect(error.field == "questions[2].factor")
        #expect(error.message.contains("'Broadband'"))
        #expect(error.message.contains("'W1'"))
    }

    @Test("a question's round is 1 or 2", arguments: [0, 3, -1])
    func badRound(_ round: Int) throws {
        var cycle = Self.validCycle()
        cycle.questions[3].round = round
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "questions[3].round")
        #expect(error.message.contains("'W2'"))
    }

    @Test("a quantitative question's direction is 1 or -1", arguments: [0.0, 2.0, 0.5, -2.0, .nan])
    func badDirection(_ direction: Double) throws {
        var cycle = Self.validCycle()
        cycle.questions[0].kind = .quantitative(indicator: "gigabit", unit: "%", direction: direction)
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "questions[0].kind")
        #expect(error.message.contains("'C1'"))
    }

    @Test("both directions are accepted")
    func goodDirections() {
        var cycle = Self.validCycle()
        cycle.questions[0].kind = .quantitative(indicator: "gigabit", unit: "%", direction: -1)
        cycle.questions[3].kind = .quantitative(indicator: "unemployment", unit: "%", direction: 1)
        #expect(Self.failure(cycle) == nil)
    }

    @Test("a phase start must be a real YYYY-MM-DD date",
          arguments: ["2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                      "2026-1-15", "26-01-15", "2026/01/15", "2026-01-15T00:00", "", "next week",
                      "2026-+1-15", "2026-01-+5", "+026-01-15", "2026--01-15", "-2026-01-15", "2026-01-15-"])
    func badDate(_ date: String) throws {
        var cycle = Self.validCycle()
        cycle.schedule[2].starts = date
        let error = try #require(Self.failure(cycle), "'\(date)' should be refused")
        #expect(error.kind == .invalidValue)
        #expect(error.field == "schedule[2].starts")
        #expect(error.message.contains("'\(date)'"))
    }

    @Test("a malformed date is refused even where the order check would not catch it", arguments: ["2026-10-+5", "2026-10-15-", "2026-10--15"])
    func malformedLastDate(_ date: String) throws {
        #expect(!CalendarDate.isValid(date))
        var cycle = Self.validCycle()
        cycle.schedule[7].starts = date
        let error = try #require(Self.failure(cycle), "'\(date)' should be refused")
        #expect(error.field == "schedule[7].starts")
    }

    @Test("real dates, leap days included, are accepted", arguments: ["2024-02-29", "2000-02-29", "2026-12-31", "2026-04-10"])
    func goodDate(_ date: String) {
        #expect(CalendarDate.isValid(date))
    }

    @Test("phases out of the programme's order are refused")
    func phasesOutOfOrder() throws {
        var cycle = Self.validCycle()
        cycle.schedule.swapAt(1, 2)
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "schedule[2]")
        #expect(error.message.contains("Smart21 scoring comes after Smart21 announced"))
    }

    @Test("a phase scheduled twice is refused")
    func phaseTwice() throws {
        var cycle = Self.validCycle()
        cycle.schedule.insert(.init(phase: .smart21Scoring, starts: "2026-03-05"), at: 2)
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "schedule[2]")
    }

    @Test("dates that fall while the phases rise are refused")
    func datesOutOfOrder() throws {
        var cycle = Self.validCycle()
        cycle.schedule[4].starts = "2026-04-01"
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "schedule[4]")
    }

    @Test("a schedule may skip phases")
    func skippedPhases() {
        var cycle = Self.validCycle()
        cycle.schedule = [.init(phase: .nominationsOpen, starts: "2026-01-15"), .init(phase: .juryVote, starts: "2026-09-01")]
        #expect(Self.failure(cycle) == nil)
    }

    @Test("the cycle's rules are validated with it, under the rules. path")
    func rulesInCycle() throws {
        var cycle = Self.validCycle()
        cycle.rules.top7Size = 30
        let error = try #require(Self.failure(cycle))
        #expect(error.kind == .invalidValue)
        #expect(error.field == "rules.top7Size")
    }

    @Test("the scheduled phase on dates before, on and after phase starts",
          arguments: [
              ("2025-12-31", Phase.setup), ("2026-01-14", .setup), ("2026-01-15", .nominationsOpen),
              ("2026-02-28", .nominationsOpen), ("2026-03-01", .smart21Scoring), ("2026-04-09", .smart21Scoring),
              ("2026-04-10", .smart21Announced), ("2026-04-11", .top7Questionnaire), ("2026-05-31", .top7Questionnaire),
              ("2026-06-01", .top7Scoring), ("2026-08-31", .siteVisits), ("2026-09-01", .juryVote),
              ("2026-10-14", .juryVote), ("2026-10-15", .resultsAnnounced), ("2027-06-30", .resultsAnnounced),
          ])
    func scheduledPhase(_ date: String, _ phase: Phase) {
        #expect(Self.validCycle().scheduledPhase(on: date) == phase)
    }

    @Test("without a schedule a cycle is in set-up")
    func noSchedule() {
        #expect(Cycle(year: 2026).scheduledPhase(on: "2026-06-01") == .setup)
    }

    @Test("questions are split by round")
    func questionsByRound() {
        let cycle = Self.validCycle()
        #expect(cycle.questions(round: 1).map(\.id) == ["C1", "C2", "W1", "W2"])
        #expect(cycle.questions(round: 2).map(\.id) == ["T1"])
        #expect(cycle.questions(round: 3).isEmpty)
        #expect(cycle.questions[0].isQuantitative)
        #expect(!cycle.questions[1].isQuantitative)
    }
}

@Suite("Cycle rules validation")
struct CycleRulesTests {
    static func failure(_ rules: CycleRules) -> AwardsError? {
        DomainKit.error { () throws(AwardsError) in try rules.validate() }
    }

    @Test("the programme's defaults are valid and are the documented ones")
    func defaults() {
        let rules = CycleRules()
        #expect(Self.failure(rules) == nil)
        #expect(rules.scaleLow == 1 && rules.scaleHigh == 10)
        #expect(rules.analystsPerNomination == 3)
        #expect(rules.smart21Size == 21 && rules.top7Size == 7)
        #expect(rules.votingMethod == "schulze")
        #expect(rules.eligibilityYears == 3)
        #expect(rules.maxPerCountry == nil && rules.minPerRegion.isEmpty)
    }

    /// A rule set broken in one place, and the field that must be named.
    struct Broken: Sendable, CustomTestStringConvertible {
        let label: String
        let rules: CycleRules
        let field: String
        var testDescription: String { label }
    }

    static let broken: [Broken] = [
        Broken(label: "scale low = high", rules: CycleRules(scaleLow: 5, scaleHigh: 5), field: "rules.scaleLow"),
        Broken(label: "scale inverted", rules: CycleRules(scaleLow: 10, scaleHigh: 1), field: "rules.scaleLow"),
        Broken(label: "scale low -inf", rules: CycleRules(scaleLow: -.infinity), field: "rules.scaleLow"),
        Broken(label: "scale high inf", rules: CycleRules(scaleHigh: .infinity), field: "rules.scaleLow"),
        Broken(label: "scale low NaN", rules: CycleRules(scaleLow: .nan), field: "rules.scaleLow"),
        Broken(label: "no analysts", rules: CycleRules(analystsPerNomination: 0), field: "rules.analystsPerNomination"),
        Broken(label: "zero load", rules: CycleRules(analystLoad: 0), field: "rules.analystLoad"),
        Broken(label: "negative load", rules: CycleRules(analystLoad: -3), field: "rules.analystLoad"),
        Broken(label: "empty Smart21", rules: CycleRules(smart21Size: 0, top7Size: 0), field: "rules.smart21Size"),
        Broken(label: "empty Top7", rules: CycleRules(top7Size: 0), field: "rules.top7Size"),
        Broken(label: "no eligibility", rules: CycleRules(eligibilityYears: 0), field: "rules.eligibilityYears"),
        Broken(label: "Top7 larger than Smart21", rules: CycleRules(smart21Size: 5, top7Size: 6), field: "rules.top7Size"),
        Broken(label: "quantitative weight < 0", rules: CycleRules(quantitativeWeight: -0.01), field: "rules.quantitativeWeight"),
        Broken(label: "quantitative weight > 1", rules: CycleRules(quantitativeWeight: 1.01), field: "rules.quantitativeWeight"),
        Broken(label: "quantitative weight NaN", rules: CycleRules(quantitativeWeight: .nan), field: "rules.quantitativeWeight"),
        Broken(label: "first-round weight > 1", rules: CycleRules(firstRoundWeight: 2), field: "rules.firstRoundWeight"),
        Broken(label: "first-round weight < 0", rules: CycleRules(firstRoundWeight: -1), field: "rules.firstRoundWeight"),
        Broken(label: "jury weight > 1", rules: CycleRules(juryWeight: 1.5), field: "rules.juryWeight"),
        Broken(label: "jury weight -inf", rules: CycleRules(juryWeight: -.infinity), field: "rules.juryWeight"),
        Broken(label: "max per country 0", rules: CycleRules(maxPerCountry: 0), field: "rules.maxPerCountry"),
        Broken(label: "negative regional minimum", rules: CycleRules(minPerRegion: ["Africa": -1, "Asia": 2]), field: "rules.minPerRegion"),
        Broken(label: "regional minimums above the Smart21", rules: CycleRules(minPerRegion: ["Asia": 11, "Europe": 11]), field: "rules.minPerRegion"),
        Broken(label: "unknown voting method", rules: CycleRules(votingMethod: "plurality"), field: "rules.votingMethod"),
        Broken(label: "voting method in the wrong case", rules: CycleRules(votingMethod: "Schulze"), field: "rules.votingMethod"),
    ]

    @Test("every range check names its field", arguments: broken)
    func brokenRule(_ case_: Broken) throws {
        let error = try #require(Self.failure(case_.rules), "\(case_.label) should be refused")
        #expect(error.kind == .invalidValue)
        #expect(error.field == case_.field)
    }

    @Test("the messages say what was wrong")
    func messages() throws {
        #expect(try #require(Self.failure(CycleRules(analystLoad: 0))).message == "must be at least 1, not 0")
        #expect(try #require(Self.failure(CycleRules(juryWeight: 1.5))).message == "must lie between 0 and 1, not 1.5")
        #expect(try #require(Self.failure(CycleRules(minPerRegion: ["Africa": -2]))).message == "the minimum for Africa cannot be -2")
        #expect(try #require(Self.failure(CycleRules(votingMethod: "plurality"))).message.hasPrefix("'plurality' is not a voting method"))
    }

    @Test("the edges of every range are accepted")
    func edges() {
        #expect(Self.failure(CycleRules(scaleLow: 0, scaleHigh: 0.5)) == nil)
        #expect(Self.failure(CycleRules(analystsPerNomination: 1, analystLoad: 1, smart21Size: 1, top7Size: 1, eligibilityYears: 1)) == nil)
        #expect(Self.failure(CycleRules(smart21Size: 7, top7Size: 7)) == nil)
        #expect(Self.failure(CycleRules(quantitativeWeight: 0, firstRoundWeight: 1, juryWeight: 0)) == nil)
        #expect(Self.failure(CycleRules(quantitativeWeight: 1, firstRoundWeight: 0, juryWeight: 1)) == nil)
        #expect(Self.failure(CycleRules(maxPerCountry: 1)) == nil)
        #expect(Self.failure(CycleRules(minPerRegion: ["Asia": 11, "Europe": 10, "Africa": 0])) == nil)
    }

    @Test("the four voting methods are accepted", arguments: ["schulze", "rankedPairs", "instantRunoff", "borda"])
    func votingMethods(_ method: String) {
        #expect(Self.failure(CycleRules(votingMethod: method)) == nil)
    }
}
