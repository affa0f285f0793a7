import Awards
import Foundation
import Testing

/// When reminders fall due against a deadline, and which reminder schedules are refused.
@Suite("Reminder schedule")
struct ReminderScheduleTests {
    /// 2027-03-14 23:59 in Asia/Bangkok (UTC+7, no daylight saving) is 2027-03-14 16:59:00 UTC.
    static let due = Date(timeIntervalSince1970: 1_805_043_540)
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("due 2027-03-14 23:59 Asia/Bangkok: reminders at exactly 7 and 2 days before, in UTC")
    func handWorkedTimes() throws {
        let deadline = try Deadline("2027-03-14T23:59:00+07:00", timeZone: TimeZone(identifier: "Asia/Bangkok")!, field: "due")
        #expect(deadline.instant == Self.due)
        #expect(deadline.utc == "2027-03-14T16:59:00Z")
        // 7 × 24 h before 2027-03-14 16:59:00Z is 2027-03-07 16:59:00Z; 2 × 24 h before is 2027-03-12 16:59:00Z.
        #expect(ReminderSchedule.sendingTime(days: 7, before: Self.due) == Self.utc("2027-03-07T16:59:00Z"))
        #expect(ReminderSchedule.sendingTime(days: 2, before: Self.due) == Self.utc("2027-03-12T16:59:00Z"))
        let schedule = ReminderSchedule.standard
        #expect(schedule.before == [7, 2] && schedule.escalate)
        #expect(schedule.reminderDue(before: Self.due, at: Self.utc("2027-03-07T16:58:59Z")) == nil, "a second early: nothing")
        #expect(schedule.reminderDue(before: Self.due, at: Self.utc("2027-03-07T16:59:00Z")) == 7)
        #expect(schedule.reminderDue(before: Self.due, at: Self.utc("2027-03-12T16:58:59Z")) == 7)
        #expect(schedule.reminderDue(before: Self.due, at: Self.utc("2027-03-12T16:59:00Z")) == 2)
        #expect(schedule.reminderDue(before: Self.due, at: Self.due) == 2, "the due time itself is still on time")
        #expect(schedule.reminderDue(before: Self.due, at: Self.due.addingTimeInterval(1)) == nil, "no reminder once it has passed")
        #expect(ReminderSchedule(before: [], escalate: false).reminderDue(before: Self.due, at: Self.due) == nil)
    }

    @Test("days outside 1–60 or given twice are refused, naming the field; typed days must be whole numbers")
    func refused() throws {
        for (days, field) in [([0], "reminders.before[0]"), ([7, 61], "reminders.before[1]"), ([7, 2, 7], "reminders.before[2]"), ([-1], "reminders.before[0]"), ([Int.max], "reminders.before[0]")] {
            #expect(throws: AwardsError.self, "\(days)") { try ReminderSchedule(before: days, escalate: true).validate() }
            do { try ReminderSchedule(before: days, escalate: true).validate() } catch { #expect(error.field == field, "\(days)") }
        }
        try ReminderSchedule(before: [60, 1], escalate: false).validate()
        #expect(try ReminderSchedule.days(from: " 14, 3 1 ", field: "before") == [14, 3, 1])
        #expect(try ReminderSchedule.days(from: "", field: "before") == [])
        for text in ["1e300", "-0", "NaN", "Infinity", "7.5", "2,x", "99999999999999999999"] {
            do {
                _ = try ReminderSchedule.days(from: text, field: "before")
                Issue.record("'\(text)' was read as days")
            } catch {
                #expect(error.field == "before", "\(text)")
            }
        }
    }

    @Test("a cycle stored before reminders existed reads with 7 and 2 days and escalation; new settings are checked")
    func storedCycles() throws {
        var cycle = Cycle(year: 2027)
        let data = try JSONEncoder().encode(cycle)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["reminders"] != nil)
        object.removeValue(forKey: "reminders")
        let older = try JSONDecoder().decode(Cycle.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.reminders == .standard)
        cycle.reminders = ReminderSchedule(before: [3, 3], escalate: true)
        do {
            try cycle.validate()
            Issue.record("a day given twice was accepted")
        } catch {
            #expect(error.field == "reminders.before[1]")
        }
    }
}
