import Foundation
import Testing
@testable import IndexEngine

/// Benefit-of-the-doubt aggregation and the simplex solver beneath it.
@Suite("Step: aggregate by benefit of the doubt")
struct BenefitOfTheDoubtTests {
    /// One aggregate `I` over `y1`…`yk`, with a unit per row of `rows`.
    static func data(_ rows: [[Double]]) throws -> Dataset {
        let k = rows.first?.count ?? 0
        let nodes = (1...k).map { StepKit.indicator("y\($0)", parent: "I") } + [StepKit.aggregate("I", level: 2)]
        let units = rows.indices.map { "U\($0)" }
        return try StepKit.dataset(units: units, nodes: nodes, columns: (0..<k).map { j in rows.map { $0[j] } })
    }

    static func scores(_ rows: [[Double]]) throws -> [Double] {
        StepKit.column(try StepKit.run(try data(rows), [.aggregate(Aggregate(method: .benefitOfTheDoubt))]), "I")
    }

    @Test("by hand: two units on the frontier score 1; the one inside it 2/3")
    func handComputed() throws {
        // A (2, 1), B (1, 2), C (1, 1). C: max w₁ + w₂ with 2w₁ + w₂ ≤ 1, w₁ + 2w₂ ≤ 1 → w = (⅓, ⅓), 2/3.
        // A: w = (½, 0) gives 1, and 2w₁ + w₂ ≤ 1 allows no more; B likewise.
        StepKit.expectClose(try Self.scores([[2, 1], [1, 2], [1, 1]]), [1, 1, 2.0 / 3], relative: 1e-12)
        // The weights of the spec do not matter; scaling a child does not change any score.
        StepKit.expectClose(try Self.scores([[200, 1], [100, 2], [100, 1]]), [1, 1, 2.0 / 3], relative: 1e-12)
        // A unit with only zeros scores 0.
        StepKit.expectClose(try Self.scores([[2, 1], [0, 0]]), [1, 0])
    }

    @Test("scipy's linprog on eight units and three children")
    func scipy() throws {
        // python3: from scipy.optimize import linprog
        //   for u in range(8): linprog(-Y[u], A_ub=Y, b_ub=np.ones(8), bounds=[(0, None)]*3, method='highs') → -fun
        let rows: [[Double]] = [[3, 8, 2], [6, 2, 5], [4, 4, 4], [1, 5, 1], [5, 1, 2], [2, 2, 2], [3, 3, 6], [2, 6, 3]]
        let expected = [1.0, 0.9999999999999999, 0.9411764705882353, 0.625, 0.8333333333333333, 0.47058823529411764, 1.0, 0.9285714285714286]
        StepKit.expectClose(try Self.scores(rows), expected, relative: 1e-12)
        // The same programme through the solver, with the weights it finds for (4, 4, 4) meeting every constraint
        let result = try #require(BenefitOfTheDoubt.scores((0..<3).map { j in rows.map { $0[j] } }))
        let third = try #require(result[2])
        for row in rows { #expect(zip(row, third.weights).reduce(0) { $0 + $1.0 * $1.1 } <= 1 + 1e-12) }
        #expect(third.weights.allSatisfy { $0 >= 0 })
    }

    @Test("a unit missing a child gets no score and does not bound the others")
    func missing() throws {
        // C (3, –) would dominate A and B if it counted
        let scores = try Self.scores([[2, 1], [1, 2], [.nan, 3], [1, 1]])
        StepKit.expectClose(scores, [1, 1, .nan, 2.0 / 3], relative: 1e-12)
    }

    @Test("a negative value is an error naming the unit and the child; -0 counts as zero")
    func negative() throws {
        let error = StepKit.error(try Self.data([[2, 1], [1, -2]]), [.aggregate(Aggregate(method: .benefitOfTheDoubt))])
        #expect(error?.kind == .nonPositiveValue)
        #expect(error?.message.contains("'y2'") == true && error?.message.contains("unit 'U1'") == true, "\(error?.message ?? "")")
        StepKit.expectClose(try Self.scores([[2, 1], [-0.0, 0]]), [1, 0])
    }

    @Test("more units than the solver takes is an error, not minutes of work")
    func tooManyUnits() throws {
        let rows: [[Double]] = (0...BenefitOfTheDoubt.maximumUnits).map { (i: Int) -> [Double] in [Double(i % 7 + 1), Double(i % 5 + 1)] }
        let error = StepKit.error(try Self.data(rows), [.aggregate(Aggregate(method: .benefitOfTheDoubt))])
        #expect(error?.kind == .invalidParameter)
        #expect(error?.message.contains("1001 units") == true, "\(error?.message ?? "")")
    }

    @Test("per aggregate, over that aggregate's children alone; the spec reads and writes the method")
    func perAggregate() throws {
        // P1 over x1, x2 by benefit of the doubt: A (10, 30), B (20, 40), C (–, 50):
        //   B dominates A → B 1, A: max 10w₁ + 30w₂ with 20w₁ + 40w₂ ≤ 1 → w₂ = 1/40 → 0.75; C missing
        let result = try AggregateTests.aggregated(Aggregate(aggregates: ["P1": .init(method: .benefitOfTheDoubt)]))
        StepKit.expectClose(StepKit.column(result, "P1"), [0.75, 1, .nan], relative: 1e-12)
        let json = #"{ "inputs": { "iData": "d.csv", "iMeta": "m.csv" }, "steps": [ { "step": "aggregate", "method": "benefitOfTheDoubt" } ] }"#
        let spec = try BuildSpec.decode(Data(json.utf8), file: "spec.json")
        #expect(spec.steps == [.aggregate(Aggregate(method: .benefitOfTheDoubt))])
        #expect(try BuildSpec.decode(spec.canonicalJSON(), file: "again.json") == spec)
    }

    @Test("simplex: an optimum, a degenerate vertex, an unbounded programme")
    func simplex() {
        // max 3x + 2y, x + y ≤ 4, x + 3y ≤ 6, x ≤ 3 → (3, 1), 11
        guard case let .optimal(best, at) = Simplex().maximise([3, 2], subjectTo: [[1, 1], [1, 3], [1, 0]], atMost: [4, 6, 3]) else {
            Issue.record("no optimum")
            return
        }
        #expect(abs(best - 11) < 1e-12)
        StepKit.expectClose(at, [3, 1], relative: 1e-12)
        // degenerate: three constraints through the optimum (1, 1); max x + y = 2
        guard case let .optimal(value, _) = Simplex().maximise([1, 1], subjectTo: [[1, 0], [0, 1], [1, 1], [2, 1]], atMost: [1, 1, 2, 3]) else {
            Issue.record("no optimum")
            return
        }
        #expect(abs(value - 2) < 1e-12)
        // Beale's cycling example (Chvátal, Linear Programming, 1983): optimum 1/20 at x = (1/25, 0, 1, 0)
        let beale = Simplex().maximise(
            [0.75, -150, 0.02, -6], subjectTo: [[0.25, -60, -0.04, 9], [0.5, -90, -0.02, 3], [0, 0, 1, 0]], atMost: [0, 0, 1])
        guard case let .optimal(bealeValue, x) = beale else {
            Issue.record("Beale's programme: \(beale)")
            return
        }
        #expect(abs(bealeValue - 0.05) < 1e-12)
        StepKit.expectClose(x, [0.04, 0, 1, 0], relative: 1e-9)
        #expect(Simplex().maximise([1, 1], subjectTo: [[1, -1]], atMost: [1]) == .unbounded)
    }
}
