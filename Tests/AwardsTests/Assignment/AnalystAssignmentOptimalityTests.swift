import IndexEngine
import Testing
@testable import Awards

@Suite("Analyst assignment against brute force")
struct AnalystAssignmentOptimalityTests {
    @Test("on 120 seeded random instances the plan is valid and as cheap as the best of all assignments")
    func matchesBruteForce() throws {
        var generator = SplitMix64(seed: 2024)
        var feasible = 0, infeasible = 0
        for instance in 0..<120 {
            let problem = AssignmentTestSupport.randomProblem(&generator)
            let best = AssignmentTestSupport.bruteForceMinimum(problem)
            switch try problem.outcome() {
            case .assigned(let plan):
                feasible += 1
                #expect(AssignmentTestSupport.violations(of: plan, in: problem).isEmpty, "instance \(instance)")
                #expect(abs(plan.totalCost - AssignmentTestSupport.recomputedCost(plan, problem)) < 1e-9, "instance \(instance)")
                guard let best else {
                    Issue.record("instance \(instance): brute force finds no assignment, the solver does")
                    continue
                }
                #expect(abs(plan.totalCost - best) < 1e-9, "instance \(instance): \(plan.totalCost) vs \(best)")
            case .infeasible(let report):
                infeasible += 1
                #expect(best == nil, "instance \(instance): brute force finds cost \(best ?? .nan)")
                #expect(!report.constraints.isEmpty, "instance \(instance)")
                #expect(report.fillable < report.demand || report.constraints.contains {
                    if case .forcedBeyondLoadCap = $0 { true } else { false }
                })
            }
        }
        // The generator should exercise both outcomes, with feasible instances the majority.
        #expect(feasible >= 60)
        #expect(infeasible >= 5)
    }

    @Test("a minimum cut certifies the maximum: its nominations are short by exactly the places left empty")
    func minimumCutCertifiesMaximumFlow() throws {
        var generator = SplitMix64(seed: 77)
        var checked = 0
        for _ in 0..<200 {
            let problem = AssignmentTestSupport.randomProblem(&generator)
            try problem.validate()
            var network = try AssignmentNetwork(problem)
            let solution = try network.flow.solve(source: network.source, sink: network.sink)
            let remainingDemand = problem.nominations.indices.reduce(0) { $0 + problem.analystsPerNomination - network.forced[$1].count }
            guard solution.flow < remainingDemand else { continue }
            let cut = try #require(network.hallDeficiency(of: problem))
            #expect(cut.places - cut.supply == remainingDemand - solution.flow)
            checked += 1
        }
        #expect(checked >= 10)
    }
}
