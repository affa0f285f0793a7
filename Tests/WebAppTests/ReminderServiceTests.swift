import Awards
import Foundation
import Storage
import Testing
@testable import WebApp

/// Reminders with several servers, and the messages of actions taken from the command line.
@Suite("Reminder service and command-line messages")
struct ReminderServiceTests {
    static let hash = "$2b$04$abcdefghijklmnopqrstuv"

    @Test("two servers on one PostgreSQL schema running the reminder pass at once queue each reminder, and the escalation, once")
    func twoServers() async throws {
        let schema = "reminders_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        defer { _ = Subprocess.runBlocking(["psql", TwoInstanceDeployment.postgresURL, "-qc", "DROP SCHEMA IF EXISTS \(schema) CASCADE"]) }
        let database = TwoInstanceDeployment.postgresURL + "?schema=" + schema
        // 2027-03-14 23:59 Bangkok is 2027-03-14T16:59:00Z; 7 days before is 2027-03-07T16:59:00Z.
        let clock = TestClock(ISO8601DateFormatter().date(from: "2027-03-07T16:59:00Z")!)
        try await PlatformDatabase(database).withStore { first in
            let cycle = Cycle(
                year: 2027, schedule: [.init(phase: .nominationsOpen, starts: "2027-01-01", due: "2027-03-14T23:59:00+07:00")], phase: .nominationsOpen,
                timeZone: "Asia/Bangkok")
            try await Programme(store: first, actor: "admin").createCycle(cycle)
            for i in 1...5 {
                try await first.saveAccount(
                    Account(id: "c\(i)", name: "Community \(i)", role: .community, passwordHash: Self.hash, subject: "community-\(i)", email: "c\(i)@example.org"), by: "admin")
            }
            try await first.saveAccount(Account(id: "boss", name: "Organiser", role: .admin, passwordHash: Self.hash, email: "boss@example.org"), by: "admin")
            try await PlatformDatabase(database).withStore { second in
                let servers = [first, second].map { Notifications(store: $0, links: "https://awards.example.org", clock: { clock.now }) }
                for round in 1...3 {
                    async let a = servers[0].remindAsScheduled()
                    async let b = servers[1].remindAsScheduled()
                    let queued = try await a + b
                    #expect(queued == (round == 1 ? 5 : 0), "round \(round)")
                }
                clock.advance(7 * 86_400 + 1)
                async let a = servers[0].remindAsScheduled()
                async let b = servers[1].remindAsScheduled()
                #expect(try await a + b == 1, "one escalation")
                let keys = try await second.outboxEntries(status: nil, limit: 100).map(\.message.dedupeKey)
                #expect(keys.count == 6)
                #expect(Set(keys).count == 6)
                #expect(keys.filter { $0.hasPrefix("reminder/2027/nominations_open/2027-03-14T16:59:00Z/7d/c") }.count == 5)
                #expect(keys.contains("escalation/2027/nominations_open/2027-03-14T16:59:00Z/boss"))
            }
        }
    }

    @Test("`civic cycle phase` queues the phase-open messages the web action queues, with links to the public address")
    func commandLinePhase() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civic-phase-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = ["--database", "p.sqlite"]
        for step in [["cycle", "demo", "--out", "."], ["cycle", "create", "2026", "--settings", "cycle.json"] + database, ["cycle", "import-analysts", "analysts.json"] + database] {
            let result = try await RobustnessCommandTests.civic(step, in: directory)
            try #require(result.status == 0, "civic \(step.joined(separator: " ")): \(result.output)")
        }
        let analyst = try #require(try await SQLiteStore(path: directory + "/p.sqlite").analysts().first?.id)
        try await SQLiteStore(path: directory + "/p.sqlite").saveAccount(
            Account(id: "ana", name: "Ana", role: .analyst, passwordHash: Self.hash, subject: analyst, email: "ana@example.org", language: .fr), by: "admin")
        let moved = try await RobustnessCommandTests.civic(["cycle", "phase", "2026", "smart21_scoring", "--public-url", "https://awards.example.org/"] + database, in: directory)
        try #require(moved.status == 0, "\(moved.output)")
        let again = try await RobustnessCommandTests.civic(["cycle", "phase", "2026", "smart21_scoring"] + database, in: directory)
        #expect(again.status == 0, "setting the phase it is in again queues what is missing: nothing")
        let messages = try await SQLiteStore(path: directory + "/p.sqlite").outboxEntries(status: nil, limit: 10).map(\.message)
        #expect(messages.map(\.dedupeKey) == ["phase-open/2026/smart21_scoring/ana"])
        #expect(messages.first?.recipient == "ana@example.org")
        #expect(messages.first?.subject == "L'évaluation Smart21 des prix 2026 a commencé")
        #expect(messages.first?.body.contains("https://awards.example.org/workspace") == true)
    }
}
