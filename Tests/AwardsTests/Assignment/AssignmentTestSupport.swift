import IndexEngine
@testable import Awards

/// Seeded random assignment problems and an exhaustive solver to check the flow solution against.
enum AssignmentTestSupport {
    /// A small random problem: 4–6 nominations, 3–5 analysts, k = 2, random caps, conflicts, preferences and overrides.
    static func randomProblem(_ generator: inout SplitMix64) -> AnalystAssignment {
        let countries = ["CA", "TW", "US", "AU"]
        let affiliations = ["ICF", "Uni", "City"]
        let nominationCount = 4 + pick(3, &generator)
        let analystCount = 3 + pick(3, &generator)
        let nominations = (0..<nominationCount).map { i in
            AnalystAssignment.Nomination(
                id: "N\(i)", community: "C\(i)", country: countries[pick(4, &generator)],
                affiliation: generator.nextUnit() < 0.3 ? affiliations[pick(3, &generator)] : nil)
        }
        let analysts = (0..<analystCount).map { j in
            var declared = Set<String>()
            for i in 0..<nominationCount where generator.nextUnit() < 0.08 {
                declared.insert(generator.nextUnit() < 0.5 ? "N\(i)" : "C\(i)")
            }
            return AnalystAssignment.Analyst(
                id: "A\(j)", country: countries[pick(4, &generator)],
                affiliation: generator.nextUnit() < 0.5 ? affiliations[pick(3, &generator)] : nil,
                loadCap: 2 + pick(3, &generator), declaredConflicts: declared)
        }
        var preferences: [AnalystAssignment.Preference] = []
        for i in 0..<nominationCount {
            for j in 0..<analystCount where generator.nextUnit() < 0.6 {
                let reduction = (generator.nextUnit() * 10 - 2).rounded(.down) + generator.nextUnit() * 0.01
                preferences.append(.init(nomination: "N\(i)", analyst: "A\(j)", reduction: reduction))
            }
        }
        let rules = AnalystAssignment.ConflictRules(
            sameCountry: generator.nextUnit() < 0.5, sameAffiliation: generator.nextUnit() < 0.7)
        var problem = AnalystAssignment(
            nominations: nominations, analysts: analysts, analystsPerNomination: 2,
            conflictRules: rules, preferences: preferences,
            loadBalancingCost: generator.nextUnit() < 0.25 ? 0.75 : 0)
        // Overrides: a forbidden pair now and then, and a forced pair that the rules allow.
        if generator.nextUnit() < 0.4 {
            problem.overrides.forbidden.append(.init(
                nomination: "N\(pick(nominationCount, &generator))", analyst: "A\(pick(analystCount, &generator))"))
        }
        if generator.nextUnit() < 0.4 {
            let i = pick(nominationCount, &generator), j = pick(analystCount, &generator)
            let pair = AnalystAssignment.Pairing(nomination: "N\(i)", analyst: "A\(j)")
            if !problem.overrides.forbidden.contains(pair) && isEligible(problem, nominations[i], analysts[j]) {
                problem.overrides.forced.append(pair)
            }
        }
        return problem
    }

    /// A uniform integer in 0..<n.
    static func pick(_ n: Int, _ generator: inout SplitMix64) -> Int {
        Int(generator.next() % UInt64(n))
    }

    /// The rules written out again, independently of the library, to judge a plan by.
    static func isEligible(_ problem: AnalystAssignment, _ n: AnalystAssignment.Nomination, _ a: AnalystAssignment.Analyst) -> Bool {
        if a.declaredConflicts.contains(n.id) || a.declaredConflicts.contains(n.community) { return false }
        if problem.conflictRules.sameCountry && n.country.lowercased() == a.country.lowercased() { return false }
        if problem.conflictRules.sameAffiliation, let x = n.affiliation, let y = a.affiliation, x.lowercased() == y.lowercased() {
            return false
        }
        return !problem.overrides.forbidden.contains(.init(nomination: n.id, analyst: a.id))
    }

    /// The least total cost over every assignment (forced pairs included), or nil if there is none.
    static func bruteForceMinimum(_ problem: AnalystAssignment) -> Double? {
        let ns = problem.nominations, as_ = problem.analysts, k = problem.analystsPerNomination
        var reduction = Array(repeating: Array(repeating: 0.0, count: as_.count), count: ns.count)
        for p in problem.preferences {
            let i = ns.firstIndex { $0.id == p.nomination }!, j = as_.firstIndex { $0.id == p.analyst }!
            reduction[i][j] += p.reduction
        }
        let forced = ns.map { n in Set(problem.overrides.forced.filter { $0.nomination == n.id }.map { p in as_.firstIndex { $0.id == p.analyst }! }) }
        var memo: [[Int]: Double?] = [:]
        // used[j] is how many places analyst j has so far; the next place costs balance × used[j].
        func best(_ i: Int, _ used: [Int]) -> Double? {
            if i == ns.count { return 0 }
            let key = [i] + used
            if let known = memo[key] { return known }
            var result: Double? = nil
            // Every subset of analysts of size k that contains the forced ones.
            for mask in 0..<(1 << as_.count) where mask.nonzeroBitCount == k {
                let chosen = (0..<as_.count).filter { mask & (1 << $0) != 0 }
                guard forced[i].isSubset(of: chosen) else { continue }
                guard chosen.allSatisfy({ forced[i].contains($0) || isEligible(problem, ns[i], as_[$0]) }) else { continue }
                guard chosen.allSatisfy({ used[$0] < as_[$0].loadCap }) else { continue }
                var next = used
                var cost = 0.0
                for j in chosen {
                    cost += -reduction[i][j] + problem.loadBalancingCost * Double(used[j])
                    next[j] += 1
                }
                if let rest = best(i + 1, next) {
                    result = min(result ?? .infinity, cost + rest)
                }
            }
            memo[key] = result
            return result
        }
        return best(0, Array(repeating: 0, count: as_.count))
    }

    /// The ways a plan breaks the problem's rules, empty if none.
    static func violations(of plan: AssignmentPlan, in problem: AnalystAssignment) -> [String] {
        var problems: [String] = []
        for n in problem.nominations {
            let assigned = plan.analysts(for: n.id)
            if assigned.count != problem.analystsPerNomination { problems.append("\(n.id) has \(assigned.count) analysts") }
            if Set(assigned).count != assigned.count { problems.append("\(n.id) has a repeated analyst") }
            for id in assigned {
                guard let a = problem.analysts.first(where: { $0.id == id }) else { problems.append("unknown \(id)"); continue }
                if !isEligible(problem, n, a) { problems.append("\(n.id) got conflicted \(id)") }
            }
        }
        for a in problem.analysts {
            let load = plan.nominations(for: a.id).count
            if load > a.loadCap { problems.append("\(a.id) has \(load) > \(a.loadCap)") }
            if plan.loads[a.id] != load { problems.append("\(a.id)'s recorded load is wrong") }
        }
        for pair in problem.overrides.forced where !plan.pairs.contains(where: { $0.nomination == pair.nomination && $0.analyst == pair.analyst && $0.forced }) {
            problems.append("forced pair \(pair.nomination)–\(pair.analyst) missing")
        }
        return problems
    }

    /// The plan's cost recomputed from its pairs, the preferences and the load-balancing cost.
    static func recomputedCost(_ plan: AssignmentPlan, _ problem: AnalystAssignment) -> Double {
        var reduction: [String: Double] = [:]
        for p in problem.preferences { reduction[p.nomination + "|" + p.analyst, default: 0] += p.reduction }
        var total = 0.0
        for pair in plan.pairs { total -= reduction[pair.nomination + "|" + pair.analyst] ?? 0 }
        for load in plan.loads.values where load > 1 {
            total += problem.loadBalancingCost * Double(load * (load - 1) / 2)
        }
        return total
    }
}
