extension AnalystAssignment {
    /// An analyst who can be assigned nominations: where they are from, whom they work for, how many they can take.
    public struct Analyst: Sendable, Equatable, Hashable {
        /// The analyst's identifier.
        public var id: String
        /// The analyst's country.
        public var country: String
        /// The analyst's region, if known.
        public var region: String?
        /// The organisation the analyst works for, if any.
        public var affiliation: String?
        /// The most nominations the analyst can take.
        public var loadCap: Int
        /// Nomination or community identifiers the analyst has declared a conflict of interest with.
        public var declaredConflicts: Set<String>

        /// An analyst.
        public init(
            id: String, country: String, region: String? = nil, affiliation: String? = nil,
            loadCap: Int, declaredConflicts: Set<String> = []
        ) {
            self.id = id
            self.country = country
            self.region = region
            self.affiliation = affiliation
            self.loadCap = loadCap
            self.declaredConflicts = declaredConflicts
        }
    }
}
