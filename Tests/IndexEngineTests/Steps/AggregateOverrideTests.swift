import Foundation
import Testing
@testable import IndexEngine

/// Settings of the aggregate step for one level or one aggregate: a weight set per level, and a
/// method, threshold, p or weight set per aggregate overriding its level's.
@Suite("Step: aggregate overrides")
struct AggregateOverrideTests {
    @Test("a level weighted by its own set; the other levels keep the step's")
    func levelWeights() throws {
        // setB: x2 → 1, P2 → 2, used at level 3 only, so P1 keeps x2's metadata weight 3:
        // P1 25 35 50, P2 60 10 20;  Idx = (2·P1 + 2·P2)/4: A 42.5, B 22.5, C 35
        let sets = ["setB": ["x2": 1.0, "P2": 2]]
        let top = try AggregateTests.aggregated(Aggregate(levels: ["3": .init(weights: "setB")]), weightSets: sets)
        AggregateTests.expect(top, P1: [25, 35, 50], P2: [60, 10, 20], Idx: [42.5, 22.5, 35])
        // setB at level 2 only: x2 → 1 gives P1 20 30 50; Idx keeps P1's metadata weight 2:
        // (2·P1 + P2)/3: A 100/3, B 70/3, C 40
        let pillars = try AggregateTests.aggregated(Aggregate(levels: ["2": .init(weights: "setB")]), weightSets: sets)
        AggregateTests.expect(pillars, P1: [20, 30, 50], P2: [60, 10, 20], Idx: [100.0 / 3, 70.0 / 3, 40])
        // The weights the audit and the workbook show are those applied: x2 from the metadata, P2 from setB
        let spec = StepKit.spec([.aggregate(Aggregate(levels: ["3": .init(weights: "setB")]))], weightSets: sets)
        let shown = try spec.aggregationWeights(for: try AggregateTests.data())
        let framework = try AggregateTests.data().framework
        #expect(shown[try #require(framework.index(of: "x2"))] == 3)
        #expect(shown[try #require(framework.index(of: "P2"))] == 2)
        #expect(shown[try #require(framework.index(of: "P1"))] == 2)
    }

    @Test("an aggregate's own method, threshold and weights override its level's")
    func perAggregate() throws {
        // P2 geometric, the rest arithmetic: P2 √3200, 10, 20;  Idx = (2·P1 + P2)/3
        let geometric = try AggregateTests.aggregated(Aggregate(aggregates: ["P2": .init(method: .geometric)]))
        let p2 = [sqrt(3200), 10, 20]
        AggregateTests.expect(geometric, P1: [25, 35, 50], P2: p2, Idx: zip([25.0, 35, 50], p2).map { (2 * $0 + $1) / 3 })
        // Level 2 harmonic, P1 back to arithmetic: P2 = 160/3, 10, 20
        let mixed = try AggregateTests.aggregated(Aggregate(levels: ["2": .init(method: .harmonic)], aggregates: ["P1": .init(method: .arithmetic)]))
        AggregateTests.expect(mixed, P1: [25, 35, 50], P2: [160.0 / 3, 10, 20], Idx: [(50 + 160.0 / 3) / 3, 80.0 / 3, 40])
        // P1 weighted equally: 20 30 50;  Idx keeps the metadata (2, 1): 100/3, 70/3, 40
        let equal = try AggregateTests.aggregated(Aggregate(aggregates: ["P1": .init(weights: "equal")]))
        AggregateTests.expect(equal, P1: [20, 30, 50], P2: [60, 10, 20], Idx: [100.0 / 3, 70.0 / 3, 40])
        // P1 needs every child: C's P1 is missing, and its Idx is its P2 alone
        let strict = try AggregateTests.aggregated(Aggregate(aggregates: ["P1": .init(threshold: 1)]))
        AggregateTests.expect(strict, P1: [25, 35, .nan], P2: [60, 10, 20], Idx: [110.0 / 3, 80.0 / 3, 20])
        // A generalised mean for P1 alone, with its own p = 2: √700, √1300, 50
        let generalised = try AggregateTests.aggregated(Aggregate(aggregates: ["P1": .init(method: .generalised, p: 2)]))
        StepKit.expectClose(StepKit.column(generalised, "P1"), [sqrt(700), sqrt(1300), 50])
    }

    @Test("Copeland and Mazziotta–Pareto work on one aggregate's children alone")
    func acrossUnitsPerAggregate() throws {
        // P1 by Copeland over x1 (weight 1/4), x2 (3/4): A (10, 30), B (20, 40), C (–, 50)
        //   A–B: B better on both → B +1, A −1;  A–C, B–C: x1 against a missing value counts for
        //   neither, x2 for C → C wins both.  A −2, B 0, C 2
        // Idx = (2·P1 + P2)/3 with P2 arithmetic 60 10 20: A 56/3, B 10/3, C 8
        let copeland = try AggregateTests.aggregated(Aggregate(aggregates: ["P1": .init(method: .copeland)]))
        AggregateTests.expect(copeland, P1: [-2, 0, 2], P2: [60, 10, 20], Idx: [56.0 / 3, 10.0 / 3, 8])
        // P2 by Mazziotta–Pareto over x3 (40 10 20) and x4 (80 10 20), from numpy:
        //   z = [(x - x.mean())/x.std(ddof=1)*10 + 100 for x in (x3, x4)]; m = Z.mean(0); s = Z.std(0, ddof=1); m - s*s/m
        let mpi = [111.17709107130432, 92.09842508691638, 96.68230066086146]
        let mp = try AggregateTests.aggregated(Aggregate(aggregates: ["P2": .init(method: .mazziottaPareto)]))
        AggregateTests.expect(mp, P1: [25, 35, 50], P2: mpi, Idx: zip([25.0, 35, 50], mpi).map { (2 * $0 + $1) / 3 }, relative: 1e-12)
    }

    @Test("overrides that name no aggregate, no level or no set, or hold bad values, are errors at their field")
    func errors() throws {
        let data = try AggregateTests.data()
        let indicator = StepKit.error(data, [.aggregate(Aggregate(aggregates: ["x1": .init(method: .geometric)]))])
        #expect(indicator?.kind == .unknownCode)
        #expect(indicator?.column == "steps[0].aggregates.x1")
        #expect(indicator?.message.contains("indicator") == true)
        let unknown = StepKit.error(data, [.aggregate(Aggregate(aggregates: ["Zed": .init(method: .geometric)]))])
        #expect(unknown?.kind == .unknownCode)
        #expect(unknown?.column == "steps[0].aggregates.Zed")
        let noP = StepKit.error(data, [.aggregate(Aggregate(aggregates: ["P1": .init(method: .generalised)]))])
        #expect(noP?.kind == .invalidParameter)
        #expect(noP?.column == "steps[0].aggregates.P1.p")
        let threshold = StepKit.error(data, [.aggregate(Aggregate(aggregates: ["P2": .init(threshold: .nan)]))])
        #expect(threshold?.kind == .invalidParameter)
        #expect(threshold?.column == "steps[0].aggregates.P2.threshold")
        let set = StepKit.error(data, [.aggregate(Aggregate(aggregates: ["P2": .init(weights: "heavy")]))])
        #expect(set?.kind == .unknownCode)
        #expect(set?.column == "steps[0].aggregates.P2.weights")
        let levelSet = StepKit.error(data, [.aggregate(Aggregate(levels: ["3": .init(weights: "heavy")]))])
        #expect(levelSet?.column == "steps[0].levels.3.weights")
        let negative = StepKit.error(data, [.aggregate(Aggregate(levels: ["3": .init(weights: "s")]))], weightSets: ["s": ["P1": -1]])
        #expect(negative?.kind == .invalidWeight)
        #expect(negative?.column == "weightSets.s.P1")
        let nanWeight = StepKit.error(data, [.aggregate(Aggregate(aggregates: ["P1": .init(weights: "s")]))], weightSets: ["s": ["x1": .nan]])
        #expect(nanWeight?.kind == .invalidWeight)
        // a level written other than as its plain number would never apply, so it is refused
        for key in ["02", "+3", " 2", "-1", "2.0"] {
            let odd = StepKit.error(data, [.aggregate(Aggregate(levels: [key: .init(method: .geometric)]))])
            #expect(odd?.column == "steps[0].levels.\(key)", "\(key)")
        }
                // a level override on a framework without aggregation levels is refused, not a crash
        let flat = StepKit.error(try StepKit.flat([[1, 2]]), [.aggregate(Aggregate(levels: ["2": .init(method: .geometric)]))])
        #expect(flat?.column == "steps[0].levels.2")
    }

    @Test("level weights and per-aggregate settings read from and write to the spec; unknown fields are named")
    func specRoundTrip() throws {
        let json = """
            { "inputs": { "iData": "d.csv", "iMeta": "m.csv" }, "weightSets": { "setB": { "P2": 2 } },
              "steps": [ { "step": "aggregate", "levels": { "3": { "weights": "setB" } },
                           "aggregates": { "P1": { "method": "generalised", "p": 2, "threshold": 0.5, "weights": "equal" } } } ] }
            """
        let spec = try BuildSpec.decode(Data(json.utf8), file: "spec.json")
        let expected = Aggregate(
            levels: ["3": .init(weights: "setB")], aggregates: ["P1": .init(method: .generalised, p: 2, threshold: 0.5, weights: "equal")])
        #expect(spec.steps == [.aggregate(expected)])
        #expect(try BuildSpec.decode(spec.canonicalJSON(), file: "again.json") == spec)
        // a step without them writes neither, as before
        let plain = String(decoding: StepKit.spec([.aggregate(Aggregate())]).canonicalJSON(), as: UTF8.self)
        #expect(!plain.contains("aggregates"))
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[0].aggregates.P1.wieghts", messageContains: "weights") {
            _ = try BuildSpec.decode(Data(json.replacingOccurrences(of: "\"weights\": \"equal\"", with: "\"wieghts\": \"equal\"").utf8), file: "spec.json")
        }
    }
}
