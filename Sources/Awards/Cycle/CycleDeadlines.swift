import Foundation

/// The deadlines of a cycle: each phase's due time from its schedule, the extensions granted to
/// single people, and the refusal of a submission that comes too late.
extension Cycle {
    /// The cycle's time zone; UTC for a name this system does not know (new settings with one are refused).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }

    /// `deadline` in words in the cycle's time zone: "14 March 2027, 23:59 (Asia/Bangkok)".
    public func words(_ deadline: Deadline) -> String { deadline.words(in: zone, called: timeZone) }

    /// The due time of `phase`'s submissions, if the schedule gives one.
    public func deadline(of phase: Phase) -> Deadline? {
        guard let due = schedule.first(where: { $0.phase == phase })?.due, !due.allSatisfy(\.isWhitespace) else { return nil }
        return try? Deadline(due, timeZone: zone, field: "due")
    }

    /// The extension `person` has for `phase`, if any.
    public func extensionGranted(to person: String, in phase: Phase) -> DeadlineExtension? {
        extensions.first { $0.person == person && $0.phase == phase }
    }

    /// The due time that holds for `person` in `phase`: their extension's when they have one
    /// (extensions are only ever later than the phase's), otherwise the phase's.
    public func deadline(of phase: Phase, for person: String) -> Deadline? {
        guard let phaseDeadline = deadline(of: phase) else { return nil }
        guard let granted = extensionGranted(to: person, in: phase), let later = try? Deadline(granted.until, timeZone: zone, field: "until") else {
            return phaseDeadline
        }
        return later.instant > phaseDeadline.instant ? later : phaseDeadline
    }

    /// Refuses a submission by `person` during `phase` once the due time that holds for them has
    /// passed at `now`, naming the deadline.
    public func checkDeadline(_ phase: Phase, person: String, at now: Date) throws(AwardsError) {
        guard let deadline = deadline(of: phase, for: person), deadline.hasPassed(at: now) else { return }
        let extended = extensionGranted(to: person, in: phase) != nil ? " (with your extension)" : ""
        throw AwardsError(
            .outOfPhase,
            "\(Self.submissions(in: phase)) were due by \(words(deadline))\(extended); it is too late to submit unless the organisers grant an extension",
            field: "due")
    }

    /// The phases in which people submit something a deadline can close: nominations, reviews, ballots.
    public static let submissionPhases: [Phase] = [.nominationsOpen, .smart21Scoring, .top7Scoring, .juryVote]

    /// What people submit in `phase`, for messages: "nominations", "round-1 reviews", "ballots".
    public static func submissions(in phase: Phase) -> String {
        switch phase {
        case .nominationsOpen: "nominations"
        case .smart21Scoring: "round-1 reviews"
        case .top7Scoring: "round-2 reviews"
        case .juryVote: "ballots"
        default: "submissions in \(phase.title)"
        }
    }

    /// Checks the time zone, each due time (readable, not before its phase starts) and each
    /// extension (readable, with a person and a reason, one per person and phase).
    func validateDeadlines() throws(AwardsError) {
        guard let zone = TimeZone(identifier: timeZone) else {
            throw AwardsError(.invalidValue, "'\(timeZone)' is not a time zone; use an IANA name such as Europe/Paris or UTC", field: "timeZone")
        }
        for (i, start) in schedule.enumerated() {
            guard let due = start.due else { continue }
            let deadline = try Deadline(due, timeZone: zone, field: "schedule[\(i)].due")
            if let opens = Deadline.startOfDay(start.starts, in: zone), deadline.instant < opens {
                throw AwardsError(.invalidValue, "\(start.phase.title) is due (\(due)) before it starts (\(start.starts))", field: "schedule[\(i)].due")
            }
        }
        var granted: Set<String> = []
        for (i, item) in extensions.enumerated() {
            guard !item.person.allSatisfy(\.isWhitespace) else { throw AwardsError(.invalidValue, "an extension needs the person it is for", field: "extensions[\(i)].person") }
            guard !item.reason.allSatisfy(\.isWhitespace) else { throw AwardsError(.invalidValue, "an extension needs a reason", field: "extensions[\(i)].reason") }
            _ = try Deadline(item.until, timeZone: zone, field: "extensions[\(i)].until")
            guard granted.insert("\(item.phase.rawValue)|\(item.person)").inserted else {
                throw AwardsError(.duplicate, "\(item.person) has two extensions for \(item.phase.title)", field: "extensions[\(i)]")
            }
        }
    }
}
