import Testing
@testable import Awards

@Suite("Assignment infeasibility reports")
struct AssignmentInfeasibilityTests {
    private typealias Nomination = AnalystAssignment.Nomination
    private typealias Analyst = AnalystAssignment.Analyst

    private func report(_ problem: AnalystAssignment) throws -> AssignmentInfeasibility? {
        if case .infeasible(let report) = try problem.outcome() { return report }
        return nil
    }

    @Test("a nomination with too few eligible analysts is named with the conflicts that removed the others")
    func tooFewEligible() throws {
        let problem = AnalystAssignment(
            nominations: [Nomination(id: "N1", country: "CA"), Nomination(id: "N2", country: "AU")],
            analysts: [
                Analyst(id: "A1", country: "CA", loadCap: 5),
                Analyst(id: "A2", country: "US", loadCap: 5),
                Analyst(id: "A3", country: "US", loadCap: 5, declaredConflicts: ["N1"]),
                Analyst(id: "A4", country: "US", loadCap: 0),
            ],
            analystsPerNomination: 2)
        let report = try #require(try report(problem))
        #expect(report.demand == 4 && report.fillable == 3)
        #expect(report.constraints == [
            .tooFewEligibleAnalysts(
                nomination: "N1", eligible: ["A2"], needed: 2,
                excluded: [
                    .init(nomination: "N1", analyst: "A1", reasons: [.sameCountry]),
                    .init(nomination: "N1", analyst: "A3", reasons: [.declaredConflict]),
                ],
                withoutCapacity: ["A4"]),
        ])
        do {
            _ = try problem.solve()
            Issue.record("an impossible assignment was solved")
        } catch {
            #expect(error.kind == .infeasible)
            #expect(error.message == report.description)
            #expect(error.message.contains("nomination N1 has 1 eligible analyst (A2) but needs 2; excluded: A1 (same country), A3 (declared conflict); no load left: A4"))
        }
    }

    @Test("load caps that add up to less than the demand are reported as such")
    func capacityBelowDemand() throws {
        let problem = AnalystAssignment(
            nominations: (1...4).map { Nomination(id: "N\($0)", country: "CA") },
            analysts: (1...3).map { Analyst(id: "A\($0)", country: "US", loadCap: 2) },
            analystsPerNomination: 2)
        let report = try #require(try report(problem))
        #expect(report.constraints == [.capacityBelowDemand(capacity: 6, demand: 8)])
        #expect(report.fillable == 6)
        #expect(report.description.contains("the analysts' load caps add up to 6 places, fewer than the 8 needed"))
    }

    @Test("a group of nominations sharing too few analysts is found from the minimum cut")
    func hallDeficiency() throws {
        let nominations = (1...3).map { Nomination(id: "T\($0)", country: "TW") }
            + (1...2).map { Nomination(id: "U\($0)", country: "US") }
        let analysts = [
            Analyst(id: "A1", country: "CA", loadCap: 2),
            Analyst(id: "A2", country: "CA", loadCap: 2),
            Analyst(id: "A3", country: "TW", loadCap: 10),
            Analyst(id: "A4", country: "TW", loadCap: 10),
        ]
        // Every nomination has two eligible analysts and the caps total 24 places for 10 needed,
        // yet the three Taiwanese nominations share A1 and A2, who can take only 4 of their 6 places.
        let problem = AnalystAssignment(nominations: nominations, analysts: analysts, analystsPerNomination: 2)
        let report = try #require(try report(problem))
        #expect(report.constraints == [
            .hallDeficiency(nominations: ["T1", "T2", "T3"], analysts: ["A1", "A2"], places: 6, supply: 4),
        ])
        #expect(report.demand - report.fillable == 2)
        #expect(report.description.contains("nominations T1, T2, T3 need 6 places together but at most 4 can be filled"))
    }

    @Test("forcing an analyst beyond their load cap is reported")
    func forcedBeyondCap() throws {
        let problem = AnalystAssignment(
            nominations: [Nomination(id: "N1", country: "CA"), Nomination(id: "N2", country: "CA")],
            analysts: [Analyst(id: "A1", country: "US", loadCap: 1), Analyst(id: "A2", country: "US", loadCap: 2)],
            analystsPerNomination: 1,
            overrides: .init(forced: [.init(nomination: "N1", analyst: "A1"), .init(nomination: "N2", analyst: "A1")]))
        let report = try #require(try report(problem))
        #expect(report.constraints.first == .forcedBeyondLoadCap(analyst: "A1", forced: 2, loadCap: 1))
    }

    @Test("no analysts at all: every nomination is short")
    func noAnalysts() throws {
        let problem = AnalystAssignment(nominations: [Nomination(id: "N1", country: "CA")], analysts: [], analystsPerNomination: 1)
        let report = try #require(try report(problem))
        #expect(report.fillable == 0)
        #expect(report.constraints == [
            .tooFewEligibleAnalysts(nomination: "N1", eligible: [], needed: 1, excluded: [], withoutCapacity: []),
            .capacityBelowDemand(capacity: 0, demand: 1),
        ])
    }
}
