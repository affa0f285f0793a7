import Awards
import Foundation
import HTTPTypes
import Hummingbird
import Testing
@testable import WebApp

/// The events that queue messages, on the demo platform through the real routes: who is written
/// to, in which language, once; the reminder's stop link against forged tokens; the organisers'
/// outbox page and who may not see it.
@Suite("Notifications")
struct NotificationTests {
    static let year = DemoPlatform.walkthroughYear

    @Test("every language has every message text, with the places the English text uses")
    func textsComplete() throws {
        let texts = MailTexts.shipped.texts
        let english = try #require(texts[.en])
        #expect(english.count >= 20)
        for language in Language.allCases {
            let translated = texts[language] ?? [:]
            #expect(Set(translated.keys) == Set(english.keys), "\(language.rawValue): missing \(Set(english.keys).subtracting(translated.keys).sorted()), unknown \(Set(translated.keys).subtracting(english.keys).sorted())")
            for (key, text) in english {
                #expect(Placeholders.names(in: translated[key] ?? "") == Placeholders.names(in: text), "\(language.rawValue) \(key)")
            }
        }
        for phase in Phase.allCases { #expect(english["phase.\(phase.rawValue)"] != nil, "\(phase)") }
    }

    /// Gives the demo accounts addresses: the analyst French, the juror Vietnamese, the community
    /// no language chosen; the organiser none.
    static func addresses(_ app: TestPlatform) async throws {
        let store = app.platform.store
        for (role, language) in [(Role.analyst, "fr"), (.juror, "vi"), (.community, "")] {
            var account = try #require(try await store.account(app.account(role).username))
            try account.setContact(email: "\(role.rawValue)@example.org", language: language)
            try await store.saveAccount(account, by: "admin")
        }
    }

    @Test("opening a scoring round writes to the panel's analysts in their language, and the assignment lists their nominations; doing it again writes nothing more")
    func scoringOpens() async throws {
        try await TestPlatform.with { app in
            try await Self.addresses(app)
            let store = app.platform.store
            _ = try await app.openFirstRound()
            let messages = try await store.outboxEntries(status: nil, limit: 100)
            let analyst = app.account(.analyst).username
            let opened = try #require(messages.first { $0.message.dedupeKey == "phase-open/\(Self.year)/smart21_scoring/\(analyst)" })
            #expect(opened.message.recipient == "analyst@example.org")
            #expect(opened.message.language == .fr)
            #expect(opened.message.subject == "L'évaluation Smart21 des prix \(Self.year) a commencé")
            #expect(opened.message.body.hasPrefix("Bonjour "))
            #expect(opened.message.body.contains("http://127.0.0.1:8080/workspace"))
            let assigned = try await store.assignments(cycle: Self.year, round: 1).filter { $0.analyst == "A-101" }.map(\.nomination)
            #expect(!assigned.isEmpty)
            let work = try #require(messages.first { $0.message.kind == "assignment" })
            #expect(work.message.recipient == "analyst@example.org")
            #expect(work.message.subject == "\(assigned.count) candidatures à évaluer au tour 1 des prix \(Self.year)")
            for nomination in assigned { #expect(work.message.body.contains("(\(nomination))")) }
            #expect(!messages.contains { $0.message.recipient != "analyst@example.org" }, "nobody else is told: \(messages.map(\.message.dedupeKey))")

            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/cycles/\(Self.year)")
            // Moving to the phase the cycle is in is refused as no move at all, and queues nothing.
            #expect(try await admin.post("/admin/cycles/\(Self.year)/phase", [("phase", Phase.smart21Scoring.rawValue), ("confirm", "yes")]).status == .conflict)
            #expect(try await store.outboxEntries(status: nil, limit: 100).count == messages.count)
        }
    }

    @Test("results go to every account tied to the cycle, in its language, once; not to organisers or others")
    func resultsPublished() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let published = 2026
            let cycle = try await store.cycle(published)
            let nomination = try #require(try await store.nominations(cycle: published).first)
            let analyst = try #require(try await store.assignments(cycle: published, round: 1).first?.analyst)
            let juror = try #require(cycle.jury.first?.id)
            let hash = "$2b$04$abcdefghijklmnopqrstuv"
            for account in [
                Account(id: "c-2026", name: "Community 2026", role: .community, passwordHash: hash, subject: nomination.communityID, email: "c@example.org", language: .vi),
                Account(id: "a-2026", name: "Analyst 2026", role: .analyst, passwordHash: hash, subject: analyst, email: "a@example.org", language: .fr),
                Account(id: "j-2026", name: "Juror 2026", role: .juror, passwordHash: hash, subject: juror, email: "j@example.org"),
                Account(id: "a-other", name: "Analyst elsewhere", role: .analyst, passwordHash: hash, subject: "A-999", email: "x@example.org"),
                Account(id: "boss", name: "Organiser", role: .admin, passwordHash: hash, email: "boss@example.org"),
                Account(id: "c-gone", name: "Disabled", role: .community, passwordHash: hash, subject: nomination.communityID, disabled: true, email: "d@example.org"),
            ] { try await store.saveAccount(account, by: "admin") }
            let notifications = app.platform.notifications
            #expect(try await notifications.resultsPublished(cycle: published) == 3)
            #expect(try await notifications.resultsPublished(cycle: published) == 0)
            let sent = try await store.outboxEntries(status: nil, limit: 100)
            #expect(Set(sent.map(\.message.recipient)) == ["c@example.org", "a@example.org", "j@example.org"])
            let winnerID = try await store.publication(cycle: published)?.winner
            let winner = try #require(try await store.nominations(cycle: published).first { $0.id == winnerID })
            let vietnamese = try #require(sent.first { $0.message.recipient == "c@example.org" })
            #expect(vietnamese.message.subject == "Kết quả giải thưởng \(published) đã được công bố")
            #expect(vietnamese.message.body.contains("Cộng đồng Thông minh của năm là \(winner.community)"))
            #expect(vietnamese.message.body.contains("http://127.0.0.1:8080/cycles/\(published)"))
            #expect(sent.first { $0.message.recipient == "j@example.org" }?.message.language == .en)
        }
    }

    @Test("a reminder carries a signed stop link that works without signing in; forged, altered or other accounts' tokens are refused")
    func reminders() async throws {
        try await TestPlatform.with { app in
            try await Self.addresses(app)
            let store = app.platform.store
            // The community owes its nomination, due 2027-03-14 23:59 Bangkok: reminded 7 days before.
            try await ReminderTests.schedule(app)
            let (person, juror) = (app.account(.community).username, app.account(.juror).username)
            let clock = TestClock(ISO8601DateFormatter().date(from: "2027-03-07T16:59:00Z")!)
            let notifications = Notifications(store: store, links: app.platform.mail.links, clock: { clock.now })
            #expect(try await notifications.remindAsScheduled() == 1)
            #expect(try await notifications.remindAsScheduled() == 0, "once per deadline")
            let reminder = try #require(try await store.outboxEntries(status: nil, limit: 10).first { $0.message.recipient == "community@example.org" })
            #expect(reminder.message.kind == "reminder")
            #expect(reminder.message.subject == "Reminder: the nomination period of the \(Self.year) awards ends on 2027-03-14 23:59 (Asia/Bangkok)")
            let link = try #require(reminder.message.body.split(separator: "\n").first { $0.hasPrefix("http://127.0.0.1:8080/reminders/stop?token=") })
            let token = String(link.dropFirst("http://127.0.0.1:8080/reminders/stop?token=".count))
            #expect(token.hasPrefix("\(person)."))

            // Forged tokens change nothing.
            let mac = String(token.dropFirst(person.count + 1))
            let stranger = app.browser()
            for forged in ["", person, "\(person).", "\(juror).\(mac)", "\(person).\(mac.dropLast())", "\(person).\(mac)x", "admin.\(mac)", "\(person).\(String(mac.reversed()))"] {
                let page = try await stranger.get("/reminders/stop?token=\(forged.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
                #expect(page.status == .forbidden, "GET \(forged)")
                try await stranger.get("/reminders/stop?token=\(token)")
                #expect(try await stranger.post("/reminders/stop", [("token", forged)]).status == .forbidden, "POST \(forged)")
            }
            #expect(try await store.account(juror)?.remindersStopped == nil)
            #expect(try await store.account(person)?.remindersStopped == nil)

            // The genuine link asks first, then stops the person's reminders only.
            let asked = try await stranger.get("/reminders/stop?token=\(token)")
            #expect(asked.status == .ok)
            #expect(asked.body.contains("Stop reminders"))
            #expect(try await store.account(person)?.remindersStopped == nil, "opening the link changes nothing")
            #expect(try await stranger.post("/reminders/stop", [("token", token)]).status == .ok)
            #expect(try await store.account(person)?.remindersStopped == app.clock.now)
            #expect(try await store.account(juror)?.remindersStopped == nil)
            #expect(try await store.auditLog(entity: "account:\(person)", limit: 1).first?.action == "stop-reminders")
            clock.advance(5 * 86_400)  // the 2-day reminder's time: none to a person who stopped them
            #expect(try await notifications.remindAsScheduled() == 0)
            #expect(try await store.outboxEntries(status: nil, limit: 10).filter { $0.message.recipient == "community@example.org" }.count == 1)
        }
    }

    @Test("the outbox page is the organisers' alone; it says when no relay is set, filters by status, and retries failed messages after confirmation")
    func outboxPage() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            try await store.queue(
                [
                    MailMessage(recipient: "a@example.org", language: .en, kind: "results", subject: "Sent <b>", body: "b", dedupeKey: "k1"),
                    MailMessage(recipient: "b@example.org", language: .fr, kind: "results", subject: "Refusé", body: "b", dedupeKey: "k2"),
                ], at: app.clock.now)
            let claimed = try await store.claimDue(at: app.clock.now, limit: 2, lease: 60)
            let failing = try #require(claimed.first { $0.message.dedupeKey == "k2" })
            try await store.recordFailure(failing, error: "550 5.1.1 no such user", retryAt: nil)

            for role in [Role.analyst, .juror, .community] {
                let browser = try await app.signedIn(role)
                #expect(try await browser.get("/admin/outbox").status == .forbidden, "\(role)")
                try await browser.get("/account")
                #expect(try await browser.post("/admin/outbox/retry", [("id", failing.id), ("confirm", "yes")]).status == .forbidden, "\(role)")
            }
            #expect(try await app.browser().get("/admin/outbox").status == .seeOther, "anonymous people are sent to sign in")

            let admin = try await app.signedIn(.admin)
            let page = try await admin.get("/admin/outbox")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"id="no-relay""#))
            #expect(page.body.contains("Sent &lt;b&gt;"), "subjects are escaped")
            #expect(page.body.contains("550 5.1.1 no such user"))
            let failed = try await admin.get("/admin/outbox?status=failed")
            #expect(failed.body.contains("b@example.org") && !failed.body.contains("a@example.org"))
            #expect(try await admin.get("/admin/outbox?status=lost").status == .unprocessableContent)

            try await admin.get("/admin/outbox")
            let unconfirmed = try await admin.post("/admin/outbox/retry", [("id", failing.id)])
            #expect(unconfirmed.status == .unprocessableContent)
            let notFailed = try #require(claimed.first { $0.message.dedupeKey == "k1" })
            try await admin.get("/admin/outbox")
            #expect(try await admin.post("/admin/outbox/retry", [("id", notFailed.id), ("confirm", "yes")]).status == .conflict)
            try await admin.get("/admin/outbox")
            let retried = try await admin.post("/admin/outbox/retry", [("id", failing.id), ("confirm", "yes")])
            #expect(retried.status == .ok)
            #expect(retried.body.contains("queued again"))
            #expect(try await store.outboxEntries(status: .queued, limit: 5).map(\.id) == [failing.id])
            #expect(try await store.auditLog(entity: "outbox:", limit: 5).first?.actor == "admin")
        }
    }
}
