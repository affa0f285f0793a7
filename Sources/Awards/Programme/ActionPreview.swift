/// What an organiser's action will do, said before it is done: its effect, what makes it wrong
/// now (blockers, which refuse it) and what the organiser should know before going on
/// (warnings, such as nominations left in draft).
public struct ActionPreview: Sendable, Equatable {
    /// The action's heading ("Count the ballots and publish the 2027 results").
    public var title: String
    /// What will happen, in plain words.
    public var effect: PreviewSentence
    /// Why the action cannot be taken now; the action is refused while there is one.
    public var blockers: [PreviewSentence]
    /// What the organiser should weigh; the action may still be taken knowingly.
    public var warnings: [PreviewSentence]

    public init(title: String, effect: PreviewSentence, blockers: [PreviewSentence] = [], warnings: [PreviewSentence] = []) {
        self.title = title
        self.effect = effect
        self.blockers = blockers
        self.warnings = warnings
    }

    /// Whether the action may be taken.
    public var canProceed: Bool { blockers.isEmpty }

    /// Refuses the action while it has a blocker, naming every one.
    public func check() throws(AwardsError) {
        guard canProceed else {
            throw AwardsError(.invalidState, "\(title) is refused: \(blockers.map(\.description).joined(separator: "; "))", field: "confirm")
        }
    }
}

extension Programme {
    /// The preview of `action` on the cycle of `year`, from the stored state: counts of drafts,
    /// missing reviews and ballots in words ("1 of 5 nominations is still a draft …").
    public func preview(_ action: OrganiserAction, cycle year: Int) async throws(AwardsError) -> ActionPreview {
        let cycle = try await store.cycle(year)
        var preview = ActionPreview(title: action.title(year: year), effect: Self.effect(of: action, in: cycle))
        switch action {
        case let .setPhase(phase):
            if phase <= cycle.phase {
                preview.blockers.append(PreviewSentence(.alreadyInPhase, ["phase": .phase(cycle.phase)]))
                break
            }
            let skipped = Phase.allCases.filter { $0 > cycle.phase && $0 < phase }
            if !skipped.isEmpty { preview.warnings.append(PreviewSentence(.skipsPhases, ["phases": .phases(skipped)])) }
            for left in Phase.allCases where left >= cycle.phase && left < phase {
                preview.warnings += try await leavingWarnings(left, cycle: cycle)
            }
            if let round = [Phase.smart21Scoring: 1, .top7Scoring: 2][phase], try await store.assignments(cycle: year, round: round).isEmpty {
                preview.warnings.append(PreviewSentence(.noAnalystsToScore, ["round": .number(round)]))
            }
        case let .assign(round):
            if !CycleAction.assignAnalysts.allowedPhases.contains(cycle.phase) {
                preview.blockers.append(PreviewSentence(.notAllowedInPhase, ["action": .action(.assignAnalysts), "phase": .phase(cycle.phase)]))
            }
            if round == 2, try await store.shortlist("smart21", cycle: year) == nil {
                preview.blockers.append(PreviewSentence(.smart21NotNamed))
            }
            let existing = try await store.assignments(cycle: year, round: round).count
            if existing > 0 { preview.warnings.append(PreviewSentence(.assignmentsReplaced, ["count": .number(existing), "round": .number(round)])) }
            let submitted = try await store.reviews(cycle: year, round: round).filter { $0.state == .submitted }.count
            if submitted > 0 { preview.warnings.append(PreviewSentence(.reviewsAlreadySubmitted, ["count": .number(submitted), "round": .number(round)])) }
        case let .shortlist(list):
            let round = list == "top7" ? 2 : 1
            let name = list == "top7" ? "Top7" : "Smart21"
            let allowed = list == "top7" ? CycleAction.shortlistTop7 : CycleAction.shortlistSmart21
            if !allowed.allowedPhases.contains(cycle.phase) {
                preview.blockers.append(PreviewSentence(.notAllowedInPhase, ["action": .action(allowed), "phase": .phase(cycle.phase)]))
            }
            if list == "top7", try await store.shortlist("smart21", cycle: year) == nil { preview.blockers.append(PreviewSentence(.smart21NotNamed)) }
            if try await store.shortlist(list, cycle: year) != nil { preview.warnings.append(PreviewSentence(.shortlistReplaced, ["list": .text(name)])) }
            if let missing = try await missingReviews(round: round, cycle: year) { preview.warnings.append(missing) }
        case let .nameJury(jury):
            if try await store.publication(cycle: year) != nil { preview.blockers.append(PreviewSentence(.juryFixedByPublication, ["year": .text(String(year))])) }
            let voted = Set(try await store.ballots(cycle: year).map(\.juror))
            for member in cycle.jury where voted.contains(member.id) && !jury.contains(where: { $0.id == member.id }) {
                preview.warnings.append(PreviewSentence(.votedJurorDropped, ["name": .text(member.name), "id": .text(member.id)]))
            }
            if jury.isEmpty { preview.warnings.append(PreviewSentence(.noJury)) }
        case .publish:
            let voted = cycle.juryBallots(try await store.ballots(cycle: year)).count
            if let earlier = try await store.publication(cycle: year) {
                preview.blockers.append(PreviewSentence(.alreadyPublished, ["at": .text(earlier.publishedAt)]))
            } else if !CycleAction.publishResults.allowedPhases.contains(cycle.phase) {
                preview.blockers.append(PreviewSentence(.publishOnlyDuringVote, ["phase": .phase(cycle.phase)]))
            }
            if try await store.shortlist("top7", cycle: year) == nil { preview.blockers.append(PreviewSentence(.top7NotNamed)) }
            if voted == 0 {
                preview.blockers.append(PreviewSentence(.noBallots, ["jury": .number(cycle.jury.count)]))
            } else if voted < cycle.jury.count {
                preview.warnings.append(PreviewSentence(.ballotsSoFar, ["voted": .number(voted), "jury": .number(cycle.jury.count)]))
            }
        }
        return preview
    }

    /// What `action` does to `cycle`, in one sentence.
    private static func effect(of action: OrganiserAction, in cycle: Cycle) -> PreviewSentence {
        switch action {
        case let .setPhase(phase): PreviewSentence(.movesPhase, ["from": .phase(cycle.phase), "to": .phase(phase)])
        case let .assign(round): PreviewSentence(.assignsAfresh, ["round": .number(round)])
        case let .shortlist(list): PreviewSentence(.namesShortlist, ["list": .text(list == "top7" ? "Top7" : "Smart21"), "round": .number(list == "top7" ? 2 : 1)])
        case let .nameJury(jury): PreviewSentence(.acceptsJury, ["jurors": .number(jury.count)])
        case .publish: PreviewSentence(.countsAndPublishes, ["method": .votingMethod(cycle.rules.votingMethod)])
        }
    }

    /// What is left undone when the cycle leaves `phase`.
    private func leavingWarnings(_ phase: Phase, cycle: Cycle) async throws(AwardsError) -> [PreviewSentence] {
        let year = cycle.year
        switch phase {
        case .nominationsOpen:
            let nominations = try await store.nominations(cycle: year).filter { $0.state != .withdrawn }
            let drafts = nominations.filter { $0.state == .draft }.count
            guard drafts > 0 else { return [] }
            return [PreviewSentence(.draftsLeft, ["drafts": .number(drafts), "nominations": .number(nominations.count)])]
        case .smart21Scoring, .top7Scoring:
            let round = phase == .smart21Scoring ? 1 : 2
            var warnings: [PreviewSentence] = []
            if let missing = try await missingReviews(round: round, cycle: year) { warnings.append(missing) }
            if try await store.shortlist(round == 1 ? "smart21" : "top7", cycle: year) == nil {
                warnings.append(PreviewSentence(.shortlistNotNamed, ["list": .text(round == 1 ? "Smart21" : "Top7")]))
            }
            return warnings
        case .juryVote:
            let voted = cycle.juryBallots(try await store.ballots(cycle: year)).count
            var warnings = voted < cycle.jury.count ? [PreviewSentence(.ballotsSoFar, ["voted": .number(voted), "jury": .number(cycle.jury.count)])] : []
            if try await store.publication(cycle: year) == nil { warnings.append(PreviewSentence(.notPublishedYet)) }
            return warnings
        default:
            return []
        }
    }

    /// "3 of 15 assigned reviews of round 1 are not submitted and will not count", or nil when none is missing.
    private func missingReviews(round: Int, cycle year: Int) async throws(AwardsError) -> PreviewSentence? {
        let assigned = try await store.assignments(cycle: year, round: round).count
        let done = try await store.reviews(cycle: year, round: round).filter { $0.state != .draft }.count
        let missing = max(0, assigned - done)
        if assigned == 0 { return PreviewSentence(.noAnalystsAssigned, ["round": .number(round)]) }
        guard missing > 0 else { return nil }
        return PreviewSentence(.reviewsMissing, ["missing": .number(missing), "assigned": .number(assigned), "round": .number(round)])
    }
}
