/// Every community the public can look up, each with what is known of it: its record of
/// recognitions and its Intelligent Community Index scores by year.
///
/// The communities are those of the network's directory, those of the public record and those
/// scored in a cycle whose scores are public, joined by `Community.id`. Everything here is
/// public: it is built from `PublicRecord` and `CommunityIndex`, which show nothing before its
/// announcement.
public struct CommunityDirectory: Sendable {
    /// One community and what is known of it.
    public struct Profile: Sendable {
        public var community: Community
        /// Its public record of recognitions, if it has one.
        public var history: CommunityHistory?
        /// Its index scores, one per year it was a scored nominee, oldest first.
        public var scores: [CommunityScore]

        /// Whether the community is invented for demonstration (its name says so).
        public var synthetic: Bool { community.name.hasSuffix("(synthetic)") }
        /// The latest year's scores, if any.
        public var latest: CommunityScore? { scores.last }
    }

    /// The profiles, in name order.
    public let profiles: [Profile]
    /// The index the scores come from.
    public let index: CommunityIndex
    private let positions: [String: Int]

    public init(communities: [Community], recognitions: [Recognition], index: CommunityIndex) {
        var byID: [String: Profile] = [:]
        for community in communities { byID[community.id] = Profile(community: community, history: nil, scores: []) }
        for history in CommunityHistory.all(recognitions) {
            let id = Community.id(name: history.community, country: history.country)
            byID[id, default: Profile(community: Community(name: history.community, country: history.country), history: nil, scores: [])].history = history
        }
        for edition in index.editions {
            for score in edition.scores {
                byID[score.community, default: Profile(community: Community(name: score.name, country: score.country, region: score.region), history: nil, scores: [])].scores.append(score)
            }
        }
        profiles = byID.values.sorted { (CommunityName.fold($0.community.name), $0.community.id) < (CommunityName.fold($1.community.name), $1.community.id) }
        positions = Dictionary(uniqueKeysWithValues: profiles.enumerated().map { ($1.community.id, $0) })
        self.index = index
    }

    /// The directory of `store` as the public may see it.
    public static func load(_ store: any AwardsStore, cache: CommunityIndexCache? = nil) async throws(AwardsError) -> CommunityDirectory {
        CommunityDirectory(
            communities: try await store.communities(), recognitions: try await PublicRecord.load(store),
            index: try await CommunityIndex.load(store, cache: cache))
    }

    /// The profile of community `id`, if there is one.
    public func profile(_ id: String) -> Profile? { positions[id].map { profiles[$0] } }

    /// Up to `limit` communities to read beside `id`: of the same region; among them, first those
    /// scored in its latest year, closest in overall score; then those of the same kind or
    /// population band (a tenfold range: under 100,000, to a million, to ten million, above),
    /// most often on the Smart21 first.
    public func peers(of id: String, limit: Int = 4) -> [Profile] {
        guard let profile = profile(id) else { return [] }
        let region = profiles.filter { $0.community.id != id && $0.community.region == profile.community.region }
        var chosen: [Profile] = []
        if let latest = profile.latest {
            chosen = region.filter { $0.latest?.year == latest.year }
                .sorted { abs(($0.latest?.overall ?? 0) - latest.overall) < abs(($1.latest?.overall ?? 0) - latest.overall) }
        }
        let alike = region.filter { other in
            !chosen.contains { $0.community.id == other.community.id }
                && ((profile.community.kind != .other && other.community.kind == profile.community.kind)
                    || (Self.band(profile.community.population) != nil && Self.band(profile.community.population) == Self.band(other.community.population)))
        }.sorted { ($0.history?.smart21Years.count ?? 0, $1.community.name) > ($1.history?.smart21Years.count ?? 0, $0.community.name) }
        return Array((chosen + alike).prefix(max(0, limit)))
    }

    /// The population band of `population`: 0 under 100,000, then one per tenfold.
    static func band(_ population: Int?) -> Int? {
        guard let population, population > 0 else { return nil }
        return population < 100_000 ? 0 : population < 1_000_000 ? 1 : population < 10_000_000 ? 2 : 3
    }

    /// Communities whose name or country contains `query` (case, accents and spacing ignored),
    /// names that start with it first; at most `limit`.
    public func search(_ query: String, limit: Int = 20) -> [Profile] {
        let wanted = CommunityName.fold(query)
        guard !wanted.isEmpty else { return [] }
        let scored = profiles.compactMap { p -> (Int, Profile)? in
            let name = CommunityName.fold(p.community.name)
            if name.hasPrefix(wanted) { return (0, p) }
            if name.contains(wanted) { return (1, p) }
            if CommunityName.fold(p.community.country).contains(wanted) { return (2, p) }
            return nil
        }
        return Array(scored.sorted { $0.0 < $1.0 }.prefix(max(0, limit)).map(\.1))
    }
}
