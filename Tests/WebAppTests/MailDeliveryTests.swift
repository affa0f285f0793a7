import Awards
import Foundation
import Logging
import NIOCore
import NIOPosix
import Storage
import Testing
@testable import WebApp

/// The outbox emptied into a real SMTP relay on loopback (aiosmtpd): what the relay receives,
/// decoded by Python's e-mail parser, and what the outbox records when the relay is down,
/// refuses, stops mid-message or never answers.
@Suite("Mail delivery", .serialized)
struct MailDeliveryTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A fresh SQLite store, its file removed afterwards.
    static func withStore(_ body: (SQLiteStore) async throws -> Void) async throws {
        try await withStore { store, _ in try await body(store) }
    }

    /// A fresh SQLite store and its path, the file removed afterwards.
    static func withStore(_ body: (SQLiteStore, String) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-mail-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await body(try SQLiteStore(path: path), path)
    }

    static func delivery(_ store: any Outbox, port: Int, user: String? = nil, clock: TestClock, readTimeout: Duration = .seconds(60)) throws -> MailDelivery {
        var policy = MailDelivery.Policy()
        policy.firstRetry = 60
        policy.maxAttempts = 3
        var delivery = MailDelivery(
            outbox: store, relay: try MailRelay(url: "smtp://\(user.map { "\($0):s%40cret@" } ?? "")127.0.0.1:\(port)"),
            sender: try MailSender("Civic Index — Giải thưởng <awards@civic.example.org>"), policy: policy, clock: { clock.now },
            logger: Logger(label: "test"))
        delivery.client.readTimeout = readTimeout
        delivery.client.deadline = .seconds(180)
        return delivery
    }

    static let vietnamese = MailMessage(
        recipient: "lan@example.org", language: .vi, kind: "results", subject: "Kết quả giải thưởng 2027 — Hà Nội",
        body: "Kính gửi Lan,\n\n.Dòng này bắt đầu bằng dấu chấm.\n.\n..hai chấm\nMột dòng rất dài " + String(repeating: "ừ ", count: 60) + "\nHết.",
        dedupeKey: "results/2027/lan")

    @Test("the relay receives the message as written: envelope, decoded subject and body, stable Message-ID, Date, charset, dot-stuffing")
    func delivered() async throws {
        try await Self.withStore { store in
            let sink = try await SMTPSink(options: ["--auth", "civic:s@cret"])
            defer { sink.stop() }
            let clock = TestClock(Self.start)
            try await store.queue([Self.vietnamese], at: Self.start)
            let delivery = try Self.delivery(store, port: sink.port, user: "civic", clock: clock)
            let claimed1 = try await delivery.deliverDue()
            #expect(claimed1 == 1)

            let received = try sink.received()
            let outcome = try await store.outboxEntries(status: nil, limit: 1).first?.lastError
            try #require(received.count == 1, "\(outcome ?? "")")
            let mail = received[0]
            #expect(mail.mail_from == "awards@civic.example.org")
            #expect(mail.rcpt_tos == ["lan@example.org"])
            #expect(mail.login == "civic", "AUTH PLAIN with the URL's credentials, percent-decoded")
            #expect(mail.subject == Self.vietnamese.subject)
            #expect(mail.text == Self.vietnamese.body + "\n", "every line, those starting with dots included, arrives unchanged")
            let entry = try #require(try await store.outboxEntries(status: .sent, limit: 1).first)
            #expect(mail.message_id == "<\(entry.id)@civic.example.org>")
            #expect(entry.sentAt == Self.start && entry.attempts == 1 && entry.lastError == nil)
            #expect(mail.header("Content-Type") == ["text/plain; charset=utf-8"])
            #expect(mail.header("Date") == ["Fri, 15 Jan 2027 08:00:00 +0000"])
            #expect(mail.header("To") == ["lan@example.org"])
            #expect(mail.header("From").first?.hasSuffix("<awards@civic.example.org>") == true)
            #expect(mail.header("Content-Language") == ["vi"])
            // Every header line plain ASCII and short; every line ends in CRLF.
            let head = mail.raw.components(separatedBy: "\r\n\r\n")[0]
            let ascii = head.allSatisfy { $0.isASCII }
            #expect(ascii)
            #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
            #expect(!mail.raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
            let claimed2 = try await delivery.deliverDue()
            #expect(claimed2 == 0, "nothing more to send")
        }
    }

    @Test("with the relay down the message stays queued, waits its back-off, and is sent once when the relay is back")
    func relayDown() async throws {
        try await Self.withStore { store in
            let port = try SMTPSink.freePort()
            let clock = TestClock(Self.start)
            try await store.queue([Self.vietnamese], at: Self.start)
            let delivery = try Self.delivery(store, port: port, clock: clock)
            let claimed3 = try await delivery.deliverDue()
            #expect(claimed3 == 1)
            let waiting = try #require(try await store.outboxEntries(status: nil, limit: 1).first)
            #expect(waiting.status == .queued && waiting.attempts == 1)
            #expect(waiting.nextAttempt == Self.start.addingTimeInterval(60))
            #expect(waiting.lastError?.contains("could not be reached") == true)

            let sink = try await SMTPSink(port: port)
            defer { sink.stop() }
            clock.advance(59)
            let claimed4 = try await delivery.deliverDue()
            #expect(claimed4 == 0, "not before the back-off")
            #expect(try sink.received().isEmpty)
            clock.advance(1)
            let claimed5 = try await delivery.deliverDue()
            #expect(claimed5 == 1)
            #expect(try sink.received().count == 1)
            clock.advance(3600)
            let claimed6 = try await delivery.deliverDue()
            #expect(claimed6 == 0)
            #expect(try sink.received().count == 1, "sent once")
            #expect(try await store.outboxEntries(status: .sent, limit: 5).first?.attempts == 2)
        }
    }

    @Test("back-off doubles with each failure; after the last attempt the message is failed with the error")
    func backOff() async throws {
        try await Self.withStore { store in
            let port = try SMTPSink.freePort()
            let clock = TestClock(Self.start)
            try await store.queue([Self.vietnamese], at: Self.start)
            let delivery = try Self.delivery(store, port: port, clock: clock)
            var waits: [TimeInterval] = []
            for _ in 1...3 {
                let claimed7 = try await delivery.deliverDue()
                #expect(claimed7 == 1)
                let entry = try #require(try await store.outboxEntries(status: nil, limit: 1).first)
                if entry.status == .failed { break }
                waits.append(entry.nextAttempt.timeIntervalSince(clock.now))
                clock.advance(entry.nextAttempt.timeIntervalSince(clock.now))
            }
            #expect(waits == [60, 120])
            let failed = try #require(try await store.outboxEntries(status: .failed, limit: 1).first)
            #expect(failed.attempts == 3)
            #expect(failed.lastError?.contains("could not be reached") == true)
        }
    }

    @Test("a relay that refuses the recipient for good fails the message at once with its reply; an organiser's retry queues it again")
    func permanentRefusal() async throws {
        try await Self.withStore { store in
            let sink = try await SMTPSink(options: ["--refuse-rcpt"])
            defer { sink.stop() }
            let clock = TestClock(Self.start)
            try await store.queue([Self.vietnamese], at: Self.start)
            let delivery = try Self.delivery(store, port: sink.port, clock: clock)
            try await delivery.deliverDue()
            let failed = try #require(try await store.outboxEntries(status: .failed, limit: 1).first)
            #expect(failed.attempts == 1)
            #expect(failed.lastError == "RCPT TO:<lan@example.org>: 550 5.1.1 <lan@example.org>: no such mailbox here")
            #expect(try sink.received().isEmpty)
            try await store.retryMessage(failed.id, at: clock.now, by: "admin")
            #expect(try await store.outboxEntries(status: .queued, limit: 1).first?.id == failed.id)
        }
    }

    @Test("a relay that stops after taking the data but before answering: the message goes again, with the same Message-ID; once recorded sent, a restart sends nothing")
    func relayDiesAfterData() async throws {
        try await Self.withStore { store, path in
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("civic-smtp-\(UUID().uuidString).jsonl")
            let dying = try await SMTPSink(out: out, options: ["--die-after-data"])
            let clock = TestClock(Self.start)
            try await store.queue([Self.vietnamese], at: Self.start)
            let delivery = try Self.delivery(store, port: dying.port, clock: clock)
            try await delivery.deliverDue()
            try await dying.waitUntilGone()
            let after = try #require(try await store.outboxEntries(status: nil, limit: 1).first)
            #expect(after.status == .queued, "without the relay's 250 the message is not taken as sent")
            #expect(try dying.received().count == 1, "yet the relay had taken it")

            let relay = try await SMTPSink(port: dying.port, out: out)
            defer { relay.stop() }
            clock.advance(60)
            try await delivery.deliverDue()
            let copies = try relay.received()
            #expect(copies.count == 2, "at least once: the one message the relay took without saying so goes again")
            #expect(copies[0].message_id == copies[1].message_id, "with the same Message-ID, so mail systems can drop the copy")
            // A platform restarted after `sent` (a new delivery on the reopened file) sends nothing.
            clock.advance(86_400)
            let restarted = try Self.delivery(try SQLiteStore(path: path), port: relay.port, clock: clock)
            let claimed8 = try await restarted.deliverDue()
            #expect(claimed8 == 0)
            #expect(try relay.received().count == 2)
        }
    }

    /// Which bound ended the attempt is read from the failure the outbox records, not from a
    /// clock: a loaded machine may take seconds to fire a one-second timer.
    @Test("every read is bounded: a relay that accepts the connection and never speaks fails the attempt on the read timeout, long before the deadline")
    func readTimeout() async throws {
        let entry = try await Self.attemptOnSilentRelay(readTimeout: .seconds(1), deadline: .seconds(180))
        #expect(entry.status == .queued)
        #expect(entry.lastError == "the relay did not answer in time (nothing for 1 s)")
    }

    @Test("the whole conversation is bounded too: past the deadline the attempt fails, however patient each read")
    func deadline() async throws {
        let entry = try await Self.attemptOnSilentRelay(readTimeout: .seconds(600), deadline: .milliseconds(500))
        #expect(entry.status == .queued)
        #expect(entry.lastError == "the relay did not answer in time (the conversation went on past 0.5 s)")
    }

    /// The outbox entry after one attempt to send a message to a relay that accepts the
    /// connection and never speaks.
    static func attemptOnSilentRelay(readTimeout: Duration, deadline: Duration) async throws -> OutboxEntry {
        var entry: OutboxEntry?
        try await withStore { store in
            let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
            try await store.queue([vietnamese], at: start)
            var delivery = try delivery(store, port: silent.localAddress?.port ?? 0, clock: TestClock(start), readTimeout: readTimeout)
            delivery.client.deadline = deadline
            try await delivery.deliverDue()
            entry = try await store.outboxEntries(status: nil, limit: 1).first
            try await silent.close()
        }
        return try #require(entry)
    }

    @Test("header injection: a name with CR/LF and a lone dot in it cannot add headers, recipients or messages; a subject with CR/LF is encoded or refused")
    func headerInjection() async throws {
        // The composer never writes a control character into a header as it is.
        let hostile = OutboxEntry(
            id: "m1", message: MailMessage(recipient: "a@example.org", language: .en, kind: "x", subject: "Hi\r\nBcc: eve@example.org", body: "b", dedupeKey: "k"),
            nextAttempt: Self.start, queuedAt: Self.start)
        let text = MailComposition.text(hostile, from: .standard, date: Self.start)
        #expect(!text.contains("\r\nBcc:"))
        #expect(text.contains("Subject: =?utf-8?B?"))
        // The outbox refuses such a subject before it is queued; the events neutralise it.
        try await Self.withStore { store in
            await #expect(throws: AwardsError.self) { try await store.queue([hostile.message], at: Self.start) }
            try await store.createCycle(Cycle(year: 2027), by: "admin")
            try await store.saveAccount(
                Account(
                    id: "eve", name: "Eve\r\nBcc: victim@example.org\r\n.\r\nMAIL FROM:<spoof@example.org>\r\nRCPT TO:<victim@example.org>",
                    role: .community, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", subject: "eve-town", email: "eve@example.org"),
                by: "admin")
            #expect(try await Notifications(store: store, links: "https://awards.example.org").phaseOpened(.nominationsOpen, cycle: 2027) == 1)
            let sink = try await SMTPSink()
            defer { sink.stop() }
            let clock = TestClock(Self.start)
            try await Self.delivery(store, port: sink.port, clock: clock).deliverDue()
            let received = try sink.received()
            #expect(received.count == 1, "the lone dot did not end the data and smuggle a second message")
            #expect(received.first?.rcpt_tos == ["eve@example.org"])
            #expect(received.first?.header("Bcc").isEmpty == true)
            #expect(received.first?.text.contains("Eve\nBcc: victim@example.org\n.\nMAIL FROM:<spoof@example.org>") == true, "the name stays text in the body")
        }
    }

    @Test("relay and sender settings: URLs and addresses that are not one are refused naming the setting; the password never shows")
    func settings() throws {
        let relay = try MailRelay(url: "smtp://user:p%40ss@relay.example.org:2525")
        #expect(relay.host == "relay.example.org" && relay.port == 2525 && relay.user == "user" && relay.password == "p@ss")
        #expect(relay.description == "smtp://user@relay.example.org:2525")
        #expect(try MailRelay(url: "smtp://localhost").port == 25)
        for bad in ["http://relay:25", "smtp://", "smtp://relay:0", "smtp://relay:25/path", "relay:25"] {
            #expect(throws: AwardsError.self, "\(bad)") { try MailRelay(url: bad) }
        }
        #expect(try MailSender("Civic Index <no-reply@example.org>").name == "Civic Index")
        #expect(try MailSender("no-reply@example.org").name == nil)
        for bad in ["Civic\r\nBcc: x@y.org <a@b.org>", "Civic <not an address>", "\"Quoted\" <a@b.org>"] {
            do {
                _ = try MailSender(bad)
                Issue.record("'\(bad)' was accepted")
            } catch {
                #expect(error.field == "mail-from")
            }
        }
    }
}
