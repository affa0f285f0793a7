import Testing
@testable import IndexEngine

/// The normalise step: COINr's `n_*` functions, with the direction applied first.
@Suite("Step: normalise")
struct NormaliseTests {
    /// Units A–E. x1 and x2 hold the same values [2, 4, 4, 10, –]; x1 has direction +1, target 8,
    /// x2 direction −1, target 3; both have goalposts (0, 8).
    /// After the direction, x2 is [−2, −4, −4, −10, –]: min −10, max −2.
    static let values: [Double] = [2, 4, 4, 10, .nan]

    static func data(extra: [[Double]] = []) throws -> Dataset {
        try StepKit.dataset(
            nodes: [
                StepKit.indicator("x1", direction: 1, target: 8, goalposts: (0, 8)),
                StepKit.indicator("x2", direction: -1, target: 3, goalposts: (0, 8)),
            ] + extra.indices.map { StepKit.indicator("x\($0 + 3)") },
            columns: [values, values] + extra)
    }

    static func normalised(_ step: Normalise, extra: [[Double]] = []) throws -> BuildResult {
        try StepKit.run(try data(extra: extra), [.normalise(step)])
    }

    static func settings(_ method: Normalise.Method, _ edit: (inout Normalise.Settings) -> Void = { _ in }) -> Normalise {
        var s = Normalise.Settings()
        s.method = method
        edit(&s)
        return Normalise(s)
    }

    static func expect(_ step: Normalise, x1: [Double], x2: [Double], _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try normalised(step)
        StepKit.expectClose(StepKit.column(result, "x1"), x1, "x1 \(comment)", sourceLocation: sourceLocation)
        StepKit.expectClose(StepKit.column(result, "x2"), x2, "x2 \(comment)", sourceLocation: sourceLocation)
    }

    @Test("minMax: (x − min)/(max − min)·(u − l) + l, the default onto [0, 100]")
    func minMax() throws {
        // x1: (x − 2)/8·100;  x2: (−x + 10)/8·100 = (max − x)/(max − min)·100
        try Self.expect(Normalise(), x1: [0, 25, 25, 100, .nan], x2: [100, 75, 75, 0, .nan])
        try Self.expect(Normalise(method: .minMax), x1: [0, 25, 25, 100, .nan], x2: [100, 75, 75, 0, .nan])
        // [1, 100]: (x − 2)/8·99 + 1 → 1, 25.75, 25.75, 100
        try Self.expect(Normalise(method: .minMax, range: [1, 100]), x1: [1, 25.75, 25.75, 100, .nan], x2: [100, 75.25, 75.25, 1, .nan])
    }

    @Test("zScore: (x − mean)/sd·s + m with the sample sd; negated for direction −1")
    func zScore() throws {
        // mean (2 + 4 + 4 + 10)/4 = 5; d = −3, −1, −1, 5; Σd² = 36; sd = √(36/3) = √12
        let s = 12.0.squareRoot()
        let z = [-3 / s, -1 / s, -1 / s, 5 / s, .nan]
        try Self.expect(Normalise(method: .zScore), x1: z, x2: z.map { -$0 })
        try Self.expect(Normalise(method: .zScore, mean: 100, sd: 10), x1: z.map { 100 + 10 * $0 }, x2: z.map { 100 - 10 * $0 })
    }

    @Test("scaled: (x − l)/(u − l)·100 with fixed l and u, applied after the direction")
    func scaled() throws {
        // x1 with [0, 20]: x/20·100 = 5x;  x2 is −x, so [0, 20] gives −5x
        try Self.expect(Normalise(method: .scaled, range: [0, 20]), x1: [10, 20, 20, 50, .nan], x2: [-10, -20, -20, -50, .nan])
        // x2 with the negated range [−20, 0]: (−x + 20)/20·100
        let negated = Normalise(Self.settings(.scaled) { $0.range = [0, 20] }.settings, overrides: ["x2": Self.settings(.scaled) { $0.range = [-20, 0] }.settings])
        try Self.expect(negated, x1: [10, 20, 20, 50, .nan], x2: [90, 80, 80, 50, .nan])
    }

    @Test("scaled with a scale factor: (x − l)/(u − l)·scaleFactor, as COINr's n_scaled")
    func scaledFactor() throws {
        // x1 with [0, 20] and factor 1: x/20 → 0.1, 0.2, 0.2, 0.5;  x2 is −x: −0.1, −0.2, −0.2, −0.5
        try Self.expect(Self.settings(.scaled) { $0.range = [0, 20]; $0.scaleFactor = 1 }, x1: [0.1, 0.2, 0.2, 0.5, .nan], x2: [-0.1, -0.2, -0.2, -0.5, .nan])
        // factor 10 for x2 alone, with the range [−20, 0]: (−x + 20)/20·10 → 9, 8, 8, 5
        let perIndicator = Normalise(
            Self.settings(.scaled) { $0.range = [0, 20] }.settings, overrides: ["x2": Self.settings(.scaled) { $0.range = [-20, 0]; $0.scaleFactor = 10 }.settings])
        try Self.expect(perIndicator, x1: [10, 20, 20, 50, .nan], x2: [9, 8, 8, 5, .nan])
        // COINr 1.1.14 help: n_scaled(x, npara = c(l, u), scale_factor = 100) is (x − l)/(u − l)·scale_factor;
        // by hand, n_scaled(c(1, 5.5, 10), npara = c(1, 10), scale_factor = 2) is 0, 1, 2
        let data = try StepKit.flat([[1, 5.5, 10]])
        #expect(StepKit.column(try StepKit.run(data, [.normalise(Self.settings(.scaled) { $0.range = [1, 10]; $0.scaleFactor = 2 })]), "x1") == [0, 1, 2])
    }

    @Test("scaleFactor must be finite and not 0; the error names the field")
    func scaledFactorErrors() throws {
        for factor in [0.0, .nan, .infinity, -.infinity] {
            let error = StepKit.error(try Self.data(), [.normalise(Self.settings(.scaled) { $0.range = [0, 20]; $0.scaleFactor = factor })])
            #expect(error?.kind == .invalidParameter)
            #expect(error?.column == "steps[0].scaleFactor")
        }
        let override = StepKit.error(
            try Self.data(), [.normalise(Normalise(Self.settings(.scaled).settings, overrides: ["x2": Self.settings(.scaled) { $0.scaleFactor = 0 }.settings]))])
        #expect(override?.column == "steps[0].overrides.x2.scaleFactor")
    }

    @Test("rank, percentileRank and borda use ties \"min\" and keep missing values")
    func ranks() throws {
        // x1 ascending 2 (1), 4 4 (2), 10 (4);  x2 = −x ascending −10 (1), −4 −4 (2), −2 (4)
        try Self.expect(Normalise(method: .rank), x1: [1, 2, 2, 4, .nan], x2: [4, 2, 2, 1, .nan])
        // (rank − 1)/(n − 1), n = 4 observed
        try Self.expect(Normalise(method: .percentileRank), x1: [0, 1.0 / 3, 1.0 / 3, 1, .nan], x2: [1, 1.0 / 3, 1.0 / 3, 0, .nan])
        // rank − 1
        try Self.expect(Normalise(method: .borda), x1: [0, 1, 1, 3, .nan], x2: [3, 1, 1, 0, .nan])
    }

    @Test("rank, borda and percentileRank share tied ranks by ties; min stays the default")
    func tieRules() throws {
        // x1 = [2, 4, 4, 10, –]: ascending 2, then 4 4 spanning ranks 2 and 3, then 10
        let expected: [(Ranking.Ties, [Double])] = [(.min, [1, 2, 2, 4]), (.average, [1, 2.5, 2.5, 4]), (.max, [1, 3, 3, 4]), (.dense, [1, 2, 2, 3])]
        for (ties, ranks) in expected {
            let rank = try Self.normalised(Self.settings(.rank) { $0.ties = ties })
            StepKit.expectClose(StepKit.column(rank, "x1"), ranks + [.nan], "rank \(ties)")
            let borda = try Self.normalised(Self.settings(.borda) { $0.ties = ties })
            StepKit.expectClose(StepKit.column(borda, "x1"), ranks.map { $0 - 1 } + [.nan], "borda \(ties)")
            // (rank − 1)/(n − 1) with n = 4 observed values
            let percentile = try Self.normalised(Self.settings(.percentileRank) { $0.ties = ties })
            StepKit.expectClose(StepKit.column(percentile, "x1"), ranks.map { ($0 - 1) / 3 } + [.nan], "percentileRank \(ties)")
        }
        // dense over the largest rank: (rank − 1)/(3 − 1) → 0, 0.5, 0.5, 1
        let stretched = try Self.normalised(Self.settings(.percentileRank) { $0.ties = .dense; $0.denominator = .maxRank })
        StepKit.expectClose(StepKit.column(stretched, "x1"), [0, 0.5, 0.5, 1, .nan])
        // x2 is −x: −10 (1), −4 −4 (2, 3), −2 (4); max ties give 1, 3, 3, 4 in unit order 4, 3, 3, 1
        let x2 = try Self.normalised(Self.settings(.rank) { $0.ties = .max })
        StepKit.expectClose(StepKit.column(x2, "x2"), [4, 3, 3, 1, .nan])
    }

    @Test("percentileRank over n − 1 and over the largest rank, against scipy.stats.rankdata")
    func percentileRankOracle() throws {
        // python3 -c "import numpy as np; from scipy.stats import rankdata; x = np.array([3.5, 1, 9, 3.5, 9, 7, 7, 0.5])
        //   for m in ('min', 'average', 'max', 'dense'): r = rankdata(x, method=m); print(m, (r - 1)/(len(x) - 1), (r - 1)/(r.max() - 1))"
        let x: [Double] = [3.5, 1, 9, 3.5, 9, 7, 7, 0.5]
        let oracle: [(Ranking.Ties, n: [Double], maxRank: [Double])] = [
            (.min, [0.2857142857142857, 0.14285714285714285, 0.8571428571428571, 0.2857142857142857, 0.8571428571428571, 0.5714285714285714, 0.5714285714285714, 0],
             [0.3333333333333333, 0.16666666666666666, 1, 0.3333333333333333, 1, 0.6666666666666666, 0.6666666666666666, 0]),
            (.average, [0.35714285714285715, 0.14285714285714285, 0.9285714285714286, 0.35714285714285715, 0.9285714285714286, 0.6428571428571429, 0.6428571428571429, 0],
             [0.38461538461538464, 0.15384615384615385, 1, 0.38461538461538464, 1, 0.6923076923076923, 0.6923076923076923, 0]),
            (.max, [0.42857142857142855, 0.14285714285714285, 1, 0.42857142857142855, 1, 0.7142857142857143, 0.7142857142857143, 0],
             [0.42857142857142855, 0.14285714285714285, 1, 0.42857142857142855, 1, 0.7142857142857143, 0.7142857142857143, 0]),
            (.dense, [0.2857142857142857, 0.14285714285714285, 0.5714285714285714, 0.2857142857142857, 0.5714285714285714, 0.42857142857142855, 0.42857142857142855, 0],
             [0.5, 0.25, 1, 0.5, 1, 0.75, 0.75, 0]),
        ]
        let data = try StepKit.flat([x])
        for (ties, overN, overMaxRank) in oracle {
            let n = try StepKit.run(data, [.normalise(Self.settings(.percentileRank) { $0.ties = ties })])
            StepKit.expectClose(StepKit.column(n, "x1"), overN, relative: 1e-15, "n − 1, \(ties)")
            let top = try StepKit.run(data, [.normalise(Self.settings(.percentileRank) { $0.ties = ties; $0.denominator = .maxRank })])
            StepKit.expectClose(StepKit.column(top, "x1"), overMaxRank, relative: 1e-15, "largest rank − 1, \(ties)")
        }
    }

    @Test("percentileRank over the largest rank: a constant column has no spread and warns")
    func percentileRankConstant() throws {
        let result = try Self.normalised(Self.settings(.percentileRank) { $0.denominator = .maxRank }, extra: [[3, 3, 3, 3, 3]])
        #expect(StepKit.column(result, "x3").allSatisfy { $0.isNaN }, "(1 − 1)/(1 − 1)")
        #expect(result.log.warnings.map(\.code) == [.noSpread, .columnMissing])
        let one = try StepKit.run(try StepKit.flat([[7]]), [.normalise(Self.settings(.percentileRank) { $0.denominator = .maxRank })])
        #expect(StepKit.column(one, "x1")[0].isNaN)
    }

    @Test("round: the step's output, half to even on the value held, as Python's round()")
    func rounding() throws {
        // min-max onto [0, 1] of [0, 1, 3, 8]: 0, 0.125, 0.375, 1 — exact binary halves at 2 places
        let step = Normalise(Self.settings(.minMax) { $0.range = [0, 1]; $0.round = 2 }.settings)
        #expect(StepKit.column(try StepKit.run(try StepKit.flat([[0, 1, 3, 8]]), [.normalise(step)]), "x1") == [0, 0.12, 0.38, 1])
        // the scale is applied before rounding: goalposts (0, 8) times 3 → 0.75, 1.5, 1.5, 3 for x1, 2.25, 1.5, 1.5, 0 for x2
        let goalposts = Self.settings(.goalposts) { $0.scale = 3; $0.round = 1 }
        try Self.expect(goalposts, x1: [0.8, 1.5, 1.5, 3, .nan], x2: [2.2, 1.5, 1.5, 0, .nan], "0.75 → 0.8 and 2.25 → 2.2, half to even")
    }

    @Test("round against Python's round(x, digits), including values that are not halves in binary")
    func roundingOracle() throws {
        // python3 -c "xs = [0.125, 0.375, 2.675, 26.15, 71.745, -0.125, -2.5, 0.5, 1.5, 123456.7890123456789, 1e-7,
        //   4000000000000000.5, 4503599627370495.5]; [print(d, [round(x, d) for x in xs]) for d in (0, 1, 2, 3, 15)]"
        // 2.675 is held as 2.67499999999999982…, so it rounds down; 71.745 is held as 71.74500000000000454…,
        // so it rounds up, although 71.745 × 100 gives exactly 7174.5, which rounds to the even 7174.
        let x: [Double] = [0.125, 0.375, 2.675, 26.15, 71.745, -0.125, -2.5, 0.5, 1.5, 123456.7890123456789, 1e-7, 4000000000000000.5, 4503599627370495.5]
        let python: [Int: [Double]] = [
            0: [0, 0, 3, 26, 72, -0.0, -2, 0, 2, 123457, 0, 4000000000000000, 4503599627370496],
            1: [0.1, 0.4, 2.7, 26.1, 71.7, -0.1, -2.5, 0.5, 1.5, 123456.8, 0, 4000000000000000.5, 4503599627370495.5],
            2: [0.12, 0.38, 2.67, 26.15, 71.75, -0.12, -2.5, 0.5, 1.5, 123456.79, 0, 4000000000000000.5, 4503599627370495.5],
            3: [0.125, 0.375, 2.675, 26.15, 71.745, -0.125, -2.5, 0.5, 1.5, 123456.789, 0, 4000000000000000.5, 4503599627370495.5],
            15: [0.125, 0.375, 2.675, 26.15, 71.745, -0.125, -2.5, 0.5, 1.5, 123456.78901234567, 1e-07, 4000000000000000.5, 4503599627370495.5],
        ]
        let data = try StepKit.flat([x + [.nan]])
        for (digits, expected) in python {
            let result = StepKit.column(try StepKit.run(data, [.normalise(Self.settings(.none) { $0.round = digits })]), "x1")
            #expect(Array(result.prefix(x.count)) == expected, "round \(digits)")
            #expect(result.last?.isNaN == true, "a missing value stays missing")
        }
        #expect(DecimalRounding.halfEven(-0.001, digits: 2).sign == .minus, "round(-0.001, 2) is -0.0")
        #expect(DecimalRounding.halfEven(1e300, digits: 2) == 1e300)
        #expect(DecimalRounding.halfEven(.infinity, digits: 2) == .infinity)
    }

    @Test("round outside 0…15 is an error naming the field")
    func roundingErrors() throws {
        for digits in [-1, 16, Int.max] {
            let error = StepKit.error(try Self.data(), [.normalise(Self.settings(.minMax) { $0.round = digits })])
            #expect(error?.kind == .invalidParameter)
            #expect(error?.column == "steps[0].round")
        }
        let override = StepKit.error(try Self.data(), [.normalise(Normalise(overrides: ["x2": Self.settings(.minMax) { $0.round = -3 }.settings]))])
        #expect(override?.column == "steps[0].overrides.x2.round")
        // a step-wide round is named as the step's even for an indicator with an override of another field
        let stepWide = StepKit.error(try Self.data(), [.normalise(Normalise(Self.settings(.minMax) { $0.round = 99 }.settings, overrides: ["x2": Self.settings(.rank).settings]))])
        #expect(stepWide?.column == "steps[0].round")
    }

    @Test("distanceToMax: 1 − (max − x)/(max − min)")
    func distanceToMax() throws {
        // x1: 1 − (10 − x)/8;  x2: 1 − (−2 + x)/8
        try Self.expect(Normalise(method: .distanceToMax), x1: [0, 0.25, 0.25, 1, .nan], x2: [1, 0.75, 0.75, 0, .nan])
    }

    @Test("distanceToTarget: (x − min)/(target − min); for direction −1 (max − x)/(max − target)")
    func distanceToTarget() throws {
        // x1, target 8: (x − 2)/6 → 0, 1/3, 1/3, 4/3
        // x2, target 3: (10 − x)/(10 − 3) → 8/7, 6/7, 6/7, 0
        try Self.expect(Self.settings(.distanceToTarget), x1: [0, 1.0 / 3, 1.0 / 3, 4.0 / 3, .nan], x2: [8.0 / 7, 6.0 / 7, 6.0 / 7, 0, .nan])
        // capAtMax: values above 1 become 1
        try Self.expect(
            Self.settings(.distanceToTarget) { $0.capAtMax = true }, x1: [0, 1.0 / 3, 1.0 / 3, 1, .nan], x2: [1, 6.0 / 7, 6.0 / 7, 0, .nan])
        // a target in the spec replaces the metadata's: x1 target 6 → (x − 2)/4; x2 target 6 → (10 − x)/4
        try Self.expect(Self.settings(.distanceToTarget) { $0.target = 6 }, x1: [0, 0.5, 0.5, 2, .nan], x2: [2, 1.5, 1.5, 0, .nan])
    }

    @Test("distanceToTarget without a target is an error naming the field")
    func distanceToTargetMissing() throws {
        let error = StepKit.error(try Self.data(extra: [[1, 2, 3, 4, 5]]), [.normalise(Self.settings(.distanceToTarget))])
        #expect(error?.kind == .invalidParameter)
        #expect(error?.column == "steps[0].target")
        #expect(error?.message.contains("'x3'") == true)
    }

    @Test("distanceToReference: 1 − (x_ref − x)/(x_ref − min), for the reference unit")
    func distanceToReference() throws {
        // reference B (value 4). x1: 1 − (4 − x)/(4 − 2) → 0, 1, 1, 4
        // x2: −x, x_ref = −4, min = −10: 1 − (−4 + x)/6 → 4/3, 1, 1, 0
        try Self.expect(Self.settings(.distanceToReference) { $0.reference = "B" }, x1: [0, 1, 1, 4, .nan], x2: [4.0 / 3, 1, 1, 0, .nan])
        try Self.expect(
            Self.settings(.distanceToReference) { $0.reference = "B"; $0.capAtMax = true }, x1: [0, 1, 1, 1, .nan], x2: [1, 1, 1, 0, .nan])
    }

    @Test("distanceToReference: a reference without a value gives missing values and a warning; errors name the field")
    func distanceToReferenceEdges() throws {
        let result = try Self.normalised(Self.settings(.distanceToReference) { $0.reference = "E" })
        #expect(StepKit.column(result, "x1").allSatisfy { $0.isNaN })
        #expect(result.log.warnings.contains { $0.code == .referenceMissing && $0.indicator == "x1" && $0.unit == "E" })
        let unknown = StepKit.error(try Self.data(), [.normalise(Self.settings(.distanceToReference) { $0.reference = "ZZ" })])
        #expect(unknown?.kind == .unknownCode)
        #expect(unknown?.column == "steps[0].reference")
        let none = StepKit.error(try Self.data(), [.normalise(Self.settings(.distanceToReference))])
        #expect(none?.kind == .invalidParameter)
        #expect(none?.column == "steps[0].reference")
        // a reference unit removed by the screen is not a unit of the build any more
        let screened = StepKit.error(
            try Self.data(), [.screen(Screen()), .normalise(Self.settings(.distanceToReference) { $0.reference = "E" })])
        #expect(screened?.kind == .unknownCode)
        #expect(screened?.column == "steps[1].reference")
    }

    @Test("goalposts: (x − l)/(u − l), truncated to [0, 1], times the scale; direction −1 gives (u − x)/(u − l)")
    func goalposts() throws {
        // metadata posts (0, 8). x1: x/8 → 0.25, 0.5, 0.5, 1.25 → truncated to 1
        // x2: (8 − x)/8 → 0.75, 0.5, 0.5, −0.25 → truncated to 0
        try Self.expect(Self.settings(.goalposts), x1: [0.25, 0.5, 0.5, 1, .nan], x2: [0.75, 0.5, 0.5, 0, .nan])
        try Self.expect(Self.settings(.goalposts) { $0.truncate = false }, x1: [0.25, 0.5, 0.5, 1.25, .nan], x2: [0.75, 0.5, 0.5, -0.25, .nan])
        try Self.expect(Self.settings(.goalposts) { $0.scale = 100 }, x1: [25, 50, 50, 100, .nan], x2: [75, 50, 50, 0, .nan])
        // posts in the spec, in the indicator's own units: (1, 5). x1: (x − 1)/4; x2: (5 − x)/4
        try Self.expect(
            Self.settings(.goalposts) { $0.goalposts = [1, 5]; $0.truncate = false },
            x1: [0.25, 0.75, 0.75, 2.25, .nan], x2: [0.75, 0.25, 0.25, -1.25, .nan])
    }

    @Test("goalposts: missing or equal posts are errors naming the field")
    func goalpostErrors() throws {
        let missing = StepKit.error(try Self.data(extra: [[1, 2, 3, 4, 5]]), [.normalise(Self.settings(.goalposts))])
        #expect(missing?.kind == .invalidParameter)
        #expect(missing?.column == "steps[0].goalposts")
        #expect(missing?.message.contains("'x3'") == true)
        let equal = StepKit.error(try Self.data(), [.normalise(Self.settings(.goalposts) { $0.goalposts = [3, 3] })])
        #expect(equal?.kind == .invalidParameter)
        #expect(equal?.column == "steps[0].goalposts")
        let perIndicator = StepKit.error(
            try Self.data(), [.normalise(Normalise(Self.settings(.goalposts).settings, overrides: ["x2": Self.settings(.goalposts) { $0.goalposts = [1] }.settings]))])
        #expect(perIndicator?.column == "steps[0].overrides.x2.goalposts")
    }

    @Test("goalposts as worst and best: (x − worst)/(best − worst), their order giving the direction")
    func worstAndBest() throws {
        // worst 0, best 8: x/8 for x1 and for x2 alike (x2's Direction −1 is not used) → 0.25, 0.5, 0.5, 1.25 → 1
        try Self.expect(Self.settings(.goalposts) { $0.worst = 0; $0.best = 8 }, x1: [0.25, 0.5, 0.5, 1, .nan], x2: [0.25, 0.5, 0.5, 1, .nan])
        // worst 8, best 0, lower is better: (8 − x)/8 → 0.75, 0.5, 0.5, −0.25 → 0; the same as goalposts (0, 8) with Direction −1
        try Self.expect(Self.settings(.goalposts) { $0.worst = 8; $0.best = 0 }, x1: [0.75, 0.5, 0.5, 0, .nan], x2: [0.75, 0.5, 0.5, 0, .nan])
        try Self.expect(
            Self.settings(.goalposts) { $0.worst = 8; $0.best = 0; $0.truncate = false; $0.scale = 100 },
            x1: [75, 50, 50, -25, .nan], x2: [75, 50, 50, -25, .nan])
        // an indicator's worst and best replace the step's goalposts: x2 (10 − x)/8 → 1, 0.75, 0.75, 0
        let mixed = Normalise(Self.settings(.goalposts) { $0.goalposts = [0, 8] }.settings, overrides: ["x2": Self.settings(.goalposts) { $0.worst = 10; $0.best = 2 }.settings])
        try Self.expect(mixed, x1: [0.25, 0.5, 0.5, 1, .nan], x2: [1, 0.75, 0.75, 0, .nan])
        // and an indicator's goalposts replace the step's worst and best
        let back = Normalise(Self.settings(.goalposts) { $0.worst = 8; $0.best = 0 }.settings, overrides: ["x1": Self.settings(.goalposts) { $0.goalposts = [0, 8] }.settings])
        try Self.expect(back, x1: [0.25, 0.5, 0.5, 1, .nan], x2: [0.75, 0.5, 0.5, 0, .nan])
    }

    @Test("worst and best reproduce COINr's documented n_goalposts examples")
    func worstAndBestOracle() throws {
        // COINr 1.1 help of n_goalposts: n_goalposts(1, gposts = c(0, 10, 1)) is 0.1, and with direction = -1 it is 0.9
        let data = try StepKit.flat([[1, 5]])
        let up = try StepKit.run(data, [.normalise(Self.settings(.goalposts) { $0.worst = 0; $0.best = 10 })])
        #expect(StepKit.column(up, "x1")[0] == 0.1)
        let down = try StepKit.run(data, [.normalise(Self.settings(.goalposts) { $0.worst = 10; $0.best = 0 })])
        #expect(StepKit.column(down, "x1")[0] == 0.9)
    }

    @Test("worst and best: both forms, one alone, equal or non-finite posts are errors naming the field")
    func worstAndBestErrors() throws {
        let cases: [(Normalise, String)] = [
            (Self.settings(.goalposts) { $0.goalposts = [0, 8]; $0.worst = 8; $0.best = 0 }, "steps[0].worst"),
            (Self.settings(.goalposts) { $0.goalposts = [0, 8]; $0.best = 0 }, "steps[0].best"),
            (Self.settings(.goalposts) { $0.worst = 8 }, "steps[0].best"),
            (Self.settings(.goalposts) { $0.best = 8 }, "steps[0].worst"),
            (Self.settings(.goalposts) { $0.worst = 3; $0.best = 3 }, "steps[0].best"),
            (Self.settings(.goalposts) { $0.worst = .nan; $0.best = 3 }, "steps[0].worst"),
            (Self.settings(.goalposts) { $0.worst = 0; $0.best = .infinity }, "steps[0].best"),
            (Normalise(Self.settings(.goalposts).settings, overrides: ["x2": Self.settings(.goalposts) { $0.worst = 1 }.settings]), "steps[0].overrides.x2.best"),
            (Normalise(Self.settings(.goalposts).settings, overrides: ["x2": Self.settings(.goalposts) { $0.worst = 1; $0.best = 1 }.settings]), "steps[0].overrides.x2.best"),
            (Normalise(Self.settings(.minMax).settings, overrides: ["x1": Self.settings(.goalposts) { $0.goalposts = [1, 2]; $0.worst = 1; $0.best = 2 }.settings]), "steps[0].overrides.x1.worst"),
        ]
        for (step, field) in cases {
            let error = StepKit.error(try Self.data(), [.normalise(step)])
            #expect(error?.kind == .invalidParameter, "\(field)")
            #expect(error?.column == field)
        }
    }

    @Test("fractionOfMax: x / max of the direction-adjusted values (x / min for direction −1)")
    func fractionOfMax() throws {
        // x1: x/10;  x2: −x / −2 = x/2
        try Self.expect(Normalise(method: .fractionOfMax), x1: [0.2, 0.4, 0.4, 1, .nan], x2: [1, 2, 2, 5, .nan])
    }

    @Test("none returns the direction-adjusted values; useDirection false ignores the direction")
    func noneAndDirection() throws {
        try Self.expect(Normalise(method: .none), x1: Self.values, x2: Self.values.map { -$0 })
        try Self.expect(Self.settings(.minMax) { $0.useDirection = false }, x1: [0, 25, 25, 100, .nan], x2: [0, 25, 25, 100, .nan])
    }

    @Test("per-indicator overrides change only their indicator")
    func overrides() throws {
        let step = Normalise(Normalise.Settings(), overrides: ["x2": Self.settings(.rank).settings])
        try Self.expect(step, x1: [0, 25, 25, 100, .nan], x2: [4, 2, 2, 1, .nan])
        let unknown = StepKit.error(try Self.data(), [.normalise(Normalise(overrides: ["y": Normalise.Settings()]))])
        #expect(unknown?.kind == .unknownCode)
        #expect(unknown?.column == "steps[0].overrides.y")
    }

    @Test("a constant column has no spread: missing values and a warning", arguments: [Normalise.Method.minMax, .zScore, .distanceToMax])
    func constant(_ method: Normalise.Method) throws {
        let result = try Self.normalised(Normalise(method: method), extra: [[3, 3, 3, 3, 3]])
        #expect(StepKit.column(result, "x3").allSatisfy { $0.isNaN })
        #expect(result.log.warnings.map(\.code) == [.noSpread, .columnMissing], "no spread, so the step leaves the column empty")
        #expect(result.log.warnings.allSatisfy { $0.indicator == "x3" && $0.step == 0 && $0.stepName == "normalise" })
        #expect(result.log.warnings[0].message == "no spread for \(method.rawValue); its normalised values are missing")
        #expect(StepKit.column(result, "x1").contains { !$0.isNaN }, "other indicators are normalised")
    }

    @Test("a constant column under rank methods: all tied at rank 1")
    func constantRanks() throws {
        let result = try Self.normalised(Normalise(method: .rank), extra: [[3, 3, 3, 3, 3]])
        #expect(StepKit.column(result, "x3") == [1, 1, 1, 1, 1])
        let percentile = try Self.normalised(Normalise(method: .percentileRank), extra: [[3, 3, 3, 3, 3]])
        #expect(StepKit.column(percentile, "x3") == [0, 0, 0, 0, 0], "(1 − 1)/(5 − 1)")
    }

    @Test("zScore needs a positive sd; ranges need two finite numbers; scaled needs distinct ends")
    func parameterErrors() throws {
        for sd in [0.0, -1, .nan] {
            let error = StepKit.error(try Self.data(), [.normalise(Normalise(method: .zScore, sd: sd))])
            #expect(error?.kind == .invalidParameter)
            #expect(error?.column == "steps[0].sd")
        }
        let override = StepKit.error(
            try Self.data(), [.normalise(Normalise(Normalise.Settings(), overrides: ["x1": Self.settings(.zScore) { $0.sd = 0 }.settings]))])
        #expect(override?.column == "steps[0].overrides.x1.sd")
        let range = StepKit.error(try Self.data(), [.normalise(Normalise(method: .minMax, range: [0, 50, 100]))])
        #expect(range?.kind == .invalidParameter)
        #expect(range?.column == "steps[0].range")
        let infinite = StepKit.error(try Self.data(), [.normalise(Normalise(method: .minMax, range: [0, .infinity]))])
        #expect(infinite?.column == "steps[0].range")
        let scaled = StepKit.error(try Self.data(), [.normalise(Normalise(method: .scaled, range: [5, 5]))])
        #expect(scaled?.kind == .invalidParameter)
        #expect(scaled?.column == "steps[0].range")
    }

    @Test("one unit: min-max has no spread; percentile rank is 0/0; rank is 1")
    func oneUnit() throws {
        let data = try StepKit.flat([[7]])
        let minMax = try StepKit.run(data, [.normalise(Normalise())])
        #expect(StepKit.column(minMax, "x1")[0].isNaN)
        #expect(minMax.log.warnings.map(\.code) == [.noSpread, .stageAllMissing])
        #expect(StepKit.column(try StepKit.run(data, [.normalise(Normalise(method: .rank))]), "x1") == [1])
        #expect(StepKit.column(try StepKit.run(data, [.normalise(Normalise(method: .percentileRank))]), "x1")[0].isNaN)
    }

    @Test("an all-missing column stays missing without error")
    func allMissing() throws {
        for method in [Normalise.Method.minMax, .zScore, .rank, .goalposts, .fractionOfMax] {
            let result = try StepKit.run(try StepKit.dataset(nodes: [StepKit.indicator("x1", goalposts: (0, 1))], columns: [[.nan, .nan]]), [.normalise(Normalise(method: method))])
            #expect(StepKit.column(result, "x1").allSatisfy { $0.isNaN }, "\(method)")
        }
    }
}
