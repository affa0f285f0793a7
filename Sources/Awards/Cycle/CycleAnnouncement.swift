/// What has been announced of a cycle: the shortlists and results its `Disclosure` allows, read
/// from the store, and nothing more.
///
/// Every page and API outside the organisers' workspace reads a cycle's shortlists and results
/// through this type rather than from the store, so that none can show what is not yet public.
public struct CycleAnnouncement: Sendable {
    /// One announced nomination of a shortlist.
    public struct Entry: Sendable, Equatable, Encodable {
        public var nomination: String
        public var community: String
        public var country: String
        /// The shortlist score, once the results are published; nil before.
        public var score: Double?
    }

    /// The cycle's year.
    public let year: Int
    /// The cycle's phase.
    public let phase: Phase
    /// What of the cycle is public.
    public let disclosure: Disclosure
    /// The Smart21 once announced (empty before): in name order, in rank order with scores once
    /// the results are published.
    public let smart21: [Entry]
    /// The Top7 once announced (empty before), ordered as the Smart21.
    public let top7: [Entry]
    /// The published results, once public.
    public let publication: Publication?
    /// How far the Smart21's ranks could have moved, when figures were recorded with it; public
    /// with the scores, nil before.
    public let smart21Ranks: RankUncertainty?

    /// Reads what has been announced of `cycle`.
    public init(cycle: Cycle, store: any AwardsStore) async throws(AwardsError) {
        let publication = try await store.publication(cycle: cycle.year)
        let disclosure = Disclosure(phase: cycle.phase, resultsPublished: publication != nil)
        year = cycle.year
        phase = cycle.phase
        self.disclosure = disclosure
        let smart21List = disclosure.smart21 ? try await store.shortlist("smart21", cycle: cycle.year) : nil
        smart21 = Self.entries(smart21List, disclosure)
        smart21Ranks = disclosure.scores ? RankUncertainty(smart21List?.robustness, selected: smart21.map(\.nomination)) : nil
        top7 = disclosure.top7 ? Self.entries(try await store.shortlist("top7", cycle: cycle.year), disclosure) : []
        self.publication = disclosure.results ? publication : nil
    }

    /// The selected nominations of a shortlist as the disclosure allows them to be shown.
    private static func entries(_ list: Shortlist?, _ disclosure: Disclosure) -> [Entry] {
        guard let list else { return [] }
        let candidates = Dictionary(list.candidates.map { ($0.nomination, $0) }, uniquingKeysWith: { a, _ in a })
        let entries = list.selected.compactMap { id in
            candidates[id].map { Entry(nomination: id, community: $0.community, country: $0.country, score: disclosure.scores ? $0.score : nil) }
        }
        guard !disclosure.scores else { return entries }
        return entries.sorted { ($0.community, $0.nomination) < ($1.community, $1.nomination) }
    }

    /// The highest stage `nomination` is announced to have reached, nil when none is.
    public func stage(of nomination: String) -> AwardStage? {
        if publication?.winner == nomination { return .communityOfTheYear }
        if top7.contains(where: { $0.nomination == nomination }) { return .top7 }
        if smart21.contains(where: { $0.nomination == nomination }) { return .smart21 }
        return nil
    }

    /// The announced entry of `nomination`, from either shortlist.
    public func entry(_ nomination: String) -> Entry? {
        (top7 + smart21).first { $0.nomination == nomination }
    }
}
