import Foundation
import Testing
@testable import IndexEngine

/// COINr's per-indicator normalisation columns of iMeta: read, used by their own method, and
/// refused with the file, row and column when they are wrong.
@Suite("COINr input: normalisation columns")
struct COINrNormalisationTests {
    /// Builds `steps` over the tables.
    static func build(meta: [String], data: [String], _ steps: [BuildStep]) throws -> BuildResult {
        try StepKit.run(try Small.coinrDataset(data: csv(data), meta: csv(meta)), steps)
    }

    static func normalise(_ method: Normalise.Method, _ edit: (inout Normalise.Settings) -> Void = { _ in }) -> BuildStep {
        var s = Normalise.Settings()
        s.method = method
        edit(&s)
        return .normalise(Normalise(s))
    }

    /// A COINr goalposts table as COINr's normalisation vignette builds it: posts, scale and truncation per indicator.
    static let goalpostMeta = [
        "Level,iCode,iName,Direction,Weight,Type,Parent,goalpost_lower,goalpost_upper,goalpost_scale,goalpost_trunc2posts",
        "1,x1,One,1,1,Indicator,Idx,0,50,100,TRUE",
        "1,x2,Two,-1,1,Indicator,Idx,10,30,1,FALSE",
        "2,Idx,Index,1,1,Aggregate,,,,,",
    ]
    static let goalpostData = ["uCode,x1,x2", "A,10,35", "B,25,20", "C,60,5"]

    @Test("a COINr goalposts table builds unchanged with method goalposts")
    func goalpostTable() throws {
        let result = try Self.build(meta: Self.goalpostMeta, data: Self.goalpostData, [Self.normalise(.goalposts), .aggregate(Aggregate())])
        // x1: (x − 0)/(50 − 0), truncated, times 100 → 20, 50, 1.2 → 100
        StepKit.expectClose(StepKit.column(result, "x1"), [20, 50, 100])
        // x2, Direction −1: COINr flips the posts to (−30, −10) for the negated values, so (30 − x)/20,
        // not truncated, times 1 → −0.25, 0.5, 1.25
        StepKit.expectClose(StepKit.column(result, "x2"), [-0.25, 0.5, 1.25])
        // the index: the mean of the two → 9.875, 25.25, 50.625
        StepKit.expectClose(StepKit.column(result, "Idx"), [9.875, 25.25, 50.625])
        #expect(result.log.warnings.isEmpty)
    }

    @Test("order: the spec's override of an indicator, then its iMeta columns, then the step")
    func precedence() throws {
        // the step's scale 7 and truncate false lose to the columns; x1's override goalposts [0, 100] win over its columns,
        // its scale and truncation still come from them: x/100·100 → 10, 25, 60
        var step = Normalise.Settings()
        step.method = .goalposts
        step.scale = 7
        step.truncate = false
        var x1 = Normalise.Settings()
        x1.goalposts = [0, 100]
        let result = try Self.build(meta: Self.goalpostMeta, data: Self.goalpostData, [.normalise(Normalise(step, overrides: ["x1": x1]))])
        StepKit.expectClose(StepKit.column(result, "x1"), [10, 25, 60])
        StepKit.expectClose(StepKit.column(result, "x2"), [-0.25, 0.5, 1.25])
        // worst and best in an override replace the columns' posts: x2 worst 40, best 0 → (40 − x)/40 → 0.125, 0.5, 0.875
        var x2 = Normalise.Settings()
        x2.worst = 40
        x2.best = 0
        let worstBest = try Self.build(meta: Self.goalpostMeta, data: Self.goalpostData, [.normalise(Normalise(step, overrides: ["x2": x2]))])
        StepKit.expectClose(StepKit.column(worstBest, "x2"), [0.125, 0.5, 0.875])
        // another method does not read the goalpost columns
        StepKit.expectClose(StepKit.column(try Self.build(meta: Self.goalpostMeta, data: Self.goalpostData, [Self.normalise(.minMax)]), "x1"), [0, 30, 100])
    }

    static let parameterMeta = [
        "Level,iCode,Type,Direction,Target,Parent,minmax_lower,minmax_upper,zscore_mean,zscore_sd,scaled_lower,scaled_upper,scaled_scale_factor,dist2targ_cap_max,Notes",
        "1,x1,Indicator,1,25,Idx,1,10,100,10,0,200,10,TRUE,any text",
        "1,x2,Indicator,1,3,Idx,,,,,,,,,",
        "2,Idx,Aggregate,,,,,,,,,,,,",
    ]
    static let parameterData = ["uCode,x1,x2", "A,10,1", "B,20,2", "C,30,4"]

    @Test("minmax, zscore, scaled and dist2targ columns are each used by their method; an empty cell leaves the step's")
    func methodColumns() throws {
        func column(_ step: BuildStep, _ code: String) throws -> [Double] {
            StepKit.column(try Self.build(meta: Self.parameterMeta, data: Self.parameterData, [step]), code)
        }
        // x1 = 10, 20, 30: min-max onto [1, 10] → 1, 5.5, 10; x2 = 1, 2, 4 onto the step's [0, 100] → 0, 100/3, 100
        StepKit.expectClose(try column(Self.normalise(.minMax), "x1"), [1, 5.5, 10])
        StepKit.expectClose(try column(Self.normalise(.minMax), "x2"), [0, 100.0 / 3, 100])
        // mean 20, sd 10: z = −1, 0, 1 → 100 + 10z; x2 keeps mean 0, sd 1 (mean 7/3, sd √(7/3))
        StepKit.expectClose(try column(Self.normalise(.zScore), "x1"), [90, 100, 110])
        let sd2 = (7.0 / 3).squareRoot()
        StepKit.expectClose(try column(Self.normalise(.zScore), "x2"), [(1 - 7.0 / 3) / sd2, (2 - 7.0 / 3) / sd2, (4 - 7.0 / 3) / sd2])
        // scaled over [0, 200] times 10 → 0.5, 1, 1.5; x2 over the step's [0, 100] times 100 → 1, 2, 4
        StepKit.expectClose(try column(Self.normalise(.scaled), "x1"), [0.5, 1, 1.5])
        StepKit.expectClose(try column(Self.normalise(.scaled), "x2"), [1, 2, 4])
        // distance to the target 25, capped by dist2targ_cap_max: (x − 10)/15 → 0, 2/3, 4/3 → 1; x2 to 3 uncapped → 0, 0.5, 1.5
        StepKit.expectClose(try column(Self.normalise(.distanceToTarget), "x1"), [0, 2.0 / 3, 1])
        StepKit.expectClose(try column(Self.normalise(.distanceToTarget), "x2"), [0, 0.5, 1.5])
        // COINr's own spelling scale_factor is read too
        let alias = Self.parameterMeta.map { $0.replacingOccurrences(of: "scaled_scale_factor", with: "scale_factor") }
        StepKit.expectClose(StepKit.column(try Self.build(meta: alias, data: Self.parameterData, [Self.normalise(.scaled)]), "x1"), [0.5, 1, 1.5])
    }

    @Test("a reversed pair in the columns warns, as a reversed range in the spec does")
    func reversedColumns() throws {
        let meta = ["Level,iCode,Type,Parent,minmax_lower,minmax_upper", "1,x1,Indicator,,100,0", "1,x2,Indicator,,0,100"]
        let result = try Self.build(meta: meta, data: ["uCode,x1,x2", "A,1,1", "B,3,3"], [Self.normalise(.minMax)])
        StepKit.expectClose(StepKit.column(result, "x1"), [100, 0])
        #expect(result.log.warnings.map(\.code) == [.reversedRange])
        #expect(result.log.warnings.first?.indicator == "x1")
        #expect(result.log.warnings.first?.message.contains("minmax_lower, minmax_upper") == true)
    }

    @Test("bad cells and columns name the file, row and column")
    func errors() {
        let header = "Level,iCode,Type,Parent,minmax_lower,minmax_upper,zscore_sd,dist2targ_cap_max,goalpost_lower,goalpost_upper"
        func meta(_ x1: String, header: String = header, aggregate: String? = nil) -> String {
            let empty = String(repeating: ",", count: header.split(separator: ",").count - 5)
            return csv([header, "1,x1,Indicator,Idx," + x1, "2,Idx,Aggregate,," + (aggregate ?? empty)])
        }
        let data = "uCode,x1\nA,1\nB,2\n"
        let cases: [(String, IndexEngineError.Kind, Int, String)] = [
            (meta("0,1,1,yes,,"), .invalidParameter, 2, "dist2targ_cap_max"),
            (meta("0,1,1,1,,"), .invalidParameter, 2, "dist2targ_cap_max"),
            (meta("0,1,abc,TRUE,,"), .nonNumeric, 2, "zscore_sd"),
            (meta("0,1,Inf,TRUE,,"), .nonFinite, 2, "zscore_sd"),
            (meta("0,1,0,TRUE,,"), .invalidParameter, 2, "zscore_sd"),
            (meta("0,1,-2,TRUE,,"), .invalidParameter, 2, "zscore_sd"),
            (meta("0,,1,TRUE,,"), .invalidParameter, 2, "minmax_upper"),
            (meta(",5,1,TRUE,,"), .invalidParameter, 2, "minmax_lower"),
            (meta("0,1,1,TRUE,3,3"), .invalidParameter, 2, "goalpost_upper"),
            (meta("0,1,1,TRUE,,", aggregate: ",,,,1,2"), .invalidParameter, 3, "goalpost_lower"),
            (meta("0,1", header: "Level,iCode,Type,Parent,minmax_lower,goalpost_low"), .invalidParameter, 1, "goalpost_low"),
            (meta("0", header: "Level,iCode,Type,Parent,minmax_lower"), .missingColumn, 1, "minmax_upper"),
            (meta("0,1,0,1", header: "Level,iCode,Type,Parent,GoalpostLow,GoalpostHigh,goalpost_lower,goalpost_upper"), .invalidParameter, 1, "goalpost_lower"),
            (meta("0,1,2,3", header: "Level,iCode,Type,Parent,scaled_lower,scaled_upper,scaled_scale_factor,scale_factor"), .invalidParameter, 1, "scale_factor"),
            (meta("5,5,2", header: "Level,iCode,Type,Parent,scaled_lower,scaled_upper,scaled_scale_factor"), .invalidParameter, 2, "scaled_upper"),
            (meta("0,5,0", header: "Level,iCode,Type,Parent,scaled_lower,scaled_upper,scaled_scale_factor"), .invalidParameter, 2, "scaled_scale_factor"),
        ]
        for (table, kind, row, column) in cases {
            expectEngineError(kind, file: "iMeta.csv", row: row, column: column) {
                _ = try Small.coinrDataset(data: data, meta: table)
            }
        }
    }

    @Test("the columns read into the indicator's parameters; TRUE, FALSE, T, F and empty cells")
    func reads() throws {
        let meta = csv([
            "Level,iCode,Type,Parent,goalpost_trunc2posts,dist2targ_cap_max,goalpost_scale",
            "1,x1,Indicator,,T,false,", "1,x2,Indicator,,,NA,0.5",
        ])
        let nodes = try Small.coinrDataset(data: "uCode,x1,x2\nA,1,2\n", meta: meta).framework.nodes
        #expect(nodes[0].normalisation.truncateToPosts == true && nodes[0].normalisation.capAtTarget == false)
        #expect(nodes[0].normalisation.goalpostScale == nil)
        #expect(nodes[1].normalisation.truncateToPosts == nil && nodes[1].normalisation.capAtTarget == nil)
        #expect(nodes[1].normalisation.goalpostScale == 0.5)
        #expect(try Small.coinrDataset().framework.nodes.allSatisfy { $0.normalisation == IndicatorNormalisation() }, "tables without the columns")
    }
}
