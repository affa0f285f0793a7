/// A phase of an awards cycle, in the order the programme runs them.
public enum Phase: String, Sendable, Codable, CaseIterable, Comparable {
    /// The cycle is being prepared; nothing is open yet.
    case setup
    /// Communities nominate themselves and edit their nominations.
    case nominationsOpen = "nominations_open"
    /// Analysts score the nominations of the first round.
    case smart21Scoring = "smart21_scoring"
    /// The Smart21 have been named.
    case smart21Announced = "smart21_announced"
    /// The Smart21 answer the second, longer questionnaire.
    case top7Questionnaire = "top7_questionnaire"
    /// Analysts score the second round.
    case top7Scoring = "top7_scoring"
    /// The Top7 are announced and visited.
    case siteVisits = "site_visits"
    /// Jurors cast their ranked ballots.
    case juryVote = "jury_vote"
    /// The Community of the Year has been announced.
    case resultsAnnounced = "results_announced"

    /// The phase's position in the cycle.
    public var order: Int { Phase.allCases.firstIndex(of: self) ?? 0 }

    /// The phase's name for people.
    public var title: String {
        switch self {
        case .setup: "set-up"
        case .nominationsOpen: "nominations open"
        case .smart21Scoring: "Smart21 scoring"
        case .smart21Announced: "Smart21 announced"
        case .top7Questionnaire: "Top7 questionnaire"
        case .top7Scoring: "Top7 scoring"
        case .siteVisits: "site visits"
        case .juryVote: "jury vote"
        case .resultsAnnounced: "results announced"
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.order < rhs.order }
}
