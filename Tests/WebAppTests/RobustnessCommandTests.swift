import Foundation
import Testing

/// `civic cycle robustness` as an organiser runs it: the demo cycle's 400 nominations imported,
/// assigned and reviewed through the command line, then the Smart21's robustness with and
/// without an analysis of the quantitative index's own choices, and its refusals.
@Suite("civic cycle robustness", .serialized)
struct RobustnessCommandTests {
    static let civic = TwoInstanceDeployment.binary

    /// Runs `civic` with `arguments` in `directory`.
    static func civic(_ arguments: [String], in directory: String) async throws -> Subprocess.Result {
        try await Subprocess.run([civic] + arguments, directory: directory, timeout: .seconds(300))
    }

    /// A directory holding `r.sqlite` with the demo 2026 cycle reviewed in round 1.
    static func reviewedCycle() async throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-robustness-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = ["--database", "r.sqlite"]
        for step in [
            ["cycle", "demo", "--out", "."], ["cycle", "create", "2026", "--settings", "cycle.json"] + database,
            ["cycle", "import-nominations", "2026", "nominations.json"] + database, ["cycle", "import-analysts", "analysts.json"] + database,
            ["cycle", "phase", "2026", "smart21_scoring"] + database, ["cycle", "assign", "2026"] + database,
            ["cycle", "simulate", "2026", "reviews", "-o", "reviews.json"] + database, ["cycle", "import-reviews", "2026", "reviews.json"] + database,
        ] {
            let result = try await civic(step, in: directory)
            try #require(result.status == 0, "civic \(step.joined(separator: " ")): \(result.output)")
        }
        return directory
    }

    @Test("the Smart21's chances, drawn over the analysts, the method and the index's choices, add up to its 21 places")
    func smart21() async throws {
        let directory = try await Self.reviewedCycle()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let analysis = PlatformRoutesTests.root + "/Examples/asem/sensitivity.json"
        let run = try await Self.civic(
            ["cycle", "robustness", "2026", "--list", "smart21", "--samples", "120", "--seed", "7", "--quiet", "--out", "out", "--analysis", analysis, "--database", "r.sqlite"],
            in: directory)
        try #require(run.status == 0, "\(run.output)")
        #expect(run.output.contains("Drawn: analysts, calibration method, winmax, normalisation, weights, aggregation"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/out/robustness-smart21.json"))) as? [String: Any]
        let nominees = try #require(json?["nominees"] as? [[String: Any]])
        #expect(nominees.count == 400)
        #expect(json?["inputs"] as? [String] == ["analysts", "calibration method", "winmax", "normalisation", "weights", "aggregation"])
        // Every sample names exactly 21: the chances add up to 21 (each a count over 120 samples).
        let chances = nominees.compactMap { $0["probability"] as? Double }
        #expect(chances.count == 400)
        #expect(abs(chances.reduce(0, +) - 21) < 1e-9)
        #expect(chances.allSatisfy { abs(($0 * 120).rounded() - $0 * 120) < 1e-9 && (0...1).contains($0) })
        let csv = try String(contentsOfFile: directory + "/out/robustness-smart21.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "nomination,community,country,rank,probability,median_rank,rank_5,rank_95,borderline")
        #expect(csv.count == 401)

        // The same seed gives the same figures.
        let again = try await Self.civic(
            ["cycle", "robustness", "2026", "--list", "smart21", "--samples", "120", "--seed", "7", "--quiet", "--out", "again", "--analysis", analysis, "--database", "r.sqlite"],
            in: directory)
        try #require(again.status == 0, "\(again.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/again/robustness-smart21.json")) == Data(contentsOf: URL(fileURLWithPath: directory + "/out/robustness-smart21.json")))

        // Refusals, each naming what is wrong; nothing is written.
        let refusals: [([String], String)] = [
            (["--list", "smart7"], "--list must be smart21 or top7"),
            (["--list", "smart21", "--samples", "0"], "--samples must lie between 1 and 1,000,000"),
            (["--list", "smart21", "--top=-1"], "--top cannot be negative"),
            (["--list", "smart21", "--analysis", "missing.json"], "missing.json"),
            (["--list", "top7"], "the Smart21 have not been named yet"),
        ]
        for (arguments, message) in refusals {
            let refused = try await Self.civic(["cycle", "robustness", "2026", "--quiet", "--database", "r.sqlite"] + arguments, in: directory)
            #expect(refused.status != 0, "\(arguments)")
            #expect(refused.output.contains(message), "\(arguments): \(refused.output)")
        }
        try #"{"inputs": [{"name": "w", "step": "denominate", "field": "method", "values": ["none"]}]}"#.write(toFile: directory + "/bad.json", atomically: true, encoding: .utf8)
        let bad = try await Self.civic(["cycle", "robustness", "2026", "--list", "smart21", "--quiet", "--analysis", "bad.json", "--database", "r.sqlite"], in: directory)
        #expect(bad.status != 0)
        #expect(bad.output.contains("rules.quantitativeAnalysis"), "\(bad.output)")
    }
}
