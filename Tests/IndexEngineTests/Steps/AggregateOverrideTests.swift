import Foundation
import Testing
@testable import IndexEngine

/// Settings of the aggregate step for one level: a weight set per level beside its method,
/// threshold and p.
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

    @Test("level weight sets that do not exist or hold bad weights are errors at their field")
    func errors() throws {
        let data = try AggregateTests.data()
        let levelSet = StepKit.error(data, [.aggregate(Aggregate(levels: ["3": .init(weights: "heavy")]))])
        #expect(levelSet?.kind == .unknownCode)
        #expect(levelSet?.column == "steps[0].levels.3.weights")
        let negative = StepKit.error(data, [.aggregate(Aggregate(levels: ["3": .init(weights: "s")]))], weightSets: ["s": ["P1": -1]])
        #expect(negative?.kind == .invalidWeight)
        #expect(negative?.column == "weightSets.s.P1")
        let nanWeight = StepKit.error(data, [.aggregate(Aggregate(levels: ["2": .init(weights: "s")]))], weightSets: ["s": ["x1": .nan]])
        #expect(nanWeight?.kind == .invalidWeight)
        // a level override on a framework without aggregation levels is refused, not a crash
        let flat = StepKit.error(try StepKit.flat([[1, 2]]), [.aggregate(Aggregate(levels: ["2": .init(method: .geometric)]))])
        #expect(flat?.column == "steps[0].levels.2")
    }

    @Test("level weights read from and write to the spec; an unknown field is named")
    func specRoundTrip() throws {
        let json = """
            { "inputs": { "iData": "d.csv", "iMeta": "m.csv" }, "weightSets": { "setB": { "P2": 2 } },
              "steps": [ { "step": "aggregate", "levels": { "3": { "weights": "setB" }, "2": { "method": "geometric", "weights": "equal" } } } ] }
            """
        let spec = try BuildSpec.decode(Data(json.utf8), file: "spec.json")
        #expect(spec.steps == [.aggregate(Aggregate(levels: ["3": .init(weights: "setB"), "2": .init(method: .geometric, weights: "equal")]))])
        #expect(try BuildSpec.decode(spec.canonicalJSON(), file: "again.json") == spec)
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[0].levels.3.wieghts", messageContains: "weights") {
            _ = try BuildSpec.decode(Data(json.replacingOccurrences(of: "\"weights\": \"setB\"", with: "\"wieghts\": \"setB\"").utf8), file: "spec.json")
        }
    }
}
