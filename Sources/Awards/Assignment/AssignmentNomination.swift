extension AnalystAssignment {
    /// A nomination as the assignment sees it: who it is and where, to test analysts' conflicts against.
    public struct Nomination: Sendable, Equatable, Hashable {
        /// The nomination's identifier.
        public var id: String
        /// The nominated community's identifier, which analysts may name in their declared conflicts.
        public var community: String
        /// The community's country.
        public var country: String
        /// The community's region.
        public var region: String
        /// The organisation behind the nomination, if the nomination records one.
        public var affiliation: String?

        /// A nomination; `community` defaults to the nomination's own identifier.
        public init(id: String, community: String? = nil, country: String, region: String = "", affiliation: String? = nil) {
            self.id = id
            self.community = community ?? id
            self.country = country
            self.region = region
            self.affiliation = affiliation
        }
    }
}
