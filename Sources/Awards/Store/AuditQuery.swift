import Foundation

/// Which entries of the audit log to read, and which page of them: by actor, by entity (a name
/// prefix such as `nomination:` or `cycle:2027`), by time, newest first. The stores filter and page
/// in the database, so that a log of any length is read a page at a time.
public struct AuditQuery: Sendable, Equatable {
    /// Only entries by this actor, exactly.
    public var actor: String?
    /// Only entries whose entity starts with this.
    public var entity: String?
    /// Only entries at or after this time stamp (ISO 8601, UTC, as the log writes them).
    public var from: String?
    /// Only entries before this time stamp.
    public var before: String?
    /// The most entries returned.
    public var limit: Int
    /// How many of the newest matching entries to skip.
    public var offset: Int

    public init(actor: String? = nil, entity: String? = nil, from: String? = nil, before: String? = nil, limit: Int, offset: Int = 0) {
        self.actor = actor
        self.entity = entity
        self.from = from
        self.before = before
        self.limit = limit
        self.offset = offset
    }

    /// A query of whole days in UTC (`YYYY-MM-DD`, both included), the form an organiser's filter
    /// takes; empty texts mean no bound. A malformed day, or an end before the start, is an
    /// error naming `from` or `until`.
    public init(actor: String?, entity: String?, fromDay: String?, untilDay: String?, limit: Int, offset: Int) throws(AwardsError) {
        let from = fromDay.flatMap { $0.isEmpty ? nil : $0 }
        let until = untilDay.flatMap { $0.isEmpty ? nil : $0 }
        for (field, day) in [("from", from), ("until", until)] {
            if let day, !CalendarDate.isValid(day) { throw AwardsError(.invalidValue, "'\(day)' is not a date (YYYY-MM-DD)", field: field) }
        }
        if let from, let until, until < from { throw AwardsError(.invalidValue, "the range ends (\(until)) before it starts (\(from))", field: "until") }
        self.init(actor: actor, entity: entity, from: from, before: until.flatMap(Self.dayAfter), limit: limit, offset: offset)
    }

    /// The day after `day`, the exclusive end of a range that includes `day`.
    static func dayAfter(_ day: String) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        guard let start = Deadline.startOfDay(day, in: calendar.timeZone), let next = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: next)
    }
}

/// One page of the audit log, with how many entries match the query in all.
public struct AuditPage: Sendable, Equatable {
    /// The entries of the page, newest first.
    public var entries: [AuditEntry]
    /// How many entries match the query, on every page.
    public var total: Int

    public init(entries: [AuditEntry], total: Int) {
        self.entries = entries
        self.total = total
    }
}
