import Awards
import Foundation
import Testing
@testable import WebApp

/// The API against its own OpenAPI document, fuzzed by Schemathesis over real HTTP: every
/// answer must have a documented status, content type and headers, no input may cause a server
/// error, malformed input must be refused, and an unlisted method gets 405 with `Allow`.
@Suite("API contract")
struct APIContractTests {
    @Test("Schemathesis finds no difference between the API and its OpenAPI document, anonymously and with an organiser's token")
    func schemathesis() async throws {
        guard Subprocess.runBlocking(["python3", "-c", "import schemathesis"]) == 0 else {
            Issue.record("The contract test needs Schemathesis for python3: run `bash .ci/run` (as root) to install it.")
            return
        }
        try await BrowserWalkthroughTests.withLivePlatform { port, _, platform in
            let token = try await AccountProvisioning.issueToken(for: "admin", label: "contract test", scopes: TokenScope.allCases, at: Date(), in: platform.store, by: "admin")
            let base = "http://127.0.0.1:\(port)"
            // The server scores the community index as it starts (seconds in a debug build); the
            // contract is checked once that is done, so that Schemathesis's 10 s read timeout
            // measures answers, not the start-up.
            _ = try await platform.communityDirectory()
            for headers in [[String](), ["-H", "Authorization: Bearer \(token)"]] {
                // A fixed seed and size make the run repeatable. Schema-valid bodies that break a
                // rule of the programme (an unknown nomination, a phase that cannot go back) are
                // rightly refused, so "positive data acceptance" is not asked for.
                let run = try await Subprocess.run(
                    ["python3", "-m", "schemathesis.cli", "run", base + "/api/v1/openapi.json", "--url", base, "--seed", "2026",
                     "--max-examples", "25", "--checks", "all", "--exclude-checks", "positive_data_acceptance", "--no-color"] + headers,
                    directory: FileManager.default.temporaryDirectory.path, timeout: .seconds(300))
                #expect(!run.timedOut, "Schemathesis did not finish:\n\(run.output)")
                #expect(run.status == 0, "Schemathesis found problems (\(headers.isEmpty ? "anonymous" : "with a token")):\n\(run.output)")
            }
        }
    }
}
