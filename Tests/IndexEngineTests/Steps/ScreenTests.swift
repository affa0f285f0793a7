import Testing
@testable import IndexEngine

/// The screen step: COINr's `Screen` with `byNA`, `byzeros`, `byNAandzeros` and `Force`.
@Suite("Step: screen")
struct ScreenTests {
    /// Three indicators, five units:
    /// A = [1, 1, 1] complete;  B = [–, 1, 1] one missing;  C = [–, –, 2] two missing;
    /// D = [0, 0, 1] complete with two zeros;  E = [–, –, –] nothing.
    static func data() throws -> Dataset {
        try StepKit.flat([
            [1, .nan, .nan, 0, .nan],
            [1, 1, .nan, 0, .nan],
            [1, 1, 2, 1, .nan],
        ])
    }

    static func screened(_ step: Screen, _ data: Dataset? = nil) throws -> BuildResult {
        try StepKit.run(try data ?? Self.data(), [.screen(step)])
    }

    @Test("by missing with the default 2/3: one of three missing sits on the boundary and is kept")
    func defaultThreshold() throws {
        // availability = 1 − missing/3: A 1, B 1 − 1/3 = 0.6666666666666667 ≥ 2/3 = 0.6666666666666666,
        // C 1 − 2/3 = 0.33…, D 1, E 0
        #expect(1 - 1.0 / 3 >= 2.0 / 3, "the floating-point fact the boundary relies on")
        let result = try Self.screened(Screen())
        #expect(StepKit.units(result) == ["A", "B", "D"])
        #expect(result.final.values.column(2) == [1, 1, 1], "rows keep their original order")
        #expect(result.log.warnings.map(\.message) == ["removed 2 unit(s): C, E"])
        #expect(result.stages.last?.name == "Screened" && result.stages.last?.units == [0, 1, 3])
    }

    @Test("availability is 1 − k/n, so 1 of 5 observed is below a threshold of 0.2")
    func oneMinusForm() throws {
        // 1 − 4/5 = 0.19999999999999996 < 0.2 → removed (the form (5 − 4)/5 = 0.2 would keep it);
        // 1 − 3/5 = 0.4 ≥ 0.2 → kept.
        #expect(1 - 4.0 / 5 < 0.2)
        let nan = Double.nan
        let data = try StepKit.flat([[1, 1], [nan, 1], [nan, nan], [nan, nan], [nan, nan]])
        let result = try Self.screened(Screen(threshold: 0.2), data)
        #expect(StepKit.units(result) == ["B"])
    }

    @Test("threshold 1 keeps complete units only; threshold 0 keeps every unit, even one with no data")
    func extremes() throws {
        #expect(StepKit.units(try Self.screened(Screen(threshold: 1))) == ["A", "D"])
        let all = try Self.screened(Screen(threshold: 0))
        #expect(StepKit.units(all) == ["A", "B", "C", "D", "E"])
        #expect(all.log.warnings.isEmpty, "nothing removed, nothing reported")
    }

    @Test("by zeros: the share of non-zero values among the observed ones; a unit without data fails")
    func byZeros() throws {
        // non-zero share = 1 − zeros/observed: A 1, B 1 − 0/2 = 1, C 1 − 0/1 = 1, D 1 − 2/3 = 0.33…, E 0/0 → fails
        let result = try Self.screened(Screen(nonZeroThreshold: 0.5, by: .zeros))
        #expect(StepKit.units(result) == ["A", "B", "C"])
        // On the boundary: D's 1 − 2/3 = 0.33333333333333337 ≥ 1/3 = 0.3333333333333333 → kept
        let boundary = try Self.screened(Screen(nonZeroThreshold: 1.0 / 3, by: .zeros))
        #expect(StepKit.units(boundary) == ["A", "B", "C", "D"])
        // The default non-zero threshold 0.05 keeps D; only E (no data) fails.
        #expect(StepKit.units(try Self.screened(Screen(by: .zeros))) == ["A", "B", "C", "D"])
    }

    @Test("by missing or zeros: a unit failing either rule is removed")
    func byMissingOrZeros() throws {
        // missing removes C and E; zeros (threshold 0.5) removes D and E
        let result = try Self.screened(Screen(nonZeroThreshold: 0.5, by: .missingOrZeros))
        #expect(StepKit.units(result) == ["A", "B"])
        #expect(result.log.warnings.map(\.message) == ["removed 3 unit(s): C, D, E"])
    }

    @Test("include forces units in, exclude forces them out, and exclusion wins")
    func force() throws {
        // By data: A, B, D kept. Include C and B, exclude A and B → C in, A and B out.
        let result = try Self.screened(Screen(include: ["C", "B"], exclude: ["A", "B"]))
        #expect(StepKit.units(result) == ["C", "D"])
        #expect(result.log.warnings.map(\.message) == ["removed 3 unit(s): A, B, E"])
        // Forcing works under the zero rule as well.
        let zeros = try Self.screened(Screen(nonZeroThreshold: 0.5, by: .zeros, include: ["D"]))
        #expect(StepKit.units(zeros) == ["A", "B", "C", "D"])
    }

    @Test("removing every unit is an error")
    func allRemoved() throws {
        let error = StepKit.error(try Self.data(), [.screen(Screen(exclude: ["A", "B", "C", "D", "E"]))])
        #expect(error?.kind == .noData)
        #expect(error?.column == "steps[0].threshold")
        #expect(error?.message.contains("no unit passes the screen") == true)
        let strict = StepKit.error(try StepKit.flat([[1, .nan], [.nan, 2]]), [.screen(Screen(threshold: 1))])
        #expect(strict?.kind == .noData)
    }

    @Test("an unknown unit code in include or exclude is an error naming the field and the code")
    func unknownUnit() throws {
        let inError = StepKit.error(try Self.data(), [.screen(Screen(include: ["A", "ZZ"]))])
        #expect(inError?.kind == .unknownCode)
        #expect(inError?.column == "steps[0].include")
        #expect(inError?.message.contains("'ZZ'") == true)
        let outError = StepKit.error(try Self.data(), [.screen(Screen(exclude: ["Q"]))])
        #expect(outError?.kind == .unknownCode)
        #expect(outError?.column == "steps[0].exclude")
        #expect(outError?.message.contains("'Q'") == true)
    }

    @Test("thresholds outside [0, 1] are errors naming the field", arguments: [1.5, -0.1, Double.nan])
    func thresholdRange(_ value: Double) throws {
        let error = StepKit.error(try Self.data(), [.screen(Screen(threshold: value))])
        #expect(error?.kind == .invalidParameter)
        #expect(error?.column == "steps[0].threshold")
        let nonZero = StepKit.error(try Self.data(), [.screen(Screen(nonZeroThreshold: value))])
        #expect(nonZero?.kind == .invalidParameter)
        #expect(nonZero?.column == "steps[0].nonZeroThreshold")
    }

    @Test("one unit with data passes; one without fails and is an error")
    func oneUnit() throws {
        let one = try Self.screened(Screen(), try StepKit.flat([[3], [.nan], [4]]))
        #expect(StepKit.units(one) == ["A"])
        let none = StepKit.error(try StepKit.flat([[.nan], [.nan], [4]]), [.screen(Screen())])
        #expect(none?.kind == .noData)
    }

    @Test("a screen after imputation sees the imputed values")
    func afterImpute() throws {
        // Mean imputation fills C's and E's gaps where a column has data, so nobody is removed.
        let result = try StepKit.run(try Self.data(), [.impute(Impute(method: .mean)), .screen(Screen(threshold: 1))])
        #expect(StepKit.units(result) == ["A", "B", "C", "D", "E"])
        // x1 mean over A, D = (1 + 0)/2 = 0.5
        #expect(StepKit.column(result, "x1") == [1, 0.5, 0.5, 0, 0.5])
    }
}
