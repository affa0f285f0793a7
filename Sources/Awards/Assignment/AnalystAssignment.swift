/// The assignment of analysts to nominations: k distinct analysts each, within load caps, never
/// across a conflict of interest, at least total cost.
///
/// Solved as a minimum-cost flow: source → nomination (capacity k) → analyst (capacity 1, cost
/// lowered by preferences, no edge where a conflict or a forbidden override excludes the pair) →
/// sink (capacity the analyst's load cap). Forced pairs are fixed first and use up one of the
/// nomination's k places and one of the analyst's load.
public struct AnalystAssignment: Sendable, Equatable {
    /// The nominations to cover, in the order results list them.
    public var nominations: [Nomination]
    /// The analysts available, in the order ties are broken.
    public var analysts: [Analyst]
    /// How many distinct analysts each nomination needs (k).
    public var analystsPerNomination: Int
    /// Which shared attributes exclude an analyst from a nomination.
    public var conflictRules: ConflictRules
    /// Cost reductions for preferred pairs.
    public var preferences: [Preference]
    /// The organisers' forced and forbidden pairs.
    public var overrides: Overrides
    /// The extra cost of each further nomination an analyst takes: the j-th (from 0) costs j × this.
    ///
    /// Zero by default; a positive value spreads load evenly among otherwise equal choices.
    public var loadBalancingCost: Double

    /// An assignment problem.
    public init(
        nominations: [Nomination], analysts: [Analyst], analystsPerNomination: Int = 3,
        conflictRules: ConflictRules = ConflictRules(), preferences: [Preference] = [],
        overrides: Overrides = Overrides(), loadBalancingCost: Double = 0
    ) {
        self.nominations = nominations
        self.analysts = analysts
        self.analystsPerNomination = analystsPerNomination
        self.conflictRules = conflictRules
        self.preferences = preferences
        self.overrides = overrides
        self.loadBalancingCost = loadBalancingCost
    }

    /// Every nomination–analyst pair the rules and the forbidden overrides keep apart, in nomination then analyst order.
    public func exclusions() -> [Exclusion] {
        exclusionRecords(exclusionTable())
    }

    /// The least-cost plan, or a report of the constraints that make one impossible; throws on malformed input.
    public func outcome() throws(AwardsError) -> AssignmentOutcome {
        try validate()
        var network = try AssignmentNetwork(self)
        let solution = try network.flow.solve(source: network.source, sink: network.sink)
        if let report = network.infeasibility(of: self, maximumFlow: solution.flow) {
            return .infeasible(report)
        }
        return .assigned(network.plan(for: self))
    }

    /// The least-cost plan; throws `.infeasible` with the report's text when no plan satisfies every constraint.
    public func solve() throws(AwardsError) -> AssignmentPlan {
        switch try outcome() {
        case .assigned(let plan): return plan
        case .infeasible(let report): throw AwardsError(.infeasible, report.description)
        }
    }
}
