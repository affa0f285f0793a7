@testable import Awards

/// Cycles, questions, nominations and reviews for the domain tests.
enum DomainKit {
    /// The error `body` throws, or nil when it returns normally.
    static func error(_ body: () throws(AwardsError) -> Void) -> AwardsError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// A round-1 questionnaire with a required and an optional question of each kind, plus a
    /// round-2 question; both data points are shares, 0 to 100 per cent.
    static let questions: [Question] = [
        Question(id: "C1", factor: "Connect", text: "Share of households with gigabit broadband (%)",
                 kind: .quantitative(indicator: "gigabit", unit: "%", direction: 1), min: 0, max: 100),
        Question(id: "C2", factor: "Connect", text: "Describe your broadband strategy",
                 kind: .narrative(rubric: "Ambition, reach and delivery")),
        Question(id: "W1", factor: "Work", text: "Describe your digital-skills programmes",
                 kind: .narrative(rubric: "Scale and outcomes"), required: false),
        Question(id: "W2", factor: "Work", text: "Unemployment rate (%)",
                 kind: .quantitative(indicator: "unemployment", unit: "%", direction: -1), required: false, min: 0, max: 100),
        Question(id: "T1", factor: "Innovate", text: "How has your innovation ecosystem changed?",
                 kind: .narrative(rubric: "Evidence of change"), round: 2),
    ]

    /// Answers that satisfy every round-1 question of `questions`.
    static let completeAnswers: [String: Nomination.Answer] = [
        "C1": .number(87.5),
        "C2": .text("Municipal fibre to every home by 2027."),
        "W1": .text("Coding clubs in every library."),
        "W2": .number(4.2),
    ]

    /// The default cycle of 2026 with `questions`, in `phase`.
    static func cycle(in phase: Phase, rules: CycleRules = CycleRules()) -> Cycle {
        Cycle(year: 2026, questions: questions, phase: phase, rules: rules)
    }

    /// A draft nomination with `answers`.
    static func nomination(_ answers: [String: Nomination.Answer] = completeAnswers, evidence: [String] = [], state: Nomination.State = .draft,
                           year: Int = 2026, optOut: Bool = false) -> Nomination {
        Nomination(id: "n-ponta", community: "Ponta Grossa", country: "Brazil", region: "Latin America", year: year,
                   answers: answers, evidence: evidence, state: state, optOut: optOut)
    }

    /// A complete, valid set of scores for the six standard factors (score 6, confidence 4).
    static var fullScores: [String: Review.FactorScore] {
        Dictionary(uniqueKeysWithValues: Factor.standard.map { ($0.code, Review.FactorScore(score: 6, comment: "Solid evidence for \($0.code).", confidence: 4)) })
    }

    /// A round-1 review by analyst `a-17` of `n-ponta` with `scores`.
    static func review(_ scores: [String: Review.FactorScore] = fullScores, state: Review.State = .draft) -> Review {
        Review(nomination: "n-ponta", analyst: "a-17", round: 1, scores: scores, state: state)
    }

    /// Every phase except those in `allowed`.
    static func phases(except allowed: Set<Phase>) -> [Phase] {
        Phase.allCases.filter { !allowed.contains($0) }
    }
}
