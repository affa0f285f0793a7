import Awards
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Storage
import Testing
@testable import WebApp

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The platform as a person sees it: the demo platform served on a free loopback port and walked
/// through in a real headless Chromium by `Tests/Browser/walkthrough.py` (Selenium), which
/// leaves a screenshot of every step in `out/screenshots`.
@Suite("Browser walkthrough")
struct BrowserWalkthroughTests {
    static let root = PlatformRoutesTests.root
    static let script = root + "/Tests/Browser/walkthrough.py"
    static let screenshots = root + "/out/screenshots"
    /// The whole walk takes well under a minute; past this the browser is assumed stuck.
    static let walkTimeout: Duration = .seconds(300)

    @Test("the platform works in a real browser: public pages, keyboard and phone, and the 2027 demo cycle walked to its winner by every role")
    func walkthrough() async throws {
        let missing = Self.missingPrerequisites()
        guard missing.isEmpty else {
            Issue.record("The browser test needs \(missing.joined(separator: ", ")): run `bash .ci/run` (as root) to install them.")
            return
        }
        let sink = try await SMTPSink()
        defer { sink.stop() }
        try await Self.withLivePlatform(mail: sink) { port, accounts, _ in
            let run = try await Subprocess.run(
                ["python3", Self.script, "--base-url", "http://127.0.0.1:\(port)", "--screenshots", Self.screenshots, "--accounts", accounts, "--mail", sink.out.path],
                directory: Self.root, timeout: Self.walkTimeout)
            #expect(!run.timedOut, "the walkthrough did not finish within \(Self.walkTimeout) and was stopped:\n\(run.output)")
            #expect(run.status == 0, "the walkthrough failed (exit status \(run.status)); screenshots in \(Self.screenshots):\n\(run.output)")
        }
    }

    @Test("the walkthrough's TOTP helper computes the codes Debian's oathtool computes from the same base32 secrets")
    func totpHelperAgreesWithOathtool() async throws {
        guard Subprocess.find("python3") != nil else {
            Issue.record("python3 is missing: run `bash .ci/run` (as root) to install what the tests need.")
            return
        }
        // RFC 6238's key "12345678901234567890" in base32, a common example key, and fresh keys
        // as the platform draws them; times on either side of a step boundary.
        let cases: [(secret: String, time: Int)] = [
            ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59), ("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1_111_111_109), ("JBSWY3DPEHPK3PXP", 1_800_000_000),
            (Secrets.totpSecret(), 1_700_000_029), (Secrets.totpSecret(), 1_700_000_030),
        ]
        let calls = cases.map { "print(walkthrough.totp(\(Self.pythonString($0.secret)), at=\($0.time)))" }.joined(separator: "; ")
        let run = try await Subprocess.run(
            ["python3", "-c", "import sys; sys.path.insert(0, 'Tests/Browser'); import walkthrough; " + calls],
            directory: Self.root, timeout: .seconds(60))
        try #require(run.status == 0, "python3 failed:\n\(run.output)")
        let codes = run.output.split(separator: "\n").map(String.init)
        let expected = try cases.map { try Oathtool.code($0.secret, at: Date(timeIntervalSince1970: Double($0.time))) }
        #expect(codes == expected)
        // RFC 6238's SHA-1 test vector at T = 59 s (94287082 to eight digits).
        #expect(codes.first == "287082")
    }

    /// Serves the platform with the demo's data — the ASEM index with its uncertainty analysis,
    /// the public record with its communities' coordinates, the 2026 demo cycle run to its
    /// winner, the open 2027 cycle and the demo accounts — on a free port of 127.0.0.1 while
    /// `body` runs with the port and a file listing the accounts, then shuts the server down.
    /// With `mail`, the demo community has an address, and the platform queues reminders (every
    /// two seconds) and sends its outbox (every second) to that SMTP server, as `civic serve`
    /// does with a relay.
    static func withLivePlatform(mail sink: SMTPSink? = nil, _ body: @Sendable (Int, String, Platform) async throws -> Void) async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-browser-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let configuration = WebConfiguration(
            database: database, indices: [root + "/Examples/asem"], analysis: nil)
        var platform = try Platform.load(configuration)
        let communities = try JSONDecoder().decode(
            [Community].self, from: Data(contentsOf: URL(fileURLWithPath: root + "/Examples/awards-history/communities.json")))
        let accounts = try await DemoPlatform.load(
            into: platform.store, record: try RecognitionRecord.read(path: root + "/Examples/awards-history/recognitions.csv"),
            communities: communities, bcryptCost: 4, deadlinesFrom: Date())
        var services: [any Service] = []
        if let sink {
            var community = try #require(try await platform.store.account("community"))
            try community.setContact(email: "community@example.org", language: nil)
            try await platform.store.saveAccount(community, by: "admin")
            let relay = try MailRelay(url: "smtp://127.0.0.1:\(sink.port)")
            platform.mail = MailSettings(relay: relay)
            var policy = MailDelivery.Policy()
            policy.interval = .seconds(1)
            services.append(MailDelivery(outbox: platform.store, relay: relay, sender: platform.mail.sender, policy: policy, logger: Logger(label: "walkthrough-mail")))
            services.append(ReminderService(notifications: platform.notifications, interval: .seconds(2), logger: Logger(label: "walkthrough-reminders")))
        }
        let accountsFile = database + "-accounts.json"
        defer { try? FileManager.default.removeItem(atPath: accountsFile) }
        let listed = accounts.map { a -> [String: String] in
            var entry = ["username": a.username, "password": a.password, "role": a.role.rawValue]
            if let secret = a.totpSecret { entry["totpSecret"] = secret }
            return entry
        }
        try JSONSerialization.data(withJSONObject: listed).write(to: URL(fileURLWithPath: accountsFile))
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load(), policy: SecurityPolicy(bcryptCost: 4))

        // Bound to 127.0.0.1 itself: HummingbirdTesting's live mode rebinds to "localhost",
        // which may resolve to ::1 alone.
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            })
        app.addServices(services)
        let server = app
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                throw BrowserTestError("the platform did not start listening")
            }
            do {
                try await body(port, accountsFile, platform)
            } catch {
                group.cancelAll()
                throw error
            }
            // Cancelling the service group shuts the server down gracefully.
            group.cancelAll()
        }
    }

    /// What the walkthrough needs that this machine lacks.
    static func missingPrerequisites() -> [String] {
        var missing: [String] = []
        for path in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: path) {
            missing.append(path)
        }
        if Subprocess.find("python3") == nil {
            missing.append("python3")
        } else if Subprocess.runBlocking(["python3", "-c", "import selenium"]) != 0 {
            missing.append("Selenium for python3")
        }
        return missing
    }

    static func pythonString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

struct BrowserTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Running a program found on the PATH with a time limit, collecting its output.
enum Subprocess {
    struct Result {
        var status: Int32
        /// Standard output and standard error, interleaved as written.
        var output: String
        var timedOut: Bool
    }

    /// The full path of `program` on the PATH (or `program` itself when it is a path), if any.
    static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `arguments` in `directory`; after `timeout` it is asked to stop (SIGTERM, so the
    /// walkthrough can close its browser) and killed ten seconds later if still running.
    static func run(_ arguments: [String], directory: String, timeout: Duration) async throws -> Result {
        guard let executable = find(arguments[0]) else { throw BrowserTestError("\(arguments[0]) is not on the PATH") }
        // A file, not a pipe: a full pipe would block the child while this task only polls.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("civic-subprocess-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        // No __pycache__ beside the script in the source tree.
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        try process.run()

        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var timedOut = false
        while process.isRunning {
            if clock.now >= deadline {
                timedOut = true
                process.terminate()
                let grace = clock.now + .seconds(10)
                while process.isRunning && clock.now < grace { try? await Task.sleep(for: .milliseconds(100)) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, output: output, timedOut: timedOut)
    }

    /// Runs a quick command and returns its exit status (-1 when it cannot start).
    static func runBlocking(_ arguments: [String]) -> Int32 {
        guard let executable = find(arguments[0]) else { return -1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
