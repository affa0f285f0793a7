/// A community's nomination in a cycle: its answers, evidence and state.
public struct Nomination: Sendable, Codable, Equatable {
    /// The state of a nomination.
    public enum State: String, Sendable, Codable {
        /// Being written; not yet seen by analysts.
        case draft
        /// Submitted for scoring.
        case submitted
        /// Withdrawn by the community.
        case withdrawn
    }

    /// A stable identifier.
    public var id: String
    /// The community nominated, as a stable `Community.id`: what a community account is bound
    /// to, and what its case studies belong to. It stays when the organisers correct the name.
    public var communityID: String
    /// The community's name, as shown.
    public var community: String
    /// Its country.
    public var country: String
    /// Its world region.
    public var region: String
    /// The year the questionnaire was submitted.
    public var year: Int
    /// Answers by question id.
    public var answers: [String: Answer]
    /// Links to evidence.
    public var evidence: [String]
    /// The nomination's state.
    public var state: State
    /// Whether the community asked not to be carried into later cycles.
    public var optOut: Bool

    /// An answer: a number for a quantitative question, text for a narrative one.
    ///
    /// In JSON a number answer is a number and a text answer a string; `-0` reads as `0`.
    public enum Answer: Sendable, Codable, Equatable {
        case number(Double)
        case text(String)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let number = try? c.decode(Double.self) { self = .number(number == 0 ? 0 : number) } else { self = .text(try c.decode(String.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case let .number(n): try c.encode(n)
            case let .text(t): try c.encode(t)
            }
        }
    }

    /// Creates a nomination; the community's id is derived from its name and country unless given.
    public init(
        id: String, community: String, country: String, region: String, year: Int, answers: [String: Answer] = [:],
        evidence: [String] = [], state: State = .draft, optOut: Bool = false, communityID: String? = nil
    ) {
        self.id = id
        self.communityID = communityID ?? Community.id(name: community, country: country)
        self.community = community
        self.country = country
        self.region = region
        self.year = year
        self.answers = answers
        self.evidence = evidence
        self.state = state
        self.optOut = optOut
    }

    /// Decodes a nomination; one stored or written without `communityID` gets the id derived
    /// from its name and country.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        community = try c.decode(String.self, forKey: .community)
        country = try c.decode(String.self, forKey: .country)
        communityID = try c.decodeIfPresent(String.self, forKey: .communityID) ?? Community.id(name: community, country: country)
        region = try c.decode(String.self, forKey: .region)
        year = try c.decode(Int.self, forKey: .year)
        answers = try c.decode([String: Answer].self, forKey: .answers)
        evidence = try c.decode([String].self, forKey: .evidence)
        state = try c.decode(State.self, forKey: .state)
        optOut = try c.decode(Bool.self, forKey: .optOut)
    }

    /// Every problem with the answers to `questions` of `round`, one error per question.
    ///
    /// A required question must be answered; a quantitative answer must be a finite number within
    /// its question's range, a narrative one non-empty text; evidence must be web addresses.
    /// Number answers to the other round's questions are held to their ranges too.
    public func problems(against questions: [Question], round: Int = 1) -> [AwardsError] {
        var problems: [AwardsError] = []
        let known = Set(questions.map(\.id))
        for id in answers.keys.sorted() where !known.contains(id) {
            problems.append(AwardsError(.unknownReference, "there is no question '\(id)' in this cycle", field: id))
        }
        for question in questions where question.round == round {
            switch (question.kind, answers[question.id]) {
            case (_, nil):
                if question.required { problems.append(AwardsError(.invalidValue, "the question is required", field: question.id)) }
            case (.quantitative, .number(let value)?):
                if let problem = question.problem(with: value) { problems.append(problem) }
            case (.quantitative, .text?):
                problems.append(AwardsError(.invalidValue, "the answer must be a number", field: question.id))
            case (.narrative, .text(let text)?):
                if text.allSatisfy(\.isWhitespace) { problems.append(AwardsError(.invalidValue, "the answer is empty", field: question.id)) }
            case (.narrative, .number?):
                problems.append(AwardsError(.invalidValue, "the answer must be text", field: question.id))
            }
        }
        for question in questions where question.round != round && question.isQuantitative {
            if case let .number(value)? = answers[question.id], let problem = question.problem(with: value) { problems.append(problem) }
        }
        for (i, link) in evidence.enumerated() where !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.contains(" ") {
            problems.append(AwardsError(.invalidValue, "'\(link)' is not a web address", field: "evidence[\(i)]"))
        }
        return problems
    }

    /// The problems with the numbers given, which every stored nomination must be free of, draft
    /// or not: an answer to a quantitative question must be finite and within its range; any
    /// other number (to a narrative or unknown question, which a draft may hold) finite and
    /// within `±Question.largestMagnitude`. One error per question, naming it.
    public func numberProblems(against questions: [Question]) -> [AwardsError] {
        let byID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return answers.keys.sorted().compactMap { id -> AwardsError? in
            guard case let .number(value)? = answers[id] else { return nil }
            if let question = byID[id], question.isQuantitative { return question.problem(with: value) }
            return Question(id: id, factor: "", text: "", kind: .narrative(rubric: "")).problem(with: value)
        }
    }

    /// Submits the nomination after checking its answers and the phase.
    public mutating func submit(in cycle: Cycle) throws(AwardsError) {
        try CycleAction.submitNomination.check(in: cycle.phase)
        guard state != .withdrawn else { throw AwardsError(.invalidState, "a withdrawn nomination cannot be submitted", field: "state") }
        if let first = problems(against: cycle.questions).first { throw first }
        state = .submitted
    }

    /// Withdraws the nomination.
    public mutating func withdraw(in cycle: Cycle) throws(AwardsError) {
        try CycleAction.withdrawNomination.check(in: cycle.phase)
        state = .withdrawn
    }

    /// Whether the questionnaire can be considered in the cycle of `year`: submitted, not opted
    /// out, and submitted within the last `years` cycles.
    public func isEligible(inCycle year: Int, years: Int) -> Bool {
        state == .submitted && (self.year == year || (!optOut && self.year <= year && self.year > year - years))
    }
}
