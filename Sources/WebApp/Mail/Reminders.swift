import Awards
import Foundation

/// Reminders of a phase's due time, and the organisers' escalation once it has passed.
///
/// Every message is keyed by the person, the phase, the due time that holds for them and the
/// occasion, so that any number of servers may run the same pass at once and each message is
/// queued once; an extension gives a new due time, and so arms the reminders again against it.
extension Notifications {
    /// Why a reminder goes.
    public enum ReminderOccasion: Sendable, Equatable {
        /// The cycle's schedule: this many days before the due time.
        case scheduled(daysBefore: Int)
        /// An organiser's bulk reminder, at most one a day (`YYYY-MM-DD` in UTC): a double
        /// click sends once.
        case organiser(day: String)

        /// The occasion in a dedupe key.
        var key: String {
            switch self {
            case let .scheduled(days): "\(days)d"
            case let .organiser(day): "organiser-\(day)"
            }
        }
    }

    /// One person who still owes a phase's work: their id as their submissions carry it, their
    /// name, the due time that holds for them, and their active accounts with an address.
    public struct Owing: Sendable {
        public var person: String
        public var name: String
        public var deadline: Deadline
        var accounts: [Account]
    }

    /// Who still owes `phase`'s work in `cycle`, each with their due time; empty when the phase
    /// has no due time or nothing to submit. Communities are known by their accounts; analysts
    /// and jurors also when they have none, so that the organisers hear of them.
    public func owing(_ cycle: Cycle, phase: Phase) async throws(AwardsError) -> [Owing] {
        guard cycle.deadline(of: phase) != nil else { return [] }
        let work = try await OutstandingWork.load(cycle, phase: phase, store: store)
        guard let role = work.role else { return [] }
        let accounts = try await reachable().filter { $0.role == role }
        var names = Dictionary(accounts.compactMap { account in account.subject.map { ($0, account.name) } }, uniquingKeysWith: { a, _ in a })
        var people = Set(accounts.compactMap(\.subject))
        switch work.owed {
        case let .reviews(analysts):
            people.formUnion(analysts)
            for analyst in try await store.analysts() where names[analyst.id] == nil { names[analyst.id] = analyst.name }
        case let .ballots(jurors):
            people.formUnion(jurors)
            for member in cycle.jury where names[member.id] == nil { names[member.id] = member.name }
        case .nominations, .nothing:
            break
        }
        return people.filter(work.owes).sorted().compactMap { person in
            guard let deadline = cycle.deadline(of: phase, for: person) else { return nil }
            return Owing(person: person, name: names[person] ?? person, deadline: deadline, accounts: accounts.filter { $0.subject == person })
        }
    }

    /// The scheduled pass, run by `ReminderService`: for each cycle whose phase takes
    /// submissions and has a due time, a reminder to each person who still owes them once the
    /// latest of the cycle's reminder days has come (against their own due time), and, once the
    /// phase's due time has passed, one message to the organisers naming who is late. Returns
    /// how many messages were new.
    @discardableResult
    public func remindAsScheduled() async throws(AwardsError) -> Int {
        let now = clock()
        var queued = 0
        for cycle in try await store.cycles() where Cycle.submissionPhases.contains(cycle.phase) {
            guard let due = cycle.deadline(of: cycle.phase) else { continue }
            let owing = try await owing(cycle, phase: cycle.phase)
            var reminders: [MailMessage] = []
            for person in owing {
                guard let days = cycle.reminders.reminderDue(before: person.deadline.instant, at: now) else { continue }
                reminders += try await reminderMessages(person, cycle: cycle, occasion: .scheduled(daysBefore: days))
            }
            queued += try await store.queue(reminders, at: now)
            if cycle.reminders.escalate, due.hasPassed(at: now) {
                queued += try await escalate(cycle, due: due, late: owing.filter { $0.deadline.hasPassed(at: now) })
            }
        }
        return queued
    }

    /// An organiser's reminder, now, to everyone who still owes the work of `phase` — which
    /// must be the phase the cycle of `year` is in, with a due time not yet passed — written to
    /// the audit log as `actor`'s with the count. One a day per person: sending again the same
    /// day queues nothing. Returns how many people owe the work and how many messages were new.
    public func remindNow(cycle year: Int, phase: Phase, by actor: String) async throws(AwardsError) -> (owing: Int, queued: Int) {
        let cycle = try await store.cycle(year)
        let now = clock()
        guard cycle.phase == phase else {
            throw AwardsError(.outOfPhase, "the cycle is in \(cycle.phase.title); reminders of \(Cycle.submissions(in: phase)) go only during \(phase.title)", field: "phase")
        }
        guard let due = cycle.deadline(of: phase) else {
            throw AwardsError(.invalidState, "\(phase.title) has no due time to remind people of; set one in the cycle's schedule", field: "due")
        }
        let owing = try await owing(cycle, phase: phase).filter { !$0.deadline.hasPassed(at: now) }
        guard !owing.isEmpty || !due.hasPassed(at: now) else {
            throw AwardsError(.invalidState, "\(Cycle.submissions(in: phase)) were due by \(cycle.words(due)); nobody with time left remains to remind", field: "due")
        }
        let day = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(secondsFromGMT: 0)!, formatOptions: [.withFullDate])
        var messages: [MailMessage] = []
        for person in owing { messages += try await reminderMessages(person, cycle: cycle, occasion: .organiser(day: day)) }
        let queued = try await store.queue(messages, at: now, recording: "remind", on: "cycle:\(year):\(phase.rawValue)", by: actor)
        return (owing.count, queued)
    }

    /// The reminders to `person`'s accounts that have not stopped reminders, each with a signed
    /// link that stops them without signing in.
    func reminderMessages(_ person: Owing, cycle: Cycle, occasion: ReminderOccasion) async throws(AwardsError) -> [MailMessage] {
        let accounts = person.accounts.filter { $0.remindersStopped == nil }
        guard !accounts.isEmpty else { return [] }
        let optOut = ReminderOptOut(key: try await store.signingKey(ReminderOptOut.keyName, proposed: ReminderOptOut.newKey()))
        let phase = cycle.phase
        let text = if case .organiser = occasion { "reminder-organiser" } else { "reminder" }
        return accounts.map { account in
            let language = account.language ?? .en
            var reminder = message(
                to: account, kind: "reminder", text: text,
                values: [
                    "year": "\(cycle.year)", "deadline": Self.dueTime(person.deadline, of: cycle),
                    "phase": texts.text("phase.\(phase.rawValue)", language), "link": links + "/workspace",
                ],
                dedupeKey: "reminder/\(cycle.year)/\(phase.rawValue)/\(person.deadline.utc)/\(occasion.key)/\(account.id)")
            reminder.body += "\n\n" + texts.text("reminder.stop", language, ["unsubscribe": links + "/reminders/stop?token=" + optOut.token(for: account.id)])
            return reminder
        }
    }

    /// One message to each organiser with an address, in their language, naming the people
    /// `late` for the phase due at `due`; once per phase and due time. Nothing when nobody is late.
    private func escalate(_ cycle: Cycle, due: Deadline, late: [Owing]) async throws(AwardsError) -> Int {
        guard !late.isEmpty else { return 0 }
        let list = late.map { "- \($0.name) (\($0.person))" }.joined(separator: "\n")
        let page = switch cycle.phase {
        case .nominationsOpen: "nominations?status=draft"
        case .juryVote: "ballots?voted=no"
        default: "reviews?status=missing"
        }
        let organisers = try await reachable().filter { $0.role == .admin }
        return try await store.queue(
            organisers.map { account in
                message(
                    to: account, kind: "escalation", text: "escalation",
                    values: [
                        "year": "\(cycle.year)", "phase": texts.text("phase.\(cycle.phase.rawValue)", account.language ?? .en), "count": "\(late.count)",
                        "deadline": Self.dueTime(due, of: cycle), "list": list, "link": links + "/admin/cycles/\(cycle.year)/\(page)",
                    ],
                    dedupeKey: "escalation/\(cycle.year)/\(cycle.phase.rawValue)/\(due.utc)/\(account.id)")
            }, at: clock())
    }

    /// A due time as messages in every language write it: `2027-03-14 23:59 (Asia/Bangkok)`, in
    /// the cycle's time zone, with no month name to translate.
    static func dueTime(_ deadline: Deadline, of cycle: Cycle) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = cycle.zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return "\(formatter.string(from: deadline.instant)) (\(cycle.timeZone))"
    }
}
