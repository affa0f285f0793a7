/// Which case studies of the library to list or search.
public struct LibraryFilter: Sendable, Equatable {
    /// Whether drafts are included; the public sees published case studies only.
    public var includeDrafts: Bool
    /// Only case studies that serve this factor (a code of `Factor.standard`).
    public var factor: String?
    /// Only case studies from this country.
    public var country: String?
    /// Only case studies of this community (its id).
    public var community: String?

    /// Creates a filter.
    public init(includeDrafts: Bool = false, factor: String? = nil, country: String? = nil, community: String? = nil) {
        self.includeDrafts = includeDrafts
        self.factor = factor
        self.country = country
        self.community = community
    }

    /// Every published case study.
    public static let published = LibraryFilter()
    /// Every case study, drafts included.
    public static let all = LibraryFilter(includeDrafts: true)

    /// Whether `caseStudy` passes the filter.
    public func admits(_ caseStudy: CaseStudy) -> Bool {
        (includeDrafts || caseStudy.state == .published)
            && (factor.map { caseStudy.factors.contains($0) } ?? true)
            && (country.map { caseStudy.country == $0 } ?? true)
            && (community.map { caseStudy.community == $0 } ?? true)
    }
}
