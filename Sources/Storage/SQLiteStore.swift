import Awards
import Foundation
import GRDB

/// The programme's data in one SQLite file: WAL mode, foreign keys, migrations, and an
/// append-only audit log written in the same transaction as every change.
///
/// Domain values are stored as canonical JSON beside the key columns that queries and foreign
/// keys need, so a new field of a domain type needs no migration of its own.
public final class SQLiteStore: AwardsStore {
    let database: DatabasePool
    let clock: @Sendable () -> Date
    /// The values last decoded from the stored texts of cycles, tokens and accounts
    /// (`DecodedValues`: the rows are still read every time).
    let decodedCycles = DecodedValues<Int, Cycle>(capacity: 64)
    let decodedTokens = DecodedValues<String, APIToken>()
    let decodedAccounts = DecodedValues<String, Account>()

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    ///
    /// - Parameter clock: the time stamps of audit entries; the system clock by default.
    public init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws(AwardsError) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(database)
        } catch {
            throw AwardsError(.storage, "cannot open the database (\(error))", file: path)
        }
        self.clock = clock
    }

    // MARK: Cycles

    public func createCycle(_ cycle: Cycle, by actor: String) async throws(AwardsError) {
        try await write("create", "cycle:\(cycle.year)", by: actor) { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM cycle WHERE year = ?", arguments: [cycle.year]) == nil else {
                throw AwardsError(.duplicate, "the cycle \(cycle.year) already exists", field: "year")
            }
            try db.execute(sql: "INSERT INTO cycle (year, phase, body) VALUES (?, ?, ?)", arguments: [cycle.year, cycle.phase.rawValue, try JSON.encode(cycle)])
            return (nil, try JSON.encode(cycle))
        }
    }

    public func updateCycle(_ cycle: Cycle, by actor: String) async throws(AwardsError) {
        try await write("update", "cycle:\(cycle.year)", by: actor) { db in
            let before = try self.body(db, "SELECT body FROM cycle WHERE year = ?", [cycle.year], missing: "the cycle \(cycle.year)")
            try db.execute(sql: "UPDATE cycle SET phase = ?, body = ? WHERE year = ?", arguments: [cycle.phase.rawValue, try JSON.encode(cycle), cycle.year])
            return (before, try JSON.encode(cycle))
        }
    }

    public func cycle(_ year: Int) async throws(AwardsError) -> Cycle {
        let body = try await read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM cycle WHERE year = ?"), arguments: [year])
        }
        guard let body else { throw AwardsError(.unknownReference, "the cycle \(year) does not exist") }
        return try decodedCycles.decode(body, key: year)
    }

    public func cycles() async throws(AwardsError) -> [Cycle] {
        try await read { db in try String.fetchAll(db, sql: "SELECT body FROM cycle ORDER BY year").map { try JSON.decode(Cycle.self, $0) } }
    }

    // MARK: Nominations

    public func saveNominations(_ nominations: [Nomination], cycle: Int, by actor: String) async throws(AwardsError) {
        try await transaction(by: actor) { db, log in
            try self.requireCycle(db, cycle)
            try self.save(nominations, cycle: cycle, db, log)
        }
    }

    /// Checks the cycle in the write's own transaction: SQLite has one writer at a time, so the
    /// cycle checked is the one the nominations are saved in.
    public func saveNominations(
        _ nominations: [Nomination], cycle year: Int, by actor: String, checking check: @Sendable (Cycle) throws(AwardsError) -> Void
    ) async throws(AwardsError) {
        try await transaction(by: actor) { db, log in
            guard let body = try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM cycle WHERE year = ?"), arguments: [year]) else {
                throw AwardsError(.unknownReference, "the cycle \(year) does not exist")
            }
            try check(try self.decodedCycles.decode(body, key: year))
            try self.save(nominations, cycle: year, db, log)
        }
    }

    /// Adds or replaces nominations of an existing cycle, each with its audit entry.
    private func save(_ nominations: [Nomination], cycle: Int, _ db: Database, _ log: AuditLogger) throws {
        for nomination in nominations {
            let body = try JSON.encode(nomination)
            let before = try String.fetchOne(
                db.cachedStatement(sql: "SELECT body FROM nomination WHERE cycle = ? AND id = ?"), arguments: [cycle, nomination.id])
            try db.cachedStatement(
                sql: """
                    INSERT INTO nomination (cycle, id, state, body) VALUES (?, ?, ?, ?)
                    ON CONFLICT (cycle, id) DO UPDATE SET state = excluded.state, body = excluded.body
                    """
            ).execute(arguments: [cycle, nomination.id, nomination.state.rawValue, body])
            try log("save", "nomination:\(nomination.id)", before, body, nil)
        }
    }

    public func nominations(cycle: Int) async throws(AwardsError) -> [Nomination] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT body FROM nomination WHERE cycle = ? ORDER BY id", arguments: [cycle]).map { try JSON.decode(Nomination.self, $0) }
        }
    }

    // MARK: Analysts and assignments

    public func saveAnalyst(_ analyst: Analyst, by actor: String) async throws(AwardsError) {
        try await upsert(
            "analyst:\(analyst.id)", by: actor,
            select: ("SELECT body FROM analyst WHERE id = ?", [analyst.id]),
            insert: "INSERT INTO analyst (id, body) VALUES (?, ?)",
            update: "UPDATE analyst SET body = ? WHERE id = ?",
            keys: [analyst.id], columns: [], value: analyst, cycle: nil)
    }

    public func analysts() async throws(AwardsError) -> [Analyst] {
        try await read { db in try String.fetchAll(db, sql: "SELECT body FROM analyst ORDER BY id").map { try JSON.decode(Analyst.self, $0) } }
    }

    public func replaceAssignments(_ assignments: [Assignment], cycle: Int, round: Int, by actor: String) async throws(AwardsError) {
        try await write("replace", "assignments:\(cycle):\(round)", by: actor) { db in
            try self.requireCycle(db, cycle)
            let before = try self.assignments(db, cycle: cycle, round: round)
            try db.execute(sql: "DELETE FROM assignment WHERE cycle = ? AND round = ?", arguments: [cycle, round])
            for a in assignments {
                do {
                    try db.execute(
                        sql: "INSERT INTO assignment (cycle, round, nomination, analyst, manual) VALUES (?, ?, ?, ?, ?)",
                        arguments: [cycle, round, a.nomination, a.analyst, a.manual])
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    throw AwardsError(.unknownReference, "the assignment of \(a.analyst) to \(a.nomination) names an unknown nomination or analyst, or repeats a pair", field: "assignments")
                }
            }
            return (try JSON.encode(before), try JSON.encode(assignments))
        }
    }

    public func assignments(cycle: Int, round: Int) async throws(AwardsError) -> [Assignment] {
        try await read { db in try self.assignments(db, cycle: cycle, round: round) }
    }

    private func assignments(_ db: Database, cycle: Int, round: Int) throws -> [Assignment] {
        try Row.fetchAll(db, sql: "SELECT nomination, analyst, manual FROM assignment WHERE cycle = ? AND round = ? ORDER BY nomination, analyst", arguments: [cycle, round])
            .map { Assignment(nomination: $0["nomination"], analyst: $0["analyst"], manual: $0["manual"]) }
    }

    // MARK: Reviews

    public func saveReviews(_ reviews: [Review], cycle: Int, by actor: String, reason: String?) async throws(AwardsError) {
        try await transaction(by: actor) { db, log in
            try self.requireCycle(db, cycle)
            for review in reviews {
                let entity = "review:\(cycle):\(review.round):\(review.nomination):\(review.analyst)"
                let before = try String.fetchOne(
                    db, sql: "SELECT body FROM review WHERE cycle = ? AND round = ? AND nomination = ? AND analyst = ?",
                    arguments: [cycle, review.round, review.nomination, review.analyst])
                if let before, try JSON.decode(Review.self, before).state == .submitted, reason == nil {
                    throw AwardsError(.invalidState, "the review of \(review.nomination) by \(review.analyst) is submitted and locked; an admin can change it with a reason", field: "state")
                }
                let body = try JSON.encode(review)
                do {
                    try db.execute(
                        sql: """
                            INSERT INTO review (cycle, round, nomination, analyst, state, body) VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (cycle, round, nomination, analyst) DO UPDATE SET state = excluded.state, body = excluded.body
                            """,
                        arguments: [cycle, review.round, review.nomination, review.analyst, review.state.rawValue, body])
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    throw AwardsError(.unknownReference, "the review names an unknown nomination or analyst (\(review.nomination), \(review.analyst))", field: "review")
                }
                try log(reason == nil ? "save" : "amend", entity, before, body, reason)
            }
        }
    }

    public func reviews(cycle: Int, round: Int) async throws(AwardsError) -> [Review] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT body FROM review WHERE cycle = ? AND round = ? ORDER BY nomination, analyst", arguments: [cycle, round])
                .map { try JSON.decode(Review.self, $0) }
        }
    }

    // MARK: Shortlists, ballots, publication

    public func saveShortlist(_ shortlist: Shortlist, name: String, cycle: Int, by actor: String) async throws(AwardsError) {
        try await upsert(
            "shortlist:\(cycle):\(name)", by: actor,
            select: ("SELECT body FROM shortlist WHERE cycle = ? AND name = ?", [cycle, name]),
            insert: "INSERT INTO shortlist (cycle, name, body) VALUES (?, ?, ?)",
            update: "UPDATE shortlist SET body = ? WHERE cycle = ? AND name = ?",
            keys: [cycle, name], columns: [], value: shortlist, cycle: cycle)
    }

    public func shortlist(_ name: String, cycle: Int) async throws(AwardsError) -> Shortlist? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT body FROM shortlist WHERE cycle = ? AND name = ?", arguments: [cycle, name]).map { try JSON.decode(Shortlist.self, $0) }
        }
    }

    public func saveBallot(_ ballot: Ballot, cycle: Int, by actor: String) async throws(AwardsError) {
        try await upsert(
            "ballot:\(cycle):\(ballot.juror)", by: actor,
            select: ("SELECT body FROM ballot WHERE cycle = ? AND juror = ?", [cycle, ballot.juror]),
            insert: "INSERT INTO ballot (cycle, juror, body) VALUES (?, ?, ?)",
            update: "UPDATE ballot SET body = ? WHERE cycle = ? AND juror = ?",
            keys: [cycle, ballot.juror], columns: [], value: ballot, cycle: cycle)
    }

    public func ballots(cycle: Int) async throws(AwardsError) -> [Ballot] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT body FROM ballot WHERE cycle = ? ORDER BY juror", arguments: [cycle]).map { try JSON.decode(Ballot.self, $0) }
        }
    }

    public func savePublication(_ publication: Publication, cycle: Int, by actor: String) async throws(AwardsError) {
        try await upsert(
            "publication:\(cycle)", by: actor,
            select: ("SELECT body FROM publication WHERE cycle = ?", [cycle]),
            insert: "INSERT INTO publication (cycle, body) VALUES (?, ?)",
            update: "UPDATE publication SET body = ? WHERE cycle = ?",
            keys: [cycle], columns: [], value: publication, cycle: cycle)
    }

    public func publication(cycle: Int) async throws(AwardsError) -> Publication? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT body FROM publication WHERE cycle = ?", arguments: [cycle]).map { try JSON.decode(Publication.self, $0) }
        }
    }

    // MARK: Communities, recognitions and the audit log

    public func saveCommunities(_ communities: [Community], by actor: String) async throws(AwardsError) {
        try await transaction(by: actor) { db, log in
            for community in communities {
                let body = try JSON.encode(community)
                let before = try String.fetchOne(db, sql: "SELECT body FROM community WHERE id = ?", arguments: [community.id])
                try db.execute(
                    sql: "INSERT INTO community (id, name, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body",
                    arguments: [community.id, community.name, body])
                try log("save", "community:\(community.id)", before, body, nil)
            }
        }
    }

    public func communities() async throws(AwardsError) -> [Community] {
        try await read { db in try String.fetchAll(db, sql: "SELECT body FROM community ORDER BY name, id").map { try JSON.decode(Community.self, $0) } }
    }

    public func replaceRecognitions(_ recognitions: [Recognition], by actor: String) async throws(AwardsError) {
        try await write("replace", "recognitions", by: actor) { db in
            let before = try String.fetchAll(db, sql: "SELECT body FROM recognition ORDER BY position").count
            try db.execute(sql: "DELETE FROM recognition")
            for (i, r) in recognitions.enumerated() {
                try db.execute(sql: "INSERT INTO recognition (position, body) VALUES (?, ?)", arguments: [i, try JSON.encode(r)])
            }
            return ("{\"count\":\(before)}", "{\"count\":\(recognitions.count)}")
        }
    }

    public func recognitions() async throws(AwardsError) -> [Recognition] {
        try await read { db in try String.fetchAll(db, sql: "SELECT body FROM recognition ORDER BY position").map { try JSON.decode(Recognition.self, $0) } }
    }

    public func auditLog(_ query: AuditQuery) async throws(AwardsError) -> AuditPage {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let entity = query.entity {
                conditions.append("entity LIKE ? ESCAPE '\\'")
                arguments += [Self.likePrefix(entity)]
            }
            for (condition, value) in [("actor = ?", query.actor), ("at >= ?", query.from), ("at < ?", query.before)] {
                if let value {
                    conditions.append(condition)
                    arguments += [value]
                }
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log" + filter, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log\(filter) ORDER BY id DESC LIMIT ? OFFSET ?", arguments: arguments + [max(0, query.limit), max(0, query.offset)])
            let entries = rows.map {
                AuditEntry(id: $0["id"], at: $0["at"], actor: $0["actor"], action: $0["action"], entity: $0["entity"], before: $0["before"], after: $0["after"], reason: $0["reason"])
            }
            return AuditPage(entries: entries, total: total)
        }
    }

    // MARK: Plumbing

    /// Writes an audit entry: action, entity, before, after, reason.
    typealias AuditLogger = (String, String, String?, String?, String?) throws -> Void

    /// Runs changes and their audit entries in one transaction, waiting for the writer without
    /// holding a thread: all or none. Returns what `changes` returns.
    @discardableResult
    func transaction<T: Sendable>(by actor: String, _ changes: @Sendable (Database, AuditLogger) throws -> T) async throws(AwardsError) -> T {
        let at = try auditTime(by: actor)
        do {
            return try await database.write { db in try changes(db, Self.auditLogger(db, at: at, actor: actor)) }
        } catch {
            throw Self.storageError(error, "the change failed")
        }
    }

    /// Runs one change and its audit entry in one transaction, without holding a thread.
    func write(
        _ action: String, _ entity: String, by actor: String, reason: String? = nil,
        _ change: @Sendable (Database) throws -> (before: String?, after: String?)
    ) async throws(AwardsError) {
        try await transaction(by: actor) { db, log in
            let (before, after) = try change(db)
            try log(action, entity, before, after, reason)
        }
    }

    /// The time stamp of the audit entries of a change by `actor`; a change needs an actor.
    private func auditTime(by actor: String) throws(AwardsError) -> String {
        guard !actor.isEmpty else { throw AwardsError(.invalidValue, "every change needs an actor", field: "actor") }
        return clock().formatted(.iso8601)
    }

    /// Appends audit entries by `actor` at `at` inside the transaction of `db`.
    private static func auditLogger(_ db: Database, at: String, actor: String) -> AuditLogger {
        { action, entity, before, after, reason in
            try db.cachedStatement(sql: "INSERT INTO audit_log (at, actor, action, entity, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .execute(arguments: [at, actor, action, entity, before, after, reason])
        }
    }

    /// `error` as the store reports it: an `AwardsError` as it is, anything else (GRDB's errors,
    /// cancellation) as a storage failure saying what failed.
    private static func storageError(_ error: any Error, _ what: String) -> AwardsError {
        (error as? AwardsError) ?? AwardsError(.storage, "\(what) (\(error))")
    }

    /// Inserts or updates one JSON-bodied row, auditing the change.
    func upsert<Value: Encodable & Sendable>(
        _ entity: String, by actor: String, select: (String, [any DatabaseValueConvertible & Sendable]), insert: String, update: String,
        keys: [any DatabaseValueConvertible & Sendable], columns: [any DatabaseValueConvertible & Sendable], value: Value, cycle: Int?
    ) async throws(AwardsError) {
        try await write("save", entity, by: actor) { db in
            if let cycle { try self.requireCycle(db, cycle) }
            let body = try JSON.encode(value)
            let before = try String.fetchOne(db, sql: select.0, arguments: StatementArguments(select.1))
            if before == nil {
                try db.execute(sql: insert, arguments: StatementArguments(keys + columns + [body]))
            } else {
                try db.execute(sql: update, arguments: StatementArguments(columns + [body] + keys))
            }
            return (before, body)
        }
    }

    /// Runs reads in one read-only transaction of the pool: it never waits for a writer (WAL),
    /// and waits for a free reader without holding a thread.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws(AwardsError) -> T {
        do {
            return try await database.read(body)
        } catch {
            throw Self.storageError(error, "reading failed")
        }
    }

    func body(_ db: Database, _ sql: String, _ arguments: [any DatabaseValueConvertible & Sendable], missing: String) throws -> String {
        guard let body = try String.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) else {
            throw AwardsError(.unknownReference, "\(missing) does not exist")
        }
        return body
    }

    func requireCycle(_ db: Database, _ year: Int) throws {
        guard try Row.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM cycle WHERE year = ?"), arguments: [year]) != nil else {
            throw AwardsError(.unknownReference, "the cycle \(year) does not exist", field: "cycle")
        }
    }

    private static func likePrefix(_ prefix: String) -> String {
        prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
