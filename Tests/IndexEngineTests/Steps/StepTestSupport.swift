import Testing
@testable import IndexEngine

/// Small hand-made datasets and helpers shared by the step tests.
enum StepKit {
    /// An indicator node; without a parent the framework is flat (indicators only, top level 1).
    static func indicator(
        _ code: String, parent: String? = nil, weight: Double = 1, direction: Double = 1, target: Double? = nil,
        denominator: String? = nil, goalposts: (Double, Double)? = nil
    ) -> FrameworkNode {
        FrameworkNode(
            code: code, name: code, level: 1, parent: parent, kind: .indicator, weight: weight, direction: direction,
            target: target, denominator: denominator, goalpostLow: goalposts?.0, goalpostHigh: goalposts?.1)
    }

    /// An aggregate node.
    static func aggregate(_ code: String, level: Int, parent: String? = nil, weight: Double = 1) -> FrameworkNode {
        FrameworkNode(code: code, name: code, level: level, parent: parent, kind: .aggregate, weight: weight)
    }

    /// A dataset of units `A`, `B`, … (or the codes given) with one column of values per indicator.
    ///
    /// `columns[i]` holds the values of the i-th indicator node of `nodes`, one per unit.
    static func dataset(
        units: [String]? = nil, nodes: [FrameworkNode], columns: [[Double]], groups: [String: [String?]] = [:],
        denominators: [String: [Double]] = [:], time: Int? = nil, panel: Panel? = nil
    ) throws -> Dataset {
        let framework = try Framework(nodes: nodes)
        let rows = columns.first?.count ?? 0
        let codes = units ?? (0..<rows).map { String(UnicodeScalar(UInt8(65 + $0))) }
        precondition(columns.count == framework.indicatorCount && columns.allSatisfy { $0.count == codes.count })
        let values = Matrix(rows: codes.count, columns: columns.count, storage: columns.flatMap { $0 })
        return Dataset(
            units: codes.map { Unit(code: $0, name: "Unit \($0)") }, framework: framework,
            groups: groups.keys.sorted().map { NamedColumn(name: $0, values: groups[$0]!) },
            denominators: denominators.keys.sorted().map { NamedColumn(name: $0, values: denominators[$0]!) },
            values: values, time: time, panel: panel)
    }

    /// A flat dataset: indicators `x1`, `x2`, … without aggregates, one column each.
    static func flat(_ columns: [[Double]], units: [String]? = nil, groups: [String: [String?]] = [:]) throws -> Dataset {
        try dataset(units: units, nodes: columns.indices.map { indicator("x\($0 + 1)") }, columns: columns, groups: groups)
    }

    /// The spec with `steps` (the inputs are never read by `IndexBuild.run`).
    static func spec(_ steps: [BuildStep], weightSets: [String: [String: Double]] = [:]) -> BuildSpec {
        BuildSpec(inputs: .coinr(iData: "", iMeta: ""), weightSets: weightSets, steps: steps)
    }

    /// Runs `steps` over `dataset`.
    static func run(_ dataset: Dataset, _ steps: [BuildStep], weightSets: [String: [String: Double]] = [:]) throws -> BuildResult {
        try IndexBuild.run(dataset, spec: spec(steps, weightSets: weightSets))
    }

    /// The error a build raises, or `nil` (and a test failure) when it succeeds.
    static func error(
        _ dataset: Dataset, _ steps: [BuildStep], weightSets: [String: [String: Double]] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) -> IndexEngineError? {
        do {
            _ = try IndexBuild.run(dataset, spec: spec(steps, weightSets: weightSets))
            Issue.record("the build was expected to fail", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// The final values of `code`.
    static func column(_ result: BuildResult, _ code: String) -> [Double] {
        result.scores(of: code) ?? []
    }

    /// The unit codes still in the build.
    static func units(_ result: BuildResult) -> [String] {
        result.final.units.map { result.dataset.units[$0].code }
    }

    /// Expects `actual` to match `expected` element by element (missing matching missing).
    static func expectClose(
        _ actual: [Double], _ expected: [Double], relative: Double = 1e-12, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, "count \(actual.count) vs \(expected.count)", sourceLocation: sourceLocation)
        for (i, (a, e)) in zip(actual, expected).enumerated() {
            #expect(close(a, e, relative: relative), "[\(i)] \(a) vs expected \(e) \(comment.map { "— \($0)" } ?? "")", sourceLocation: sourceLocation)
        }
    }

    /// Runs `body` on the buffer of `x`.
    static func on<R>(_ x: [Double], _ body: (UnsafeBufferPointer<Double>) -> R) -> R {
        x.withUnsafeBufferPointer(body)
    }
}
