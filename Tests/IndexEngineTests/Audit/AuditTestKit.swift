import Testing
@testable import IndexEngine

/// Small hand-made builds for the audit and uncertainty tests.
enum AuditKit {
    /// An indicator node.
    static func indicator(_ code: String, parent: String? = nil, weight: Double = 1) -> FrameworkNode {
        FrameworkNode(code: code, name: code, level: 1, parent: parent, kind: .indicator, weight: weight)
    }

    /// An aggregate node.
    static func aggregate(_ code: String, level: Int, parent: String? = nil, weight: Double = 1) -> FrameworkNode {
        FrameworkNode(code: code, name: code, level: level, parent: parent, kind: .aggregate, weight: weight)
    }

    /// A dataset of units `A`, `B`, … with `columns[i]` the values of the i-th indicator of `nodes`.
    static func dataset(nodes: [FrameworkNode], columns: [[Double]], denominators: [(String, [Double])] = []) throws -> Dataset {
        let framework = try Framework(nodes: nodes)
        let rows = columns[0].count
        precondition(columns.count == framework.indicatorCount && columns.allSatisfy { $0.count == rows })
        let codes = (0..<rows).map { String(UnicodeScalar(UInt8(65 + $0))) }
        return Dataset(
            units: codes.map { Unit(code: $0, name: "Unit \($0)") }, framework: framework,
            denominators: denominators.map { NamedColumn(name: $0.0, values: $0.1) },
            values: Matrix(rows: rows, columns: columns.count, storage: columns.flatMap { $0 }))
    }

    /// A spec with `steps` (its inputs are never read).
    static func spec(_ steps: [BuildStep]) -> BuildSpec {
        BuildSpec(inputs: .coinr(iData: "", iMeta: ""), steps: steps)
    }

    /// Runs `steps` over `dataset`, keeping every stage.
    static func build(_ dataset: Dataset, _ steps: [BuildStep]) throws -> BuildResult {
        try IndexBuild.run(dataset, spec: spec(steps))
    }

    /// The loaded ASEM spec and dataset, and the nominal build.
    static func asem(_ edit: (inout BuildSpec) -> Void = { _ in }) throws -> (spec: BuildSpec, dataset: Dataset, result: BuildResult) {
        var spec = try BuildSpec.read(path: Fixtures.asemSpec)
        edit(&spec)
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: Fixtures.path("Examples/asem"))
        return (spec, dataset, try IndexBuild.run(dataset, spec: spec))
    }

    /// Expects `actual` to match `expected` to `relative`, element by element.
    static func expectClose(
        _ actual: [Double], _ expected: [Double], relative: Double = 1e-12, _ what: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, "\(what): count \(actual.count) vs \(expected.count)", sourceLocation: sourceLocation)
        for (i, (a, e)) in zip(actual, expected).enumerated() {
            #expect(close(a, e, relative: relative), "\(what)[\(i)]: \(a) vs expected \(e)", sourceLocation: sourceLocation)
        }
    }
}
