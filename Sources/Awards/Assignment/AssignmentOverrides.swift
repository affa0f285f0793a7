extension AnalystAssignment {
    /// A nomination and an analyst named together.
    public struct Pairing: Sendable, Equatable, Hashable {
        /// The nomination's identifier.
        public var nomination: String
        /// The analyst's identifier.
        public var analyst: String

        /// A pairing.
        public init(nomination: String, analyst: String) {
            self.nomination = nomination
            self.analyst = analyst
        }
    }

    /// The organisers' manual decisions: pairs that must be assigned and pairs that must not.
    ///
    /// A forced pair still obeys the conflict rules and counts towards the analyst's load cap and
    /// the nomination's k analysts.
    public struct Overrides: Sendable, Equatable, Hashable {
        /// Pairs that must appear in the assignment.
        public var forced: [Pairing]
        /// Pairs that must not appear in the assignment.
        public var forbidden: [Pairing]

        /// Overrides; none by default.
        public init(forced: [Pairing] = [], forbidden: [Pairing] = []) {
            self.forced = forced
            self.forbidden = forbidden
        }
    }
}
