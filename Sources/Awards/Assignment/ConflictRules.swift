extension AnalystAssignment {
    /// Which shared attributes keep an analyst off a nomination, on top of the analyst's declared conflicts.
    ///
    /// Attributes are compared ignoring case and surrounding spaces; an empty or absent attribute
    /// never matches.
    public struct ConflictRules: Sendable, Equatable, Hashable {
        /// Analysts do not review nominations from their own country.
        public var sameCountry: Bool
        /// Analysts do not review nominations from their own region.
        public var sameRegion: Bool
        /// Analysts do not review nominations whose recorded affiliation is their own.
        public var sameAffiliation: Bool

        /// The rules; by default same country and same affiliation exclude, same region does not.
        public init(sameCountry: Bool = true, sameRegion: Bool = false, sameAffiliation: Bool = true) {
            self.sameCountry = sameCountry
            self.sameRegion = sameRegion
            self.sameAffiliation = sameAffiliation
        }
    }
}
