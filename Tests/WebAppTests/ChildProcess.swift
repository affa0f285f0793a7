import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long-running program a test starts — a server, a proxy — and must stop, whatever happens.
///
/// Its standard output and error go to a log file (not a pipe, which would block the program
/// once full while nobody reads it), so the test can wait for a line such as the address it
/// listens on. Every wait is bounded; `stop()` is synchronous so that it can run in a `defer`,
/// and it ends the program for certain: SIGTERM, then SIGKILL after a grace period.
final class ChildProcess: @unchecked Sendable {
    /// What the program is, for messages.
    let name: String
    /// The file its output goes to.
    let log: URL
    private let process = Process()
    private let handle: FileHandle

    /// Starts `executable` with `arguments` in `directory`.
    init(_ name: String, executable: String, arguments: [String], directory: String) throws {
        self.name = name
        log = FileManager.default.temporaryDirectory.appendingPathComponent("civic-\(name)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: log)
            throw BrowserTestError("\(name) could not start (\(executable)): \(error)")
        }
    }

    /// The program's process id.
    var pid: Int32 { process.processIdentifier }

    /// Whether it still runs.
    var isRunning: Bool { process.isRunning }

    /// Everything it has written so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits for its output to match `pattern` and returns the pattern's first capture group.
    /// Fails, with the output, if the program stops first or nothing matches within `timeout`.
    func waitForOutput(matching pattern: String, timeout: Duration) async throws -> String {
        let expression = try NSRegularExpression(pattern: pattern)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let text = output
            if let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let range = Range(match.range(at: 1), in: text) {
                return String(text[range])
            }
            guard process.isRunning else {
                throw BrowserTestError("\(name) stopped (status \(process.terminationStatus)) before writing /\(pattern)/:\n\(text)")
            }
            guard clock.now < deadline else { throw BrowserTestError("\(name) did not write /\(pattern)/ within \(timeout):\n\(text)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Asks it to stop (SIGTERM, a graceful shutdown), kills it if it has not stopped within
    /// `grace`, and waits until it is gone. Safe to call more than once.
    func stop(grace: Duration = .seconds(10)) {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let clock = ContinuousClock()
            let deadline = clock.now + grace
            while process.isRunning && clock.now < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? handle.close()
    }

    /// Kills it at once (SIGKILL: no shutdown, no answer to the requests in flight, as when a
    /// machine or the process dies) and waits until it is gone.
    func killAtOnce() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Removes the log; for a run that went well (a failed one keeps it for the message).
    func removeLog() {
        try? FileManager.default.removeItem(at: log)
    }
}
