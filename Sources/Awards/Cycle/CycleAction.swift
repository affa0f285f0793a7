/// Something a person does in a cycle that only some phases allow.
public enum CycleAction: String, Sendable, Codable, CaseIterable {
    case editNomination
    case submitNomination
    case withdrawNomination
    case assignAnalysts
    case submitReview
    case shortlistSmart21
    case answerTop7Questionnaire
    case shortlistTop7
    case castBallot
    case tallyBallots
    case publishResults

    /// The phases in which the action is allowed.
    public var allowedPhases: Set<Phase> {
        switch self {
        case .editNomination, .submitNomination, .withdrawNomination: [.nominationsOpen]
        case .assignAnalysts: [.nominationsOpen, .smart21Scoring, .top7Questionnaire, .top7Scoring]
        case .submitReview: [.smart21Scoring, .top7Scoring]
        case .shortlistSmart21: [.smart21Scoring]
        case .answerTop7Questionnaire: [.smart21Announced, .top7Questionnaire]
        case .shortlistTop7: [.top7Scoring]
        case .castBallot: [.juryVote]
        case .tallyBallots: [.juryVote]
        case .publishResults: [.juryVote, .resultsAnnounced]
        }
    }

    /// The action's description for people.
    public var title: String {
        switch self {
        case .editNomination: "editing a nomination"
        case .submitNomination: "submitting a nomination"
        case .withdrawNomination: "withdrawing a nomination"
        case .assignAnalysts: "assigning analysts"
        case .submitReview: "submitting a review"
        case .shortlistSmart21: "naming the Smart21"
        case .answerTop7Questionnaire: "answering the Top7 questionnaire"
        case .shortlistTop7: "naming the Top7"
        case .castBallot: "casting a ballot"
        case .tallyBallots: "counting the ballots"
        case .publishResults: "publishing the results"
        }
    }

    /// Checks that the action is allowed in `phase`.
    public func check(in phase: Phase) throws(AwardsError) {
        guard allowedPhases.contains(phase) else {
            let allowed = allowedPhases.sorted().map(\.title).joined(separator: " or ")
            throw AwardsError(.outOfPhase, "\(title) is allowed only during \(allowed); the cycle is in \(phase.title)", field: "phase")
        }
    }
}
