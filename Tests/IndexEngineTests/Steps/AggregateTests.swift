import Foundation
import Testing
@testable import IndexEngine

/// The aggregate step: COINr's `a_amean`, `a_gmean`, `a_hmean`, `a_genmean`, `a_copeland`,
/// Compind's Mazziotta–Pareto, the availability threshold, per-level methods and weight sets.
@Suite("Step: aggregate")
struct AggregateTests {
    /// Idx (level 3) ← P1 (weight 2), P2 (weight 1); P1 ← x1 (weight 1), x2 (weight 3); P2 ← x3, x4 (weight 1 each).
    ///
    ///         x1   x2   x3   x4
    /// A       10   30   40   80
    /// B       20   40   10   10
    /// C        –   50   20   20
    static func nodes(x3Weight: Double = 1) -> [FrameworkNode] {
        [
            StepKit.indicator("x1", parent: "P1", weight: 1), StepKit.indicator("x2", parent: "P1", weight: 3),
            StepKit.indicator("x3", parent: "P2", weight: x3Weight), StepKit.indicator("x4", parent: "P2", weight: 1),
            StepKit.aggregate("P1", level: 2, parent: "Idx", weight: 2), StepKit.aggregate("P2", level: 2, parent: "Idx", weight: 1),
            StepKit.aggregate("Idx", level: 3),
        ]
    }

    static func data(x3: [Double] = [40, 10, 20]) throws -> Dataset {
        try StepKit.dataset(nodes: nodes(), columns: [[10, 20, .nan], [30, 40, 50], x3, [80, 10, 20]])
    }

    static func aggregated(_ step: Aggregate, weightSets: [String: [String: Double]] = [:], data: Dataset? = nil) throws -> BuildResult {
        try StepKit.run(try data ?? Self.data(), [.aggregate(step)], weightSets: weightSets)
    }

    static func expect(
        _ result: BuildResult, P1: [Double], P2: [Double], Idx: [Double], relative: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        StepKit.expectClose(StepKit.column(result, "P1"), P1, relative: relative, "P1", sourceLocation: sourceLocation)
        StepKit.expectClose(StepKit.column(result, "P2"), P2, relative: relative, "P2", sourceLocation: sourceLocation)
        StepKit.expectClose(StepKit.column(result, "Idx"), Idx, relative: relative, "Idx", sourceLocation: sourceLocation)
    }

    @Test("arithmetic: weighted means; a missing child's weight is renormalised away")
    func arithmetic() throws {
        let result = try Self.aggregated(Aggregate())
        // P1: A (1·10 + 3·30)/4 = 25;  B (20 + 120)/4 = 35;  C only x2 → 3·50/3 = 50
        // P2: A (40 + 80)/2 = 60;  B 10;  C 20
        // Idx: A (2·25 + 60)/3 = 110/3;  B (70 + 10)/3 = 80/3;  C (100 + 20)/3 = 40
        Self.expect(result, P1: [25, 35, 50], P2: [60, 10, 20], Idx: [110.0 / 3, 80.0 / 3, 40])
        #expect(StepKit.column(result, "x1")[0] == 10, "indicator columns are kept")
        #expect(result.final.values.columns == 7)
        #expect(result.ranks == [2, 3, 1])
        #expect(result.rankedRows == [2, 0, 1])
        #expect(result.stages.last?.name == "Aggregated")
    }

    @Test("geometric: Π xᵢ^(wᵢ/Σw)")
    func geometric() throws {
        let result = try Self.aggregated(Aggregate(method: .geometric))
        // P1: A (10·30³)^(1/4) = 270000^(1/4) ≈ 22.795;  B (20·40³)^(1/4) ≈ 33.636;  C 50
        // P2: A √(40·80) = √3200 ≈ 56.569;  B 10;  C 20
        // Idx: (P1²·P2)^(1/3)
        let p1 = [pow(10 * pow(30, 3), 0.25), pow(20 * pow(40, 3), 0.25), 50]
        let p2 = [sqrt(3200), 10, 20]
        Self.expect(result, P1: p1, P2: p2, Idx: zip(p1, p2).map { pow($0 * $0 * $1, 1.0 / 3) })
        StepKit.expectClose([StepKit.column(result, "Idx")[0]], [30.86163688], relative: 1e-9)
    }

    @Test("harmonic: Σw / Σ(w/x)")
    func harmonic() throws {
        let result = try Self.aggregated(Aggregate(method: .harmonic))
        // P1: A 4/(1/10 + 3/30) = 4/0.2 = 20;  B 4/(1/20 + 3/40) = 4/0.125 = 32;  C 3/(3/50) = 50
        // P2: A 2/(1/40 + 1/80) = 2/(3/80) = 160/3;  B 10;  C 20
        // Idx: A 3/(2/20 + 3/160) = 3/0.11875;  B 3/(2/32 + 1/10) = 3/0.1625;  C 3/(2/50 + 1/20) = 3/0.09
        Self.expect(result, P1: [20, 32, 50], P2: [160.0 / 3, 10, 20], Idx: [3 / 0.11875, 3 / 0.1625, 3 / 0.09])
    }

    @Test("generalised: (Σ w xᵖ / Σ w)^(1/p); p = −1 is the harmonic mean")
    func generalised() throws {
        let two = try Self.aggregated(Aggregate(method: .generalised, p: 2))
        // P1: A √((100 + 3·900)/4) = √700;  B √((400 + 3·1600)/4) = √1300;  C √2500 = 50
        //     (C has x1 missing: the engine renormalises, as for every mean; COINr's a_genmean,
        //      which has no na.rm, would give NA here.)
        // P2: A √((1600 + 6400)/2) = √4000;  B 10;  C 20
        // Idx: A √((2·700 + 4000)/3) = √1800;  B √((2·1300 + 100)/3) = √900 = 30;  C √((2·2500 + 400)/3) = √1800
        Self.expect(
            two, P1: [sqrt(700), sqrt(1300), 50], P2: [sqrt(4000), 10, 20],
            Idx: [sqrt(1800), 30, sqrt(1800)])
        #expect(two.ranks == [1, 3, 1], "A and C tie for first and share rank 1")
        let minusOne = try Self.aggregated(Aggregate(method: .generalised, p: -1))
        Self.expect(minusOne, P1: [20, 32, 50], P2: [160.0 / 3, 10, 20], Idx: [3 / 0.11875, 3 / 0.1625, 3 / 0.09])
        let one = try Self.aggregated(Aggregate(method: .generalised, p: 1))
        Self.expect(one, P1: [25, 35, 50], P2: [60, 10, 20], Idx: [110.0 / 3, 80.0 / 3, 40])
    }

    @Test("generalised needs a finite, non-zero p")
    func generalisedP() throws {
        for p in [nil, 0, .infinity] as [Double?] {
            let error = StepKit.error(try Self.data(), [.aggregate(Aggregate(method: .generalised, p: p))])
            #expect(error?.kind == .invalidParameter)
            #expect(error?.column == "steps[0].p")
        }
        let level = StepKit.error(try Self.data(), [.aggregate(Aggregate(levels: ["2": .init(method: .generalised, p: 0)]))])
        #expect(level?.column == "steps[0].levels.2.p")
    }

    @Test("a non-positive value is an error naming the unit, the child and the aggregate")
    func nonPositive() throws {
        // B's x3 is 0
        let data = try Self.data(x3: [40, 0, 20])
        let geometric = StepKit.error(data, [.aggregate(Aggregate(method: .geometric))])
        #expect(geometric?.kind == .nonPositiveValue)
        #expect(geometric?.column == "steps[0].method")
        let message = geometric?.message ?? ""
        #expect(message.contains("'x3'") && message.contains("unit 'B'") && message.contains("'P2'"), "\(message)")
        let harmonic = StepKit.error(data, [.aggregate(Aggregate(method: .harmonic))])
        #expect(harmonic?.kind == .nonPositiveValue)
        #expect(harmonic?.message.contains("unit 'B'") == true)
        let generalised = StepKit.error(try Self.data(x3: [40, -5, 20]), [.aggregate(Aggregate(method: .generalised, p: -1))])
        #expect(generalised?.kind == .nonPositiveValue)
        #expect(generalised?.message.contains("'x3'") == true)
        // a negative value is allowed by the harmonic mean (COINr checks only for zero) and by p > 0
        let negative = try Self.aggregated(Aggregate(method: .harmonic), data: try Self.data(x3: [40, -10, 20]))
        // P2 for B: 2/(1/−10 + 1/10) = 2/0 = ∞: not an error, but not a score either — missing, with a warning
        #expect(StepKit.column(negative, "P2")[1].isNaN)
        #expect(negative.log.warnings.contains { $0.code == .nonFinite && $0.indicator == "P2" && $0.unit == "B" && $0.stepName == "aggregate" })
    }

    @Test("threshold: a unit needs that share of children with data, level by level")
    func threshold() throws {
        // C has 1 of 2 children of P1: 1/2 < 0.5 is false → kept
        let half = try Self.aggregated(Aggregate(threshold: 0.5))
        Self.expect(half, P1: [25, 35, 50], P2: [60, 10, 20], Idx: [110.0 / 3, 80.0 / 3, 40])
        // 0.6: C's P1 is missing; at the top C then has 1 of 2 (P2 only) < 0.6 → missing too
        let strict = try Self.aggregated(Aggregate(threshold: 0.6))
        Self.expect(strict, P1: [25, 35, .nan], P2: [60, 10, 20], Idx: [110.0 / 3, 80.0 / 3, .nan])
        #expect(strict.ranks[2].isNaN && strict.ranks[0] == 1)
        #expect(strict.rankedRows == [0, 1, 2], "unranked last")
        // a threshold only for level 2: the top level, without one, uses C's P2
        let levelOnly = try Self.aggregated(Aggregate(levels: ["2": .init(threshold: 1)]))
        Self.expect(levelOnly, P1: [25, 35, .nan], P2: [60, 10, 20], Idx: [110.0 / 3, 80.0 / 3, 20])
        for bad in [1.5, -0.5] {
            let error = StepKit.error(try Self.data(), [.aggregate(Aggregate(threshold: bad))])
            #expect(error?.kind == .invalidParameter)
            #expect(error?.column == "steps[0].threshold")
        }
    }

    @Test("a unit with no children at all gets no score")
    func noChildren() throws {
        let data = try StepKit.dataset(nodes: Self.nodes(), columns: [[10, .nan], [30, .nan], [40, 1], [80, 1]])
        let result = try Self.aggregated(Aggregate(), data: data)
        Self.expect(result, P1: [25, .nan], P2: [60, 1], Idx: [110.0 / 3, 1])
    }

    @Test("per-level overrides: geometric at the top over arithmetic pillars")
    func perLevel() throws {
        let result = try Self.aggregated(Aggregate(method: .arithmetic, levels: ["3": .init(method: .geometric)]))
        // Idx = (P1²·P2)^(1/3): A (625·60)^(1/3), B (1225·10)^(1/3), C (2500·20)^(1/3)
        Self.expect(result, P1: [25, 35, 50], P2: [60, 10, 20], Idx: [pow(37_500, 1.0 / 3), pow(12_250, 1.0 / 3), pow(50_000, 1.0 / 3)])
        for key in ["1", "4", "top"] {
            let error = StepKit.error(try Self.data(), [.aggregate(Aggregate(levels: [key: .init(method: .geometric)]))])
            #expect(error?.kind == .invalidParameter)
            #expect(error?.column == "steps[0].levels.\(key)")
        }
    }

    @Test("copeland: +1 per weighted pairwise majority, −1 per minority, 0 for a tie")
    func copeland() throws {
        // One aggregate over three children; units A, B, C.
        //        y1  y2  y3
        // A       5   1   4
        // B       3   3   4
        // C       1   5   2
        // Equal weights (1/3 each):
        //   A–B: y1 A (1/3) + y3 tie (1/6) = 1/2 → a tie, 0 each
        //   A–C: y1 A + y3 A = 2/3 → A +1, C −1;   B–C: y1 B + y3 B = 2/3 → B +1, C −1
        //   A 1, B 1, C −2
        let nodes = [
            StepKit.indicator("y1", parent: "I", weight: 2), StepKit.indicator("y2", parent: "I"), StepKit.indicator("y3", parent: "I"),
            StepKit.aggregate("I", level: 2),
        ]
        let data = try StepKit.dataset(nodes: nodes, columns: [[5, 3, 1], [1, 3, 5], [4, 4, 2]])
        let equal = try Self.aggregated(Aggregate(method: .copeland, weights: "equal"), data: data)
        #expect(StepKit.column(equal, "I") == [1, 1, -2])
        // Weights 2, 1, 1 → 0.5, 0.25, 0.25:
        //   A–B: y1 A 0.5 + y3 tie 0.125 = 0.625 → A;  A–C: 0.5 + 0.25 = 0.75 → A;  B–C: 0.75 → B
        //   A 2, B 0, C −2
        let weighted = try Self.aggregated(Aggregate(method: .copeland), data: data)
        #expect(StepKit.column(weighted, "I") == [2, 0, -2])
        // A Condorcet cycle: every unit wins once and loses once
        let cycle = try StepKit.dataset(nodes: nodes, columns: [[3, 2, 1], [1, 3, 2], [2, 1, 3]])
        #expect(StepKit.column(try Self.aggregated(Aggregate(method: .copeland, weights: "equal"), data: cycle), "I") == [0, 0, 0])
    }

    @Test("copeland with missing values follows COINr: a missing comparison counts for the later unit")
    func copelandMissing() throws {
        let nodes = [
            StepKit.indicator("y1", parent: "I"), StepKit.indicator("y2", parent: "I"), StepKit.indicator("y3", parent: "I"),
            StepKit.aggregate("I", level: 2),
        ]
        // A: y1 missing, y2 1, y3 3;  B: 5, 2, 2. O[A,B] = y3 (1/3) only → < 1/2 → B wins.
        let ab = try StepKit.dataset(nodes: nodes, columns: [[.nan, 5], [1, 2], [3, 2]])
        #expect(StepKit.column(try Self.aggregated(Aggregate(method: .copeland), data: ab), "I") == [-1, 1])
        // The same units in the other order: O[B,A] = y2 (1/3) → < 1/2 → A wins (COINr's asymmetry).
        let ba = try StepKit.dataset(units: ["B", "A"], nodes: nodes, columns: [[5, .nan], [2, 1], [2, 3]])
        #expect(StepKit.column(try Self.aggregated(Aggregate(method: .copeland), data: ba), "I") == [-1, 1])
        // A unit with no data at all gets no score.
        let empty = try StepKit.dataset(nodes: nodes, columns: [[1, 2, .nan], [1, 2, .nan], [1, 2, .nan]])
        let scores = StepKit.column(try Self.aggregated(Aggregate(method: .copeland), data: empty), "I")
        #expect(scores[2].isNaN)
        // ... but A and B, before it, lose their comparisons with it: A −1 (B) −1 (C), B +1 (A) −1 (C)
        #expect(scores[0] == -2 && scores[1] == 0)
    }

    @Test("Mazziotta–Pareto: children standardised to 100 ± 10, then M − S²/M per unit")
    func mazziottaPareto() throws {
        // y1 = 1, 2, 3: mean 2, sd 1 → z = 90, 100, 110
        // y2 = 3, 9, 6: mean 6, d = −3, 3, 0, sd √(18/2) = 3 → z = 90, 110, 100
        // A: (90, 90): M 90, S 0 → 90
        // B: (100, 110): M 105, S² = (5² + 5²)/1 = 50 → 105 − 50/105
        // C: (110, 100): the same → 105 − 50/105
        let nodes = [
            StepKit.indicator("y1", parent: "I", weight: 5), StepKit.indicator("y2", parent: "I", weight: 1), StepKit.aggregate("I", level: 2),
        ]
        let data = try StepKit.dataset(nodes: nodes, columns: [[1, 2, 3], [3, 9, 6]])
        let result = try Self.aggregated(Aggregate(method: .mazziottaPareto), data: data)
        StepKit.expectClose(StepKit.column(result, "I"), [90, 105 - 50.0 / 105, 105 - 50.0 / 105], "weights are not used")
        // With C's y2 missing: y2 = 3, 9 → mean 6, sd √18 → z = 100 − 10/√2, 100 + 10/√2
        // C has only y1 → its z, 110 (the penalty needs two values)
        let gap = try StepKit.dataset(nodes: nodes, columns: [[1, 2, 3], [3, 9, .nan]])
        let partial = StepKit.column(try Self.aggregated(Aggregate(method: .mazziottaPareto), data: gap), "I")
        let zA = [90, 100 - 10 / sqrt(2)], zB = [100, 100 + 10 / sqrt(2)]
        func mpi(_ z: [Double]) -> Double {
            let m = (z[0] + z[1]) / 2, s2 = ((z[0] - m) * (z[0] - m) + (z[1] - m) * (z[1] - m)) / 1
            return m - s2 / m
        }
        StepKit.expectClose(partial, [mpi(zA), mpi(zB), 110])
        // a threshold of 1 removes C
        let strict = StepKit.column(try Self.aggregated(Aggregate(method: .mazziottaPareto, threshold: 1), data: gap), "I")
        #expect(strict[2].isNaN && !strict[0].isNaN)
    }

    @Test("weights: a named set overrides the metadata's for the codes it lists; equal sets all to 1")
    func weightSets() throws {
        // set "flat": x2 → 1. P1: A (10 + 30)/2 = 20, B 30, C 50; P2 and Idx weights as metadata.
        let named = try Self.aggregated(Aggregate(weights: "flat"), weightSets: ["flat": ["x2": 1]])
        Self.expect(named, P1: [20, 30, 50], P2: [60, 10, 20], Idx: [(40.0 + 60) / 3, (60.0 + 10) / 3, (100.0 + 20) / 3])
        // equal: P1 as above; Idx = (P1 + P2)/2
        let equal = try Self.aggregated(Aggregate(weights: "equal"))
        Self.expect(equal, P1: [20, 30, 50], P2: [60, 10, 20], Idx: [40, 20, 35])
        // a set naming an aggregate: P2 → 2 gives Idx = (2·P1 + 2·P2)/4
        let pillar = try Self.aggregated(Aggregate(weights: "p"), weightSets: ["p": ["P2": 2]])
        Self.expect(pillar, P1: [25, 35, 50], P2: [60, 10, 20], Idx: [42.5, 22.5, 35])
        // a zero weight: C's only available child of P1 (x2) has weight 0 → 0/0, missing
        let zero = try Self.aggregated(Aggregate(weights: "z"), weightSets: ["z": ["x2": 0]])
        Self.expect(zero, P1: [10, 20, .nan], P2: [60, 10, 20], Idx: [(20.0 + 60) / 3, (40.0 + 10) / 3, 20])
    }

    @Test("weight set errors: unknown set, unknown code, negative weight, all children zero")
    func weightSetErrors() throws {
        let data = try Self.data()
        let unknownSet = StepKit.error(data, [.aggregate(Aggregate(weights: "heavy"))], weightSets: ["light": ["x1": 1]])
        #expect(unknownSet?.kind == .unknownCode)
        #expect(unknownSet?.column == "steps[0].weights")
        #expect(unknownSet?.message.contains("'heavy'") == true && unknownSet?.message.contains("light") == true)
        let unknownCode = StepKit.error(data, [.aggregate(Aggregate(weights: "s"))], weightSets: ["s": ["zz": 1]])
        #expect(unknownCode?.kind == .unknownCode)
        #expect(unknownCode?.column?.hasSuffix("weightSets.s.zz") == true)
        let negative = StepKit.error(data, [.aggregate(Aggregate(weights: "s"))], weightSets: ["s": ["x1": -1]])
        #expect(negative?.kind == .invalidWeight)
        #expect(negative?.column?.hasSuffix("weightSets.s.x1") == true)
        let infinite = StepKit.error(data, [.aggregate(Aggregate(weights: "s"))], weightSets: ["s": ["x1": .infinity]])
        #expect(infinite?.kind == .invalidWeight)
        let allZero = StepKit.error(data, [.aggregate(Aggregate(weights: "s"))], weightSets: ["s": ["x3": 0, "x4": 0]])
        #expect(allZero?.kind == .invalidWeight)
        #expect(allZero?.column?.hasSuffix("weightSets.s") == true)
        #expect(allZero?.message.contains("'P2'") == true)
    }

    @Test("one unit and a flat framework")
    func edges() throws {
        let one = try StepKit.dataset(nodes: Self.nodes(), columns: [[10], [30], [40], [80]])
        Self.expect(try Self.aggregated(Aggregate(), data: one), P1: [25], P2: [60], Idx: [110.0 / 3])
        #expect(try Self.aggregated(Aggregate(), data: one).ranks == [1])
        // Copeland with one unit: no pairs, score 0
        #expect(StepKit.column(try Self.aggregated(Aggregate(method: .copeland), data: one), "Idx") == [0])
        // A framework without aggregates: nothing to do
        let flat = try StepKit.run(try StepKit.flat([[1, 2]]), [.aggregate(Aggregate())])
        #expect(flat.final.values.columns == 1 && StepKit.column(flat, "x1") == [1, 2])
    }

    @Test("normalise then aggregate: min-max onto [1, 100] makes the geometric mean possible")
    func pipeline() throws {
        // x1 (missing for C): 10, 20 → 1, 100;  x2 30, 40, 50 → 1, 50.5, 100
        // x3 40, 10, 20 → 100, 1, 34;  x4 80, 10, 20 → 100, 1, 100·(10/70)·0.99 + 1 = 15.142857…
        let result = try StepKit.run(
            try Self.data(), [.normalise(Normalise(method: .minMax, range: [1, 100])), .aggregate(Aggregate(method: .geometric))])
        let x4c = 10.0 / 70 * 99 + 1
        let p1 = [pow(1 * pow(1, 3), 0.25), pow(100 * pow(50.5, 3), 0.25), 100]
        let p2 = [100, 1, (34 * x4c).squareRoot()]
        Self.expect(result, P1: p1, P2: p2, Idx: zip(p1, p2).map { pow($0 * $0 * $1, 1.0 / 3) })
    }
}
