import Foundation

/// The time by which a phase's submissions are due, as the organisers wrote it in the cycle's
/// schedule: an ISO 8601 date-time with its offset (`2027-03-14T23:59:00+07:00`), or a date
/// (`2027-03-14`) meaning the end of that day in the cycle's time zone.
///
/// A submission is on time up to and including `instant`; the end of a day is its last second,
/// 23:59:59.
public struct Deadline: Sendable, Equatable {
    /// The last moment a submission is accepted.
    public var instant: Date
    /// Whether it was written as a date (the end of that day) rather than a date-time.
    public var isDate: Bool

    /// Reads `text` in `timeZone` (used for a date only); an error naming `field` when it is
    /// neither a date nor a date-time with an offset.
    public init(_ text: String, timeZone: TimeZone, field: String) throws(AwardsError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if CalendarDate.isValid(trimmed) {
            let parts = trimmed.split(separator: "-").compactMap { Int($0) }
            guard let end = Self.instant(year: parts[0], month: parts[1], day: parts[2], hour: 23, minute: 59, second: 59, in: timeZone) else {
                throw AwardsError(.invalidValue, "'\(text)' is not a day in \(timeZone.identifier)", field: field)
            }
            (instant, isDate) = (end, true)
            return
        }
        guard let parsed = Self.dateTime(trimmed) else {
            throw AwardsError(
                .invalidValue, "'\(text)' is not a due time; write a date (2027-03-14, the end of that day) or a date-time with its offset (2027-03-14T23:59:00+07:00)",
                field: field)
        }
        (instant, isDate) = (parsed, false)
    }

    /// Whether the deadline has passed at `now`.
    public func hasPassed(at now: Date) -> Bool { now > instant }

    /// The instant in UTC, ISO 8601 (`2027-03-14T16:59:00Z`), for machines and `<time datetime>`.
    public var utc: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: instant)
    }

    /// The due time in words in `timeZone`, labelled with `name` as the organisers wrote it
    /// (a system may call UTC "GMT"): "14 March 2027, 23:59 (Asia/Bangkok)".
    public func words(in timeZone: TimeZone, called name: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = "d MMMM yyyy, HH:mm"
        return "\(formatter.string(from: instant)) (\(name))"
    }

    /// The start of the day `date` (`YYYY-MM-DD`) in `timeZone`.
    static func startOfDay(_ date: String, in timeZone: TimeZone) -> Date? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return instant(year: parts[0], month: parts[1], day: parts[2], hour: 0, minute: 0, second: 0, in: timeZone)
    }

    private static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    /// `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`, checked field by field; nil when it is anything else.
    private static func dateTime(_ text: String) -> Date? {
        let chars = Array(text)
        guard chars.count >= 17, chars[10] == "T" || chars[10] == "t" else { return nil }
        let date = String(chars[0..<10])
        var rest = Array(chars[11...])
        guard CalendarDate.isValid(date) else { return nil }
        func number(_ slice: ArraySlice<Character>) -> Int? {
            slice.count == 2 && slice.allSatisfy(\.isASCII) && slice.allSatisfy(\.isNumber) ? Int(String(slice)) : nil
        }
        guard rest.count >= 5, rest[2] == ":", let hour = number(rest[0..<2]), let minute = number(rest[3..<5]), hour < 24, minute < 60 else { return nil }
        rest.removeFirst(5)
        var second = 0
        if rest.first == ":" {
            guard rest.count >= 3, let s = number(rest[1..<3]), s < 60 else { return nil }
            second = s
            rest.removeFirst(3)
        }
        let offset: Int
        if rest == ["Z"] || rest == ["z"] {
            offset = 0
        } else {
            guard rest.count == 6, rest[0] == "+" || rest[0] == "-", rest[3] == ":", let h = number(rest[1..<3]), let m = number(rest[4..<6]), h <= 14, m < 60 else { return nil }
            offset = (rest[0] == "-" ? -1 : 1) * (h * 3600 + m * 60)
        }
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        return instant(year: parts[0], month: parts[1], day: parts[2], hour: hour, minute: minute, second: second, in: zone)
    }
}
