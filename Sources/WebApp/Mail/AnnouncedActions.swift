import Awards

/// The programme's actions that write to people, each done and then its messages queued: the
/// one mapping from an action to its messages, used alike by the organisers' pages, the API and
/// `civic cycle`, so that a phase opened from the command line tells the same people as one
/// opened on the web.
///
/// The action's outcome stands whatever happens to its messages (`Notifications.afterAction`):
/// doing the action again queues what is missing and nothing twice.
public struct AnnouncedActions: Sendable {
    public let programme: Programme
    public let notifications: Notifications

    public init(programme: Programme, notifications: Notifications) {
        self.programme = programme
        self.notifications = notifications
    }

    /// Moves the cycle of `year` to `phase`, then tells the people whose work it opens.
    public func setPhase(_ phase: Phase, cycle year: Int) async throws(AwardsError) {
        try await programme.setPhase(phase, cycle: year)
        await notifications.afterAction("phase") { n throws(AwardsError) in try await n.phaseOpened(phase, cycle: year) }
    }

    /// Assigns analysts to `round`, then tells each analyst which nominations are theirs.
    @discardableResult
    public func assign(round: Int, cycle year: Int) async throws(AwardsError) -> AssignmentPlan {
        let plan = try await programme.assign(round: round, cycle: year)
        await notifications.afterAction("assign") { n throws(AwardsError) in try await n.workAssigned(round: round, cycle: year) }
        return plan
    }

    /// Publishes the results, then tells everyone tied to the cycle.
    @discardableResult
    public func publish(cycle year: Int) async throws(AwardsError) -> Publication {
        let publication = try await programme.publish(cycle: year)
        await notifications.afterAction("publish") { n throws(AwardsError) in try await n.resultsPublished(cycle: year) }
        return publication
    }
}
