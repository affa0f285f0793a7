/// The Intelligent Community Index: each awards cycle's factor scores over its nominees, one
/// edition per year, and so a panel in which a community nominated in several cycles has a score
/// per year.
///
/// A cycle's edition is public from the announcement of its results (`Disclosure.scores`) and not
/// before: until then no score of that cycle appears here.
public struct CommunityIndex: Sendable {
    /// The editions, oldest first.
    public var editions: [CommunityIndexEdition]

    public init(editions: [CommunityIndexEdition]) {
        self.editions = editions.sorted { $0.year < $1.year }
    }

    /// The index from every cycle in `store` whose scores are public.
    ///
    /// A published cycle's scores no longer change, so an edition kept in `cache` under its year
    /// and time of publication is used again rather than scored anew.
    public static func load(_ store: any AwardsStore, cache: CommunityIndexCache? = nil) async throws(AwardsError) -> CommunityIndex {
        let programme = Programme(store: store, actor: "system")
        var editions: [CommunityIndexEdition] = []
        for cycle in try await store.cycles() {
            let publication = try await store.publication(cycle: cycle.year)
            guard let publication, Disclosure(phase: cycle.phase, resultsPublished: true).scores else { continue }
            let key = "\(cycle.year)|\(publication.publishedAt)"
            if let kept = cache?.edition(key) {
                editions.append(kept)
                continue
            }
            let sheet = try await programme.score(round: 1, cycle: cycle.year)
            let edition = CommunityIndexEdition(
                cycle: cycle, sheet: sheet, smart21: try await store.shortlist("smart21", cycle: cycle.year), publication: publication)
            cache?.keep(edition, key)
            editions.append(edition)
        }
        return CommunityIndex(editions: editions)
    }

    /// The edition of `year`, if its scores are public.
    public func edition(_ year: Int) -> CommunityIndexEdition? { editions.first { $0.year == year } }

    /// The latest edition.
    public var latest: CommunityIndexEdition? { editions.last }

    /// Community `id`'s scores, one per year it was a scored nominee, oldest first.
    public func scores(of id: String) -> [CommunityScore] { editions.compactMap { $0.score(of: id) } }
}
