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

    /// The Technology Achievement Index of 23 countries, as the OECD/JRC Handbook on Constructing
    /// Composite Indicators (2008) prints it in Table A.2 (pp. 152–153): patents, royalties,
    /// internet hosts, high-technology exports, telephones (log), electricity (log), schooling,
    /// university enrolment in science; every one the higher the better.
    static let technologyAchievement: [(country: String, values: [Double])] = [
        ("Finland", [187, 125.6, 200.2, 50.7, 3.08, 4.15, 10, 27.4]), ("United States", [289, 130, 179.1, 66.2, 3.00, 4.07, 12, 13.9]),
        ("Sweden", [271, 156.6, 125.8, 59.7, 3.10, 4.14, 11.4, 15.3]), ("Japan", [994, 64.6, 49, 80.8, 3.00, 3.86, 9.5, 10]),
        ("Korea", [779, 9.8, 4.8, 66.7, 2.97, 3.65, 10.8, 23.2]), ("Netherlands", [189, 151.2, 136, 50.9, 3.02, 3.77, 9.4, 9.5]),
        ("United Kingdom", [82, 134, 57.4, 61.9, 3.02, 3.73, 9.4, 14.9]), ("Canada", [31, 38.6, 108, 48.7, 2.94, 4.18, 11.6, 14.2]),
        ("Australia", [75, 18.2, 125.9, 16.2, 2.94, 3.94, 10.9, 25.3]), ("Singapore", [8, 25.5, 72.3, 74.9, 2.95, 3.83, 7.1, 24.2]),
        ("Germany", [235, 36.8, 41.2, 64.2, 2.94, 3.75, 10.2, 14.4]), ("Norway", [103, 20.2, 193.6, 19, 3.12, 4.39, 11.9, 11.2]),
        ("Ireland", [106, 110.3, 48.6, 53.6, 2.97, 3.68, 9.4, 12.3]), ("Belgium", [72, 73.9, 58.9, 47.6, 2.91, 3.86, 9.3, 13.6]),
        ("New Zealand", [103, 13, 146.7, 15.4, 2.86, 3.91, 11.7, 13.1]), ("Austria", [165, 14.8, 84.2, 50.3, 2.99, 3.79, 8.4, 13.6]),
        ("France", [205, 33.6, 36.4, 58.9, 2.97, 3.80, 7.9, 12.6]), ("Israel", [74, 43.6, 43.2, 45, 2.96, 3.74, 9.6, 11]),
        ("Spain", [42, 8.6, 21, 53.4, 2.86, 3.62, 7.3, 15.6]), ("Italy", [13, 9.8, 30.4, 51, 3.00, 3.65, 7.2, 13]),
        ("Czech Republic", [28, 4.2, 25, 51.7, 2.75, 3.68, 9.5, 8.2]), ("Hungary", [26, 6.2, 21.6, 63.5, 2.73, 3.46, 9.1, 7.7]),
        ("Slovenia", [105, 4, 20.3, 49.5, 2.84, 3.71, 7.1, 10.6]),
    ]

    @Test("published: the OECD/JRC Handbook's benefit of the doubt on the Technology Achievement Index (Table 19)")
    func handbook() throws {
        // Table 19 (p. 94): min-max normalised indicators, each weight 10–15 % of the weights' sum (endnote 29).
        let published = [1, 1, 1, 0.87, 0.80, 0.75, 0.71, 0.73, 0.66, 0.62, 0.62, 0.86, 0.60, 0.54, 0.58, 0.52, 0.51, 0.49, 0.34, 0.38, 0.31, 0.27, 0.28]
        // The same programme by scipy.optimize.linprog (HiGHS) on the same normalised data:
        //   linprog(-N[u], A_ub=[N; eᵢ − 0.15·1; 0.10·1 − eᵢ], b_ub=[1…; 0…], bounds=(0, None)) → -fun
        let scipy = [
            1.0000000000000004, 0.9999999999999989, 1.0000000000000004, 0.8635933289673074, 0.7993244836447071, 0.7499352788730579,
            0.7150792040236409, 0.7318265851509234, 0.6632588943595444, 0.6200213048053156, 0.6214480427281796, 0.8627255202529213,
            0.5990395190840012, 0.5400058022733012, 0.575740014244022, 0.5214484887036829, 0.5103476873876751, 0.48708770417363717,
            0.3330228401933596, 0.37916513664864293, 0.3137490683494126, 0.2728430279939529, 0.2860893145040826,
        ]
        let data = try Self.data(Self.technologyAchievement.map(\.values))
        let steps: [BuildStep] = [.normalise(Normalise(method: .minMax, range: [0, 1])), .aggregate(Aggregate(method: .benefitOfTheDoubt, shares: [0.10, 0.15]))]
        let scores = StepKit.column(try StepKit.run(data, steps), "I")
        StepKit.expectClose(scores, scipy, relative: 1e-9)
        // The table prints two decimals of scores from inputs printed to a few digits (the logs to two).
        for (i, (score, printed)) in zip(scores, published).enumerated() {
            #expect(abs(score - printed) < 0.0075, "\(Self.technologyAchievement[i].country): \(score), printed \(printed)")
        }
        #expect(zip(scores, published).count { ($0.0 * 100).rounded() / 100 == $0.1 } == 19)
        // Unrestricted, Japan (most patents) and every other country best at something would score 1.
        let free = StepKit.column(try StepKit.run(data, [steps[0], .aggregate(Aggregate(method: .benefitOfTheDoubt))]), "I")
        #expect(abs(free[3] - 1) < 1e-12 && abs(scores[3] - 0.8636) < 1e-4)
    }

    @Test("shares that admit no weights, or are not a pair of shares, are errors at their field")
    func sharesErrors() throws {
        let data = try Self.data([[1, 2, 3], [3, 2, 1]])
        func error(_ shares: [Double], at level: Bool = false) -> IndexEngineError? {
            let step = level
                ? Aggregate(levels: ["2": .init(method: .benefitOfTheDoubt, shares: shares)])
                : Aggregate(method: .benefitOfTheDoubt, shares: shares)
            return StepKit.error(data, [.aggregate(step)])
        }
        for (shares, words) in [([0.4, 0.5], "at most 1/3"), ([0.1, 0.2], "at least 1/3"), ([0.3, 0.2], "low to high"), ([-0.1, 0.5], "low to high"),
                                ([0.2], "two finite shares"), ([0.2, .nan], "two finite shares"), ([0.2, .infinity], "two finite shares")] {
            let e = error(shares)
            #expect(e?.kind == .invalidParameter && e?.column == "steps[0].shares", "\(shares)")
            #expect(e?.message.contains(words) == true, "\(shares): \(e?.message ?? "no error")")
        }
        #expect(error([0.4, 0.5], at: true)?.column == "steps[0].levels.2.shares")
        // Equal shares fix the weights: with [⅓, ⅓] every unit's score is its mean over the best mean (2 and 2).
        StepKit.expectClose(StepKit.column(try StepKit.run(data, [.aggregate(Aggregate(method: .benefitOfTheDoubt, shares: [1.0 / 3, 1.0 / 3]))]), "I"), [1, 1], relative: 1e-12)
        // Other methods ignore the shares, as they ignore p.
        StepKit.expectClose(StepKit.column(try StepKit.run(data, [.aggregate(Aggregate(shares: [0.9, 1]))]), "I"), [2, 2])
        let json = #"{ "inputs": { "iData": "d.csv", "iMeta": "m.csv" }, "steps": [ { "step": "aggregate", "method": "benefitOfTheDoubt", "shares": [0.1, 0.15] } ] }"#
        let spec = try BuildSpec.decode(Data(json.utf8), file: "spec.json")
        #expect(spec.steps == [.aggregate(Aggregate(method: .benefitOfTheDoubt, shares: [0.1, 0.15]))])
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
