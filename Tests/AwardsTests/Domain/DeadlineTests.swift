import Foundation
import Testing
@testable import Awards

/// Due times as organisers write them, the cycle's time zone, extensions, and the refusal of a
/// late submission; instants are checked against UTC written out by hand.
@Suite("Deadlines")
struct DeadlineTests {
    static let bangkok = TimeZone(identifier: "Asia/Bangkok")!
    static let utc = TimeZone(identifier: "UTC")!
    static func at(_ utc: String) -> Date { ISO8601DateFormatter().date(from: utc)! }

    /// A cycle in Bangkok whose nominations are due at 23:59 on 14 March 2027, local time.
    static func cycle(extensions: [DeadlineExtension] = []) -> Cycle {
        Cycle(
            year: 2027, questions: DomainKit.questions,
            schedule: [
                .init(phase: .nominationsOpen, starts: "2027-01-15", due: "2027-03-14T23:59:00+07:00"),
                .init(phase: .smart21Scoring, starts: "2027-03-15", due: "2027-04-30"),
            ],
            phase: .nominationsOpen, timeZone: "Asia/Bangkok", extensions: extensions)
    }

    @Test("a date-time keeps its offset; a date ends at 23:59:59 in the cycle's zone")
    func reading() throws {
        let exact = try Deadline("2027-03-14T23:59:00+07:00", timeZone: Self.utc, field: "due")
        #expect(exact.utc == "2027-03-14T16:59:00Z")
        #expect(!exact.isDate)
        #expect(try Deadline("2027-03-14T23:59Z", timeZone: Self.bangkok, field: "due").utc == "2027-03-14T23:59:00Z")
        #expect(try Deadline("2027-03-14T08:30:15-05:30", timeZone: Self.utc, field: "due").utc == "2027-03-14T14:00:15Z")
        let day = try Deadline("2027-03-14", timeZone: Self.bangkok, field: "due")
        #expect(day.isDate)
        #expect(day.utc == "2027-03-14T16:59:59Z")
        #expect(try Deadline("2027-03-14", timeZone: Self.utc, field: "due").utc == "2027-03-14T23:59:59Z")
        #expect(day.words(in: Self.bangkok, called: "Asia/Bangkok") == "14 March 2027, 23:59 (Asia/Bangkok)")
        #expect(!exact.hasPassed(at: Self.at("2027-03-14T16:59:00Z")), "on time up to the due second")
        #expect(exact.hasPassed(at: Self.at("2027-03-14T16:59:01Z")))
    }

    @Test("unreadable due times are refused, naming the field", arguments: [
        "", "14/03/2027", "2027-02-29", "2027-03-14T23:59:00", "2027-03-14T24:00Z", "2027-03-14T23:60Z", "2027-03-14T23:59:00+15:00",
        "2027-03-14 23:59:00Z", "2027-03-14T23:59:00+0700", "2027-03-14T23:59:00Z junk", "２０２７-03-14",
    ])
    func unreadable(_ text: String) {
        let error = DomainKit.error { () throws(AwardsError) in _ = try Deadline(text, timeZone: Self.utc, field: "schedule[0].due") }
        #expect(error?.kind == .invalidValue)
        #expect(error?.field == "schedule[0].due")
    }

    @Test("new settings are checked: the time zone, each due time, a due time before its phase starts, each extension")
    func validation() {
        func failure(_ change: (inout Cycle) -> Void) -> AwardsError? {
            var cycle = Self.cycle()
            change(&cycle)
            return DomainKit.error { () throws(AwardsError) in try cycle.validate() }
        }
        #expect(failure { _ in } == nil)
        #expect(failure { $0.timeZone = "Mars/Olympus_Mons" }?.field == "timeZone")
        #expect(failure { $0.schedule[1].due = "soon" }?.field == "schedule[1].due")
        // 23:00 on 14 March in Bangkok, an hour before Smart21 scoring starts there.
        let early = failure { $0.schedule[1].due = "2027-03-14T16:00:00Z" }
        #expect(early?.field == "schedule[1].due")
        #expect(early?.message == "Smart21 scoring is due (2027-03-14T16:00:00Z) before it starts (2027-03-15)")
        #expect(failure { $0.schedule[1].due = "2027-03-14T17:00:00Z" } == nil, "midnight in Bangkok is when it starts")
        #expect(failure { $0.schedule[1].due = "2027-03-15" } == nil, "due on the day it starts is allowed")
        #expect(failure { $0.extensions = [DeadlineExtension(person: "C-1", phase: .nominationsOpen, until: "2027-03-20", reason: " ")] }?.field == "extensions[0].reason")
        #expect(failure { $0.extensions = [DeadlineExtension(person: "C-1", phase: .nominationsOpen, until: "next week", reason: "flood")] }?.field == "extensions[0].until")
        let twice = DeadlineExtension(person: "C-1", phase: .nominationsOpen, until: "2027-03-20", reason: "flood")
        #expect(failure { $0.extensions = [twice, twice] }?.field == "extensions[1]")
    }

    @Test("cycles stored before deadlines read as UTC with no due times and no extensions")
    func olderCycles() throws {
        var stored = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.cycle())) as! [String: Any]
        stored["timeZone"] = nil
        stored["extensions"] = nil
        stored["schedule"] = [["phase": "nominations_open", "starts": "2027-01-15"]]
        let cycle = try JSONDecoder().decode(Cycle.self, from: JSONSerialization.data(withJSONObject: stored))
        #expect(cycle.timeZone == "UTC")
        #expect(cycle.extensions.isEmpty)
        #expect(cycle.deadline(of: .nominationsOpen) == nil)
        #expect(DomainKit.error { () throws(AwardsError) in try cycle.checkDeadline(.nominationsOpen, person: "C-1", at: Self.at("2099-01-01T00:00:00Z")) } == nil)
    }

    @Test("a late submission is refused naming the deadline; an extension helps only its own person and phase")
    func lateness() throws {
        let cycle = Self.cycle(extensions: [DeadlineExtension(person: "C-1", phase: .nominationsOpen, until: "2027-03-16", reason: "flooded office")])
        func check(_ person: String, _ phase: Phase = .nominationsOpen, at utc: String) -> AwardsError? {
            DomainKit.error { () throws(AwardsError) in try cycle.checkDeadline(phase, person: person, at: Self.at(utc)) }
        }
        #expect(check("C-2", at: "2027-03-14T16:59:00Z") == nil, "before the deadline")
        let late = check("C-2", at: "2027-03-14T17:00:00Z")
        #expect(late?.kind == .outOfPhase)
        #expect(late?.field == "due")
        #expect(late?.message == "nominations were due by 14 March 2027, 23:59 (Asia/Bangkok); it is too late to submit unless the organisers grant an extension")
        #expect(check("C-1", at: "2027-03-16T16:59:59Z") == nil, "with an extension, until its end in Bangkok")
        let afterExtension = check("C-1", at: "2027-03-16T17:00:00Z")
        #expect(afterExtension?.message == "nominations were due by 16 March 2027, 23:59 (Asia/Bangkok) (with your extension); it is too late to submit unless the organisers grant an extension")
        #expect(check("C-1", .smart21Scoring, at: "2027-05-01T00:00:00Z") != nil, "an extension is for one phase")
        #expect(cycle.deadline(of: .nominationsOpen, for: "C-1")?.utc == "2027-03-16T16:59:59Z")
        #expect(cycle.deadline(of: .nominationsOpen, for: "C-2")?.utc == "2027-03-14T16:59:00Z")
        #expect(cycle.deadline(of: .juryVote) == nil)
    }
}
