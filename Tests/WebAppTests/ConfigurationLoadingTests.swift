import Foundation
import Logging
import Testing
@testable import WebApp

/// Reading the server's configuration from flags, environment, file and defaults.
@Suite("Configuration loading")
struct ConfigurationLoadingTests {
    /// A JSON file in the temporary directory, removed after `body`.
    static func withFile<T>(_ contents: String, _ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-config-\(UUID().uuidString).json").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }

    /// The error loading gives, or `nil` when it succeeds.
    static func error(flags: WebConfiguration.Flags = .init(), environment: [String: String]) async -> ConfigurationError? {
        do {
            _ = try await WebConfiguration.load(flags: flags, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test("without flags, variables or file, the defaults hold")
    func defaults() async throws {
        let configuration = try await WebConfiguration.load(environment: ["PATH": "/usr/bin", "PORT": "1"])
        #expect(configuration == WebConfiguration())
        #expect(configuration.port == 8080)
        #expect(configuration.logLevel == .info)
        #expect(configuration.secureCookies == false)
        #expect(configuration.bcryptCost == 12)
        #expect(configuration.configFile == nil)
    }

    @Test("flags override the environment, which overrides the file, which overrides the defaults")
    func precedence() async throws {
        let file = #"{ "host": "0.0.0.0", "port": 9000, "database": "file.sqlite", "logLevel": "debug", "bcryptCost": 10 }"#
        try await Self.withFile(file) { path in
            let environment = ["CIVIC_CONFIG": path, "CIVIC_PORT": "9100", "CIVIC_DATABASE": "env.sqlite", "CIVIC_SECURE_COOKIES": "yes"]
            let all = try await WebConfiguration.load(flags: .init(port: 9200), environment: environment)
            #expect(all.port == 9200)
            #expect(all.database == "env.sqlite")
            #expect(all.host == "0.0.0.0")
            #expect(all.logLevel == .debug)
            #expect(all.bcryptCost == 10)
            #expect(all.secureCookies)
            #expect(all.indices == WebConfiguration().indices)
            #expect(all.configFile == path)

            let withoutFlag = try await WebConfiguration.load(environment: environment)
            #expect(withoutFlag.port == 9100)
            let fileOnly = try await WebConfiguration.load(flags: .init(configFile: path), environment: [:])
            #expect(fileOnly.port == 9000)
            #expect(fileOnly.database == "file.sqlite")
            #expect(fileOnly.secureCookies == false)
        }
    }

    @Test("--config names the file over CIVIC_CONFIG")
    func configFlagOverridesVariable() async throws {
        try await Self.withFile(#"{ "port": 7001 }"#) { flagged in
            try await Self.withFile(#"{ "port": 7002 }"#) { variable in
                let configuration = try await WebConfiguration.load(flags: .init(configFile: flagged), environment: ["CIVIC_CONFIG": variable])
                #expect(configuration.port == 7001)
                #expect(configuration.configFile == flagged)
            }
        }
    }

    @Test("every setting has its variable; an empty analysis turns it off")
    func variables() async throws {
        let configuration = try await WebConfiguration.load(environment: [
            "CIVIC_HOST": "::1", "CIVIC_PORT": "0", "CIVIC_DATABASE": "/var/lib/civic.sqlite", "CIVIC_INDEX": "spec.json",
            "CIVIC_ANALYSIS": "", "CIVIC_LOG_LEVEL": "warning", "CIVIC_SECURE_COOKIES": "true", "CIVIC_BCRYPT_COST": "4",
        ])
        #expect(
            configuration
                == WebConfiguration(
                    host: "::1", port: 0, database: "/var/lib/civic.sqlite", indices: ["spec.json"], analysis: nil, logLevel: .warning,
                    secureCookies: true, bcryptCost: 4))
    }

    @Test("a bad value in a source that is overridden does not matter")
    func overriddenBadValue() async throws {
        let configuration = try await WebConfiguration.load(flags: .init(port: 8081, logLevel: "error"), environment: ["CIVIC_PORT": "abc", "CIVIC_LOG_LEVEL": "loud"])
        #expect(configuration.port == 8081)
        #expect(configuration.logLevel == .error)
    }

    @Test(
        "a bad variable names the setting, its value and the variable",
        arguments: [
            (["CIVIC_PORT": "abc"], "port: 'abc' in CIVIC_PORT is not a number"),
            (["CIVIC_PORT": "70000"], "port: '70000' in CIVIC_PORT is not a port (0…65535)"),
            (["CIVIC_PORT": "-1"], "port: '-1' in CIVIC_PORT is not a port (0…65535)"),
            (
                ["CIVIC_LOG_LEVEL": "loud"],
                "logLevel: 'loud' in CIVIC_LOG_LEVEL is not a log level (trace, debug, info, notice, warning, error, critical)"
            ),
            (["CIVIC_SECURE_COOKIES": "maybe"], "secureCookies: 'maybe' in CIVIC_SECURE_COOKIES is not true or false"),
            (["CIVIC_BCRYPT_COST": "40"], "bcryptCost: '40' in CIVIC_BCRYPT_COST is not a bcrypt cost (4…31)"),
            (["CIVIC_BCRYPT_COST": "twelve"], "bcryptCost: 'twelve' in CIVIC_BCRYPT_COST is not a number"),
            (["CIVIC_HOST": ""], "host: '' in CIVIC_HOST is empty"),
            (["CIVIC_CONFIG": "/nonexistent/civic.json"], "config: '/nonexistent/civic.json' in CIVIC_CONFIG names no file"),
            (
                ["CIVIC_TRUSTED_PROXIES": "127.0.0.1, nginx"],
                "trustedProxies: '127.0.0.1, nginx' in CIVIC_TRUSTED_PROXIES names 'nginx', which is not an IP address (list the proxies' addresses, comma-separated)"
            ),
            // A URL may hold a password, so it is not repeated.
            (["CIVIC_DATABASE": "postgres://civic:secret@/civic"], "database: in CIVIC_DATABASE is not a PostgreSQL URL (postgres://user:password@host:port/database)"),
        ])
    func badVariable(environment: [String: String], message: String) async throws {
        let error = try #require(await Self.error(environment: environment))
        #expect(error.description == message)
    }

    @Test("a bad flag names the option")
    func badFlag() async throws {
        let port = try #require(await Self.error(flags: .init(port: 65536), environment: [:]))
        #expect(port == ConfigurationError(key: "port", value: "65536", source: "--port", problem: "is not a port (0…65535)"))
        let level = try #require(await Self.error(flags: .init(logLevel: "verbose"), environment: [:]))
        #expect(level.description.hasPrefix("logLevel: 'verbose' in --log-level is not a log level"))
        let file = try #require(await Self.error(flags: .init(configFile: "missing.json"), environment: [:]))
        #expect(file.description == "config: 'missing.json' in --config names no file")
    }

    @Test("a bad value in the file names the setting, its value and the file")
    func badFileValue() async throws {
        try await Self.withFile(#"{ "port": "eighty" }"#) { path in
            let error = try #require(await Self.error(environment: ["CIVIC_CONFIG": path]))
            #expect(error.description == "port: 'eighty' in \(path) is not a number")
        }
        try await Self.withFile(#"{ "port": 100000, "host": "localhost" }"#) { path in
            let error = try #require(await Self.error(environment: ["CIVIC_CONFIG": path]))
            #expect(error.description == "port: '100000' in \(path) is not a port (0…65535)")
        }
        try await Self.withFile(#"{ "secureCookies": "yes" }"#) { path in
            let error = try #require(await Self.error(environment: ["CIVIC_CONFIG": path]))
            #expect(error.description == "secureCookies: 'yes' in \(path) is not true or false")
        }
    }

    @Test("a file that is not a JSON object of settings is named with the source that named it")
    func unreadableFile() async throws {
        for contents in ["{ \"port\": ", "[8080]"] {
            try await Self.withFile(contents) { path in
                let error = try #require(await Self.error(flags: .init(configFile: path), environment: [:]))
                #expect(error.key == "config")
                #expect(error.value == path)
                #expect(error.source == "--config")
                #expect(error.problem.hasPrefix("is not a JSON object of settings"))
            }
        }
    }
}
