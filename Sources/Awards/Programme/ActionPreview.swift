/// What an organiser's action will do, said before it is done: its effect, what makes it wrong
/// now (blockers, which refuse it) and what the organiser should know before going on
/// (warnings, such as nominations left in draft).
public struct ActionPreview: Sendable, Equatable {
    /// The action's heading ("Count the ballots and publish the 2027 results").
    public var title: String
    /// What will happen, in plain words.
    public var effect: String
    /// Why the action cannot be taken now; the action is refused while there is one.
    public var blockers: [String]
    /// What the organiser should weigh; the action may still be taken knowingly.
    public var warnings: [String]

    public init(title: String, effect: String, blockers: [String] = [], warnings: [String] = []) {
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
            throw AwardsError(.invalidState, "\(title) is refused: \(blockers.joined(separator: "; "))", field: "confirm")
        }
    }
}

extension Programme {
    /// The preview of `action` on the cycle of `year`, from the stored state: counts of drafts,
    /// missing reviews and ballots in words ("1 of 5 nominations is still a draft …").
    public func preview(_ action: OrganiserAction, cycle year: Int) async throws(AwardsError) -> ActionPreview {
        let cycle = try await store.cycle(year)
        var preview = ActionPreview(title: action.title(year: year), effect: "")
        switch action {
        case let .setPhase(phase):
            preview.effect = "The cycle moves from \(cycle.phase.title) to \(phase.title). Phases only move forward: this cannot be undone."
            if phase <= cycle.phase {
                preview.blockers.append("the cycle is already in \(cycle.phase.title)")
                break
            }
            let skipped = Phase.allCases.filter { $0 > cycle.phase && $0 < phase }
            if !skipped.isEmpty { preview.warnings.append("this skips \(skipped.map(\.title).joined(separator: ", "))") }
            for left in Phase.allCases where left >= cycle.phase && left < phase {
                preview.warnings += try await leavingWarnings(left, cycle: cycle)
            }
            if let round = [Phase.smart21Scoring: 1, .top7Scoring: 2][phase], try await store.assignments(cycle: year, round: round).isEmpty {
                preview.warnings.append("no analysts are assigned to round \(round) yet, so none can score")
            }
        case let .assign(round):
            preview.effect = "The analysts of round \(round) are assigned afresh by minimum-cost flow, replacing the round's assignments."
            if !CycleAction.assignAnalysts.allowedPhases.contains(cycle.phase) {
                preview.blockers.append("assigning analysts is not allowed in \(cycle.phase.title)")
            }
            if round == 2, try await store.shortlist("smart21", cycle: year) == nil {
                preview.blockers.append("the Smart21 have not been named yet")
            }
            let existing = try await store.assignments(cycle: year, round: round).count
            if existing > 0 { preview.warnings.append("the \(Self.count(existing, "assignment")) of round \(round) will be replaced") }
            let submitted = try await store.reviews(cycle: year, round: round).filter { $0.state == .submitted }.count
            if submitted > 0 { preview.warnings.append("\(Self.count(submitted, "review")) of round \(round) \(submitted == 1 ? "is" : "are") already submitted") }
        case let .shortlist(list):
            let round = list == "top7" ? 2 : 1
            let name = list == "top7" ? "Top7" : "Smart21"
            preview.effect = "The \(name) are named from the calibrated round-\(round) scores and recorded with their rule; they are announced with the phase."
            let allowed = list == "top7" ? CycleAction.shortlistTop7 : CycleAction.shortlistSmart21
            if !allowed.allowedPhases.contains(cycle.phase) { preview.blockers.append("\(allowed.title) is not allowed in \(cycle.phase.title)") }
            if list == "top7", try await store.shortlist("smart21", cycle: year) == nil { preview.blockers.append("the Smart21 have not been named yet") }
            if try await store.shortlist(list, cycle: year) != nil { preview.warnings.append("the \(name) named already will be replaced") }
            if let missing = try await missingReviews(round: round, cycle: year) { preview.warnings.append(missing) }
        case let .nameJury(jury):
            preview.effect = "Only the ballots of these \(Self.count(jury.count, "juror")) will be accepted and counted, each in the group given."
            if try await store.publication(cycle: year) != nil { preview.blockers.append("the \(year) results are published; the jury can no longer change") }
            let voted = Set(try await store.ballots(cycle: year).map(\.juror))
            for member in cycle.jury where voted.contains(member.id) && !jury.contains(where: { $0.id == member.id }) {
                preview.warnings.append("\(member.name) (\(member.id)) has voted; their ballot will no longer count")
            }
            if jury.isEmpty { preview.warnings.append("with no jury, no ballot is accepted") }
        case .publish:
            let voted = cycle.juryBallots(try await store.ballots(cycle: year)).count
            preview.effect = "The ballots are counted by the \(cycle.rules.votingMethod) method, the winner and the final ranking are published for everyone, and the cycle moves to results announced. Published results cannot be withdrawn."
            if let earlier = try await store.publication(cycle: year) {
                preview.blockers.append("the results were already published (\(earlier.publishedAt))")
            } else if !CycleAction.publishResults.allowedPhases.contains(cycle.phase) {
                preview.blockers.append("publishing is allowed only during the jury vote; the cycle is in \(cycle.phase.title)")
            }
            if try await store.shortlist("top7", cycle: year) == nil { preview.blockers.append("the Top7 have not been named yet") }
            if voted == 0 {
                preview.blockers.append("0 of \(cycle.jury.count) jurors have voted")
            } else if voted < cycle.jury.count {
                preview.warnings.append("\(voted) of \(cycle.jury.count) jurors have voted")
            }
        }
        return preview
    }

    /// What is left undone when the cycle leaves `phase`.
    private func leavingWarnings(_ phase: Phase, cycle: Cycle) async throws(AwardsError) -> [String] {
        let year = cycle.year
        switch phase {
        case .nominationsOpen:
            let nominations = try await store.nominations(cycle: year).filter { $0.state != .withdrawn }
            let drafts = nominations.filter { $0.state == .draft }.count
            guard drafts > 0 else { return [] }
            return ["\(drafts) of \(Self.count(nominations.count, "nomination")) \(drafts == 1 ? "is" : "are") still \(drafts == 1 ? "a draft" : "drafts") and will not be scored"]
        case .smart21Scoring, .top7Scoring:
            let round = phase == .smart21Scoring ? 1 : 2
            var warnings: [String] = []
            if let missing = try await missingReviews(round: round, cycle: year) { warnings.append(missing) }
            if try await store.shortlist(round == 1 ? "smart21" : "top7", cycle: year) == nil {
                warnings.append("the \(round == 1 ? "Smart21" : "Top7") have not been named")
            }
            return warnings
        case .juryVote:
            let voted = cycle.juryBallots(try await store.ballots(cycle: year)).count
            var warnings = voted < cycle.jury.count ? ["\(voted) of \(cycle.jury.count) jurors have voted"] : []
            if try await store.publication(cycle: year) == nil { warnings.append("the results have not been published yet") }
            return warnings
        default:
            return []
        }
    }

    /// "3 of 15 assigned reviews of round 1 are not submitted and will not count", or nil when none is missing.
    private func missingReviews(round: Int, cycle year: Int) async throws(AwardsError) -> String? {
        let assigned = try await store.assignments(cycle: year, round: round).count
        let done = try await store.reviews(cycle: year, round: round).filter { $0.state != .draft }.count
        let missing = max(0, assigned - done)
        if assigned == 0 { return "no analysts are assigned to round \(round)" }
        guard missing > 0 else { return nil }
        return "\(missing) of \(assigned) assigned reviews of round \(round) \(missing == 1 ? "is" : "are") not submitted and will not count"
    }

    /// "1 nomination", "5 nominations".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
