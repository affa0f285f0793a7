/// A cycle's published results: the shortlists, the final ranking and the count's working.
public struct Publication: Sendable, Codable, Equatable {
    /// The figures the final ranking was computed from, kept as the programme used them so that
    /// every page and download explains the ranking with the very numbers that made it.
    public struct Figures: Sendable, Codable, Equatable {
        /// The jury weight w: the final score is w × jury score + (1 − w) × normalised Top7 score.
        public var juryWeight: Double
        /// The total weight of the ballots counted (jurors, or juror groups when groups weigh
        /// equally): the denominator of a pairwise share.
        public var ballotWeight: Double
        /// Each finalist's standing, in final order.
        public var standings: [FinalStanding]

        /// Creates the figures.
        public init(juryWeight: Double, ballotWeight: Double, standings: [FinalStanding]) {
            self.juryWeight = juryWeight
            self.ballotWeight = ballotWeight
            self.standings = standings
        }
    }

    /// The Smart21 nominations, in rank order.
    public var smart21: [String]
    /// The Top7 nominations, in rank order.
    public var top7: [String]
    /// The final ranking of the Top7.
    public var ranking: [String]
    /// The Community of the Year's nomination.
    public var winner: String
    /// The rules applied, in words: shortlists, counting method, weights.
    public var rules: [String]
    /// The jury's pairwise preferences, `pairwise[a][b]` = jurors preferring a to b.
    public var pairwise: [String: [String: Double]]
    /// Schulze's strongest-path strengths, when Schulze was used.
    public var strongestPaths: [String: [String: Double]]?
    /// When the results were published (ISO 8601).
    public var publishedAt: String
    /// The figures of the final ranking; nil for results published before they were kept.
    public var figures: Figures?

    /// Creates a publication.
    public init(
        smart21: [String], top7: [String], ranking: [String], winner: String, rules: [String],
        pairwise: [String: [String: Double]], strongestPaths: [String: [String: Double]]?, publishedAt: String, figures: Figures? = nil
    ) {
        self.smart21 = smart21
        self.top7 = top7
        self.ranking = ranking
        self.winner = winner
        self.rules = rules
        self.pairwise = pairwise
        self.strongestPaths = strongestPaths
        self.publishedAt = publishedAt
        self.figures = figures
    }
}
