/// Which analysts review which nominations, at what cost, and the exclusions and overrides it honoured.
public struct AssignmentPlan: Sendable, Equatable {
    /// One analyst assigned to one nomination.
    public struct Pair: Sendable, Equatable, Hashable {
        /// The nomination's identifier.
        public var nomination: String
        /// The analyst's identifier.
        public var analyst: String
        /// The pair's cost: minus its summed preference reductions.
        public var cost: Double
        /// Whether an override forced the pair.
        public var forced: Bool

        /// A pair.
        public init(nomination: String, analyst: String, cost: Double, forced: Bool) {
            self.nomination = nomination
            self.analyst = analyst
            self.cost = cost
            self.forced = forced
        }
    }

    /// How many analysts each nomination has (k).
    public var analystsPerNomination: Int
    /// The assigned pairs, in nomination order and, within a nomination, in analyst order.
    public var pairs: [Pair]
    /// The sum of the pairs' costs plus the load-balancing cost, the least any plan achieves.
    public var totalCost: Double
    /// How many nominations each analyst has, zero included.
    public var loads: [String: Int]
    /// Every pair kept apart by a conflict or a forbidden override.
    public var exclusions: [AnalystAssignment.Exclusion]
    /// The overrides the plan honours.
    public var overrides: AnalystAssignment.Overrides

    /// A plan.
    public init(
        analystsPerNomination: Int, pairs: [Pair], totalCost: Double, loads: [String: Int],
        exclusions: [AnalystAssignment.Exclusion], overrides: AnalystAssignment.Overrides
    ) {
        self.analystsPerNomination = analystsPerNomination
        self.pairs = pairs
        self.totalCost = totalCost
        self.loads = loads
        self.exclusions = exclusions
        self.overrides = overrides
    }

    /// The analysts assigned to a nomination, in analyst order.
    public func analysts(for nomination: String) -> [String] {
        pairs.filter { $0.nomination == nomination }.map(\.analyst)
    }

    /// The nominations assigned to an analyst, in nomination order.
    public func nominations(for analyst: String) -> [String] {
        pairs.filter { $0.analyst == analyst }.map(\.nomination)
    }
}
