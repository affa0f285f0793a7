import Foundation

/// When the people who still owe a phase's submissions are reminded of its due time, and
/// whether the organisers are told who is late once it has passed.
///
/// The organisers choose the days (`before`, e.g. 7 and 2: a week ahead and two days ahead).
/// A person's reminders follow the due time that holds for them, so an extension moves them.
public struct ReminderSchedule: Sendable, Codable, Equatable {
    /// The days before a due time on which a reminder goes, whole days from 1 to 60, each once.
    public var before: [Int]
    /// Whether, once a phase's due time has passed, the organisers get one message naming who
    /// has not submitted.
    public var escalate: Bool

    /// The days the programme reminds on when a cycle names none.
    public static let standard = ReminderSchedule(before: [7, 2], escalate: true)
    /// The days a reminder may be set to go before a due time.
    public static let allowedDays = 1...60

    public init(before: [Int], escalate: Bool) {
        self.before = before
        self.escalate = escalate
    }

    /// Refuses a day outside 1–60 or given twice, naming `field` (`reminders.before[1]`).
    public func validate(field: String = "reminders") throws(AwardsError) {
        var seen: Set<Int> = []
        for (i, days) in before.enumerated() {
            guard Self.allowedDays.contains(days) else {
                throw AwardsError(.invalidValue, "a reminder goes 1 to 60 whole days before the due time, not \(days)", field: "\(field).before[\(i)]")
            }
            guard seen.insert(days).inserted else {
                throw AwardsError(.duplicate, "the reminder \(days) days before is listed twice", field: "\(field).before[\(i)]")
            }
        }
    }

    /// The reminder that is due at `now` for a due time of `deadline`: the number of days
    /// before it of the latest reminder whose time has come, `nil` before the first one and
    /// once the due time has passed. Only the latest is given, so that a server started late
    /// sends one reminder, not every one it missed.
    public func reminderDue(before deadline: Date, at now: Date) -> Int? {
        guard now <= deadline else { return nil }
        return before.filter { now >= Self.sendingTime(days: $0, before: deadline) }.min()
    }

    /// The instant a reminder `days` before `deadline` goes: exactly that many 24-hour days earlier.
    public static func sendingTime(days: Int, before deadline: Date) -> Date {
        deadline.addingTimeInterval(-Double(days) * 86_400)
    }

    /// Reads the days as an organiser types them, "7, 2" (commas or spaces between them);
    /// an error naming `field` for anything but whole numbers.
    public static func days(from text: String, field: String) throws(AwardsError) -> [Int] {
        var days: [Int] = []
        for part in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
            guard part.allSatisfy({ $0.isASCII && $0.isNumber }), part.count <= 3, let value = Int(part) else {
                throw AwardsError(.invalidValue, "'\(part)' is not a whole number of days; write the days before the due time, such as 7, 2", field: field)
            }
            days.append(value)
        }
        return days
    }
}
