extension AnalystAssignment {
    /// A reason to prefer an analyst for a nomination (expertise, a bid), as a reduction of the pair's cost.
    ///
    /// Several preferences for the same pair add up. A negative reduction makes a pair less
    /// attractive without forbidding it.
    public struct Preference: Sendable, Equatable, Hashable {
        /// The nomination's identifier.
        public var nomination: String
        /// The analyst's identifier.
        public var analyst: String
        /// How much cheaper assigning this analyst to this nomination is.
        public var reduction: Double

        /// A preference.
        public init(nomination: String, analyst: String, reduction: Double) {
            self.nomination = nomination
            self.analyst = analyst
            self.reduction = reduction
        }
    }
}
