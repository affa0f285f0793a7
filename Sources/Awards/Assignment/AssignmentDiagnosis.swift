extension AssignmentNetwork {
    /// The report of why the solved network leaves places empty, or nil when it fills them all.
    func infeasibility(of problem: AnalystAssignment, maximumFlow: Int) -> AssignmentInfeasibility? {
        let k = problem.analystsPerNomination
        let analysts = problem.analysts, nominations = problem.nominations
        let n = nominations.count
        let demand = k * n
        let forcedWithinCaps = analysts.indices.reduce(0) { $0 + min(forcedLoad[$1], analysts[$1].loadCap) }
        let overloaded = analysts.indices.filter { forcedLoad[$0] > analysts[$0].loadCap }
        let fillable = maximumFlow + forcedWithinCaps
        guard fillable < demand || !overloaded.isEmpty else { return nil }

        var constraints = overloaded.map {
            AssignmentInfeasibility.Constraint.forcedBeyondLoadCap(
                analyst: analysts[$0].id, forced: forcedLoad[$0], loadCap: analysts[$0].loadCap)
        }
        var shortOnes = Set<Int>()
        for i in 0..<n {
            let withRoom = candidates[i].filter { remainingCap[$0] > 0 }
            guard forced[i].count + withRoom.count < k else { continue }
            shortOnes.insert(i)
            constraints.append(.tooFewEligibleAnalysts(
                nomination: nominations[i].id,
                eligible: (forced[i] + withRoom).sorted().map { analysts[$0].id },
                needed: k,
                excluded: excluded[i].map {
                    AnalystAssignment.Exclusion(nomination: nominations[i].id, analyst: analysts[$0.analyst].id, reasons: $0.reasons)
                },
                withoutCapacity: candidates[i].filter { remainingCap[$0] == 0 }.map { analysts[$0].id }))
        }
        let capacity = analysts.reduce(0) { $0 + $1.loadCap }
        if capacity < demand {
            constraints.append(.capacityBelowDemand(capacity: capacity, demand: demand))
        }
        if maximumFlow + forcedWithinCaps < demand, let cut = hallDeficiency(of: problem) {
            // Left out when it repeats a simpler explanation: a single short nomination, or every
            // nomination against every analyst's whole load cap.
            let repeatsShortage = cut.nominations.count == 1 && shortOnes.contains(cut.nominations[0])
            let repeatsCapacity = cut.nominations.count == n && cut.supply == capacity && capacity < demand
            if !repeatsShortage && !repeatsCapacity {
                constraints.append(.hallDeficiency(
                    nominations: cut.nominations.map { nominations[$0].id },
                    analysts: cut.analysts.map { analysts[$0].id },
                    places: cut.places, supply: cut.supply))
            }
        }
        return AssignmentInfeasibility(analystsPerNomination: k, demand: demand, fillable: fillable, constraints: constraints)
    }

    /// The nominations on the source side of a minimum cut of the solved network, with the places they need and the most their analysts can fill.
    ///
    /// For a set X of nominations, an analyst a can fill at most min(load left, number of
    /// nominations of X open to a) places, so X can get at most Σ forced + Σ_a that minimum; by the
    /// max-flow min-cut theorem the set on the source side of a minimum cut is short by exactly
    /// the places the maximum flow leaves empty.
    func hallDeficiency(of problem: AnalystAssignment) -> (nominations: [Int], analysts: [Int], places: Int, supply: Int)? {
        let n = problem.nominations.count
        let reached = flow.sourceSide(of: source)
        let set = (0..<n).filter { reached[1 + $0] }
        guard !set.isEmpty else { return nil }
        var open = Array(repeating: 0, count: problem.analysts.count)
        var supply = 0
        for i in set {
            supply += forced[i].count
            for j in candidates[i] { open[j] += 1 }
        }
        var contributors: [Int] = []
        for j in open.indices where open[j] > 0 && remainingCap[j] > 0 {
            supply += min(open[j], remainingCap[j])
            contributors.append(j)
        }
        let places = problem.analystsPerNomination * set.count
        guard supply < places else { return nil }
        return (set, contributors, places, supply)
    }
}
