import Testing
@testable import IndexEngine

/// The impute step: COINr's `i_mean`, `i_median`, `i_mean_grp`, `i_median_grp` and `impute_panel`.
@Suite("Step: impute")
struct ImputeTests {
    /// Units A–G. Region: A B C G = N, D E = S, F has no region. Size: A B D = big, the rest small.
    ///
    ///         A   B   C   D   E   F   G
    /// x1      1   2   –  11   –   –   9
    /// x2      1   3   5   –   –   7   –      (no S unit has x2)
    static func data() throws -> Dataset {
        try StepKit.flat(
            [[1, 2, .nan, 11, .nan, .nan, 9], [1, 3, 5, .nan, .nan, 7, .nan]],
            groups: [
                "Region": ["N", "N", "N", "S", "S", nil, "N"],
                "Size": ["big", "big", "small", "big", "small", "small", "small"],
            ])
    }

    static func imputed(_ step: Impute) throws -> BuildResult {
        try StepKit.run(try Self.data(), [.impute(step)])
    }

    @Test("mean: every gap takes the mean of the observed values")
    func mean() throws {
        let result = try Self.imputed(Impute(method: .mean))
        // x1: (1 + 2 + 11 + 9)/4 = 23/4 = 5.75
        StepKit.expectClose(StepKit.column(result, "x1"), [1, 2, 5.75, 11, 5.75, 5.75, 9])
        // x2: (1 + 3 + 5 + 7)/4 = 4
        StepKit.expectClose(StepKit.column(result, "x2"), [1, 3, 5, 4, 4, 7, 4])
        #expect(result.log.warnings.isEmpty)
        #expect(result.stages.map(\.name) == ["Raw", "Imputed"])
    }

    @Test("median: the middle value, or the mean of the two middle values")
    func median() throws {
        let result = try Self.imputed(Impute(method: .median))
        // x1 sorted 1, 2, 9, 11 → (2 + 9)/2 = 5.5;  x2 sorted 1, 3, 5, 7 → (3 + 5)/2 = 4
        StepKit.expectClose(StepKit.column(result, "x1"), [1, 2, 5.5, 11, 5.5, 5.5, 9])
        StepKit.expectClose(StepKit.column(result, "x2"), [1, 3, 5, 4, 4, 7, 4])
    }

    @Test("groupMean: the group's mean; a unit without a group and a group without data stay missing, with a warning")
    func groupMean() throws {
        let result = try Self.imputed(Impute(method: .groupMean, group: "Region"))
        // x1: N = {1, 2, 9} → 4 for C;  S = {11} → 11 for E;  F has no region → missing
        StepKit.expectClose(StepKit.column(result, "x1"), [1, 2, 4, 11, 11, .nan, 9])
        // x2: N = {1, 3, 5} → 3 for G;  S has no x2 at all → D and E stay missing
        StepKit.expectClose(StepKit.column(result, "x2"), [1, 3, 5, .nan, .nan, 7, 3])
        #expect(result.log.warnings.map(\.message) == ["missing values remain in 2 indicator(s): x1, x2"])
    }

    @Test("groupMedian: the group's median")
    func groupMedian() throws {
        let result = try Self.imputed(Impute(method: .groupMedian, group: "Region"))
        // x1: N = {1, 2, 9} → 2;  S = {11} → 11
        StepKit.expectClose(StepKit.column(result, "x1"), [1, 2, 2, 11, 11, .nan, 9])
        StepKit.expectClose(StepKit.column(result, "x2"), [1, 3, 5, .nan, .nan, 7, 3])
        // By Size: big = {1, 2, 11} for x1 has no gap; small = {9} → C, E, F get 9.
        let bySize = try Self.imputed(Impute(method: .groupMedian, group: "Size"))
        StepKit.expectClose(StepKit.column(bySize, "x1"), [1, 2, 9, 11, 9, 9, 9])
        // x2: big = {1, 3} → (1 + 3)/2 = 2 for D;  small = {5, 7} → 6 for E and G
        StepKit.expectClose(StepKit.column(bySize, "x2"), [1, 3, 5, 2, 6, 7, 6])
        #expect(bySize.log.warnings.isEmpty)
    }

    @Test("overrides set the method or the group per indicator; none leaves gaps without a warning")
    func overrides() throws {
        let step = Impute(method: .groupMean, group: "Region", overrides: ["x2": .init(group: "Size"), "x1": .init(method: Impute.Method.none)])
        let result = try Self.imputed(step)
        #expect(StepKit.column(result, "x1")[2].isNaN && StepKit.column(result, "x1")[4].isNaN, "x1 is not imputed")
        // x2 by Size means: big {1, 3} → 2, small {5, 7} → 6
        StepKit.expectClose(StepKit.column(result, "x2"), [1, 3, 5, 2, 6, 7, 6])
        #expect(result.log.warnings.isEmpty)
        let mean = try Self.imputed(Impute(method: .median, overrides: ["x1": .init(method: .mean)]))
        StepKit.expectClose(StepKit.column(mean, "x1"), [1, 2, 5.75, 11, 5.75, 5.75, 9])
    }

    @Test("an all-missing indicator stays missing with a warning; complete ones are untouched")
    func allMissing() throws {
        let data = try StepKit.flat([[.nan, .nan, .nan], [1, 2, 3]])
        for method in [Impute.Method.mean, .median] {
            let result = try StepKit.run(data, [.impute(Impute(method: method))])
            #expect(StepKit.column(result, "x1").allSatisfy { $0.isNaN })
            #expect(StepKit.column(result, "x2") == [1, 2, 3])
            #expect(result.log.warnings.map(\.message) == ["missing values remain in 1 indicator(s): x1"])
        }
    }

    @Test("one unit: nothing to borrow from")
    func oneUnit() throws {
        let result = try StepKit.run(try StepKit.flat([[.nan], [4]]), [.impute(Impute(method: .mean))])
        #expect(StepKit.column(result, "x1")[0].isNaN)
        #expect(StepKit.column(result, "x2") == [4])
        #expect(result.log.warnings.count == 1)
    }

    @Test("after a screen, groups follow the remaining units")
    func afterScreen() throws {
        // B (group S, x1 = 100) is screened out (two of three missing); D (S) then takes the mean of
        // S over C only: 30 (with B it would be (100 + 30)/2 = 65).
        let data = try StepKit.flat(
            [[1, 100, 30, .nan], [1, .nan, 1, 1], [1, .nan, 1, 1]], groups: ["G": ["N", "S", "S", "S"]])
        let result = try StepKit.run(data, [.screen(Screen()), .impute(Impute(method: .groupMean, group: "G"))])
        #expect(StepKit.units(result) == ["A", "C", "D"])
        StepKit.expectClose(StepKit.column(result, "x1"), [1, 30, 30])
    }

    @Test("a group method needs a group column that exists")
    func groupErrors() throws {
        let noGroup = StepKit.error(try Self.data(), [.impute(Impute(method: .groupMean))])
        #expect(noGroup?.kind == .invalidParameter)
        #expect(noGroup?.column == "steps[0].group")
        let unknown = StepKit.error(try Self.data(), [.impute(Impute(method: .groupMedian, group: "Continent"))])
        #expect(unknown?.kind == .unknownCode)
        #expect(unknown?.column == "steps[0].group")
        #expect(unknown?.message.contains("'Continent'") == true)
        #expect(unknown?.message.contains("Region, Size") == true, "the known group columns are listed")
        let inOverride = StepKit.error(
            try Self.data(), [.impute(Impute(method: .groupMean, group: "Region", overrides: ["x2": .init(group: "Continent")]))])
        #expect(inOverride?.kind == .unknownCode)
        #expect(inOverride?.column == "steps[0].overrides.x2.group")
    }

    @Test("an override of an unknown indicator and maxTime below 1 are errors naming the field")
    func parameterErrors() throws {
        let code = StepKit.error(try Self.data(), [.impute(Impute(overrides: ["x9": .init(method: .median)]))])
        #expect(code?.kind == .unknownCode)
        #expect(code?.column == "steps[0].overrides.x9")
        let maxTime = StepKit.error(try Self.data(), [.impute(Impute(method: .panelLatest, maxTime: 0))])
        #expect(maxTime?.kind == .invalidParameter)
        #expect(maxTime?.column == "steps[0].maxTime")
    }

    @Test("a panel method on data without a panel is an error naming the method field")
    func panelWithoutPanel() throws {
        for method in [Impute.Method.panelLatest, .panelConstant, .panelLinear] {
            let error = StepKit.error(try Self.data(), [.impute(Impute(method: method))])
            #expect(error?.kind == .invalidParameter)
            #expect(error?.column == "steps[0].method")
            #expect(error?.message.contains("panel data") == true)
        }
        let override = StepKit.error(try Self.data(), [.impute(Impute(method: .mean, overrides: ["x2": .init(method: .panelLinear)]))])
        #expect(override?.column == "steps[0].overrides.x2.method")
    }

    // MARK: Panel

    /// Times 2016, 2017, 2019, 2020; the build is of 2019 (index 2). One indicator x1:
    ///
    ///         2016  2017  2019  2020
    /// A         1     2     –     8
    /// B         –     –     –     5
    /// C         3     –     –     –
    /// D         –     –     7     –
    /// E         –     –     –     –
    static func panel() throws -> Dataset {
        let nan = Double.nan
        let byTime: [[Double]] = [[1, nan, 3, nan, nan], [2, nan, nan, nan, nan], [nan, nan, nan, 7, nan], [8, 5, nan, nan, nan]]
        let panel = Panel(
            times: [2016, 2017, 2019, 2020], values: byTime.map { Matrix(rows: 5, columns: 1, storage: $0) },
            denominators: Array(repeating: [], count: 4))
        return try StepKit.flat([byTime[2]], groups: [:]).with(time: 2019, panel: panel)
    }

    @Test("panelLatest: the most recent earlier value; never a later one")
    func panelLatest() throws {
        let result = try StepKit.run(try Self.panel(), [.impute(Impute(method: .panelLatest))])
        // A ← 2017's 2;  B has nothing earlier → missing;  C ← 2016's 3;  D observed;  E nothing
        StepKit.expectClose(StepKit.column(result, "x1"), [2, .nan, 3, 7, .nan])
        #expect(result.log.warnings.map(\.message) == ["missing values remain in 1 indicator(s): x1"])
    }

    @Test("panelLatest with maxTime counts time points back, observed or not")
    func panelLatestMaxTime() throws {
        // maxTime 1: only 2017 → A 2, C nothing (its 3 is two time points back)
        let one = try StepKit.run(try Self.panel(), [.impute(Impute(method: .panelLatest, maxTime: 1))])
        StepKit.expectClose(StepKit.column(one, "x1"), [2, .nan, .nan, 7, .nan])
        // maxTime 2: 2017 and 2016 → C 3
        let two = try StepKit.run(try Self.panel(), [.impute(Impute(method: .panelLatest, maxTime: 2))])
        StepKit.expectClose(StepKit.column(two, "x1"), [2, .nan, 3, 7, .nan])
    }

    @Test("panelConstant: the last earlier value, else the first later one")
    func panelConstant() throws {
        let result = try StepKit.run(try Self.panel(), [.impute(Impute(method: .panelConstant))])
        // A ← 2 (2017);  B ← 5 (2020, nothing earlier);  C ← 3
        StepKit.expectClose(StepKit.column(result, "x1"), [2, 5, 3, 7, .nan])
    }

    @Test("panelLinear: interpolation in time between the nearest values; flat beyond the ends")
    func panelLinear() throws {
        let result = try StepKit.run(try Self.panel(), [.impute(Impute(method: .panelLinear))])
        // A: 2017 → 2, 2020 → 8; at 2019: 2 + (8 − 2)·(2019 − 2017)/(2020 − 2017) = 2 + 6·2/3 = 6
        // B: only later → 5;  C: only earlier → 3
        StepKit.expectClose(StepKit.column(result, "x1"), [6, 5, 3, 7, .nan])
    }

    @Test("fromPanel reproduces impute_panel's documented cases")
    func fromPanel() {
        let nan = Double.nan
        let t = [1, 2, 3]
        // c(3, NA, 5): linear 4, constant 3, latest 3
        #expect(Impute.fromPanel([3, nan, 5], times: t, at: 1, method: .panelLinear, maxTime: nil) == 4)
        #expect(Impute.fromPanel([3, nan, 5], times: t, at: 1, method: .panelConstant, maxTime: nil) == 3)
        #expect(Impute.fromPanel([3, nan, 5], times: t, at: 1, method: .panelLatest, maxTime: nil) == 3)
        // c(NA, 5, 6) → 5, 5, 6: the leading gap takes the first observed value (latest cannot fill it)
        #expect(Impute.fromPanel([nan, 5, 6], times: t, at: 0, method: .panelLinear, maxTime: nil) == 5)
        #expect(Impute.fromPanel([nan, 5, 6], times: t, at: 0, method: .panelConstant, maxTime: nil) == 5)
        #expect(Impute.fromPanel([nan, 5, 6], times: t, at: 0, method: .panelLatest, maxTime: nil).isNaN)
        // c(7, 8, NA) → 7, 8, 8
        for method in [Impute.Method.panelLinear, .panelConstant, .panelLatest] {
            #expect(Impute.fromPanel([7, 8, nan], times: t, at: 2, method: method, maxTime: nil) == 8)
        }
        // uneven times 2000, 2001, 2005: 10 + (30 − 10)·(2001 − 2000)/(2005 − 2000) = 14
        #expect(Impute.fromPanel([10, nan, 30], times: [2000, 2001, 2005], at: 1, method: .panelLinear, maxTime: nil) == 14)
        // the nearest values are used: c(0, 10, NA, NA, 40) at index 2 → 10 + 30·1/3 = 20
        #expect(Impute.fromPanel([0, 10, nan, nan, 40], times: [1, 2, 3, 4, 5], at: 2, method: .panelLinear, maxTime: nil) == 20)
        // maxTime: c(5, NA, NA, NA) at index 3 → 2 steps back reach index 1 only; 3 reach index 0
        #expect(Impute.fromPanel([5, nan, nan, nan], times: [1, 2, 3, 4], at: 3, method: .panelLatest, maxTime: 2).isNaN)
        #expect(Impute.fromPanel([5, nan, nan, nan], times: [1, 2, 3, 4], at: 3, method: .panelLatest, maxTime: 3) == 5)
        // nothing observed → missing
        for method in [Impute.Method.panelLinear, .panelConstant, .panelLatest] {
            #expect(Impute.fromPanel([nan, nan], times: [1, 2], at: 1, method: method, maxTime: nil).isNaN)
        }
    }
}

extension Dataset {
    /// This dataset with a time point and a panel.
    func with(time: Int, panel: Panel) -> Dataset {
        var copy = self
        copy.time = time
        copy.panel = panel
        return copy
    }
}
