import ArgumentParser
import Foundation
import WebApp

extension WebOptions {
    /// The settings these options give; those not given are left to the other sources.
    var flags: WebConfiguration.Flags {
        WebConfiguration.Flags(
            host: host, port: port, database: database, indices: index.isEmpty ? nil : index, analysis: analysis, logLevel: logLevel,
            secureCookies: secureCookies, bcryptCost: bcryptCost, trustedProxies: trustedProxies,
            smtpURL: smtpUrl, mailFrom: mailFrom, publicURL: publicUrl, configFile: config)
    }

    /// The configuration from these options, then the process's `CIVIC_…` environment variables,
    /// then the configuration file, then the defaults. A value that cannot be used stops the
    /// command with a message naming the setting and where it was found. The example index and
    /// analysis the defaults name are found beside civic when the current directory lacks them.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> WebConfiguration {
        do {
            var configuration = try await WebConfiguration.load(flags: flags, environment: environment)
            configuration.indices = configuration.indices.map(ShippedExamples.resolve)
            configuration.analysis = configuration.analysis.map(ShippedExamples.resolve)
            return configuration
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}
