import Awards
import Logging
import ServiceLifecycle

/// The service that sends deadline reminders and escalations (`Notifications.remindAsScheduled`),
/// beside the server in its `ServiceGroup`: once at start, then every `interval`, until the
/// server shuts down.
///
/// Every instance of the platform may run it at once: each message's dedupe key names the
/// person, phase, due time and occasion, so two servers making the same pass queue each message
/// once. A pass that fails (the database away) is logged and the next one tries again; nothing is
/// lost, since a reminder due stays due until its deadline.
public struct ReminderService: Service {
    let notifications: Notifications
    /// How often it looks for reminders due: a reminder goes at most this late.
    let interval: Duration
    let logger: Logger

    public init(notifications: Notifications, interval: Duration = .seconds(60), logger: Logger) {
        self.notifications = notifications
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let queued = try await notifications.remindAsScheduled()
                    if queued > 0 { logger.info("Queued reminders", metadata: ["messages": "\(queued)"]) }
                } catch {
                    logger.error("The reminders could not be queued; the next pass tries again", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
