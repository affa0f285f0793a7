import Foundation
import NIOCore
import NIOPosix
import Testing

/// A real SMTP relay on loopback for the mail tests: `Tests/Mail/smtp_sink.py` (aiosmtpd), which
/// writes every message it accepts, decoded by Python's own e-mail parser, to a JSON-lines file.
final class SMTPSink: @unchecked Sendable {
    /// One message the relay accepted.
    struct Received: Decodable {
        var mail_from: String
        var rcpt_tos: [String]
        var login: String?
        var headers: [[String]]
        var subject: String
        var message_id: String?
        var body: String
        var raw: String

        /// The values of the headers named `name`, as sent.
        func header(_ name: String) -> [String] { headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] } }
        /// The body with LF line endings.
        var text: String { body.replacingOccurrences(of: "\r\n", with: "\n") }
    }

    let port: Int
    let out: URL
    private let process: ChildProcess

    /// Starts the relay on `port` (a free one when nil) with the sink's options.
    init(port: Int? = nil, out: URL? = nil, options: [String] = []) async throws {
        self.port = try port ?? Self.freePort()
        self.out = out ?? FileManager.default.temporaryDirectory.appendingPathComponent("civic-smtp-\(UUID().uuidString).jsonl")
        process = try ChildProcess(
            "smtp-sink", executable: "/usr/bin/env",
            arguments: ["python3", PlatformRoutesTests.root + "/Tests/Mail/smtp_sink.py", "--port", String(self.port), "--out", self.out.path] + options,
            directory: PlatformRoutesTests.root)
        _ = try await process.waitForOutput(matching: "LISTENING ([0-9]+)", timeout: .seconds(20))
    }

    /// The messages accepted so far, in order.
    func received() throws -> [Received] {
        guard let data = FileManager.default.contents(atPath: out.path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONDecoder().decode(Received.self, from: Data($0.utf8)) }
    }

    /// Waits until the relay process has ended by itself (`--die-after-data`).
    func waitUntilGone() async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while process.isRunning, clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        process.stop()
    }

    func stop() {
        process.stop()
        process.removeLog()
    }

    deinit {
        process.stop()
        try? FileManager.default.removeItem(at: out)
    }

    /// A TCP port on loopback that nothing listens on just now.
    static func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        return channel.localAddress?.port ?? 0
    }
}
