/// One sentence of an action's preview — its effect, a blocker or a warning — as what it says
/// and the values it names, so that the platform can put it in each reader's language; its
/// `description` is the English one, which the API and the programme's errors use.
public struct PreviewSentence: Sendable, Equatable, CustomStringConvertible {
    /// A value the sentence names: words that need translating (a phase, an action) are kept as
    /// what they are, not as English text.
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Int)
        case phase(Phase)
        case phases([Phase])
        case action(CycleAction)
        /// A voting method by its rule name (`schulze`, `rankedPairs`, …).
        case votingMethod(String)
    }

    /// What the sentence says, named as the platform's words name it (`previews.<what>`).
    public var what: What
    /// The values the sentence names, by placeholder.
    public var values: [String: Value]

    /// Every sentence a preview can say.
    public enum What: String, Sendable, Equatable, CaseIterable {
        // Effects.
        case movesPhase, assignsAfresh, namesShortlist, acceptsJury, countsAndPublishes
        // Blockers.
        case alreadyInPhase, notAllowedInPhase, smart21NotNamed, top7NotNamed, juryFixedByPublication, alreadyPublished, publishOnlyDuringVote, noBallots
        // Warnings.
        case skipsPhases, noAnalystsToScore, noAnalystsAssigned, assignmentsReplaced, reviewsAlreadySubmitted, shortlistReplaced, reviewsMissing
        case votedJurorDropped, noJury, ballotsSoFar, draftsLeft, shortlistNotNamed, notPublishedYet
    }

    public init(_ what: What, _ values: [String: Value] = [:]) {
        self.what = what
        self.values = values
    }

    /// Whether the number the sentence counts by is one, for the languages that word a single
    /// thing otherwise ("1 review is", "2 reviews are").
    public var isSingular: Bool {
        let counted: String? = switch what {
        case .acceptsJury: "jurors"
        case .assignmentsReplaced, .reviewsAlreadySubmitted: "count"
        case .reviewsMissing: "missing"
        case .draftsLeft: "drafts"
        default: nil
        }
        guard let counted, case let .number(n)? = values[counted] else { return false }
        return n == 1
    }

    public var description: String {
        func text(_ name: String) -> String {
            switch values[name] {
            case let .text(text): text
            case let .number(n): String(n)
            case let .phase(phase): phase.title
            case let .phases(phases): phases.map(\.title).joined(separator: ", ")
            case let .action(action): action.title
            case let .votingMethod(method): ["schulze": "Schulze", "rankedPairs": "ranked pairs (Tideman)", "instantRunoff": "instant-runoff", "borda": "Borda"][method] ?? method
            case nil: ""
            }
        }
        func number(_ name: String) -> Int { if case let .number(n) = values[name] { n } else { 0 } }
        func counted(_ name: String, _ noun: String) -> String { "\(number(name)) \(noun)\(number(name) == 1 ? "" : "s")" }
        let isAre = { (name: String) in number(name) == 1 ? "is" : "are" }
        switch what {
        case .movesPhase: return "The cycle moves from \(text("from")) to \(text("to")). Phases only move forward: this cannot be undone."
        case .assignsAfresh: return "The analysts of round \(text("round")) are assigned afresh by minimum-cost flow, replacing the round's assignments."
        case .namesShortlist: return "The \(text("list")) are named from the calibrated round-\(text("round")) scores and recorded with their rule; they are announced with the phase."
        case .acceptsJury: return "Only the ballots of these \(counted("jurors", "juror")) will be accepted and counted, each in the group given."
        case .countsAndPublishes:
            return "The ballots are counted by the \(text("method")) method, the winner and the final ranking are published for everyone, and the cycle moves to results announced. Published results cannot be withdrawn."
        case .alreadyInPhase: return "the cycle is already in \(text("phase"))"
        case .notAllowedInPhase: return "\(text("action")) is not allowed in \(text("phase"))"
        case .smart21NotNamed: return "the Smart21 have not been named yet"
        case .top7NotNamed: return "the Top7 have not been named yet"
        case .juryFixedByPublication: return "the \(text("year")) results are published; the jury can no longer change"
        case .alreadyPublished: return "the results were already published (\(text("at")))"
        case .publishOnlyDuringVote: return "publishing is allowed only during the jury vote; the cycle is in \(text("phase"))"
        case .noBallots: return "0 of \(text("jury")) jurors have voted"
        case .skipsPhases: return "this skips \(text("phases"))"
        case .noAnalystsToScore: return "no analysts are assigned to round \(text("round")) yet, so none can score"
        case .noAnalystsAssigned: return "no analysts are assigned to round \(text("round"))"
        case .assignmentsReplaced: return "the \(counted("count", "assignment")) of round \(text("round")) will be replaced"
        case .reviewsAlreadySubmitted: return "\(counted("count", "review")) of round \(text("round")) \(isAre("count")) already submitted"
        case .shortlistReplaced: return "the \(text("list")) named already will be replaced"
        case .reviewsMissing: return "\(text("missing")) of \(text("assigned")) assigned reviews of round \(text("round")) \(isAre("missing")) not submitted and will not count"
        case .votedJurorDropped: return "\(text("name")) (\(text("id"))) has voted; their ballot will no longer count"
        case .noJury: return "with no jury, no ballot is accepted"
        case .ballotsSoFar: return "\(text("voted")) of \(text("jury")) jurors have voted"
        case .draftsLeft:
            let one = number("drafts") == 1
            return "\(text("drafts")) of \(counted("nominations", "nomination")) \(one ? "is" : "are") still \(one ? "a draft" : "drafts") and will not be scored"
        case .shortlistNotNamed: return "the \(text("list")) have not been named"
        case .notPublishedYet: return "the results have not been published yet"
        }
    }
}
