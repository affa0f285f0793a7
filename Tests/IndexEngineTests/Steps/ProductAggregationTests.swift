import Foundation
import Testing
@testable import IndexEngine

/// The product aggregation: `Π xᵢ` over an aggregate's children, weights unused, as
/// CalEnviroScreen multiplies its Pollution Burden score by its Population Characteristics score.
@Suite("Step: aggregate by product")
struct ProductAggregationTests {
    @Test("the product of the children; a missing child leaves it missing; weights are not used")
    func handComputed() throws {
        // x1..x4: A 10 30 40 80;  B 20 40 10 10;  C – 50 20 20
        // P1 = x1·x2: A 300, B 800, C missing (x1 is);  P2 = x3·x4: A 3200, B 100, C 400
        // Idx = P1·P2: A 960 000, B 80 000, C missing
        let result = try AggregateTests.aggregated(Aggregate(method: .product))
        AggregateTests.expect(result, P1: [300, 800, .nan], P2: [3200, 100, 400], Idx: [960_000, 80_000, .nan])
        let equal = try AggregateTests.aggregated(Aggregate(method: .product, weights: "equal"))
        AggregateTests.expect(equal, P1: [300, 800, .nan], P2: [3200, 100, 400], Idx: [960_000, 80_000, .nan])
        // Over arithmetic pillars (P1 25 35 50, P2 60 10 20): Idx = 1500, 350, 1000
        let top = try AggregateTests.aggregated(Aggregate(levels: ["3": .init(method: .product)]))
        AggregateTests.expect(top, P1: [25, 35, 50], P2: [60, 10, 20], Idx: [1500, 350, 1000])
    }

    @Test("published: CalEnviroScreen 4.0 scores of seven Alameda County tracts are their two scores' product")
    func calEnviroScreenTracts() throws {
        // OEHHA, CalEnviroScreen 4.0 results (October 2021): Pollution Burden Score, Pop. Char. Score
        // and CES 4.0 Score of census tracts 6001400100, …200, …300, …400, …500, 6001401000 and 6001407300.
        let pollutionBurden = [4.15368051624537, 4.03210569541687, 4.47342881241539, 4.12892380890615, 4.3805598005456, 6.68205161808607, 7.60828204048798]
        let populationCharacteristics = [1.16715475984038, 1.21080840419957, 2.50462116058262, 3.00082803059887, 3.82022653393945, 6.54540669572587, 8.54774899074975]
        let published = [4.84798798539205, 4.88210746263171, 11.2042444639356, 12.3901903019727, 16.7347307835528, 43.7367454022064, 65.0336851329206]
        let data = try StepKit.dataset(
            nodes: [StepKit.indicator("PB", parent: "CES"), StepKit.indicator("PC", parent: "CES"), StepKit.aggregate("CES", level: 2)],
            columns: [pollutionBurden, populationCharacteristics])
        // The results print 15 significant digits.
        StepKit.expectClose(StepKit.column(try StepKit.run(data, [.aggregate(Aggregate(method: .product))]), "CES"), published, relative: 1e-14)
    }

    @Test("a threshold lets a unit through on the children it has")
    func threshold() throws {
        // 0.5: C has 1 of 2 children of P1 → P1 = 50, Idx = 50·400 = 20 000
        let half = try AggregateTests.aggregated(Aggregate(method: .product, threshold: 0.5))
        AggregateTests.expect(half, P1: [300, 800, 50], P2: [3200, 100, 400], Idx: [960_000, 80_000, 20_000])
        // 0.6: 1/2 < 0.6 → C's P1 is missing, and then its Idx (1 of 2 again)
        let strict = try AggregateTests.aggregated(Aggregate(method: .product, threshold: 0.6))
        AggregateTests.expect(strict, P1: [300, 800, .nan], P2: [3200, 100, 400], Idx: [960_000, 80_000, .nan])
        // 0: any child with data will do; a unit with none stays missing
        let data = try StepKit.dataset(nodes: AggregateTests.nodes(), columns: [[.nan, 2], [.nan, 3], [4, 5], [.nan, 6]])
        let any = try AggregateTests.aggregated(Aggregate(method: .product, threshold: 0), data: data)
        AggregateTests.expect(any, P1: [.nan, 6], P2: [4, 30], Idx: [4, 180])
    }

    @Test("CalEnviroScreen: score = Pollution Burden score × Population Characteristics score")
    func calEnviroScreen() throws {
        // OEHHA, CalEnviroScreen (scoring model, https://oehha.ca.gov/calenviroscreen/scoring-model,
        // and the Version 1.1 report): the two group scores each run up to 10 and are multiplied,
        // "so the maximum CalEnviroScreen Score is 100". Products of scores on that scale, from
        // python3 -c "print(10*10, 7.4*8.5, 0.1*0.1, 5.2*3.3)" → 100 62.9 0.010000000000000002 17.16
        let nodes = [
            StepKit.indicator("PollutionBurden", parent: "CES", weight: 3), StepKit.indicator("PopChar", parent: "CES", weight: 1),
            StepKit.aggregate("CES", level: 2),
        ]
        let data = try StepKit.dataset(nodes: nodes, columns: [[10, 7.4, 0.1, 5.2], [10, 8.5, 0.1, 3.3]])
        let result = try AggregateTests.aggregated(Aggregate(method: .product), data: data)
        StepKit.expectClose(StepKit.column(result, "CES"), [100, 62.9, 0.010000000000000002, 17.16], relative: 1e-15)
        #expect(result.ranks == [1, 2, 4, 3])
    }

    @Test("an overflowing product is missing with a nonFinite warning")
    func overflow() throws {
        // A: 1e200 · 1e200 = ∞ → missing and warned of;  B: 2 · 3 = 6
        let nodes = [StepKit.indicator("y1", parent: "I"), StepKit.indicator("y2", parent: "I"), StepKit.aggregate("I", level: 2)]
        let data = try StepKit.dataset(nodes: nodes, columns: [[1e200, 2], [1e200, 3]])
        let result = try AggregateTests.aggregated(Aggregate(method: .product), data: data)
        StepKit.expectClose(StepKit.column(result, "I"), [.nan, 6])
        #expect(result.log.warnings.contains { $0.code == .nonFinite && $0.indicator == "I" && $0.unit == "A" && $0.stepName == "aggregate" })
    }

    @Test("a zero, negative or negative-zero child is an error naming the unit, the child and the aggregate")
    func nonPositive() throws {
        for bad in [0.0, -5, -0.0] {
            let error = StepKit.error(try AggregateTests.data(x3: [40, bad, 20]), [.aggregate(Aggregate(method: .product))])
            #expect(error?.kind == .nonPositiveValue)
            #expect(error?.column == "steps[0].method")
            let message = error?.message ?? ""
            #expect(message.contains("'x3'") && message.contains("unit 'B'") && message.contains("'P2'") && message.contains("product"), "\(message)")
        }
    }

    @Test("the method reads from and writes to the spec")
    func specRoundTrip() throws {
        let json = #"{ "inputs": { "iData": "d.csv", "iMeta": "m.csv" }, "steps": [ { "step": "aggregate", "method": "product", "threshold": 0.5 } ] }"#
        let spec = try BuildSpec.decode(Data(json.utf8), file: "spec.json")
        #expect(spec.steps == [.aggregate(Aggregate(method: .product, threshold: 0.5))])
        #expect(try BuildSpec.decode(spec.canonicalJSON(), file: "again.json") == spec)
    }
}
