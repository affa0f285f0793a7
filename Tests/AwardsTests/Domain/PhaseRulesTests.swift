import Testing
@testable import Awards

/// The phase rules, checked against the programme's intent written out independently of `allowedPhases`.
@Suite("Phase rules")
struct PhaseRulesTests {
    /// The phases each action is meant to be allowed in, and how the message names them.
    static let intended: [CycleAction: (phases: Set<Phase>, named: String)] = [
        .editNomination: ([.nominationsOpen], "nominations open"),
        .submitNomination: ([.nominationsOpen], "nominations open"),
        .withdrawNomination: ([.nominationsOpen], "nominations open"),
        .assignAnalysts: ([.nominationsOpen, .smart21Scoring, .top7Questionnaire, .top7Scoring],
                          "nominations open or Smart21 scoring or Top7 questionnaire or Top7 scoring"),
        .submitReview: ([.smart21Scoring, .top7Scoring], "Smart21 scoring or Top7 scoring"),
        .shortlistSmart21: ([.smart21Scoring], "Smart21 scoring"),
        .answerTop7Questionnaire: ([.smart21Announced, .top7Questionnaire], "Smart21 announced or Top7 questionnaire"),
        .shortlistTop7: ([.top7Scoring], "Top7 scoring"),
        .castBallot: ([.juryVote], "jury vote"),
        .tallyBallots: ([.juryVote], "jury vote"),
        .publishResults: ([.juryVote, .resultsAnnounced], "jury vote or results announced"),
    ]

    /// The phases' names for people.
    static let phaseNames: [Phase: String] = [
        .setup: "set-up", .nominationsOpen: "nominations open", .smart21Scoring: "Smart21 scoring",
        .smart21Announced: "Smart21 announced", .top7Questionnaire: "Top7 questionnaire", .top7Scoring: "Top7 scoring",
        .siteVisits: "site visits", .juryVote: "jury vote", .resultsAnnounced: "results announced",
    ]

    /// The actions' names for people.
    static let actionNames: [CycleAction: String] = [
        .editNomination: "editing a nomination", .submitNomination: "submitting a nomination",
        .withdrawNomination: "withdrawing a nomination", .assignAnalysts: "assigning analysts",
        .submitReview: "submitting a review", .shortlistSmart21: "naming the Smart21",
        .answerTop7Questionnaire: "answering the Top7 questionnaire", .shortlistTop7: "naming the Top7",
        .castBallot: "casting a ballot", .tallyBallots: "counting the ballots", .publishResults: "publishing the results",
    ]

    @Test("the intent table covers every action and phase")
    func tablesAreComplete() {
        #expect(Set(Self.intended.keys) == Set(CycleAction.allCases))
        #expect(CycleAction.allCases.count == 11)
        #expect(Set(Self.phaseNames.keys) == Set(Phase.allCases))
        #expect(Set(Self.actionNames.keys) == Set(CycleAction.allCases))
    }

    @Test("each action's allowed phases are the programme's", arguments: CycleAction.allCases)
    func allowedPhases(_ action: CycleAction) {
        #expect(action.allowedPhases == Self.intended[action]?.phases)
        #expect(action.title == Self.actionNames[action])
    }

    @Test("check(in:) passes exactly in the allowed phases and otherwise names the action, the allowed phases and the current phase",
          arguments: CycleAction.allCases, Phase.allCases)
    func check(_ action: CycleAction, _ phase: Phase) throws {
        let intent = try #require(Self.intended[action])
        let error = DomainKit.error { () throws(AwardsError) in try action.check(in: phase) }
        if intent.phases.contains(phase) {
            #expect(error == nil, "\(action) should be allowed in \(phase)")
        } else {
            let error = try #require(error, "\(action) should be refused in \(phase)")
            #expect(error.kind == .outOfPhase)
            #expect(error.field == "phase")
            let actionName = try #require(Self.actionNames[action])
            let phaseName = try #require(Self.phaseNames[phase])
            #expect(error.message == "\(actionName) is allowed only during \(intent.named); the cycle is in \(phaseName)")
        }
    }

    @Test("nominations are handled only while nominations are open")
    func nominationActions() {
        for action in [CycleAction.editNomination, .submitNomination, .withdrawNomination] {
            let allowed = Phase.allCases.filter { phase in DomainKit.error { () throws(AwardsError) in try action.check(in: phase) } == nil }
            #expect(allowed == [.nominationsOpen])
        }
    }

    @Test("reviews only in the two scoring phases, ballots only in the jury vote")
    func scoringAndBallots() {
        let reviewPhases = Phase.allCases.filter { phase in DomainKit.error { () throws(AwardsError) in try CycleAction.submitReview.check(in: phase) } == nil }
        #expect(reviewPhases == [.smart21Scoring, .top7Scoring])
        let ballotPhases = Phase.allCases.filter { phase in DomainKit.error { () throws(AwardsError) in try CycleAction.castBallot.check(in: phase) } == nil }
        #expect(ballotPhases == [.juryVote])
    }

    @Test("nothing is allowed during set-up or site visits, and every action has some phase")
    func quietPhases() {
        for action in CycleAction.allCases {
            #expect(!action.allowedPhases.contains(.setup))
            #expect(!action.allowedPhases.contains(.siteVisits))
            #expect(!action.allowedPhases.isEmpty)
        }
    }

    @Test("phases run in the programme's order")
    func phaseOrder() {
        #expect(Phase.allCases == [.setup, .nominationsOpen, .smart21Scoring, .smart21Announced, .top7Questionnaire,
                                   .top7Scoring, .siteVisits, .juryVote, .resultsAnnounced])
        #expect(Phase.allCases.map(\.order) == Array(0..<9))
        #expect(Phase.nominationsOpen < .smart21Scoring)
        #expect(!(Phase.juryVote < .siteVisits))
        #expect([Phase.resultsAnnounced, .setup, .top7Scoring].sorted() == [.setup, .top7Scoring, .resultsAnnounced])
        #expect(Phase.nominationsOpen.rawValue == "nominations_open")
        #expect(Phase(rawValue: "jury_vote") == .juryVote)
    }

    @Test("phase names for people", arguments: Phase.allCases)
    func phaseTitle(_ phase: Phase) {
        #expect(phase.title == Self.phaseNames[phase])
    }
}
