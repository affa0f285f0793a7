import Foundation
import Testing
@testable import IndexEngine

/// The treat step: COINr's `Treat` with `winsorise`, `check_SkewKurt` and the `log_CT` fallback.
///
/// Skew and kurtosis in the comments are scipy's `skew(x, bias=False)` and `kurtosis(x, bias=False)`;
/// an indicator fails only when |skew| ≥ 2 AND kurtosis ≥ 3.5.
@Suite("Step: treat")
struct TreatTests {
    static func zeros(_ n: Int, then tail: [Double]) -> [Double] { Array(repeating: 0, count: n) + tail }

    static func treated(_ columns: [[Double]], _ step: Treat) throws -> BuildResult {
        try StepKit.run(try StepKit.flat(columns), [.treat(step)])
    }

    static func report(_ result: BuildResult, _ code: String = "x1") throws -> TreatmentReport {
        try #require(result.log.treatment.first { $0.indicator == code })
    }

    @Test("winsorisation passes after 3 points, one tie group at a time")
    func passesAfterThree() throws {
        // x = 22 zeros, 1, 2, 4, 8: skew 3.637, kurt 13.95 → fails.
        // step 1: 8 → 4 (nwin 1; skew 2.767, kurt 6.765 fails)
        // step 2: both 4s → 2 (nwin 2; skew 2.268, kurt 3.634 fails)
        // step 3: the three 2s → 1 (nwin 3; skew 2.038, kurt 2.328 passes)
        let x = Self.zeros(22, then: [1, 2, 4, 8])
        let result = try Self.treated([x], Treat())
        #expect(StepKit.column(result, "x1") == Self.zeros(22, then: [1, 1, 1, 1]))
        let report = try Self.report(result)
        #expect(report.before.pass == false)
        #expect(close(report.before.skew, 3.6366639088422543, relative: 1e-12))
        #expect(close(report.before.kurtosis, 13.949507407847761, relative: 1e-12))
        #expect(report.winsorised == 3)
        #expect(report.afterFirst?.pass == true)
        #expect(close(report.afterFirst?.skew ?? .nan, 2.0383398993922843, relative: 1e-12))
        #expect(close(report.afterFirst?.kurtosis ?? .nan, 2.328310276679842, relative: 1e-12))
        #expect(report.afterFallback == nil)
        #expect(report.points.map(\.row) == [23, 24, 25] && report.points.allSatisfy { $0.side == .high })
        #expect(report.applied == "winsorise")
        #expect(result.log.warnings.isEmpty)
        #expect(result.stages.map(\.name) == ["Raw", "Treated"])
    }

    @Test("ties at the maximum: the count jumps by the size of the tie group, past winmax")
    func tiesJump() throws {
        // x = 32 zeros, 1, 1, 2, 2, 3, 3: skew 2.580, kurt 5.700 → fails.
        // step 1: both 3s → 2 (nwin 2; skew 2.257, kurt 3.584 still fails)
        // step 2: the four 2s → 1 (nwin 4; skew 1.954, kurt 1.918 passes)
        let x = Self.zeros(32, then: [1, 1, 2, 2, 3, 3])
        for winmax in [5, 3] {  // with winmax 3 the count goes 2 → 4 in one step
            let result = try Self.treated([x], Treat(winmax: winmax))
            #expect(StepKit.column(result, "x1") == Self.zeros(32, then: [1, 1, 1, 1, 1, 1]))
            let report = try Self.report(result)
            #expect(report.winsorised == 4)
            #expect(report.points.map(\.row) == [34, 35, 36, 37])
            #expect(report.applied == "winsorise")
        }
    }

    @Test("a tie at the maximum in the first step moves both points at once")
    func firstStepTie() throws {
        // x = 1…10, 50, 50: skew 1.943, kurt 2.366; with thresholds 1.5 and 2 it fails.
        // step 1: both 50s → 10 (nwin 2); skew −0.268 passes.
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50, 50]
        let untouched = try Self.treated([x], Treat())
        #expect(StepKit.column(untouched, "x1") == x, "passes with the default thresholds")
        #expect(try Self.report(untouched).before.pass == true && (try Self.report(untouched).applied) == "none")
        let result = try Self.treated([x], Treat(skewThreshold: 1.5, kurtosisThreshold: 2))
        #expect(StepKit.column(result, "x1") == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10])
        #expect(try Self.report(result).winsorised == 2)
    }

    @Test("negative skew winsorises the low side")
    func lowSide() throws {
        // x = −100, −30, 1…10: skew −2.895, kurt 8.650 → fails; step 1: −100 → −30; skew −1.883 passes
        let x: [Double] = [-100, -30, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        let result = try Self.treated([x], Treat())
        #expect(StepKit.column(result, "x1") == [-30, -30, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        let report = try Self.report(result)
        #expect(report.winsorised == 1)
        #expect(report.points.count == 1 && report.points[0].row == 0 && report.points[0].side == .low)
        #expect(close(report.afterFirst?.skew ?? .nan, -1.8826888048451633, relative: 1e-12))
    }

    @Test("the side is chosen afresh each step: high first, then low")
    func directionFlips() throws {
        // x = −20, 1…10, 100: skew 2.968, kurt 9.961 → fails
        // step 1 (skew > 0): 100 → 10; skew −2.630, kurt 7.953 still fails
        // step 2 (skew < 0): −20 → 1; nwin = 1 high + 1 low = 2; skew 0 passes
        let x: [Double] = [-20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]
        let result = try Self.treated([x], Treat())
        #expect(StepKit.column(result, "x1") == [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10])
        let report = try Self.report(result)
        #expect(report.winsorised == 2)
        #expect(report.points.map(\.row) == [0, 11])
        #expect(report.points.map(\.side) == [.low, .high])
    }

    @Test("when winmax is reached without passing, log_CT of the ORIGINAL values is used")
    func logFallback() throws {
        // x = 22 zeros, 1, 2, 4, 8 with winmax 2: after 8 → 4 and 4, 4 → 2, 2 it still fails.
        // The fallback is applied to the original x: log(x − min + 0.01·(max − min)) = log(x + 0.08).
        // It still fails (skew 2.247, kurt 3.694) but there is no third stage: it is kept.
        let x = Self.zeros(22, then: [1, 2, 4, 8])
        let result = try Self.treated([x], Treat(winmax: 2))
        StepKit.expectClose(StepKit.column(result, "x1"), x.map { Foundation.log($0 + 0.08) }, relative: 1e-14)
        let report = try Self.report(result)
        #expect(report.winsorised == 2)
        #expect(report.points.map(\.row) == [24, 25], "the 2s of the last step, as COINr's labels")
        #expect(report.afterFirst?.pass == false)
        #expect(close(report.afterFirst?.kurtosis ?? .nan, 3.6337385598935574, relative: 1e-12))
        #expect(report.afterFallback?.pass == false)
        #expect(close(report.afterFallback?.skew ?? .nan, 2.2472715786661785, relative: 1e-10))
        #expect(report.applied == "log")

        // The ties case with winmax 2 fails too; log(x + 0.03) of the original passes.
        let ties = Self.zeros(32, then: [1, 1, 2, 2, 3, 3])
        let tied = try Self.treated([ties], Treat(winmax: 2))
        StepKit.expectClose(StepKit.column(tied, "x1"), ties.map { Foundation.log($0 + 0.03) }, relative: 1e-14)
        #expect(try Self.report(tied).afterFallback?.pass == true)
    }

    @Test("other fallbacks: logPlusOne, boxCox, and none keeps the winsorised values")
    func otherFallbacks() throws {
        let x = Self.zeros(22, then: [1, 2, 4, 8])
        let plusOne = try Self.treated([x], Treat(fallback: .logPlusOne, winmax: 2))
        StepKit.expectClose(StepKit.column(plusOne, "x1"), x.map { Foundation.log($0 + 1) }, relative: 1e-14)
        #expect(try Self.report(plusOne).applied == "logPlusOne")
        // Box-Cox 0.5 of x − min + 1 = x + 1: ((x + 1)^0.5 − 1)/0.5
        let boxCox = try Self.treated([x], Treat(fallback: .boxCox, winmax: 2, lambda: 0.5))
        StepKit.expectClose(StepKit.column(boxCox, "x1"), x.map { (($0 + 1).squareRoot() - 1) / 0.5 }, relative: 1e-14)
        #expect(try Self.report(boxCox).applied == "boxCox")
        let none = try Self.treated([x], Treat(fallback: .none, winmax: 2))
        #expect(StepKit.column(none, "x1") == Self.zeros(22, then: [1, 2, 2, 2]))
        #expect(try Self.report(none).applied == "winsorise")
        #expect(try Self.report(none).afterFallback == nil)
    }

    @Test("winsorisation that leaves a constant column returns the original untreated, as COINr")
    func winsorisedToConstant() throws {
        // x = 34 zeros, 1, 2, 3, 4, 5: still failing after 4 steps (skew 2.314, kurt 3.534);
        // step 5 moves the five 1s to 0 → all zeros, skew and kurtosis 0/0. COINr's Treat.numeric
        // returns the untreated x when the check after f1 is NA.
        let x = Self.zeros(34, then: [1, 2, 3, 4, 5])
        let result = try Self.treated([x], Treat())
        #expect(StepKit.column(result, "x1") == x)
        let report = try Self.report(result)
        #expect(report.winsorised == 5)
        #expect(report.afterFirst?.pass == nil)
        #expect(report.afterFallback == nil)
        #expect(report.applied == "none")
        #expect(result.log.warnings.count == 1 && result.log.warnings[0].indicator == "x1")
        // With room for a sixth step, the loop stops on the missing check, also untreated.
        let more = try Self.treated([x], Treat(winmax: 6))
        #expect(StepKit.column(more, "x1") == x)
        #expect(more.log.warnings.count == 1)
    }

    @Test("force applies the method to a passing indicator, up to winmax points")
    func force() throws {
        // x = 1…10 passes (skew 0, kurt −1.2). Forced with winmax 2:
        // step 1 (skew 0 ≥ 0 → high side): 10 → 9;  step 2 (skew −0.151 → low side): 1 → 2
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        let result = try Self.treated([x], Treat(winmax: 2, overrides: ["x1": .init(force: true)]))
        #expect(StepKit.column(result, "x1") == [2, 2, 3, 4, 5, 6, 7, 8, 9, 9])
        let report = try Self.report(result)
        #expect(report.before.pass == true && report.winsorised == 2)
        #expect(report.points.map(\.row) == [0, 9] && report.points.map(\.side) == [.low, .high])
        // Without force nothing happens.
        #expect(StepKit.column(try Self.treated([x], Treat(winmax: 2)), "x1") == x)
        // Forced log: log(x − 1 + 0.01·9) = log(x − 0.91)
        let log = try Self.treated([x], Treat(overrides: ["x1": .init(method: .log, force: true)]))
        StepKit.expectClose(StepKit.column(log, "x1"), x.map { Foundation.log($0 - 0.91) }, relative: 1e-14)
        #expect(try Self.report(log).applied == "log")
    }

    @Test("winmax 0 winsorises nothing: a failing indicator goes straight to the fallback")
    func winmaxZero() throws {
        // x = 22 zeros, 1, 2, 4, 8 fails (skew 3.637, kurt 13.95); log(x − 0 + 0.01·8) = log(x + 0.08) of the original.
        // scipy: skew(log(x + 0.08), bias=False) 2.2472715786661785, kurtosis(…, bias=False) 3.6937495508298728
        let x = Self.zeros(22, then: [1, 2, 4, 8])
        let result = try Self.treated([x], Treat(winmax: 0))
        StepKit.expectClose(StepKit.column(result, "x1"), x.map { Foundation.log($0 + 0.08) }, relative: 1e-14)
        let report = try Self.report(result)
        #expect(report.winsorised == 0 && report.points.isEmpty)
        #expect(report.afterFirst == report.before, "nothing was winsorised")
        #expect(close(report.afterFallback?.skew ?? .nan, 2.2472715786661785, relative: 1e-12))
        #expect(close(report.afterFallback?.kurtosis ?? .nan, 3.6937495508298728, relative: 1e-12))
        #expect(report.applied == "log")
        // per indicator, and with the fallback none: the indicator stays as it was
        let none = try Self.treated([x, x], Treat(fallback: .none, overrides: ["x2": .init(winmax: 0)]))
        #expect(StepKit.column(none, "x2") == x)
        #expect(try Self.report(none, "x2").applied == "none", "nothing was applied, so the report does not say winsorise")
        #expect(try Self.report(none, "x1").applied == "winsorise")
        #expect(StepKit.column(none, "x1") == Self.zeros(22, then: [1, 1, 1, 1]), "x1 keeps winmax 5")
        // a passing indicator is left alone whatever winmax is
        #expect(StepKit.column(try Self.treated([[1, 2, 3, 4, 5]], Treat(winmax: 0)), "x1") == [1, 2, 3, 4, 5])
    }

    @Test("forced winsorisation as COINr's force_win: exactly winmax points, the side following the skew")
    func forcedAsCOINr() throws {
        // COINr's own test of force_win (tests/testthat/test-treat.R): x = 1…20, 100, 200 with
        // winmax 3 and force_win = TRUE treats exactly 3 points. By hand with scipy's skew(bias=False):
        // round 1 (skew 3.586): 200 → 100;  round 2 (skew 2.817): both 100s → 20, which passes
        // (skew −0.094) and would stop an unforced run at 2 points;  round 3 (skew −0.094, now
        // negative, so the low side): 1 → 2.
        let x = (1...20).map(Double.init) + [100, 200]
        let forced = try Self.treated([x], Treat(winmax: 3, overrides: ["x1": .init(force: true)]))
        #expect(StepKit.column(forced, "x1") == [2] + (2...20).map(Double.init) + [20, 20])
        let report = try Self.report(forced)
        #expect(report.winsorised == 3)
        #expect(report.points.map(\.row) == [0, 20, 21] && report.points.map(\.side) == [.low, .high, .high])
        #expect(report.applied == "winsorise")
        let unforced = try Self.treated([x], Treat(winmax: 3))
        #expect(try Self.report(unforced).winsorised == 2)
        #expect(StepKit.column(unforced, "x1") == (1...20).map(Double.init) + [20, 20])
    }

    @Test("method none, globally or per indicator, leaves values and writes no report")
    func methodNone() throws {
        let x = Self.zeros(22, then: [1, 2, 4, 8])
        let global = try Self.treated([x], Treat(method: .none))
        #expect(StepKit.column(global, "x1") == x)
        #expect(global.log.treatment.isEmpty)
        let perIndicator = try Self.treated([x, x], Treat(overrides: ["x2": .init(method: Treat.Method.none)]))
        #expect(StepKit.column(perIndicator, "x1") == Self.zeros(22, then: [1, 1, 1, 1]))
        #expect(StepKit.column(perIndicator, "x2") == x)
        #expect(perIndicator.log.treatment.map(\.indicator) == ["x1"])
    }

    @Test("Box-Cox with lambda 0 is log(x − min + 1); with 0.5 it is ((x − min + 1)^0.5 − 1)/0.5")
    func boxCox() throws {
        // x = 1…10, 30, 100 fails (skew 3.063, kurt 9.741); min = 1, so x − min + 1 = x.
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]
        // lambda 0: log(x), which passes (skew 0.799, kurt 1.455)
        let zero = try Self.treated([x], Treat(method: .boxCox, lambda: 0))
        StepKit.expectClose(StepKit.column(zero, "x1"), x.map { Foundation.log($0) }, relative: 1e-14)
        #expect(try Self.report(zero).afterFirst?.pass == true && (try Self.report(zero).applied) == "boxCox")
        // lambda 0.5: 2(√x − 1), which still fails (skew 2.360, kurt 6.131); without a fallback it is kept
        let half = try Self.treated([x], Treat(method: .boxCox, fallback: .none, lambda: 0.5))
        StepKit.expectClose(StepKit.column(half, "x1"), x.map { 2 * ($0.squareRoot() - 1) }, relative: 1e-14)
        let report = try Self.report(half)
        #expect(report.afterFirst?.pass == false && report.applied == "boxCox" && report.winsorised == nil)
        // ... and with the default log fallback, log(x − 1 + 0.99) of the original replaces it
        let fallback = try Self.treated([x], Treat(method: .boxCox, lambda: 0.5))
        StepKit.expectClose(StepKit.column(fallback, "x1"), x.map { Foundation.log($0 - 0.01) }, relative: 1e-14)
        #expect(try Self.report(fallback).applied == "log")
        // a shifted column gives the same Box-Cox values (makepos)
        let shifted = try Self.treated([x.map { $0 - 50 }], Treat(method: .boxCox, lambda: 0))
        StepKit.expectClose(StepKit.column(shifted, "x1"), x.map { Foundation.log($0) }, relative: 1e-14)
    }

    @Test("logPlusOne as the method is log(x − min + 1)")
    func logPlusOne() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]
        let result = try Self.treated([x], Treat(method: .logPlusOne))
        StepKit.expectClose(StepKit.column(result, "x1"), x.map { Foundation.log($0) }, relative: 1e-14)
    }

    @Test("a constant column is left untreated with a warning")
    func constant() throws {
        let result = try Self.treated([[4, 4, 4, 4, 4], [1, 2, 3, 4, 5]], Treat())
        #expect(StepKit.column(result, "x1") == [4, 4, 4, 4, 4])
        #expect(result.log.warnings == [BuildWarning(.leftUntreated, "left untreated: skew and kurtosis cannot be computed (too few distinct values)", indicator: "x1", step: 0, stepName: "treat")])
        let report = try Self.report(result)
        #expect(report.before.pass == nil && report.applied == "none")
        #expect(try Self.report(result, "x2").before.pass == true)
        // Forcing winsorisation of a constant column cannot move anything: untreated, with a warning.
        let forced = try Self.treated([[4, 4, 4, 4, 4]], Treat(overrides: ["x1": .init(force: true)]))
        #expect(StepKit.column(forced, "x1") == [4, 4, 4, 4, 4])
        #expect(forced.log.warnings.count == 1 && forced.log.warnings[0].indicator == "x1")
        // Forcing a log onto it gives log(0): an error rather than infinite values.
        let logError = StepKit.error(try StepKit.flat([[4, 4, 4, 4, 4]]), [.treat(Treat(overrides: ["x1": .init(method: .log, force: true)]))])
        #expect(logError?.kind == .invalidParameter)
        #expect(logError?.message.contains("'x1'") == true)
    }

    @Test("missing values are ignored and kept")
    func missingKept() throws {
        let x: [Double] = [.nan, -100, -30, 1, 2, 3, 4, 5, 6, 7, 8, 9, .nan, 10]
        let result = try Self.treated([x], Treat())
        let y = StepKit.column(result, "x1")
        #expect(y[0].isNaN && y[12].isNaN)
        #expect(y[1] == -30 && y[2] == -30 && y[13] == 10)
        #expect(try Self.report(result).points.map(\.row) == [1])
    }

    @Test("one unit or three units: kurtosis cannot be computed, the check is decided by skew")
    func fewUnits() throws {
        let one = try Self.treated([[7]], Treat())
        #expect(StepKit.column(one, "x1") == [7])
        #expect(one.log.warnings.count == 1, "a single value cannot be checked")
        // three values: |skew| < 2 always (at most √6/√2 = √3 ≈ 1.732), so the indicator passes
        let three = try Self.treated([[1, 2, 1000]], Treat())
        #expect(StepKit.column(three, "x1") == [1, 2, 1000])
        #expect(try Self.report(three).before.pass == true)
        #expect(try Self.report(three).before.kurtosis.isNaN)
    }

    @Test("winmax below 0 and Box-Cox without lambda are errors naming the field")
    func parameterErrors() throws {
        let data = try StepKit.flat([[1, 2, 3, 4, 100]])
        let winmax = StepKit.error(data, [.treat(Treat(winmax: -1))])
        #expect(winmax?.kind == .invalidParameter)
        #expect(winmax?.column == "steps[0].winmax")
        #expect(winmax?.message.contains("winmax must be 0 or more") == true)
        #expect(StepKit.error(data, [.treat(Treat(winmax: Int.min))])?.column == "steps[0].winmax")
        let perIndicator = StepKit.error(data, [.treat(Treat(overrides: ["x1": .init(winmax: -2)]))])
        #expect(perIndicator?.column == "steps[0].overrides.x1.winmax")
        let lambda = StepKit.error(data, [.treat(Treat(method: .boxCox))])
        #expect(lambda?.kind == .invalidParameter)
        #expect(lambda?.column == "steps[0].lambda")
        let fallbackLambda = StepKit.error(data, [.treat(Treat(fallback: .boxCox))])
        #expect(fallbackLambda?.column == "steps[0].lambda")
        let unknown = StepKit.error(data, [.treat(Treat(overrides: ["nope": .init(method: .log)]))])
        #expect(unknown?.kind == .unknownCode)
        #expect(unknown?.column == "steps[0].overrides.nope")
    }

    @Test("the check is an OR of strict thresholds: failing needs |skew| ≥ t and kurtosis ≥ t")
    func checkRule() throws {
        let step = Treat()
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]  // skew 3.063, kurt 9.741
        #expect(step.check(x).pass == false)
        #expect(Treat(skewThreshold: 3.07).check(x).pass == true, "|skew| below its threshold is enough")
        #expect(Treat(kurtosisThreshold: 9.75).check(x).pass == true, "kurtosis below its threshold is enough")
        #expect(Treat(skewThreshold: 3.06, kurtosisThreshold: 9.74).check(x).pass == false)
        // three values: kurtosis is missing; skew 0 passes, so the OR is true
        #expect(step.check([1, 2, 3]).pass == true)
        // a column whose skew cannot be computed gives no verdict
        #expect(step.check([1, 1, 1, 1]).pass == nil)
        #expect(step.check([1, 2]).pass == nil)
    }
}
