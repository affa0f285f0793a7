import Awards
import Foundation
import Testing
@testable import WebApp

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The platform deployed as it would be on two machines: two `civic serve` processes — the
/// built binary, each with its own connection pool — on one fresh PostgreSQL schema, behind a
/// real nginx on the loopback interface that balances them round robin with the configuration
/// in `Scripts/nginx-two-instances.conf`.
///
/// The schema is loaded in-process before the servers start: the demo's record, a small 2026
/// cycle run to its winner, the open 2027 cycle, the demo accounts (bcrypt cost 4, so that
/// signing in is quick), a 2028 cycle stopped at its jury vote for the organiser to publish,
/// and an API token of the organiser's. Everything is stopped and the schema dropped
/// afterwards, also when the test fails.
struct TwoInstanceDeployment: Sendable {
    static let root = PlatformRoutesTests.root
    /// `swift build` and `swift test` build the executable here, beside the tests.
    static let binary = root + "/.build/debug/civic"
    static let nginx = "/usr/sbin/nginx"
    static let configurationTemplate = root + "/Scripts/nginx-two-instances.conf"
    /// The PostgreSQL server: `CIVIC_TEST_POSTGRES`, or the one `.ci/run` sets up.
    static let postgresURL = ProcessInfo.processInfo.environment["CIVIC_TEST_POSTGRES"] ?? "postgres://civic:civic@127.0.0.1:5432/civic_test"
    /// The cycle waiting at its jury vote, every ballot cast.
    static let unpublishedYear = 2028

    /// The schema that holds the platform.
    let schema: String
    /// nginx's port.
    let proxy: Int
    /// The two servers, and their ports in the same order.
    let servers: [ChildProcess]
    let ports: [Int]
    let accounts: [DemoPlatform.DemoAccount]
    /// An API token of the demo organiser with the `submit` scope.
    let organiserToken: String

    func account(_ role: Role) -> DemoPlatform.DemoAccount { accounts.first { $0.role == role }! }

    /// What this machine lacks to run the deployment.
    static func missingPrerequisites() -> [String] {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: binary) { missing.append("\(binary) (`swift build` builds it)") }
        if !FileManager.default.isExecutableFile(atPath: nginx) { missing.append("nginx (Debian's `nginx`)") }
        if Subprocess.find("psql") == nil { missing.append("psql (Debian's `postgresql`)") }
        return missing
    }

    /// Deploys the platform, runs `body` on it, and takes it down.
    static func with(_ body: (TwoInstanceDeployment) async throws -> Void) async throws {
        let schema = "deploy_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        defer { _ = Subprocess.runBlocking(["psql", postgresURL, "-qc", "DROP SCHEMA IF EXISTS \(schema) CASCADE"]) }
        let database = postgresURL + "?schema=" + schema
        let (accounts, token) = try await PlatformDatabase(database).withStore { store in
            let accounts = try await DemoPlatform.load(
                into: store, record: try RecognitionRecord.read(path: root + "/Examples/awards-history/recognitions.csv"),
                published: DemoCycle(nominations: 40, analysts: 12, jurors: 5), bcryptCost: 4)
            try await DemoCycle(year: unpublishedYear, nominations: 40, analysts: 12, jurors: 5, seed: UInt64(unpublishedYear))
                .run(programme: Programme(store: store, actor: "system"), publishing: false)
            let token = try await AccountProvisioning.issueToken(
                for: "admin", label: "deployment test", scopes: [.submit], at: Date(), in: store, by: "admin")
            return (accounts, token)
        }

        var servers: [ChildProcess] = []
        defer { for server in servers { server.stop() } }
        for number in 1...2 {
            servers.append(try ChildProcess(
                "server-\(number)", executable: binary,
                arguments: [
                    "serve", "--host", "127.0.0.1", "--port", "0", "--database", database, "--index", root + "/Examples/asem/asem.json",
                    "--analysis", "", "--bcrypt-cost", "4",
                ],
                directory: root))
        }
        var ports: [Int] = []
        for server in servers {
            let port = try await server.waitForOutput(matching: #"address=http://127\.0\.0\.1:(\d+)/"#, timeout: .seconds(180))
            ports.append(try #require(Int(port)))
        }

        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("civic-nginx-\(UUID().uuidString)").path
        // nginx's workers run as an unprivileged user when it is started as root: they must be
        // able to enter the directory.
        try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let listen = try freeLoopbackPort()
        var configuration = try String(contentsOfFile: configurationTemplate, encoding: .utf8)
        for (placeholder, value) in [("@PREFIX@", prefix), ("@WORKERS@", "1"), ("@LISTEN@", "\(listen)"), ("@PORT_A@", "\(ports[0])"), ("@PORT_B@", "\(ports[1])")] {
            configuration = configuration.replacingOccurrences(of: placeholder, with: value)
        }
        try configuration.write(toFile: prefix + "/nginx.conf", atomically: true, encoding: .utf8)
        let proxy = try ChildProcess("nginx", executable: nginx, arguments: ["-p", prefix, "-c", prefix + "/nginx.conf", "-e", "stderr"], directory: prefix)
        defer { proxy.stop() }
        try await waitForHealth(listen, of: proxy)

        try await body(TwoInstanceDeployment(schema: schema, proxy: listen, servers: servers, ports: ports, accounts: accounts, organiserToken: token))
        for process in servers + [proxy] { process.removeLog() }
    }

    /// Runs one SQL statement with psql, outside the platform's code, and returns its rows, one
    /// a line, columns separated by `|`.
    func sql(_ statement: String) async throws -> [String] {
        let run = try await Subprocess.run(
            ["psql", Self.postgresURL, "-v", "ON_ERROR_STOP=1", "-tAc", statement], directory: Self.root, timeout: .seconds(60))
        guard run.status == 0, !run.timedOut else { throw BrowserTestError("psql failed (status \(run.status)): \(statement)\n\(run.output)") }
        return run.output.split(separator: "\n").map(String.init)
    }

    /// Waits, at most 30 s, until `/health` answers through the proxy.
    private static func waitForHealth(_ port: Int, of proxy: ChildProcess) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while clock.now < deadline {
            if let (page, _) = try? await LiveBrowser.exchange(port, "/health", method: "GET"), page.status == 200 { return }
            guard proxy.isRunning else { throw BrowserTestError("nginx stopped:\n\(proxy.output)") }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BrowserTestError("nginx did not answer /health on port \(port) within 30 s:\n\(proxy.output)")
    }

    /// A TCP port of 127.0.0.1 that nothing listens on: the system picks it for a socket bound to
    /// port 0, which is then closed.
    private static func freeLoopbackPort() throws -> Int {
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let descriptor = socket(AF_INET, stream, 0)
        guard descriptor >= 0 else { throw BrowserTestError("no socket: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw BrowserTestError("could not bind a loopback port: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw BrowserTestError("getsockname failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
