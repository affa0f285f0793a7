import Configuration
import Foundation
import Logging
import SystemPackage

extension WebConfiguration {
    /// The settings given on the command line: each one that is set overrides every other source.
    public struct Flags: Sendable, Equatable {
        public var host: String?
        public var port: Int?
        public var database: String?
        /// The indices, each given by its own `--index`.
        public var indices: [String]?
        /// The uncertainty analysis; an empty path turns it off.
        public var analysis: String?
        /// A log level's name (`trace` … `critical`).
        public var logLevel: String?
        public var secureCookies: Bool?
        public var bcryptCost: Int?
        /// The addresses of the proxies in front of the server, comma-separated.
        public var trustedProxies: String?
        /// The SMTP relay's URL (it may hold a password).
        public var smtpURL: String?
        /// The sender of messages.
        public var mailFrom: String?
        /// The platform's public address, for links in messages.
        public var publicURL: String?
        /// The JSON configuration file.
        public var configFile: String?

        /// Creates the settings of a command line; `nil` leaves a setting to the other sources.
        public init(
            host: String? = nil, port: Int? = nil, database: String? = nil, indices: [String]? = nil, analysis: String? = nil,
            logLevel: String? = nil, secureCookies: Bool? = nil, bcryptCost: Int? = nil, trustedProxies: String? = nil,
            smtpURL: String? = nil, mailFrom: String? = nil, publicURL: String? = nil, configFile: String? = nil
        ) {
            self.smtpURL = smtpURL
            self.mailFrom = mailFrom
            self.publicURL = publicURL
            self.host = host
            self.port = port
            self.database = database
            self.indices = indices
            self.analysis = analysis
            self.logLevel = logLevel
            self.secureCookies = secureCookies
            self.bcryptCost = bcryptCost
            self.trustedProxies = trustedProxies
            self.configFile = configFile
        }

        /// The settings that are set, under their configuration keys.
        var values: [AbsoluteConfigKey: ConfigValue] {
            let contents: [(Setting, ConfigContent?)] = [
                (.host, host.map { .string($0) }), (.port, port.map { .int($0) }), (.database, database.map { .string($0) }),
                (.index, indices.map { .stringArray($0) }), (.analysis, analysis.map { .string($0) }),
                (.logLevel, logLevel.map { .string($0) }), (.secureCookies, secureCookies.map { .bool($0) }),
                (.bcryptCost, bcryptCost.map { .int($0) }), (.trustedProxies, trustedProxies.map { .string($0) }),
                (.config, configFile.map { .string($0) }), (.smtpUrl, smtpURL.map { .string($0) }),
                (.mailFrom, mailFrom.map { .string($0) }), (.publicUrl, publicURL.map { .string($0) }),
            ]
            var values: [AbsoluteConfigKey: ConfigValue] = [:]
            for case let (setting, content?) in contents { values[setting.key] = ConfigValue(content, isSecret: false) }
            return values
        }
    }

    /// Reads the configuration from, in order of precedence: `flags`; the `CIVIC_…` variables of
    /// `environment` (`CIVIC_PORT`, `CIVIC_LOG_LEVEL`, …); the JSON file named by `--config` or
    /// `CIVIC_CONFIG`, whose keys are the settings' names (`port`, `logLevel`, …); the defaults.
    ///
    /// Relative paths are taken from the working directory, whatever source names them.
    ///
    /// - Throws: ``ConfigurationError`` naming the setting, its value and where it was found, when
    ///   a value has the wrong type or is out of range, or the configuration file cannot be read.
    public static func load(flags: Flags = Flags(), environment: [String: String]) async throws(ConfigurationError) -> WebConfiguration {
        let commandLine = Source(provider: InMemoryProvider(name: "command line", values: flags.values)) { setting, _ in setting.flag }
        let variables = Source(provider: EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "civic")) { _, name in name }
        // The file is named by the command line or the environment only, so it is found first.
        let configFile = Settings(sources: [commandLine, variables]).optionalString(.config)
        var sources = [commandLine, variables]
        if let (path, origin) = configFile {
            sources.append(Source(provider: try await jsonFile(path, origin: origin)) { _, _ in path })
        }
        sources.append(Source(provider: InMemoryProvider(name: "defaults", values: defaults)) { _, _ in "the defaults" })
        let settings = Settings(sources: sources)

        let host = try settings.read(.host, "text") { try $0.requiredString(forKey: $1) }
        let port = try settings.read(.port, "a number") { try $0.requiredInt(forKey: $1) }
        let database = try settings.read(.database, "text") { try $0.requiredString(forKey: $1) }
        // Several indices: `--index` given again, a JSON list in the file, or a comma-separated
        // CIVIC_INDEX; one is a plain string.
        let index = try settings.read(.index, "a path or a list of paths") { reader, key in
            if let list = try? reader.requiredStringArray(forKey: key) { return list }
            return [try reader.requiredString(forKey: key)]
        }
        let analysis = try settings.read(.analysis, "text") { try $0.requiredString(forKey: $1) }
        let logLevel = try settings.read(.logLevel, "a log level (\(logLevelNames.joined(separator: ", ")))") {
            try $0.requiredString(forKey: $1, as: Logger.Level.self)
        }
        let secureCookies = try settings.read(.secureCookies, "true or false") { try $0.requiredBool(forKey: $1) }
        let bcryptCost = try settings.read(.bcryptCost, "a number") { try $0.requiredInt(forKey: $1) }
        let proxies = try settings.read(.trustedProxies, "text") { try $0.requiredString(forKey: $1) }
        let smtpURL = settings.optionalString(.smtpUrl)
        let mailFrom = try settings.read(.mailFrom, "text") { try $0.requiredString(forKey: $1) }
        let publicURL = settings.optionalString(.publicUrl)

        // The checks that hold whatever source a value came from.
        for (value, origin) in [host, database] where value.isEmpty { throw origin.error("is empty") }
        if index.value.isEmpty || index.value.contains(where: \.isEmpty) { throw index.origin.error("is empty") }
        do {
            _ = try PlatformDatabase(database.value)
        } catch {
            // The URL is not repeated: it may hold a password.
            var problem = database.origin.error(error.message)
            problem.value = nil
            throw problem
        }
        guard ports.contains(port.value) else { throw port.origin.error("is not a port (\(ports.lowerBound)…\(ports.upperBound))") }
        guard bcryptCosts.contains(bcryptCost.value) else {
            throw bcryptCost.origin.error("is not a bcrypt cost (\(bcryptCosts.lowerBound)…\(bcryptCosts.upperBound))")
        }
        if let (url, origin) = smtpURL {
            do {
                _ = try MailRelay(url: url)
            } catch {
                // The URL is not repeated: it may hold a password.
                var problem = origin.error(error.message)
                problem.value = nil
                throw problem
            }
        }
        do {
            _ = try MailSender(mailFrom.value)
        } catch {
            throw mailFrom.origin.error(error.message)
        }
        if let (url, origin) = publicURL, !(url.hasPrefix("http://") || url.hasPrefix("https://")) || URLComponents(string: url)?.host == nil {
            throw origin.error("is not an http:// or https:// address")
        }
        let trustedProxies = proxies.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let bad = trustedProxies.first(where: { !IPAddress.isValid($0) }) {
            throw proxies.origin.error("names '\(bad)', which is not an IP address (list the proxies' addresses, comma-separated)")
        }
        return WebConfiguration(
            host: host.value, port: port.value, database: database.value, indices: index.value,
            analysis: analysis.value.isEmpty ? nil : analysis.value, logLevel: logLevel.value, configFile: configFile?.value,
            secureCookies: secureCookies.value, bcryptCost: UInt8(bcryptCost.value), trustedProxies: trustedProxies,
            smtpURL: smtpURL?.value, mailFrom: mailFrom.value, publicURL: publicURL?.value)
    }

    /// The defaults as the last source, so that every setting has a value to check.
    private static var defaults: [AbsoluteConfigKey: ConfigValue] {
        let defaults = WebConfiguration()
        let contents: [Setting: ConfigContent] = [
            .host: .string(defaults.host), .port: .int(defaults.port), .database: .string(defaults.database),
            .index: .stringArray(defaults.indices), .analysis: .string(defaults.analysis ?? ""),
            .logLevel: .string(defaults.logLevel.rawValue), .secureCookies: .bool(defaults.secureCookies),
            .bcryptCost: .int(Int(defaults.bcryptCost)), .trustedProxies: .string(defaults.trustedProxies.joined(separator: ",")),
            .mailFrom: .string(defaults.mailFrom),
        ]
        return Dictionary(uniqueKeysWithValues: contents.map { ($0.key.key, ConfigValue($0.value, isSecret: false)) })
    }

    /// The provider of the JSON configuration file at `path`.
    private static func jsonFile(_ path: String, origin: Origin) async throws(ConfigurationError) -> FileProvider<JSONSnapshot> {
        guard FileManager.default.fileExists(atPath: path) else { throw origin.error("names no file") }
        do {
            return try await FileProvider<JSONSnapshot>(filePath: FilePath(path))
        } catch {
            throw origin.error("is not a JSON object of settings (\(error))")
        }
    }
}

/// A setting that cannot be used: which one, its value, where it was found and what is wrong.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The setting's key in a configuration file (`port`, `logLevel`, …).
    public var key: String
    /// The value as it was given, when it can be shown.
    public var value: String?
    /// Where the value was found: an option (`--port`), a variable (`CIVIC_PORT`) or a file's path.
    public var source: String
    /// What is wrong, as the end of a sentence: "is not a number".
    public var problem: String

    /// Creates an error.
    public init(key: String, value: String?, source: String, problem: String) {
        self.key = key
        self.value = value
        self.source = source
        self.problem = problem
    }

    /// "port: 'abc' in CIVIC_PORT is not a number".
    public var description: String {
        "\(key): \(value.map { "'\($0)' " } ?? "")in \(source) \(problem)"
    }
}

/// The settings, under their keys; the environment variable of each is `CIVIC_` and its key in
/// upper snake case.
enum Setting: String, CaseIterable, Sendable {
    case host, port, database, index, analysis, logLevel, secureCookies, bcryptCost, trustedProxies, smtpUrl, mailFrom, publicUrl, config

    var key: AbsoluteConfigKey { AbsoluteConfigKey([rawValue]) }

    /// The command-line option that sets it.
    var flag: String {
        "--" + rawValue.reduce(into: "") { name, character in
            name += character.isUppercase ? "-" + character.lowercased() : String(character)
        }
    }
}

/// Where a setting's value was found, to name it in errors.
struct Origin: Sendable {
    var setting: Setting
    var value: String?
    var source: String

    func error(_ problem: String) -> ConfigurationError {
        ConfigurationError(key: setting.rawValue, value: value, source: source, problem: problem)
    }
}

/// One source of settings and how its places are named.
private struct Source {
    var provider: any ConfigProvider
    /// The place of a setting, given the provider's own name for its key (`CIVIC_PORT`).
    var place: @Sendable (Setting, _ encodedKey: String) -> String
}

/// The sources under one reader, and the origin of each value read.
private struct Settings {
    let sources: [Source]
    let reader: ConfigReader
    let lookups = LastLookup()

    init(sources: [Source]) {
        self.sources = sources
        reader = ConfigReader(providers: sources.map(\.provider), accessReporter: lookups)
    }

    /// Reads `setting` with `get`, naming where the value was found when it is not `expected`.
    func read<Value>(
        _ setting: Setting, _ expected: String, _ get: (ConfigReader, ConfigKey) throws -> Value
    ) throws(ConfigurationError) -> (value: Value, origin: Origin) {
        do {
            let value = try get(reader, ConfigKey(setting.rawValue))
            return (value, origin(of: setting))
        } catch {
            throw origin(of: setting).error("is not \(expected)")
        }
    }

    /// Reads a setting that has no default, `nil` when no source sets it or it is empty.
    func optionalString(_ setting: Setting) -> (value: String, origin: Origin)? {
        guard let value = reader.string(forKey: ConfigKey(setting.rawValue)), !value.isEmpty else { return nil }
        return (value, origin(of: setting))
    }

    /// Where the last read of `setting` found its value: the reader tries the sources in order
    /// and stops at the first that has the key, or that fails to give it as the type asked for.
    private func origin(of setting: Setting) -> Origin {
        guard let answer = lookups.last?.providerResults.last,
            let source = sources.first(where: { $0.provider.providerName == answer.providerName })
        else { return Origin(setting: setting, value: nil, source: "the configuration") }
        switch answer.result {
        case .success(let lookup):
            return Origin(setting: setting, value: lookup.value.map { Self.text($0.content) }, source: source.place(setting, lookup.encodedKey))
        case .failure:
            // The value was not of the type asked for; ask again for any type that shows it.
            for type in [ConfigType.string, .int, .double] {
                if let lookup = try? source.provider.value(forKey: setting.key, type: type), let value = lookup.value {
                    return Origin(setting: setting, value: Self.text(value.content), source: source.place(setting, lookup.encodedKey))
                }
            }
            return Origin(setting: setting, value: nil, source: source.place(setting, setting.rawValue))
        }
    }

    private static func text(_ content: ConfigContent) -> String {
        switch content {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        default: "\(content)"
        }
    }
}

/// Keeps the last lookup the reader reports: which source answered, under which name.
private final class LastLookup: AccessReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var event: AccessEvent?

    func report(_ event: AccessEvent) { lock.withLock { self.event = event } }

    var last: AccessEvent? { lock.withLock { event } }
}
