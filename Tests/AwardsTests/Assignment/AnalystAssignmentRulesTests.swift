import IndexEngine
import Testing
@testable import Awards

@Suite("Analyst assignment rules")
struct AnalystAssignmentRulesTests {
    private typealias Nomination = AnalystAssignment.Nomination
    private typealias Analyst = AnalystAssignment.Analyst

    @Test("declared conflicts by nomination or community, country and affiliation rules all exclude")
    func conflicts() throws {
        let nominations = [
            Nomination(id: "N1", community: "taoyuan", country: "TW", region: "Asia", affiliation: "Smart City Forum"),
            Nomination(id: "N2", community: "waterloo", country: "CA", region: "Americas"),
        ]
        let analysts = [
            Analyst(id: "A1", country: "TW", loadCap: 2),
            Analyst(id: "A2", country: "US", affiliation: " smart city forum ", loadCap: 2),
            Analyst(id: "A3", country: "US", loadCap: 2, declaredConflicts: ["waterloo"]),
            Analyst(id: "A4", country: "AU", loadCap: 2, declaredConflicts: ["N1"]),
            Analyst(id: "A5", country: "CA", region: "Asia", loadCap: 2),
        ]
        let problem = AnalystAssignment(nominations: nominations, analysts: analysts, analystsPerNomination: 1)
        let exclusions = problem.exclusions()
        #expect(exclusions == [
            .init(nomination: "N1", analyst: "A1", reasons: [.sameCountry]),
            .init(nomination: "N1", analyst: "A2", reasons: [.sameAffiliation]),
            .init(nomination: "N1", analyst: "A4", reasons: [.declaredConflict]),
            .init(nomination: "N2", analyst: "A3", reasons: [.declaredConflict]),
            .init(nomination: "N2", analyst: "A5", reasons: [.sameCountry]),
        ])
        let plan = try problem.solve()
        #expect(plan.analysts(for: "N1") == ["A3"])
        #expect(plan.analysts(for: "N2") == ["A1"])
        #expect(plan.exclusions == exclusions)

        // The rules are configurable: without the country rule, with the region rule.
        var relaxed = problem
        relaxed.conflictRules = .init(sameCountry: false, sameRegion: true, sameAffiliation: false)
        #expect(relaxed.exclusions() == [
            .init(nomination: "N1", analyst: "A4", reasons: [.declaredConflict]),
            .init(nomination: "N1", analyst: "A5", reasons: [.sameRegion]),
            .init(nomination: "N2", analyst: "A3", reasons: [.declaredConflict]),
        ])
    }

    @Test("preferences choose among eligible analysts, and several for one pair add up")
    func preferences() throws {
        let problem = AnalystAssignment(
            nominations: [Nomination(id: "N1", country: "CA"), Nomination(id: "N2", country: "CA")],
            analysts: [Analyst(id: "A1", country: "US", loadCap: 1), Analyst(id: "A2", country: "US", loadCap: 1)],
            analystsPerNomination: 1,
            preferences: [
                .init(nomination: "N1", analyst: "A1", reduction: 2),
                .init(nomination: "N2", analyst: "A1", reduction: 1.5),
                .init(nomination: "N2", analyst: "A1", reduction: 1.5),
            ])
        let plan = try problem.solve()
        // N2–A1 (3) beats N1–A1 (2): the assignment maximises the total preference.
        #expect(plan.analysts(for: "N1") == ["A2"])
        #expect(plan.analysts(for: "N2") == ["A1"])
        #expect(plan.totalCost == -3)
        #expect(plan.loads == ["A1": 1, "A2": 1])
    }

    @Test("forced and forbidden pairs are honoured and recorded in the plan")
    func overrides() throws {
        let nominations = (1...3).map { Nomination(id: "N\($0)", country: "CA") }
        let analysts = (1...4).map { Analyst(id: "A\($0)", country: "US", loadCap: 2) }
        let overrides = AnalystAssignment.Overrides(
            forced: [.init(nomination: "N1", analyst: "A4")],
            forbidden: [.init(nomination: "N2", analyst: "A1"), .init(nomination: "N3", analyst: "A1")])
        let problem = AnalystAssignment(
            nominations: nominations, analysts: analysts, analystsPerNomination: 2,
            preferences: [.init(nomination: "N1", analyst: "A1", reduction: 1)], overrides: overrides)
        let plan = try problem.solve()
        #expect(AssignmentTestSupport.violations(of: plan, in: problem).isEmpty)
        #expect(plan.pairs.contains(.init(nomination: "N1", analyst: "A4", cost: 0, forced: true)))
        #expect(plan.analysts(for: "N1").contains("A1"))
        #expect(!plan.analysts(for: "N2").contains("A1") && !plan.analysts(for: "N3").contains("A1"))
        #expect(plan.overrides == overrides)
        #expect(plan.exclusions.filter { $0.reasons == [.forbiddenByOverride] }.count == 2)
    }

    @Test("load balancing spreads nominations among equally good analysts")
    func loadBalancing() throws {
        let nominations = (1...6).map { Nomination(id: "N\($0)", country: "CA") }
        let analysts = (1...3).map { Analyst(id: "A\($0)", country: "US", loadCap: 6) }
        var problem = AnalystAssignment(nominations: nominations, analysts: analysts, analystsPerNomination: 1)
        problem.loadBalancingCost = 1
        let plan = try problem.solve()
        #expect(plan.loads == ["A1": 2, "A2": 2, "A3": 2])
        #expect(plan.totalCost == 3)
    }

    @Test("ties go to the first analyst in the given order, and runs repeat exactly")
    func determinism() throws {
        let problem = AnalystAssignment(
            nominations: [Nomination(id: "N1", country: "CA")],
            analysts: (1...3).map { Analyst(id: "A\($0)", country: "US", loadCap: 1) },
            analystsPerNomination: 1)
        #expect(try problem.solve().analysts(for: "N1") == ["A1"])

        var generator = SplitMix64(seed: 5)
        for _ in 0..<10 {
            let random = AssignmentTestSupport.randomProblem(&generator)
            #expect(try random.outcome() == random.outcome())
        }
    }

    @Test("malformed problems and conflicted forced pairs are errors naming what is wrong")
    func validation() throws {
        let nominations = [Nomination(id: "N1", country: "CA")]
        let analysts = [Analyst(id: "A1", country: "CA", loadCap: 1), Analyst(id: "A2", country: "US", loadCap: 1)]
        func kind(_ problem: AnalystAssignment) -> AwardsError.Kind? {
            do { _ = try problem.outcome(); return nil } catch { return error.kind }
        }
        let base = AnalystAssignment(nominations: nominations, analysts: analysts, analystsPerNomination: 1)
        var p = base
        p.analystsPerNomination = 0
        #expect(kind(p) == .invalidValue)
        p = base
        p.nominations.append(nominations[0])
        #expect(kind(p) == .duplicate)
        p = base
        p.analysts[1].loadCap = -1
        #expect(kind(p) == .invalidValue)
        p = base
        p.preferences = [.init(nomination: "N9", analyst: "A1", reduction: 1)]
        #expect(kind(p) == .unknownReference)
        p = base
        p.overrides.forced = [.init(nomination: "N1", analyst: "A1")]
        #expect(kind(p) == .conflictOfInterest)
        p = base
        p.overrides.forced = [.init(nomination: "N1", analyst: "A2")]
        p.overrides.forbidden = [.init(nomination: "N1", analyst: "A2")]
        #expect(kind(p) == .invalidValue)
        p = base
        p.loadBalancingCost = -1
        #expect(kind(p) == .invalidValue)
        #expect(kind(base) == nil)
    }

    @Test("no nominations give an empty plan")
    func empty() throws {
        let plan = try AnalystAssignment(nominations: [], analysts: [Analyst(id: "A1", country: "US", loadCap: 1)]).solve()
        #expect(plan.pairs.isEmpty && plan.totalCost == 0 && plan.loads == ["A1": 0])
    }
}
