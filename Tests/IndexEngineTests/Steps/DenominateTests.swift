import Testing
@testable import IndexEngine

/// The denominate step: `x · scale / denominator` (COINr's `x / (denom / ScaleFactor)`).
@Suite("Step: denominate")
struct DenominateTests {
    /// Units A–D; x1 per Pop, x2 per GDP, x3 without a denominator.
    /// Pop = [10, 20, 0, missing], GDP = [2, 4, 5, 8].
    static func data() throws -> Dataset {
        try StepKit.dataset(
            nodes: [
                StepKit.indicator("x1", denominator: "Pop"), StepKit.indicator("x2", denominator: "GDP"),
                StepKit.indicator("x3"),
            ],
            columns: [[100, 50, 30, 40], [1, 2, 3, .nan], [7, 8, 9, 10]],
            denominators: ["Pop": [10, 20, 0, .nan], "GDP": [2, 4, 5, 8]])
    }

    @Test("each indicator is divided by its metadata denominator; zero or missing denominators give missing")
    func byMetadata() throws {
        let result = try StepKit.run(try Self.data(), [.denominate(Denominate())])
        // x1: 100/10 = 10, 50/20 = 2.5, 30/0 → missing, 40/missing → missing
        StepKit.expectClose(StepKit.column(result, "x1"), [10, 2.5, .nan, .nan])
        // x2: 1/2 = 0.5, 2/4 = 0.5, 3/5 = 0.6, missing/8 → missing
        StepKit.expectClose(StepKit.column(result, "x2"), [0.5, 0.5, 0.6, .nan])
        // x3 has no denominator: unchanged
        #expect(StepKit.column(result, "x3") == [7, 8, 9, 10])
        #expect(result.stages.map(\.name) == ["Raw", "Denominated"])
        #expect(result.stages[0].values.column(0) == [100, 50, 30, 40], "the Raw stage is kept as read")
    }

    @Test("the scale multiplies every quotient (per 1000 people)")
    func scale() throws {
        let result = try StepKit.run(try Self.data(), [.denominate(Denominate(scale: 1000))])
        // 100/(10/1000) = 10000, 50/(20/1000) = 2500
        StepKit.expectClose(StepKit.column(result, "x1"), [10_000, 2500, .nan, .nan])
        // 1·1000/2 = 500, 2·1000/4 = 500, 3·1000/5 = 600
        StepKit.expectClose(StepKit.column(result, "x2"), [500, 500, 600, .nan])
        #expect(StepKit.column(result, "x3") == [7, 8, 9, 10], "the scale does not touch undenominated indicators")
    }

    @Test("a non-integer quotient matches COINr's x / (d / scale) to rounding")
    func scaleRounding() throws {
        let data = try StepKit.dataset(nodes: [StepKit.indicator("x1", denominator: "Pop")], columns: [[100, 1]], denominators: ["Pop": [3, 7]])
        let result = try StepKit.run(data, [.denominate(Denominate(scale: 1000))])
        StepKit.expectClose(StepKit.column(result, "x1"), [100 / (3.0 / 1000), 1 / (7.0 / 1000)], relative: 1e-14)
    }

    @Test("an override names another denominator and scale, or \"none\" to skip")
    func overrides() throws {
        let step = Denominate(
            scale: 1000,
            overrides: [
                "x1": .init(denominator: "none"),
                "x2": .init(denominator: "Pop", scale: 10),
                "x3": .init(denominator: "GDP"),
            ])
        let result = try StepKit.run(try Self.data(), [.denominate(step)])
        #expect(StepKit.column(result, "x1") == [100, 50, 30, 40], "\"none\" leaves x1 as it is")
        // x2 per Pop times 10: 1/10·10 = 1, 2/20·10 = 1, Pop 0 → missing, x2 missing → missing
        StepKit.expectClose(StepKit.column(result, "x2"), [1, 1, .nan, .nan])
        // x3 per GDP times the step's 1000: 7000/2 = 3500, 8000/4 = 2000, 9000/5 = 1800, 10000/8 = 1250
        StepKit.expectClose(StepKit.column(result, "x3"), [3500, 2000, 1800, 1250])
    }

    @Test("an override that only sets the scale keeps the metadata denominator")
    func overrideScaleOnly() throws {
        let result = try StepKit.run(try Self.data(), [.denominate(Denominate(overrides: ["x1": .init(scale: 2)]))])
        StepKit.expectClose(StepKit.column(result, "x1"), [20, 5, .nan, .nan], "100/10·2, 50/20·2")
        StepKit.expectClose(StepKit.column(result, "x2"), [0.5, 0.5, 0.6, .nan], "x2 keeps scale 1")
    }

    @Test("a denominator column that is not in the data is an error naming it and the indicator")
    func unknownDenominator() throws {
        let error = StepKit.error(try Self.data(), [.denominate(Denominate(overrides: ["x3": .init(denominator: "Area")]))])
        #expect(error?.kind == .missingColumn)
        #expect(error?.column?.hasPrefix("steps[0]") == true)
        #expect(error?.column?.contains("Area") == true)
        #expect(error?.message.contains("'Area'") == true && error?.message.contains("'x3'") == true)
    }

    @Test("an override for a code that is not an indicator is an error naming the field")
    func unknownOverride() throws {
        let error = StepKit.error(try Self.data(), [.denominate(Denominate(overrides: ["zz": .init(denominator: "Pop")]))])
        #expect(error?.kind == .unknownCode)
        #expect(error?.column == "steps[0].overrides.zz")
        #expect(error?.message.contains("'zz'") == true)
    }

    @Test("after a screen, each remaining unit is divided by its own denominator")
    func afterScreen() throws {
        // B has two of three values missing and is screened out; A, C, D keep their rows of Pop.
        let data = try StepKit.dataset(
            nodes: [StepKit.indicator("x1", denominator: "Pop"), StepKit.indicator("x2"), StepKit.indicator("x3")],
            columns: [[100, .nan, 60, 80], [1, .nan, 1, 1], [1, 1, 1, 1]],
            denominators: ["Pop": [10, 1, 20, 40]])
        let result = try StepKit.run(data, [.screen(Screen()), .denominate(Denominate())])
        #expect(StepKit.units(result) == ["A", "C", "D"])
        // 100/10 = 10, 60/20 = 3, 80/40 = 2
        StepKit.expectClose(StepKit.column(result, "x1"), [10, 3, 2])
    }

    @Test("panel values are divided by the denominators of their own time point")
    func panelDenominators() throws {
        // 2019: x1 = [100, 50], Pop = [10, 10] → [10, 5]
        // 2020: x1 = [missing, 80], Pop = [20, 20] → [missing, 4]
        // panelLatest then fills A's 2020 value with its denominated 2019 value 10 (not 100/20 = 5).
        let v2019 = Matrix(rows: 2, columns: 1, storage: [100, 50])
        let v2020 = Matrix(rows: 2, columns: 1, storage: [.nan, 80])
        let panel = Panel(
            times: [2019, 2020], values: [v2019, v2020],
            denominators: [[NamedColumn(name: "Pop", values: [10, 10])], [NamedColumn(name: "Pop", values: [20, 20])]])
        let data = try StepKit.dataset(
            nodes: [StepKit.indicator("x1", denominator: "Pop")], columns: [[.nan, 80]],
            denominators: ["Pop": [20, 20]], time: 2020, panel: panel)
        let result = try StepKit.run(data, [.denominate(Denominate()), .impute(Impute(method: .panelLatest))])
        StepKit.expectClose(StepKit.column(result, "x1"), [10, 4])
        let denominated = try #require(result.stages.first { $0.name == "Denominated" })
        #expect(denominated.values[0, 0].isNaN && denominated.values[1, 0] == 4)
    }
}
