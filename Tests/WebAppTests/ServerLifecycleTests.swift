import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing
@testable import WebApp

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real server in its service group: it listens, answers, logs, and stops gracefully.
@Suite("Server lifecycle")
struct ServerLifecycleTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    @Test("the server listens on a picked port, answers and logs requests, then stops gracefully and closes the port and the database")
    func gracefulShutdown() async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-lifecycle-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let configuration = WebConfiguration(host: "127.0.0.1", port: 0, database: database, indices: [Self.root + "/Examples/asem/asem.json"], analysis: nil)
        let records = LogRecords()

        let port = try await Self.serveOnce(configuration, records: records)

        #expect(await !Self.accepts(port: port), "the port is closed once the service group has returned")
        // SQLite removes the write-ahead log when the last connection closes cleanly.
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))

        let started = try #require(records.entries.first { $0.message == "Civic Index is running" })
        #expect(started.metadata["address"] == "http://127.0.0.1:\(port)/")
        #expect(started.metadata["database"] == "\(database)")
        let request = try #require(records.entries.first { $0.message == "Request" && $0.metadata["hb.request.path"] == "/health" })
        #expect(request.level == .info)
        #expect(request.metadata["hb.request.method"] == "GET")
        #expect(request.metadata["status"]?.description == "200")
        #expect(request.metadata["hb.request.id"] != nil)
        let duration = try #require(request.metadata["duration_ms"].flatMap { Double($0.description) })
        #expect(duration >= 0 && duration < 10_000)
        let missing = try #require(records.entries.first { $0.message == "Request" && $0.metadata["hb.request.path"] == "/no-such-page" })
        #expect(missing.metadata["status"]?.description == "404")
        #expect(missing.metadata["hb.request.id"] != request.metadata["hb.request.id"])
    }

    @Test("the log level of the configuration silences the request log")
    func logLevel() async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-lifecycle-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let configuration = WebConfiguration(
            host: "127.0.0.1", port: 0, database: database, indices: [Self.root + "/Examples/asem/asem.json"], analysis: nil, logLevel: .warning)
        let records = LogRecords()
        _ = try await Self.serveOnce(configuration, records: records)
        #expect(!records.entries.contains { $0.message == "Request" || $0.message == "Civic Index is running" })
    }

    @Test("a connection that stays silent, or sends its request too slowly, is closed after the idle timeout")
    func idleAndSlowConnections() async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-lifecycle-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let configuration = WebConfiguration(
            host: "127.0.0.1", port: 0, database: database, indices: [Self.root + "/Examples/asem/asem.json"], analysis: nil, logLevel: .warning,
            idleTimeout: .seconds(1))
        let platform = try Platform.load(configuration)
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let logger = Logger(label: "civic-test") { _ in SwiftLogNoOpLogHandler() }
        let app = try await buildApplication(configuration, platform: platform, logger: logger) { channel in
            listening.yield(channel.localAddress?.port ?? -1)
            listening.finish()
        }
        let group = makeServiceGroup(app, logger: logger, gracefulShutdownSignals: [])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { listening.finish() }
                try await group.run()
            }
            let port = try #require(await ports.first { _ in true })
            let start = ContinuousClock.now
            let silent = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()
            let slow = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()
            // Half a request head, and then nothing more, as a slow-loris client sends it. On a
            // machine so busy that the timeout has already closed the connection, the write fails,
            // which is the outcome checked below anyway.
            _ = try? await slow.writeAndFlush(ByteBuffer(string: "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")).get()
            #expect(await Self.closes(silent, within: .seconds(10)), "an idle connection is closed")
            #expect(await Self.closes(slow, within: .seconds(10)), "a request head that never ends is closed")
            #expect(ContinuousClock.now - start >= .milliseconds(900), "not before the timeout")
            // A connection that keeps talking is served as usual.
            #expect(await Self.accepts(port: port))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// Whether the server closes `channel` within `limit`; the channel is closed either way.
    static func closes(_ channel: any Channel, within limit: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { race in
            race.addTask {
                (try? await channel.closeFuture.get()) != nil
            }
            race.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await race.next() ?? false
            try? await channel.close()
            race.cancelAll()
            return first
        }
    }

    /// Starts the platform in its service group, asks it for `/health` and a missing page over
    /// real HTTP, triggers graceful shutdown and waits for the group to return; returns the port.
    ///
    /// Everything the server holds is released on return, the database included.
    static func serveOnce(_ configuration: WebConfiguration, records: LogRecords) async throws -> Int {
        let logger = Logger(label: "civic-test") { _ in RecordingLogHandler(records: records) }
        let platform = try Platform.load(configuration)
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(configuration, platform: platform, logger: logger) { channel in
            listening.yield(channel.localAddress?.port ?? -1)
            listening.finish()
        }
        let group = makeServiceGroup(app, logger: logger, gracefulShutdownSignals: [])
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                // Should the server fail to start, the wait for its port ends too.
                defer { listening.finish() }
                try await group.run()
            }
            let port = try #require(await ports.first { _ in true })
            #expect(port > 0)

            let session = URLSession(configuration: .ephemeral)
            defer { session.finishTasksAndInvalidate() }
            let (body, response) = try await session.data(from: try #require(URL(string: "http://127.0.0.1:\(port)/health")))
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: body, as: UTF8.self) == #"{"status":"ok"}"#)
            let (_, missing) = try await session.data(from: try #require(URL(string: "http://127.0.0.1:\(port)/no-such-page")))
            #expect((missing as? HTTPURLResponse)?.statusCode == 404)
            #expect(await accepts(port: port))

            await group.triggerGracefulShutdown()
            // The group's run returns, without error, once the server has stopped.
            try await tasks.waitForAll()
            return port
        }
    }

    /// Whether a TCP connection to the port on the loopback address is accepted.
    static func accepts(port: Int) async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }
}

/// The log entries a test's logger wrote.
final class LogRecords: @unchecked Sendable {
    struct Entry {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let lock = NSLock()
    private var stored: [Entry] = []

    var entries: [Entry] { lock.withLock { stored } }

    func append(_ entry: Entry) { lock.withLock { stored.append(entry) } }
}

/// A log handler that keeps every entry, with the logger's metadata and the entry's own.
struct RecordingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.append(.init(level: event.level, message: event.message.description, metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }
}
