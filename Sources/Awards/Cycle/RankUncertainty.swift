/// How far the ranks of an announced shortlist could have moved: for each selected nomination,
/// its rank among all the nominees and the spread of that rank over the robustness samples
/// recorded when the list was named (see `ShortlistRobustness`).
///
/// Public only with the scores, as `Disclosure` rules: ranks would tell the scores' order. Only
/// the selected nominations are kept; the rest of the field stays private, but its size does not.
public struct RankUncertainty: Sendable, Equatable, Encodable {
    /// One selected nomination's rank and its spread.
    public struct Rank: Sendable, Equatable, Encodable {
        public var nomination: String
        /// The rank by the scores as they stood when the list was named (1 = best).
        public var rank: Int
        /// The median, 5th and 95th percentile ranks over the samples.
        public var medianRank: Double
        public var rank5: Double
        public var rank95: Double
        /// The share of samples in which the nomination made the list.
        public var probability: Double
    }

    /// How many nominations were ranked: the axis the ranks lie on.
    public var nominees: Int
    /// How many samples were drawn.
    public var samples: Int
    /// The uncertain inputs drawn, as people call them.
    public var inputs: [String]
    /// The selected nominations' ranks, in the order of `selected`.
    public var ranks: [Rank]

    /// The figures of `selected` in `robustness`; nil when no figures were recorded.
    public init?(_ robustness: ShortlistRobustness?, selected: [String]) {
        guard let robustness, robustness.samples > 0 else { return nil }
        let byNomination = Dictionary(robustness.nominees.map { ($0.nomination, $0) }, uniquingKeysWith: { a, _ in a })
        nominees = robustness.nominees.count
        samples = robustness.samples
        inputs = robustness.inputs
        ranks = selected.compactMap { id in
            byNomination[id].map { Rank(nomination: id, rank: $0.rank, medianRank: $0.medianRank, rank5: $0.rank5, rank95: $0.rank95, probability: $0.probability) }
        }
    }
}
