/// A step an organiser takes on a cycle that cannot be undone: moving the phase on, assigning
/// the analysts of a round, naming a shortlist or the jury, publishing the results. Each is
/// previewed (`Programme.preview`) before it is taken, so that nobody takes one by mistake.
public enum OrganiserAction: Sendable, Equatable {
    /// Moving the cycle to a later phase.
    case setPhase(Phase)
    /// Assigning the analysts of round 1 or 2, replacing the round's assignments.
    case assign(round: Int)
    /// Naming the Smart21 (`"smart21"`) or the Top7 (`"top7"`).
    case shortlist(String)
    /// Naming the jury whose ballots count.
    case nameJury([JuryMember])
    /// Counting the ballots and publishing the results.
    case publish

    /// The action in words, for the confirmation's heading.
    public func title(year: Int) -> String {
        switch self {
        case let .setPhase(phase): "Move the \(year) cycle to \(phase.title)"
        case let .assign(round): "Assign the analysts of round \(round)"
        case let .shortlist(list): "Name the \(list == "top7" ? "Top7" : "Smart21")"
        case .nameJury: "Name the \(year) jury"
        case .publish: "Count the ballots and publish the \(year) results"
        }
    }
}
