/// One community's Intelligent Community Index scores in one award year.
public struct CommunityScore: Sendable, Codable, Equatable {
    /// The award year.
    public var year: Int
    /// The community's identifier (`Community.id`).
    public var community: String
    /// The community's name as nominated.
    public var name: String
    public var country: String
    public var region: String
    /// The nomination the scores come from.
    public var nomination: String
    /// Factor scores on 0–100, by factor code (a factor nobody scored is absent).
    public var factors: [String: Double]
    /// The factors' mean weighted by the factors' weights.
    public var overall: Double
    /// The rank among the year's nominees (1 = best).
    public var rank: Int
    /// The 5th and 95th percentile ranks when other analysts might have reviewed the nominees.
    public var rankInterval: [Double]
    /// How many nominees were ranked that year.
    public var nominees: Int
    /// The highest stage reached that year, if any.
    public var stage: AwardStage?
}
