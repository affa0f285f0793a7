/// Who still owes a submission phase's work: the people reminders are for, whom the organisers'
/// escalation lists, and whom a bulk reminder reaches.
///
/// People are named as their submissions name them (a community's id, an analyst's id, a
/// juror's id), as extensions are, so that the due time that holds for each can be found.
public struct OutstandingWork: Sendable, Equatable {
    /// What the phase asks of whom.
    public enum Owed: Sendable, Equatable {
        /// Every community owes a nomination except those that have submitted or withdrawn one.
        case nominations(settled: Set<String>)
        /// These analysts have assigned reviews neither submitted nor recused from.
        case reviews(analysts: Set<String>)
        /// These jurors of the jury have no ballot.
        case ballots(jurors: Set<String>)
        /// Nothing is submitted in the phase.
        case nothing
    }

    public var phase: Phase
    public var owed: Owed

    /// What `phase` of `cycle` still awaits, from the store's nominations, assignments, reviews
    /// and ballots.
    public static func load(_ cycle: Cycle, phase: Phase, store: any AwardsStore) async throws(AwardsError) -> OutstandingWork {
        switch phase {
        case .nominationsOpen:
            let settled = try await store.nominations(cycle: cycle.year).filter { $0.state != .draft }.map(\.communityID)
            return OutstandingWork(phase: phase, owed: .nominations(settled: Set(settled)))
        case .smart21Scoring, .top7Scoring:
            let round = phase == .smart21Scoring ? 1 : 2
            let done = Set(try await store.reviews(cycle: cycle.year, round: round).filter { $0.state != .draft }.map { "\($0.analyst)|\($0.nomination)" })
            let missing = try await store.assignments(cycle: cycle.year, round: round).filter { !done.contains("\($0.analyst)|\($0.nomination)") }
            return OutstandingWork(phase: phase, owed: .reviews(analysts: Set(missing.map(\.analyst))))
        case .juryVote:
            let voted = Set(cycle.juryBallots(try await store.ballots(cycle: cycle.year)).map(\.juror))
            return OutstandingWork(phase: phase, owed: .ballots(jurors: Set(cycle.jury.map(\.id)).subtracting(voted)))
        default:
            return OutstandingWork(phase: phase, owed: .nothing)
        }
    }

    /// Whether `person` still owes the phase's work.
    public func owes(_ person: String) -> Bool {
        switch owed {
        case let .nominations(settled): !person.isEmpty && !settled.contains(person)
        case let .reviews(analysts): analysts.contains(person)
        case let .ballots(jurors): jurors.contains(person)
        case .nothing: false
        }
    }

    /// The role of the accounts that do the phase's work: communities nominate, analysts
    /// review, jurors vote; `nil` when nothing is submitted.
    public var role: Role? {
        switch owed {
        case .nominations: .community
        case .reviews: .analyst
        case .ballots: .juror
        case .nothing: nil
        }
    }
}
