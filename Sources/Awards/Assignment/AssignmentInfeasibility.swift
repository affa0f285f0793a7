/// Why no assignment satisfies every constraint: the places needed, the places that can be filled, and the constraints that bind.
public struct AssignmentInfeasibility: Sendable, Equatable, CustomStringConvertible {
    /// A constraint that keeps some places from being filled.
    public enum Constraint: Sendable, Equatable {
        /// An analyst is forced onto more nominations than their load cap allows.
        case forcedBeyondLoadCap(analyst: String, forced: Int, loadCap: Int)
        /// A nomination has fewer eligible analysts with room left than it needs; `excluded` says who was removed and why, `withoutCapacity` who is eligible but full.
        case tooFewEligibleAnalysts(
            nomination: String, eligible: [String], needed: Int,
            excluded: [AnalystAssignment.Exclusion], withoutCapacity: [String])
        /// The analysts' load caps add up to fewer places than the nominations need.
        case capacityBelowDemand(capacity: Int, demand: Int)
        /// A set of nominations needs more places than the analysts eligible for any of them can fill (Hall's condition fails; found from a minimum cut).
        case hallDeficiency(nominations: [String], analysts: [String], places: Int, supply: Int)
    }

    /// Analysts per nomination (k).
    public var analystsPerNomination: Int
    /// The places needed: k × the number of nominations.
    public var demand: Int
    /// The most places any assignment fills within the load caps.
    public var fillable: Int
    /// The binding constraints: simple explanations first, then the minimum-cut set if it adds to them.
    public var constraints: [Constraint]

    /// A report.
    public init(analystsPerNomination: Int, demand: Int, fillable: Int, constraints: [Constraint]) {
        self.analystsPerNomination = analystsPerNomination
        self.demand = demand
        self.fillable = fillable
        self.constraints = constraints
    }

    /// The report in words, one constraint a line.
    public var description: String {
        let k = analystsPerNomination
        var lines = ["No assignment gives every nomination \(k) analyst\(k == 1 ? "" : "s"): at most \(fillable) of the \(demand) places can be filled."]
        for constraint in constraints { lines.append("- " + Self.describe(constraint)) }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ constraint: Constraint) -> String {
        switch constraint {
        case let .forcedBeyondLoadCap(analyst, forced, loadCap):
            return "analyst \(analyst) is forced onto \(forced) nominations but their load cap is \(loadCap)"
        case let .tooFewEligibleAnalysts(nomination, eligible, needed, excluded, withoutCapacity):
            let who = eligible.isEmpty ? "" : " (\(eligible.joined(separator: ", ")))"
            var text = "nomination \(nomination) has \(eligible.count) eligible analyst\(eligible.count == 1 ? "" : "s")\(who) but needs \(needed)"
            if !excluded.isEmpty {
                let list = excluded.map { "\($0.analyst) (\($0.reasons.map(\.description).joined(separator: ", ")))" }
                text += "; excluded: " + list.joined(separator: ", ")
            }
            if !withoutCapacity.isEmpty {
                text += "; no load left: " + withoutCapacity.joined(separator: ", ")
            }
            return text
        case let .capacityBelowDemand(capacity, demand):
            return "the analysts' load caps add up to \(capacity) places, fewer than the \(demand) needed"
        case let .hallDeficiency(nominations, analysts, places, supply):
            let why = analysts.isEmpty
                ? "no analyst with load left is eligible for any of them"
                : "their eligible analysts (\(analysts.joined(separator: ", "))) take one place per nomination each, within their load caps"
            return "nominations \(nominations.joined(separator: ", ")) need \(places) places together but at most \(supply) can be filled: \(why)"
        }
    }
}
