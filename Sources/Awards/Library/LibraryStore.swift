/// Where the best-practice library keeps its case studies.
///
/// Implementations check a case study with `CaseStudy.problems()` before saving it, append an
/// `AuditEntry` (`case-study:<id>`) in the same transaction, and report failures as `AwardsError`.
/// Every call is asynchronous: a store waits for its database without holding a thread.
public protocol LibraryStore: Sendable {
    /// Adds or replaces a case study.
    func saveCaseStudy(_ caseStudy: CaseStudy, by actor: String) async throws(AwardsError)
    /// The case study with `id`, draft or published, if there is one.
    func caseStudy(_ id: String) async throws(AwardsError) -> CaseStudy?
    /// The case studies that pass `filter`, newest year first, then by title.
    func caseStudies(_ filter: LibraryFilter) async throws(AwardsError) -> [CaseStudy]
    /// The case studies that match `query` and pass `filter`, best first, at most `limit`.
    func search(_ query: LibraryQuery, filter: LibraryFilter, limit: Int) async throws(AwardsError) -> [LibraryHit]
}

extension LibraryStore {
    /// Searches for what a reader typed; text without words is refused naming the field `q`.
    public func search(_ text: String, filter: LibraryFilter = .published, limit: Int = 20) async throws(AwardsError) -> [LibraryHit] {
        try await search(try LibraryQuery(text), filter: filter, limit: limit)
    }

    /// Every published case study.
    public func caseStudies() async throws(AwardsError) -> [CaseStudy] {
        try await caseStudies(.published)
    }
}
