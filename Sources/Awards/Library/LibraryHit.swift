/// A case study found by a search, with how well it matched and where.
public struct LibraryHit: Sendable, Codable, Equatable {
    /// The case study.
    public var caseStudy: CaseStudy
    /// The relevance: higher is better; a match in the title counts for more than one in the body.
    public var score: Double
    /// The passage where the words were found.
    public var snippet: Snippet

    /// Creates a hit.
    public init(caseStudy: CaseStudy, score: Double, snippet: Snippet) {
        self.caseStudy = caseStudy
        self.score = score
        self.snippet = snippet
    }
}
