import Foundation
import Testing

/// `civic cycle publish` refuses what the programme refuses: a jury vote without a ballot is not
/// published from the command line either, and nothing is recorded.
@Suite("civic cycle publish")
struct PublishCommandTests {
    @Test("a vote with no ballots is refused, naming the count of jurors who voted")
    func noBallots() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-publish-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = ["--database", "p.sqlite"]
        for step in [["cycle", "demo", "--out", "."], ["cycle", "create", "2026", "--settings", "cycle.json"] + database, ["cycle", "phase", "2026", "jury_vote"] + database] {
            let result = try await RobustnessCommandTests.civic(step, in: directory)
            try #require(result.status == 0, "civic \(step.joined(separator: " ")): \(result.output)")
        }
        let refused = try await RobustnessCommandTests.civic(["cycle", "publish", "2026"] + database, in: directory)
        #expect(refused.status != 0)
        #expect(refused.output.contains("no ballots to count: 0 of 12 jurors on the jury have voted"), "\(refused.output)")
        let status = try await RobustnessCommandTests.civic(["cycle", "status", "2026"] + database, in: directory)
        #expect(!status.output.contains("Published"), "\(status.output)")
    }
}
