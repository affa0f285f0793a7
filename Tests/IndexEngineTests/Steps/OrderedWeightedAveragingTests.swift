import Foundation
import Testing
@testable import IndexEngine

/// Ordered weighted averaging (Yager 1988): position weights over the children sorted from
/// highest to lowest, and the orness of a weight vector.
@Suite("Step: aggregate by ordered weighted averaging")
struct OrderedWeightedAveragingTests {
    /// One aggregate `I` over `y1`…`yk`, with a unit per row of `rows`.
    static func scores(_ rows: [[Double]], owa: [Double]) throws -> [Double] {
        let data = try BenefitOfTheDoubtTests.data(rows)
        return StepKit.column(try StepKit.run(data, [.aggregate(Aggregate(method: .orderedWeightedAveraging, owa: owa))]), "I")
    }

    @Test("published worked examples")
    func published() throws {
        // Yager (1988), IEEE Trans. Systems, Man and Cybernetics 18(1): W = (0.4, 0.3, 0.2, 0.1),
        // a = (0.7, 1, 0.3, 0.6) → sorted (1, 0.7, 0.6, 0.3) → 0.4 + 0.21 + 0.12 + 0.03 = 0.76.
        // Soft Computing and Its Applications (Example 2.39): a = (5, 6, 4), w = (0.2, 0.7, 0.1) → 5.1.
        StepKit.expectClose(try Self.scores([[0.7, 1, 0.3, 0.6]], owa: [0.4, 0.3, 0.2, 0.1]), [0.76], relative: 1e-15)
        StepKit.expectClose(try Self.scores([[5, 6, 4]], owa: [0.2, 0.7, 0.1]), [5.1], relative: 1e-15)
    }

    @Test("by hand: the maximum, the minimum, the mean, and ties")
    func handComputed() throws {
        let rows: [[Double]] = [[1, 5, 3], [4, 4, 2], [9, 0, 6]]
        StepKit.expectClose(try Self.scores(rows, owa: [1, 0, 0]), [5, 4, 9])
        StepKit.expectClose(try Self.scores(rows, owa: [0, 0, 1]), [1, 2, 0])
        StepKit.expectClose(try Self.scores(rows, owa: [1.0 / 3, 1.0 / 3, 1.0 / 3]), [3, 10.0 / 3, 5], relative: 1e-15)
        // (0.5, 0.3, 0.2): 0.5·5 + 0.3·3 + 0.2·1 = 3.6;  0.5·4 + 0.3·4 + 0.2·2 = 3.6;  4.5 + 1.8 + 0 = 6.3
        StepKit.expectClose(try Self.scores(rows, owa: [0.5, 0.3, 0.2]), [3.6, 3.6, 6.3], relative: 1e-15)
        // a missing child leaves the unit without a score
        StepKit.expectClose(try Self.scores([[1, .nan, 3], [2, 2, 2]], owa: [0.5, 0.3, 0.2]), [.nan, 2], relative: 1e-15)
    }

    @Test("orness: 1 for the maximum, 0 for the minimum, ½ for the mean; Yager's W is 2/3")
    func orness() {
        #expect(OrderedWeightedAveraging.orness([1, 0, 0, 0]) == 1)
        #expect(OrderedWeightedAveraging.orness([0, 0, 0, 1]) == 0)
        #expect(abs(OrderedWeightedAveraging.orness([0.25, 0.25, 0.25, 0.25]) - 0.5) < 1e-15)
        // (3·0.4 + 2·0.3 + 1·0.2 + 0·0.1)/3 = 2/3
        #expect(abs(OrderedWeightedAveraging.orness([0.4, 0.3, 0.2, 0.1]) - 2.0 / 3) < 1e-15)
        #expect(OrderedWeightedAveraging.orness([1]) == 1)
    }

    @Test("bad weight vectors are errors at their field: missing, wrong length, not summing to 1, negative, NaN, infinite")
    func errors() throws {
        let data = try BenefitOfTheDoubtTests.data([[1, 2, 3], [3, 2, 1]])
        func error(_ step: Aggregate) -> IndexEngineError? { StepKit.error(data, [.aggregate(step)]) }
        #expect(error(Aggregate(method: .orderedWeightedAveraging))?.column == "steps[0].owa")
        let short = error(Aggregate(method: .orderedWeightedAveraging, owa: [0.5, 0.5]))
        #expect(short?.kind == .invalidParameter)
        #expect(short?.column == "steps[0].owa")
        #expect(short?.message.contains("'I' has 3 children") == true)
        let sum = error(Aggregate(method: .orderedWeightedAveraging, owa: [0.5, 0.3, 0.3]))
        #expect(sum?.kind == .invalidWeight)
        #expect(sum?.column == "steps[0].owa")
        let negative = error(Aggregate(method: .orderedWeightedAveraging, owa: [1.2, -0.2, 0]))
        #expect(negative?.kind == .invalidWeight)
        #expect(negative?.column == "steps[0].owa[1]")
        #expect(error(Aggregate(method: .orderedWeightedAveraging, owa: [.nan, 0.5, 0.5]))?.column == "steps[0].owa[0]")
        #expect(error(Aggregate(method: .orderedWeightedAveraging, owa: [.infinity, 0, 0]))?.column == "steps[0].owa[0]")
        #expect(error(Aggregate(method: .orderedWeightedAveraging, owa: []))?.column == "steps[0].owa")
        // per aggregate: the vector's field is the aggregate's
        let nested = StepKit.error(try AggregateTests.data(), [.aggregate(Aggregate(aggregates: ["P1": .init(method: .orderedWeightedAveraging, owa: [1])]))])
        #expect(nested?.column == "steps[0].aggregates.P1.owa")
    }

    @Test("per level, and read from and written to the spec")
    func spec() throws {
        // Level 2 by OWA (0.75, 0.25): P1: A (30, 10) → 25, B (40, 20) → 35, C missing; P2: A (80, 40) → 70, B 10, C 20
        // Idx arithmetic (2·P1 + P2)/3: A 40, B 80/3, C 20
        let result = try AggregateTests.aggregated(Aggregate(levels: ["2": .init(method: .orderedWeightedAveraging, owa: [0.75, 0.25])]))
        AggregateTests.expect(result, P1: [25, 35, .nan], P2: [70, 10, 20], Idx: [40, 80.0 / 3, 20])
        let json = #"{ "inputs": { "iData": "d.csv", "iMeta": "m.csv" }, "steps": [ { "step": "aggregate", "method": "orderedWeightedAveraging", "owa": [0.5, 0.5] } ] }"#
        let spec = try BuildSpec.decode(Data(json.utf8), file: "spec.json")
        #expect(spec.steps == [.aggregate(Aggregate(method: .orderedWeightedAveraging, owa: [0.5, 0.5]))])
        #expect(try BuildSpec.decode(spec.canonicalJSON(), file: "again.json") == spec)
    }
}
