import Awards
import Foundation
import Logging
import Testing
@testable import WebApp

/// Deadline reminders on the demo's 2027 cycle (nominations open, the demo community's
/// nomination still a draft): when they fall due, whom they pass over, the organisers'
/// escalation, the cockpit's bulk reminder and the reminder settings, and one reminder carried
/// through a real SMTP relay.
@Suite("Reminders")
struct ReminderTests {
    static let year = DemoPlatform.walkthroughYear
    /// The nominations' due time: 2027-03-14 23:59 in Bangkok (UTC+7) is 2027-03-14 16:59:00 UTC.
    static let due = "2027-03-14T23:59:00+07:00"
    static let dueUTC = "2027-03-14T16:59:00Z"
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Gives the 2027 nominations their due time in Asia/Bangkok.
    static func schedule(_ app: TestPlatform) async throws {
        let store = app.platform.store
        var schedule = try await store.cycle(year).schedule
        let row = try #require(schedule.firstIndex { $0.phase == .nominationsOpen })
        schedule[row].due = due
        try await Programme(store: store, actor: "admin").setSchedule(schedule, timeZone: "Asia/Bangkok", cycle: year)
    }

    /// Addresses for the demo community (no language chosen) and the organiser (French unless
    /// `organiser` says otherwise; an organiser's pages follow their language).
    static func addresses(_ app: TestPlatform, organiser: String = "fr") async throws {
        let store = app.platform.store
        for (role, language) in [(Role.community, ""), (.admin, organiser)] {
            var account = try #require(try await store.account(app.account(role).username))
            try account.setContact(email: "\(role.rawValue)@example.org", language: language)
            try await store.saveAccount(account, by: "admin")
        }
    }

    /// The demo community's id, as its nomination and any extension name it.
    static func community(_ app: TestPlatform) throws -> String { try #require(app.account(.community).subject) }

    static func notifications(_ app: TestPlatform, _ clock: TestClock) -> Notifications {
        Notifications(store: app.platform.store, links: "https://awards.example.org", clock: { clock.now })
    }

    static func keys(_ app: TestPlatform) async throws -> [String] {
        try await app.platform.store.outboxEntries(status: nil, limit: 100).map(\.message.dedupeKey).sorted()
    }

    @Test("reminders go at exactly 7 and 2 days before the due time, once each; one escalation to the organisers after it, in their language")
    func schedule() async throws {
        try await TestPlatform.with { app in
            try await Self.schedule(app)
            try await Self.addresses(app)
            let clock = TestClock(Self.utc("2027-03-07T16:58:59Z"))
            let notifications = Self.notifications(app, clock)
            #expect(try await notifications.remindAsScheduled() == 0, "a second before 7 days")
            clock.advance(1)  // 2027-03-07T16:59:00Z, 7 × 24 h before 2027-03-14T16:59:00Z
            #expect(try await notifications.remindAsScheduled() == 1)
            #expect(try await notifications.remindAsScheduled() == 0, "once")
            let community = app.account(.community).username
            #expect(try await Self.keys(app) == ["reminder/\(Self.year)/nominations_open/\(Self.dueUTC)/7d/\(community)"])
            let reminder = try #require(try await app.platform.store.outboxEntries(status: nil, limit: 1).first?.message)
            #expect(reminder.recipient == "community@example.org")
            #expect(reminder.language == .en)
            #expect(reminder.subject == "Reminder: the nomination period of the 2027 awards ends on 2027-03-14 23:59 (Asia/Bangkok)")
            #expect(reminder.body.contains("https://awards.example.org/reminders/stop?token=\(community)."))

            clock.advance(5 * 86_400 - 1)  // 2027-03-12T16:58:59Z
            #expect(try await notifications.remindAsScheduled() == 0)
            clock.advance(1)  // 2027-03-12T16:59:00Z, 2 × 24 h before
            #expect(try await notifications.remindAsScheduled() == 1)
            clock.advance(2 * 86_400)  // the due time itself: nothing more
            #expect(try await notifications.remindAsScheduled() == 0)
            clock.advance(1)  // late: one message to the organiser, none to the community
            #expect(try await notifications.remindAsScheduled() == 1)
            clock.advance(86_400)
            #expect(try await notifications.remindAsScheduled() == 0, "one escalation")
            let messages = try await app.platform.store.outboxEntries(status: nil, limit: 10).map(\.message)
            #expect(messages.count == 3)
            let escalation = try #require(messages.first { $0.kind == "escalation" })
            #expect(escalation.recipient == "admin@example.org")
            #expect(escalation.language == .fr)
            #expect(escalation.dedupeKey == "escalation/\(Self.year)/nominations_open/\(Self.dueUTC)/admin")
            #expect(escalation.subject == "1 en retard pour la période de candidature des prix 2027")
            let name = try #require(try await app.platform.store.account(community)?.name)
            #expect(escalation.body.contains("- \(name) (\(try Self.community(app)))"))
            #expect(escalation.body.contains("https://awards.example.org/admin/cycles/2027/nominations?status=draft"))
        }
    }

    @Test("a community that has submitted is not reminded, and nobody is escalated")
    func submitted() async throws {
        try await TestPlatform.with { app in
            try await Self.schedule(app)
            try await Self.addresses(app)
            let store = app.platform.store
            var nomination = try #require(try await store.nominations(cycle: Self.year).first { $0.communityID == (try? Self.community(app)) })
            nomination.state = .submitted
            try await store.saveNomination(nomination, cycle: Self.year, by: "community")
            let clock = TestClock(Self.utc("2027-03-07T16:59:00Z"))
            let notifications = Self.notifications(app, clock)
            #expect(try await notifications.remindAsScheduled() == 0)
            clock.advance(7 * 86_400 + 1)
            #expect(try await notifications.remindAsScheduled() == 0)
            #expect(try await Self.keys(app) == [])
        }
    }

    @Test("an extension moves the person's reminders to its due time, arming them again; they are not late until it passes")
    func extended() async throws {
        try await TestPlatform.with { app in
            try await Self.schedule(app)
            try await Self.addresses(app)
            let clock = TestClock(Self.utc("2027-03-07T16:59:00Z"))
            let notifications = Self.notifications(app, clock)
            #expect(try await notifications.remindAsScheduled() == 1, "7 days before the phase's due time")
            // Until 2027-03-21 23:59 Bangkok = 2027-03-21T16:59:00Z: 7 days before is 2027-03-14T16:59:00Z.
            try await Programme(store: app.platform.store, actor: "admin").grantExtension(
                DeadlineExtension(person: try Self.community(app), phase: .nominationsOpen, until: "2027-03-21T23:59:00+07:00", reason: "flood"), cycle: Self.year)
            clock.advance(5 * 86_400)  // the phase's 2-day reminder time: not theirs any more
            #expect(try await notifications.remindAsScheduled() == 0)
            clock.advance(2 * 86_400 - 1)  // 2027-03-14T16:58:59Z
            #expect(try await notifications.remindAsScheduled() == 0)
            clock.advance(1)  // 2027-03-14T16:59:00Z: 7 days before the extension
            #expect(try await notifications.remindAsScheduled() == 1)
            clock.advance(1)  // the phase's due time has passed, but not the community's
            #expect(try await notifications.remindAsScheduled() == 0, "nobody late: no escalation")
            let community = app.account(.community).username
            #expect(try await Self.keys(app) == [
                "reminder/\(Self.year)/nominations_open/2027-03-14T16:59:00Z/7d/\(community)",
                "reminder/\(Self.year)/nominations_open/2027-03-21T16:59:00Z/7d/\(community)",
            ])
        }
    }

    @Test("a person who stopped reminders gets none, but the organisers still hear they are late")
    func stopped() async throws {
        try await TestPlatform.with { app in
            try await Self.schedule(app)
            try await Self.addresses(app)
            let store = app.platform.store
            var account = try #require(try await store.account(app.account(.community).username))
            account.remindersStopped = Self.utc("2027-01-01T00:00:00Z")
            try await store.saveAccount(account, by: account.id)
            let clock = TestClock(Self.utc("2027-03-12T16:59:00Z"))
            let notifications = Self.notifications(app, clock)
            #expect(try await notifications.remindAsScheduled() == 0)
            clock.advance(2 * 86_400 + 1)
            #expect(try await notifications.remindAsScheduled() == 1)
            #expect(try await Self.keys(app) == ["escalation/\(Self.year)/nominations_open/\(Self.dueUTC)/admin"])
        }
    }

    @Test("the cockpit's bulk reminder: refused without a due time or outside the list's phase; sent once a day however often clicked, and logged with its count")
    func bulk() async throws {
        try await TestPlatform.with { app in
            try await Self.addresses(app, organiser: "")
            let store = app.platform.store
            let admin = try await app.signedIn(.admin)
            let list = "/admin/cycles/\(Self.year)/nominations"
            /// Clicks the list's button: the form is posted from the page, with its CSRF token.
            func remind(_ path: String = list) async throws -> TestBrowser.Page {
                try await admin.get(list)
                return try await admin.post(path + "/remind", [])
            }
            #expect(try await admin.get(list).body.contains("The current phase has no due time"))
            let undated = try await remind()
            #expect(undated.status == .conflict)
            #expect(undated.body.contains("nominations open has no due time to remind people of"), "\(undated.body)")
            try await Self.schedule(app)
            let page = try await admin.get(list)
            #expect(page.body.contains("Remind the 1 who have not submitted"), "\(page.body)")
            let wrong = try await remind("/admin/cycles/\(Self.year)/reviews")
            #expect(wrong.status == .conflict)
            #expect(wrong.body.contains("this list&#39;s reminders go during Smart21 scoring or Top7 scoring; the cycle is in nominations open"), "\(wrong.body)")
            #expect(try await Self.keys(app) == [])

            let sent = try await remind()
            #expect(sent.status == .seeOther)
            #expect(sent.location == list + "?reminded=1")
            #expect(try await admin.get(sent.location ?? "").body.contains("1 reminders queued"))
            let again = try await remind()
            #expect(again.location == list + "?reminded=0", "a double click sends once")
            let community = app.account(.community).username
            // The test clock stands at 2027-01-15T08:00:00Z.
            #expect(try await Self.keys(app) == ["reminder/\(Self.year)/nominations_open/\(Self.dueUTC)/organiser-2027-01-15/\(community)"])
            let reminder = try #require(try await store.outboxEntries(status: nil, limit: 1).first?.message)
            #expect(reminder.subject == "Reminder from the organisers: the nomination period of the 2027 awards ends on 2027-03-14 23:59 (Asia/Bangkok)")
            // Under the cycle's entity, so that the audit log's filter for the cycle shows it.
            let audit = try await store.auditLog(entity: "cycle:\(Self.year):nominations_open", limit: 5)
            #expect(audit.map(\.action) == ["remind", "remind"])
            #expect(audit.map(\.actor).allSatisfy { $0.contains("admin") }, "\(audit.map(\.actor))")
            #expect(Set(audit.compactMap(\.after)) == ["{\"messages\":1,\"queued\":1}", "{\"messages\":1,\"queued\":0}"])
            app.clock.advance(86_400)
            let nextDay = try await app.signedIn(.admin)
            try await nextDay.get(list)
            #expect(try await nextDay.post(list + "/remind", []).location == list + "?reminded=1", "the next day, again")
        }
    }

    @Test("only organisers may send bulk reminders or change the reminder settings")
    func access() async throws {
        try await TestPlatform.with { app in
            try await Self.schedule(app)
            try await Self.addresses(app)
            let paths = ["nominations", "reviews", "ballots"].map { "/admin/cycles/\(Self.year)/\($0)/remind" } + ["/admin/cycles/\(Self.year)/reminders"]
            for role in [Role.analyst, .juror, .community] {
                let browser = try await app.signedIn(role)
                try await browser.get("/workspace")
                for path in paths {
                    #expect(try await browser.post(path, [("before", "1")]).status == .forbidden, "\(role) \(path)")
                }
            }
            for path in paths {
                #expect(try await app.browser().post(path, [("before", "1")], csrf: "").status == .unauthorized, "anonymous \(path)")
            }
            #expect(try await Self.keys(app) == [])
            #expect(try await app.platform.store.cycle(Self.year).reminders == .standard)
        }
    }

    @Test("the organiser sets the reminder days on the cycle page; bad days are refused naming the field")
    func settings() async throws {
        try await TestPlatform.with { app in
            let admin = try await app.signedIn(.admin)
            let cycle = "/admin/cycles/\(Self.year)"
            let page = try await admin.get(cycle)
            #expect(page.body.contains("<strong>7, 2</strong>"), "the standard days are shown")
            #expect(page.body.contains("id=\"reminder-escalate\" name=\"escalate\" value=\"yes\" checked"))
            for (days, problem) in [("7, 0", "not 0"), ("7, 61", "not 61"), ("2, 2", "listed twice"), ("1e300", "is not a whole number"), ("-0", "is not a whole number"), ("NaN", "is not a whole number"), ("Infinity", "is not a whole number")] {
                try await admin.get(cycle)
                let refused = try await admin.post(cycle + "/reminders", [("before", days), ("escalate", "yes")])
                #expect(refused.status == .unprocessableContent || refused.status == .conflict, "\(days)")
                #expect(refused.body.contains("field &#39;before&#39;"), "\(days): \(refused.body)")
                #expect(refused.body.contains(problem), "\(days): \(refused.body)")
            }
            #expect(try await app.platform.store.cycle(Self.year).reminders == .standard)
            try await admin.get(cycle)
            let saved = try await admin.post(cycle + "/reminders", [("before", "14, 3 1")])
            #expect(saved.status == .seeOther)
            #expect(try await app.platform.store.cycle(Self.year).reminders == ReminderSchedule(before: [14, 3, 1], escalate: false))
            let shown = try await admin.get(cycle).body
            #expect(shown.contains("<strong>14, 3, 1</strong>"))
            #expect(shown.contains("The organisers are not told who is late."))
        }
    }

    @Test("7 days before the due time, the reminder service and the outbox deliver the reminder through a real SMTP relay, in the recipient's language")
    func throughTheRelay() async throws {
        try await TestPlatform.with { app in
            try await Self.schedule(app)
            let store = app.platform.store
            var account = try #require(try await store.account(app.account(.community).username))
            try account.setContact(email: "lan@example.org", language: "vi")
            try await store.saveAccount(account, by: "admin")
            let sink = try await SMTPSink()
            defer { sink.stop() }
            let clock = TestClock(Self.utc("2027-03-07T16:59:00Z"))
            #expect(try await Self.notifications(app, clock).remindAsScheduled() == 1)
            let delivery = MailDelivery(
                outbox: store, relay: try MailRelay(url: "smtp://127.0.0.1:\(sink.port)"), sender: .standard, clock: { clock.now }, logger: Logger(label: "test"))
            #expect(try await delivery.deliverDue() == 1)
            let received = try sink.received()
            let outcome = try await store.outboxEntries(status: nil, limit: 1).first?.lastError
            try #require(received.count == 1, "\(outcome ?? "")")
            #expect(received[0].rcpt_tos == ["lan@example.org"])
            #expect(received[0].subject == "Nhắc nhở: thời gian nhận đề cử của giải thưởng 2027 kết thúc vào 2027-03-14 23:59 (Asia/Bangkok)")
            #expect(received[0].header("Content-Language") == ["vi"])
            #expect(received[0].text.contains("https://awards.example.org/reminders/stop?token="))
            #expect(try await store.outboxEntries(status: .sent, limit: 5).count == 1)
        }
    }
}
