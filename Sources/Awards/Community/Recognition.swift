/// A stage of the awards a community can reach in a year, from the longlist up.
public enum AwardStage: String, Sendable, Codable, Comparable, CaseIterable {
    /// Named to the Smart21 shortlist.
    case smart21
    /// Named to the Top7.
    case top7
    /// Named Community of the Year.
    case communityOfTheYear = "community_of_the_year"

    /// How far up the stages are: the Smart21 first.
    public var order: Int {
        switch self {
        case .smart21: 1
        case .top7: 2
        case .communityOfTheYear: 3
        }
    }

    /// The stage's name for people.
    public var title: String {
        switch self {
        case .smart21: "Smart21"
        case .top7: "Top7"
        case .communityOfTheYear: "Community of the Year"
        }
    }

    public static func < (lhs: AwardStage, rhs: AwardStage) -> Bool { lhs.order < rhs.order }
}

/// One public recognition: a community reaching a stage in an award year.
public struct Recognition: Sendable, Hashable, Codable {
    /// The year the award carries.
    public var awardYear: Int
    /// The stage reached.
    public var stage: AwardStage
    /// The community's name as published.
    public var community: String
    /// The community's country.
    public var country: String
    /// When it was announced, as far as known (`YYYY-MM` or `YYYY-MM-DD`).
    public var announced: String?
    /// Where it was reported.
    public var source: String?

    /// Creates a recognition.
    public init(awardYear: Int, stage: AwardStage, community: String, country: String, announced: String? = nil, source: String? = nil) {
        self.awardYear = awardYear
        self.stage = stage
        self.community = community
        self.country = country
        self.announced = announced
        self.source = source
    }
}
