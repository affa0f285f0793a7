import IndexEngine
import Testing
@testable import Awards

@Suite("Analyst assignment at the size of a cycle")
struct AnalystAssignmentScaleTests {
    @Test("400 nominations and 40 analysts: a valid plan, no dearer than a greedy one")
    func fullCycle() throws {
        var generator = SplitMix64(seed: 400)
        let countries = (0..<12).map { "C\($0)" }
        let nominations = (0..<400).map { i in
            AnalystAssignment.Nomination(id: "N\(i)", country: countries[Int(generator.next() % 12)])
        }
        let analysts = (0..<40).map { j in
            AnalystAssignment.Analyst(
                id: "A\(j)", country: countries[Int(generator.next() % 12)], loadCap: 34,
                declaredConflicts: Set((0..<3).map { _ in "N\(Int(generator.next() % 400))" }))
        }
        var preferences: [AnalystAssignment.Preference] = []
        for i in 0..<400 {
            for _ in 0..<6 {
                preferences.append(.init(nomination: "N\(i)", analyst: "A\(Int(generator.next() % 40))", reduction: generator.nextUnit() * 5))
            }
        }
        let problem = AnalystAssignment(nominations: nominations, analysts: analysts, analystsPerNomination: 3, preferences: preferences)
        let plan = try problem.solve()
        #expect(plan.pairs.count == 1200)
        #expect(AssignmentTestSupport.violations(of: plan, in: problem).isEmpty)
        #expect(abs(plan.totalCost - AssignmentTestSupport.recomputedCost(plan, problem)) < 1e-6)
        if let greedy = greedyCost(problem) {
            #expect(plan.totalCost <= greedy + 1e-9)
        }
    }

    /// Each nomination in turn takes its k cheapest eligible analysts with room left; nil if it gets stuck.
    private func greedyCost(_ problem: AnalystAssignment) -> Double? {
        var reduction: [String: Double] = [:]
        for p in problem.preferences { reduction[p.nomination + "|" + p.analyst, default: 0] += p.reduction }
        var load = Array(repeating: 0, count: problem.analysts.count)
        var total = 0.0
        for n in problem.nominations {
            let options = problem.analysts.indices
                .filter { load[$0] < problem.analysts[$0].loadCap && AssignmentTestSupport.isEligible(problem, n, problem.analysts[$0]) }
                .sorted { (reduction[n.id + "|" + problem.analysts[$0].id] ?? 0) > (reduction[n.id + "|" + problem.analysts[$1].id] ?? 0) }
            guard options.count >= problem.analystsPerNomination else { return nil }
            for j in options.prefix(problem.analystsPerNomination) {
                load[j] += 1
                total -= reduction[n.id + "|" + problem.analysts[j].id] ?? 0
            }
        }
        return total
    }
}
