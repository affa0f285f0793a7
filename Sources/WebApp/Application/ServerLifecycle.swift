import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The service group that runs the platform until one of `gracefulShutdownSignals` arrives
/// (SIGTERM or SIGINT by default) or its graceful shutdown is triggered.
///
/// On graceful shutdown the server stops accepting connections and lets the requests in flight
/// finish, for at most `maximumGracefulShutdownDuration`, after which they are cancelled; `run()`
/// then returns, and the database closes when the last reference to the platform goes.
public func makeServiceGroup(
    _ app: some ApplicationProtocol, logger: Logger, gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
    maximumGracefulShutdownDuration: Duration = .seconds(30)
) -> ServiceGroup {
    var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger)
    configuration.maximumGracefulShutdownDuration = maximumGracefulShutdownDuration
    return ServiceGroup(configuration: configuration)
}
