import Foundation

/// One year of the awards programme: its framework, questionnaire, phases and rules.
public struct Cycle: Sendable, Codable, Equatable {
    /// The award year.
    public var year: Int
    /// The factors scored, with their weights in the overall score.
    public var factors: [Factor]
    /// The questions of both rounds.
    public var questions: [Question]
    /// When each phase starts, and when its submissions are due; a phase lasts until the next
    /// one starts.
    public var schedule: [PhaseStart]
    /// The cycle's time zone (an IANA name such as `Asia/Bangkok`): a due date without a time
    /// ends at midnight there, and pages show times there. UTC for cycles stored before it existed.
    public var timeZone: String
    /// The extensions organisers have granted, one per person and phase at most.
    public var extensions: [DeadlineExtension]
    /// The phase the cycle is in, as set by the organisers.
    public var phase: Phase
    /// Scoring and selection rules.
    public var rules: CycleRules
    /// The analysts who score this cycle, by id; every analyst on record when `nil`.
    public var panel: [String]?
    /// The jurors whose ballots count, with their groups, as the organisers named them; empty
    /// until named, and then no ballot is accepted. Cycles stored before juries were named read
    /// as having none.
    public var jury: [JuryMember]
    /// What the anchor points of each factor's rubric mean, shown to the analysts beside their
    /// score. Cycles stored before descriptors read back with the standard ones
    /// (`ScoreDescriptor.standard`).
    public var descriptors: [ScoreDescriptor]
    /// The organisers' notes from each finalist's site visit, by nomination id, shown to the
    /// jury in the finalist's dossier. Cycles stored before them read as having none.
    public var siteVisitNotes: [String: String]
    /// When people who still owe a phase's submissions are reminded, and whether the organisers
    /// hear who is late; the programme's standard (7 and 2 days, escalation) for cycles stored
    /// before it existed.
    public var reminders: ReminderSchedule

    /// The start of a phase, and when its submissions are due.
    public struct PhaseStart: Sendable, Codable, Equatable {
        public var phase: Phase
        /// The start date, `YYYY-MM-DD`.
        public var starts: String
        /// When the phase's submissions (nominations, reviews, ballots) are due, as `Deadline`
        /// reads it; none when absent.
        public var due: String?

        public init(phase: Phase, starts: String, due: String? = nil) {
            self.phase = phase
            self.starts = starts
            self.due = due
        }
    }

    /// The round the analysts score in the current phase: 1 during Smart21 scoring, 2 during
    /// Top7 scoring, `nil` in every other phase.
    public var scoringRound: Int? {
        switch phase {
        case .smart21Scoring: 1
        case .top7Scoring: 2
        default: nil
        }
    }

    /// Creates a cycle.
    public init(
        year: Int, factors: [Factor] = Factor.standard, questions: [Question] = [], schedule: [PhaseStart] = [], phase: Phase = .setup,
        rules: CycleRules = CycleRules(), jury: [JuryMember] = [], timeZone: String = "UTC", extensions: [DeadlineExtension] = [],
        descriptors: [ScoreDescriptor]? = nil, siteVisitNotes: [String: String] = [:], reminders: ReminderSchedule = .standard
    ) {
        self.descriptors = descriptors ?? ScoreDescriptor.standard(for: factors, low: rules.scaleLow, high: rules.scaleHigh)
        self.siteVisitNotes = siteVisitNotes
        self.reminders = reminders
        self.timeZone = timeZone
        self.extensions = extensions
        self.year = year
        self.factors = factors
        self.questions = questions
        self.schedule = schedule
        self.phase = phase
        self.rules = rules
        self.jury = jury
    }

    /// Reads a cycle; `panel`, `jury`, `timeZone`, `extensions`, `descriptors`, `siteVisitNotes`
    /// and `reminders` may be absent (cycles stored before they existed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        factors = try container.decode([Factor].self, forKey: .factors)
        questions = try container.decode([Question].self, forKey: .questions)
        schedule = try container.decode([PhaseStart].self, forKey: .schedule)
        phase = try container.decode(Phase.self, forKey: .phase)
        rules = try container.decode(CycleRules.self, forKey: .rules)
        panel = try container.decodeIfPresent([String].self, forKey: .panel)
        jury = try container.decodeIfPresent([JuryMember].self, forKey: .jury) ?? []
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone) ?? "UTC"
        extensions = try container.decodeIfPresent([DeadlineExtension].self, forKey: .extensions) ?? []
        descriptors = try container.decodeIfPresent([ScoreDescriptor].self, forKey: .descriptors)
            ?? ScoreDescriptor.standard(for: factors, low: rules.scaleLow, high: rules.scaleHigh)
        siteVisitNotes = try container.decodeIfPresent([String: String].self, forKey: .siteVisitNotes) ?? [:]
        reminders = try container.decodeIfPresent(ReminderSchedule.self, forKey: .reminders) ?? .standard
    }

    /// Checks the cycle's own consistency: factors, questions (each quantitative one with a
    /// declared range), schedule, rules, score descriptors and jury. Run on new settings only: a cycle stored before questions
    /// had ranges still loads, its answers held to `Question.largestMagnitude`.
    public func validate() throws(AwardsError) {
        guard !factors.isEmpty else { throw AwardsError(.invalidValue, "a cycle needs at least one factor", field: "factors") }
        var codes: Set<String> = []
        for (i, factor) in factors.enumerated() {
            guard codes.insert(factor.code).inserted else {
                throw AwardsError(.duplicate, "the factor '\(factor.code)' is listed twice", field: "factors[\(i)].code")
            }
            guard factor.weight >= 0, factor.weight.isFinite else {
                throw AwardsError(.invalidValue, "the weight of '\(factor.code)' must be finite and not negative", field: "factors[\(i)].weight")
            }
        }
        guard factors.contains(where: { $0.weight > 0 }) else {
            throw AwardsError(.invalidValue, "at least one factor needs a positive weight", field: "factors")
        }
        var ids: Set<String> = []
        for (i, question) in questions.enumerated() {
            guard ids.insert(question.id).inserted else {
                throw AwardsError(.duplicate, "the question '\(question.id)' is listed twice", field: "questions[\(i)].id")
            }
            guard codes.contains(question.factor) else {
                throw AwardsError(.unknownReference, "the question '\(question.id)' belongs to the unknown factor '\(question.factor)'", field: "questions[\(i)].factor")
            }
            guard question.round == 1 || question.round == 2 else {
                throw AwardsError(.invalidValue, "the round of '\(question.id)' must be 1 or 2", field: "questions[\(i)].round")
            }
            if case let .quantitative(_, _, direction) = question.kind, direction != 1, direction != -1 {
                throw AwardsError(.invalidValue, "the direction of '\(question.id)' must be 1 or -1", field: "questions[\(i)].kind")
            }
            try question.validateRange(field: "questions[\(i)]")
            try question.validateWording(field: "questions[\(i)]")
        }
        try validateSchedule()
        try reminders.validate()
        try rules.validate()
        try validateDescriptors()
        try validateJury()
    }

    /// Checks the schedule: phases in the programme's order with rising start dates, each due
    /// time readable and not before its phase starts, the time zone and the extensions (see
    /// `validateDeadlines`). Checked alone when only the schedule changes, so that an older
    /// cycle's other settings do not stand in the way.
    public func validateSchedule() throws(AwardsError) {
        var previous: (Phase, String)?
        for (i, start) in schedule.enumerated() {
            guard CalendarDate.isValid(start.starts) else {
                throw AwardsError(.invalidValue, "'\(start.starts)' is not a date (YYYY-MM-DD)", field: "schedule[\(i)].starts")
            }
            if let (phase, date) = previous, start.phase <= phase || start.starts < date {
                throw AwardsError(.invalidValue, "phases must follow the programme's order with rising dates; \(start.phase.title) comes after \(phase.title)", field: "schedule[\(i)]")
            }
            previous = (start.phase, start.starts)
        }
        try validateDeadlines()
    }

    /// The phase the schedule puts the cycle in on `date` (`YYYY-MM-DD`).
    public func scheduledPhase(on date: String) -> Phase {
        schedule.last { $0.starts <= date }?.phase ?? .setup
    }

    /// The questions of `round`.
    public func questions(round: Int) -> [Question] { questions.filter { $0.round == round } }
}

/// Checking calendar dates written `YYYY-MM-DD`.
enum CalendarDate {
    /// Whether `text` is a real date in `YYYY-MM-DD` form.
    static func isValid(_ text: String) -> Bool {
        guard text.count == 10, text.allSatisfy({ $0 == "-" || ("0"..."9").contains($0) }) else { return false }
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }
}
