/// The published outcome of a cycle: its shortlists, the jury's count and the final ranking.
public struct Publication: Sendable, Codable, Equatable {
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

    /// Creates a publication.
    public init(
        smart21: [String], top7: [String], ranking: [String], winner: String, rules: [String],
        pairwise: [String: [String: Double]], strongestPaths: [String: [String: Double]]?, publishedAt: String
    ) {
        self.smart21 = smart21
        self.top7 = top7
        self.ranking = ranking
        self.winner = winner
        self.rules = rules
        self.pairwise = pairwise
        self.strongestPaths = strongestPaths
        self.publishedAt = publishedAt
    }
}
