import Foundation
@testable import IndexEngine

/// Paths to the files the tests read, found from this source file's location.
enum Fixtures {
    /// The package's root directory.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A path inside the package.
    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The ASEM example spec.
    static var asemSpec: String { path("Examples/asem/asem.json") }

    /// COINr 1.1.14's output for one stage of the ASEM example build.
    static func coinrStage(_ stage: String) throws -> CSVTable {
        try CSVTable.read(path: path("Tests/IndexEngineTests/Reference/COINr/asem_\(stage).csv"))
    }

    /// Runs the ASEM example build.
    static func asemBuild(_ edit: (inout BuildSpec) -> Void = { _ in }) throws -> BuildResult {
        var spec = try BuildSpec.read(path: asemSpec)
        edit(&spec)
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: path("Examples/asem"))
        return try IndexBuild.run(dataset, spec: spec)
    }

    /// A temporary directory, removed when `body` returns.
    static func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("civic-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try body(dir)
    }

    /// Writes `files` (name → contents) into `directory`.
    static func write(_ files: [String: String], into directory: String) throws {
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }
}

/// Whether two numbers agree to a relative tolerance, missing matching missing.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= relative * max(abs(a), abs(b)) || abs(a - b) < 1e-12
}
