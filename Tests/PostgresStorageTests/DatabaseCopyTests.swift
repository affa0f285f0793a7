import Awards
import Foundation
import GRDB
import PostgresNIO
import Testing
@testable import PostgresStorage
import Storage
import WebApp

/// `civic db copy`: a platform filled through the real APIs in SQLite, copied into a fresh
/// PostgreSQL schema, then compared through a route of its own — plain SQL on both databases,
/// written here, not the copy's table list — and through the stores' behaviour.
@Suite("civic db copy: a whole platform from SQLite into PostgreSQL")
struct DatabaseCopyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The moment the fixture's sessions, tokens and locks are made at.
    static let now = Date(timeIntervalSince1970: 1_795_000_000.25)

    /// What the fixture made, to look for after the copy.
    struct Fixture {
        var liveSession: String
        var expiredSession: String
        var waitingSession: String
        var token: String
    }

    // MARK: The comparison's own reading of each table

    /// Each platform table as this test reads it: the same columns on both sides, in the same
    /// order, booleans as 0/1 and a case study's factors as "a|b" (sorted in Swift afterwards).
    /// Text keys sort by bytes on both sides (SQLite's BINARY, PostgreSQL's "C").
    static let tables: [(name: String, sqlite: String, postgres: String)] = [
        ("cycle", "SELECT year, phase, body FROM cycle ORDER BY year", "SELECT year, phase, body FROM cycle ORDER BY year"),
        ("nomination", "SELECT cycle, id, state, body FROM nomination ORDER BY cycle, id",
         #"SELECT cycle, id, state, body FROM nomination ORDER BY cycle, id COLLATE "C""#),
        ("analyst", "SELECT id, body FROM analyst ORDER BY id", #"SELECT id, body FROM analyst ORDER BY id COLLATE "C""#),
        ("assignment", "SELECT cycle, round, nomination, analyst, manual FROM assignment ORDER BY cycle, round, nomination, analyst",
         #"SELECT cycle, round, nomination, analyst, manual::int FROM assignment ORDER BY cycle, round, nomination COLLATE "C", analyst COLLATE "C""#),
        ("review", "SELECT cycle, round, nomination, analyst, state, body FROM review ORDER BY cycle, round, nomination, analyst",
         #"SELECT cycle, round, nomination, analyst, state, body FROM review ORDER BY cycle, round, nomination COLLATE "C", analyst COLLATE "C""#),
        ("shortlist", "SELECT cycle, name, body FROM shortlist ORDER BY cycle, name",
         #"SELECT cycle, name, body FROM shortlist ORDER BY cycle, name COLLATE "C""#),
        ("ballot", "SELECT cycle, juror, body FROM ballot ORDER BY cycle, juror", #"SELECT cycle, juror, body FROM ballot ORDER BY cycle, juror COLLATE "C""#),
        ("publication", "SELECT cycle, body FROM publication ORDER BY cycle", "SELECT cycle, body FROM publication ORDER BY cycle"),
        ("recognition", "SELECT position, body FROM recognition ORDER BY position", "SELECT position, body FROM recognition ORDER BY position"),
        ("community", "SELECT id, name, body FROM community ORDER BY id", #"SELECT id, name, body FROM community ORDER BY id COLLATE "C""#),
        ("account", "SELECT id, role, body FROM account ORDER BY id", #"SELECT id, role, body FROM account ORDER BY id COLLATE "C""#),
        ("session", "SELECT id, account, expires, body FROM session ORDER BY id", #"SELECT id, account, expires, body FROM session ORDER BY id COLLATE "C""#),
        ("api_token", "SELECT id, account, body FROM api_token ORDER BY id", #"SELECT id, account, body FROM api_token ORDER BY id COLLATE "C""#),
        ("sign_in_failure", "SELECT account, client, failures, locked_until FROM sign_in_failure ORDER BY account, client",
         #"SELECT account, client, failures, locked_until FROM sign_in_failure ORDER BY account COLLATE "C", client COLLATE "C""#),
        ("sign_in_attempt", "SELECT client, at FROM sign_in_attempt ORDER BY client, at",
         #"SELECT client, at FROM sign_in_attempt ORDER BY client COLLATE "C", at"#),
        ("case_study",
         """
         SELECT id, community, community_name, country, state, year,
             coalesce((SELECT group_concat(factor, '|') FROM case_study_factor WHERE case_study = c.key), ''),
             title, summary, prose, body
         FROM case_study c ORDER BY id
         """,
         #"""
         SELECT id, community, community_name, country, state, year, array_to_string(factors, '|'),
             title, summary, prose, body
         FROM case_study ORDER BY id COLLATE "C"
         """#),
        ("outbox",
         "SELECT id, dedupe_key, recipient, language, kind, subject, body, status, attempts, next_attempt, lease_until, claim, last_error, sent_at, queued_at FROM outbox ORDER BY id",
         #"SELECT id, dedupe_key, recipient, language, kind, subject, body, status, attempts, next_attempt, lease_until, claim, last_error, sent_at, queued_at FROM outbox ORDER BY id COLLATE "C""#),
        ("platform_key", "SELECT name, value FROM platform_key ORDER BY name", #"SELECT name, value FROM platform_key ORDER BY name COLLATE "C""#),
        ("audit_log", "SELECT id, at, actor, action, entity, before, after, reason FROM audit_log ORDER BY id",
         "SELECT id, at, actor, action, entity, before, after, reason FROM audit_log ORDER BY id"),
    ]

    /// A value as the comparison sees it.
    enum Cell: Equatable, CustomStringConvertible {
        case null, integer(Int64), real(Double), text(String)
        var description: String {
            switch self {
            case .null: "NULL"
            case .integer(let v): "\(v)"
            case .real(let v): "\(v)r"
            case .text(let v): v.count > 60 ? "'\(v.prefix(60))…'" : "'\(v)'"
            }
        }

        var text: String? {
            if case .text(let v) = self { v } else { nil }
        }
    }

    /// The rows of `sql` on the SQLite file at `path`, opened read-only.
    static func sqliteRows(_ path: String, _ sql: String) throws -> [[Cell]] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: .null
                    case .int64(let v): .integer(v)
                    case .double(let v): .real(v)
                    case .string(let v): .text(v)
                    case .blob(let v): .text("blob \(v.base64EncodedString())")
                    }
                }
            }
        }
    }

    /// The rows of `sql` on PostgreSQL, through the client, not the store's code.
    static func postgresRows(_ client: PostgresClient, _ sql: String) async throws -> [[Cell]] {
        var rows: [[Cell]] = []
        for try await row in try await client.query(PostgresQuery(unsafeSQL: sql)) {
            rows.append(try row.map { cell in
                if cell.bytes == nil { return .null }
                switch cell.dataType {
                case .int8: return .integer(try cell.decode(Int64.self))
                case .int4: return .integer(Int64(try cell.decode(Int32.self)))
                case .float8: return .real(try cell.decode(Double.self))
                case .text, .varchar: return .text(try cell.decode(String.self))
                default: throw PostgresUnavailable(detail: "unexpected column type \(cell.dataType) in \(sql)")
                }
            })
        }
        return rows
    }

    /// The case study rows with their factors sorted, as sets.
    static func normalised(_ table: String, _ rows: [[Cell]]) -> [[Cell]] {
        guard table == "case_study" else { return rows }
        return rows.map { row in
            var row = row
            if case .text(let factors) = row[6] { row[6] = .text(factors.split(separator: "|").map(String.init).sorted().joined(separator: "|")) }
            return row
        }
    }

    // MARK: Fixtures

    /// A temporary SQLite path, removed with its companions afterwards.
    static func withTemporaryPath<T>(_ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-copy-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        return try await body(path)
    }

    /// A fresh schema on the test server for a copy to fill, dropped afterwards.
    static func withTarget<T>(_ body: (PostgresLocation) async throws -> T) async throws -> T {
        let location = try freshPostgresLocation()
        do {
            let value = try await body(location)
            try await dropSchema(location)
            return value
        } catch {
            try? await dropSchema(location)
            throw error
        }
    }

    static func dropSchema(_ location: PostgresLocation) async throws {
        let store = PostgresPlatformStore(location: location, connections: 1)
        try await store.client.whileRunning {
            _ = try await store.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(location.quotedSchema) CASCADE"))
        }
    }

    /// Fills the SQLite platform through the stores' APIs: the demo (record, a cycle run to its
    /// winner, case studies, an open cycle, one account per role), then live, expired and
    /// half-finished sessions, a used API token, a locked and a counting sign-in failure, a hand-made
    /// assignment, an amended review with its reason and a draft case study.
    static func fill(_ store: SQLiteStore) async throws -> Fixture {
        _ = try await DemoPlatform.load(
            into: store, record: try RecognitionRecord.read(path: root + "/Examples/awards-history/recognitions.csv"),
            published: DemoCycle(nominations: 40, analysts: 12, jurors: 5), bcryptCost: 4)
        let now = Self.now
        let fixture = Fixture(
            liveSession: String(repeating: "a", count: 64), expiredSession: String(repeating: "b", count: 64),
            waitingSession: String(repeating: "c", count: 64), token: String(repeating: "d", count: 64))
        try await store.createSession(Session(
            id: fixture.liveSession, account: "admin", csrfToken: "csrf-live", created: now, expires: now.addingTimeInterval(3600.5), waitingFor: nil))
        try await store.createSession(Session(
            id: fixture.waitingSession, account: "juror", csrfToken: "csrf-wait", created: now, expires: now.addingTimeInterval(600), waitingFor: .secondFactor))
        // Made last, from before its own expiry, so no new session sweeps it away.
        try await store.createSession(Session(
            id: fixture.expiredSession, account: "analyst", csrfToken: "csrf-old", created: now.addingTimeInterval(-7200),
            expires: now.addingTimeInterval(-3600), waitingFor: nil))
        try await store.createToken(APIToken(id: fixture.token, account: "admin", label: "nightly export", scopes: [.read], created: now), by: "admin")
        try await store.recordTokenUse(fixture.token, at: now.addingTimeInterval(5))
        #expect(try await store.recordFailedSignIn("analyst", client: "203.0.113.7", at: now, limit: 2, lockFor: 900) == false)
        #expect(try await store.recordFailedSignIn("analyst", client: "203.0.113.7", at: now, limit: 2, lockFor: 900) == true)
        #expect(try await store.recordFailedSignIn("juror", client: "198.51.100.2", at: now, limit: 5, lockFor: 900) == false)
        for second in 0..<2 {
            #expect(try await store.recordAttempt(client: "203.0.113.7", at: now.addingTimeInterval(Double(second)), limit: 30, window: 600))
        }
        let walk = DemoPlatform.walkthroughCycle()
        try await store.replaceAssignments(
            [Assignment(nomination: walk.nominations[1].id, analyst: "A-101", manual: true), Assignment(nomination: walk.nominations[2].id, analyst: "A-101")],
            cycle: walk.cycle.year, round: 1, by: "admin")
        let submitted = try #require(try await store.reviews(cycle: 2026, round: 1).first { $0.state == .submitted })
        try await store.saveReview(submitted, cycle: 2026, by: "admin", reason: "a score typed into the wrong row — «corrected»")
        try await store.saveCaseStudy(
            CaseStudy(
                id: "draft-ha-noi", communityName: "Hà Nội (synthetic)", country: "Viet Nam", title: "Municipal Wi-Fi in Hà Nội",
                summary: "Draft.", body: "Street cabinets and a co-operative.", factors: ["Work", "Connect", "Include"], year: 2026, author: "editor"),
            by: "editor")
        // Messages in every state a copy can meet: sent, waiting after a failure, and queued.
        try await store.queue(
            (1...3).map { MailMessage(recipient: "p\($0)@example.org", language: .vi, kind: "results", subject: "Kết quả \($0)", body: "Xin chào\n.", dedupeKey: "results/2026/p\($0)") },
            at: now)
        let claimed = try await store.claimDue(at: now, limit: 2, lease: 600)
        try await store.recordSent(claimed[0], at: now.addingTimeInterval(1))
        try await store.recordFailure(claimed[1], error: "451 4.3.0 try later", retryAt: now.addingTimeInterval(60))
        _ = try await store.signingKey("reminder-opt-out", proposed: "a key")
        return fixture
    }

    /// The platform tables of the SQLite file, by its own catalogue; the FTS5 index and the
    /// factor table (copied as each case study's factors) aside.
    static func sqliteTables(_ path: String) throws -> Set<String> {
        Set(try sqliteRows(path, """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_study_text%'
                AND name NOT IN ('grdb_migrations', 'case_study_factor')
            """).compactMap { $0[0].text })
    }

    /// Runs `sql` on the SQLite file at `path` with plain GRDB, outside the store.
    static func rawWrite(_ path: String, _ sql: String, configuration: Configuration = Configuration()) throws {
        try DatabaseQueue(path: path, configuration: configuration).write { try $0.execute(sql: sql) }
    }

    /// The number of rows in every platform table of the schema.
    static func postgresCounts(_ client: PostgresClient) async throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in tables.map(\.name) {
            if case .integer(let n) = try await postgresRows(client, "SELECT count(*) FROM \(table)")[0][0] { counts[table] = n }
        }
        return counts
    }

    // MARK: Tests

    @Test("every table is copied row by row, the audit log keeps its ids and order, and the copy adds one entry")
    func copiesEveryRow() async throws {
        try await Self.withTemporaryPath { path in
            _ = try await Self.fill(try SQLiteStore(path: path))
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            try await Self.withTarget { location in
                let report = try await PlatformCopy.run(from: path, to: location, actor: "migrator")
                // The file is left as it was, byte for byte.
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
                try await withPlatformStore(at: location) { target in
                    // The comparison covers every table of both schemas.
                    #expect(try Self.sqliteTables(path) == Set(Self.tables.map(\.name)))
                    let postgresTables = try await Self.postgresRows(target.client, """
                        SELECT table_name::text FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'
                        """)
                    #expect(Set(postgresTables.compactMap { $0[0].text }) == Set(Self.tables.map(\.name)))

                    var counts: [String: Int] = [:]
                    for table in Self.tables {
                        let sqlite = Self.normalised(table.name, try Self.sqliteRows(path, table.sqlite))
                        var postgres = Self.normalised(table.name, try await Self.postgresRows(target.client, table.postgres))
                        #expect(!sqlite.isEmpty, "the fixture leaves \(table.name) empty")
                        counts[table.name] = sqlite.count
                        if table.name == "audit_log" {
                            // The copy's own entry comes last, right after the copied ones.
                            guard let copy = postgres.popLast() else { Issue.record("the copy's entry is missing"); continue }
                            guard case .integer(let lastID) = try #require(sqlite.last)[0] else { Issue.record("no audit id"); continue }
                            #expect(copy[0] == .integer(lastID + 1))
                            #expect(Array(copy[2...4]) == [.text("migrator"), .text("copy"), .text("platform")])
                            #expect(copy[5] == .null && copy[7] == .null)
                            #expect(report.entry.id == lastID + 1)
                            guard case .text(let after) = copy[6] else { Issue.record("the copy's entry has no after"); continue }
                            counts["audit_log"] = sqlite.count
                            let recorded = try JSONDecoder().decode([String: Int].self, from: Data(after.utf8))
                            #expect(recorded.count == Self.tables.count)
                            for (name, n) in recorded { #expect(try Self.sqliteRows(path, "SELECT count(*) FROM \(name)") == [[.integer(Int64(n))]]) }
                        }
                        #expect(sqlite.count == postgres.count, "\(table.name): \(sqlite.count) rows in SQLite, \(postgres.count) in PostgreSQL")
                        for (index, (left, right)) in zip(sqlite, postgres).enumerated() where left != right {
                            Issue.record("\(table.name), row \(index + 1): SQLite \(left), PostgreSQL \(right)")
                            break
                        }
                    }
                    #expect(report.rows.map(\.table) == Self.tables.map(\.name))
                    #expect(Dictionary(uniqueKeysWithValues: report.rows.map { ($0.table, $0.rows) }) == counts)
                }
            }
        }
    }

    @Test("the copy behaves as the original: sessions, tokens, locks, the programme, the library, and the audit sequence")
    func behavesTheSame() async throws {
        try await Self.withTemporaryPath { path in
            let source = try SQLiteStore(path: path)
            let fixture = try await Self.fill(source)
            try await Self.withTarget { location in
                _ = try await PlatformCopy.run(from: path, to: location, actor: "admin")
                try await withPlatformStore(at: location) { target in
                    let now = Self.now
                    // Signed-in browsers stay signed in; ended and half-finished sessions stay so.
                    let live = try #require(try await target.session(fixture.liveSession, at: now))
                    #expect(live == (try await source.session(fixture.liveSession, at: now)))
                    #expect(try await target.session(fixture.liveSession, at: now.addingTimeInterval(3600.4)) != nil)
                    #expect(try await target.session(fixture.liveSession, at: now.addingTimeInterval(3600.5)) == nil)
                    #expect(try await target.session(fixture.expiredSession, at: now) == nil)
                    #expect(try await target.session(fixture.waitingSession, at: now)?.waitingFor == .secondFactor)
                    // The same tokens, with their last use.
                    let token = try #require(try await target.token(fixture.token))
                    #expect(token == (try await source.token(fixture.token)))
                    #expect(token.lastUsed == now.addingTimeInterval(5))
                    // The same locks and counts: one more failure from the counting address locks it.
                    #expect(try await target.isLocked("analyst", client: "203.0.113.7", at: now))
                    #expect(try await target.lockedAddresses(at: now) == (try await source.lockedAddresses(at: now)))
                    #expect(try await target.isLocked("analyst", client: "203.0.113.7", at: now.addingTimeInterval(901)) == false)
                    // The programme reads the same.
                    #expect(try await target.cycles() == (try await source.cycles()))
                    for year in [2026, 2027] {
                        #expect(try await target.nominations(cycle: year) == (try await source.nominations(cycle: year)))
                        #expect(try await target.ballots(cycle: year) == (try await source.ballots(cycle: year)))
                        #expect(try await target.publication(cycle: year) == (try await source.publication(cycle: year)))
                        for round in [1, 2] {
                            #expect(try await target.assignments(cycle: year, round: round) == (try await source.assignments(cycle: year, round: round)))
                            #expect(try await target.reviews(cycle: year, round: round) == (try await source.reviews(cycle: year, round: round)))
                        }
                    }
                    #expect(try await target.assignments(cycle: 2027, round: 1).contains { $0.manual })
                    #expect(try await target.analysts() == (try await source.analysts()))
                    #expect(try await target.communities().map(\.id) == (try await source.communities().map(\.id)))
                    #expect(try await target.recognitions() == (try await source.recognitions()))
                    #expect(try await target.accounts() == (try await source.accounts()))
                    // The library finds the same case studies, drafts and factors included.
                    for query in ["fibre", "apprenticeship", "co-operative", "maker space", "synthetic", "ha noi", "wi-fi"] {
                        for filter in [LibraryFilter.published, .all] {
                            let found = Set(try await target.search(query, filter: filter, limit: 100).map(\.caseStudy.id))
                            #expect(found == Set(try await source.search(query, filter: filter, limit: 100).map(\.caseStudy.id)), "\(query)")
                            #expect(!found.isEmpty || filter == .published, "\(query) finds nothing")
                        }
                    }
                    for factor in ["Connect", "Work", "Include", "Innovate"] {
                        let filter = LibraryFilter(includeDrafts: true, factor: factor)
                        #expect(try await target.caseStudies(filter).map(\.id) == (try await source.caseStudies(filter).map(\.id)))
                    }
                    // The audit log reads the same up to the copy, and goes on after it.
                    let sourceLog = try await source.auditLog(entity: nil, limit: 1_000_000)
                    let targetLog = try await target.auditLog(entity: nil, limit: 1_000_000)
                    #expect(Array(targetLog.dropFirst()) == sourceLog)
                    let last = try #require(sourceLog.first).id
                    #expect(targetLog.first?.id == last + 1)
                    try await target.createCycle(Cycle(year: 2031), by: "admin")
                    #expect(try await target.auditLog(entity: nil, limit: 1).first?.id == last + 2)
                    // And so do sign-in failures.
                    #expect(try await target.recordFailedSignIn("juror", client: "198.51.100.2", at: now, limit: 2, lockFor: 60) == true)
                }
            }
        }
    }

    @Test(
        "a copy that fails midway leaves nothing behind",
        arguments: [
            // A session of an account that does not exist: written after the programme and the
            // accounts, refused by PostgreSQL's foreign key.
            "INSERT INTO session (id, account, expires, body) VALUES ('orphan', 'nobody', 4102444800.0, '{}')",
            // A NUL character, which SQLite keeps and PostgreSQL's text refuses, in the last table.
            "INSERT INTO audit_log (at, actor, action, entity, reason) VALUES ('2026-11-30T00:00:00Z', 'admin', 'note', 'x', 'a' || char(0) || 'b')",
        ])
    func allOrNothing(_ fault: String) async throws {
        try await Self.withTemporaryPath { path in
            _ = try await Self.fill(try SQLiteStore(path: path))
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            try Self.rawWrite(path, fault, configuration: configuration)
            try await Self.withTarget { location in
                let error = await #expect(throws: AwardsError.self) { try await PlatformCopy.run(from: path, to: location, actor: "admin") }
                #expect(error?.kind == .storage)
                #expect(error?.message.contains("nothing was copied") == true, "\(error?.description ?? "")")
                try await withPlatformStore(at: location) { target in
                    #expect(try await Self.postgresCounts(target.client).values.allSatisfy { $0 == 0 })
                    // A copy of a sound file then succeeds, with ids as in the file.
                    try await Self.withTemporaryPath { clean in
                        _ = try await Self.fill(try SQLiteStore(path: clean))
                        let report = try await PlatformCopy.run(from: clean, to: location, actor: "admin")
                        let lastID = try #require(try await SQLiteStore(path: clean).auditLog(entity: nil, limit: 1).first).id
                        #expect(report.entry.id == lastID + 1)
                    }
                }
            }
        }
    }

    @Test(
        "a target with any platform row is refused, named without its password, and left untouched",
        arguments: ["cycle", "audit_log"])
    func nonEmptyTarget(_ filled: String) async throws {
        try await Self.withTemporaryPath { path in
            _ = try await Self.fill(try SQLiteStore(path: path))
            try await Self.withTarget { location in
                try await withPlatformStore(at: location) { target in
                    if filled == "cycle" {
                        try await target.createCycle(Cycle(year: 2020), by: "someone")
                    } else {
                        try await target.client.query("INSERT INTO audit_log (at, actor, action, entity) VALUES ('2020-01-01T00:00:00Z', 'x', 'note', 'x')")
                    }
                }
                let error = await #expect(throws: AwardsError.self) { try await PlatformCopy.run(from: path, to: location, actor: "admin") }
                let message = error?.description ?? ""
                #expect(message.contains(location.redacted))
                #expect(message.contains("the table \(filled) has rows"))
                #expect(location.password != nil && !message.contains(":\(location.password ?? "")@"))
                try await withPlatformStore(at: location) { target in
                    let counts = try await Self.postgresCounts(target.client)
                    #expect(counts.filter { $0.value > 0 }.keys.sorted() == (filled == "cycle" ? ["audit_log", "cycle"] : ["audit_log"]))
                    #expect(counts["audit_log"] == 1)
                    #expect(try await target.auditLog(entity: nil, limit: 5).map(\.actor) == [filled == "cycle" ? "someone" : "x"])
                }
            }
        }
    }

    @Test("a missing source is refused and not created; nothing connects to the target")
    func missingSource() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-missing-\(UUID().uuidString).sqlite").path
        let location = try freshPostgresLocation()
        let error = await #expect(throws: AwardsError.self) { try await PlatformCopy.run(from: path, to: location, actor: "admin") }
        #expect(error?.file == path)
        #expect(error?.kind == .unreadableFile)
        #expect(error?.description.contains("no such file") == true)
        for suffix in ["", "-wal", "-shm", "-journal"] { #expect(!FileManager.default.fileExists(atPath: path + suffix)) }
        // The source is read before anything else: the target schema was never created.
        let server = PostgresPlatformStore(location: location, connections: 1)
        try await server.client.whileRunning {
            let schemas = try await Self.postgresRows(server.client, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '\(location.schema)'")
            #expect(schemas == [[.integer(0)]])
        }
    }

    enum Source: String, CaseIterable, CustomTestStringConvertible {
        case text, empty, otherSchema, olderSchema, newerSchema
        var testDescription: String { rawValue }
    }

    @Test("a source that is not a platform's SQLite file is refused, named, and left as it was", arguments: Source.allCases)
    func notAPlatform(_ kind: Source) async throws {
        try await Self.withTemporaryPath { path in
            var expected: String
            switch kind {
            case .text:
                try Data(String(repeating: "not a database\n", count: 300).utf8).write(to: URL(fileURLWithPath: path))
                expected = "is not an SQLite database"
            case .empty:
                try Data().write(to: URL(fileURLWithPath: path))
                expected = "not a Civic Index platform"
            case .otherSchema:
                try Self.rawWrite(path, "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hello')")
                expected = "not a Civic Index platform"
            case .olderSchema:
                _ = try SQLiteStore(path: path)
                try Self.rawWrite(path, "DELETE FROM grdb_migrations WHERE identifier LIKE 'v6:%'")
                expected = "older platform schema"
            case .newerSchema:
                _ = try SQLiteStore(path: path)
                try Self.rawWrite(path, "INSERT INTO grdb_migrations VALUES ('v99: tomorrow')")
                expected = "newer civic"
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let location = try freshPostgresLocation()
            let error = await #expect(throws: AwardsError.self) { try await PlatformCopy.run(from: path, to: location, actor: "admin") }
            #expect(error?.file == path)
            #expect(error?.message.contains(expected) == true, "\(error?.description ?? "")")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    /// How long a platform with a long audit log takes to copy: `CIVIC_COPY_BENCH=50000` runs it.
    @Test(
        "timing: a platform with a long audit log",
        .enabled(if: ProcessInfo.processInfo.environment["CIVIC_COPY_BENCH"] != nil))
    func timing() async throws {
        let entries = Int(ProcessInfo.processInfo.environment["CIVIC_COPY_BENCH"] ?? "") ?? 50_000
        try await Self.withTemporaryPath { path in
            let store = try SQLiteStore(path: path)
            _ = try await Self.fill(store)
            let filled = try #require(try await store.auditLog(entity: nil, limit: 1).first).id
            // Communities saved again and again, a thousand a transaction, as a network import does.
            let needed = max(0, entries - Int(filled))
            for round in 0..<((needed + 999) / 1000) {
                let batch = min(1000, needed - round * 1000)
                try await store.saveCommunities(
                    (0..<batch).map { Community(name: "Town \($0) (synthetic)", country: "Canada", population: round * 1000 + $0) }, by: "system")
            }
            let total = try #require(try await store.auditLog(entity: nil, limit: 1).first).id
            let reading = ContinuousClock().measure { _ = try? SQLiteStore.exportPlatform(path: path) }
            try await Self.withTarget { location in
                let report = try await PlatformCopy.run(from: path, to: location, actor: "admin")
                let rows = report.rows.reduce(0) { $0 + $1.rows }
                print("copy timing: \(total) audit entries, \(rows) rows in all, copied in \(report.duration) (reading the file alone: \(reading))")
                #expect(report.entry.id == total + 1)
            }
        }
    }
}
