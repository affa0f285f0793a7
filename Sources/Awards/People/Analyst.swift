/// An independent analyst who scores nominations.
public struct Analyst: Sendable, Codable, Equatable, Hashable {
    public var id: String
    public var name: String
    public var country: String
    public var affiliation: String?
    /// The most nominations the analyst takes in a round.
    public var load: Int
    /// Nomination ids or community names the analyst declared a conflict with.
    public var conflicts: [String]

    /// Creates an analyst.
    public init(id: String, name: String, country: String, affiliation: String? = nil, load: Int = 40, conflicts: [String] = []) {
        self.id = id
        self.name = name
        self.country = country
        self.affiliation = affiliation
        self.load = load
        self.conflicts = conflicts
    }
}

/// One analyst assigned to one nomination in one round.
public struct Assignment: Sendable, Codable, Equatable, Hashable {
    public var nomination: String
    public var analyst: String
    /// Whether an organiser set the pair by hand rather than the optimiser.
    public var manual: Bool

    /// Creates an assignment.
    public init(nomination: String, analyst: String, manual: Bool = false) {
        self.nomination = nomination
        self.analyst = analyst
        self.manual = manual
    }
}
