import Awards
import Foundation
import IndexEngine
import PostgresNIO

/// The programme's data on a PostgreSQL server: migrations, foreign keys, one transaction per
/// call, and an append-only audit log written in the same transaction as every change.
///
/// Domain values are stored as canonical JSON text beside the key columns that queries and
/// foreign keys need, as `SQLiteStore` does, so both stores keep the same audit entries. The
/// protocol is synchronous: each call waits on the calling thread for the server's answer, which
/// PostgresNIO receives on its own event loops (see `PostgresConnections`).
public final class PostgresStore: AwardsStore {
    private let connections: PostgresConnections
    let clock: @Sendable () -> Date
    /// Where the store keeps its data.
    public let location: PostgresLocation

    /// Connects to `location`, creating its schema if needed and migrating it to the current version.
    ///
    /// - Parameters:
    ///   - connections: how many connections the store may hold open at once.
    ///   - clock: the time stamps of audit entries; the system clock by default.
    public init(location: PostgresLocation, connections: Int = 8, clock: @escaping @Sendable () -> Date = Date.init) throws(AwardsError) {
        self.location = location
        self.connections = PostgresConnections(location: location, maximum: connections)
        self.clock = clock
        do {
            try self.connections.with { session in try PostgresSchema.migrate(session, schema: location.schema) }
        } catch let error as AwardsError {
            throw error
        } catch {
            throw AwardsError(.storage, "cannot migrate the PostgreSQL schema \(location.schema) (\(String(reflecting: error)))")
        }
    }

    // MARK: Cycles

    public func createCycle(_ cycle: Cycle, by actor: String) throws(AwardsError) {
        try write("create", "cycle:\(cycle.year)", by: actor) { db in
            guard try db.rows("SELECT 1 FROM cycle WHERE year = \(cycle.year)").isEmpty else {
                throw AwardsError(.duplicate, "the cycle \(cycle.year) already exists", field: "year")
            }
            let body = try Self.encode(cycle)
            do {
                try db.execute("INSERT INTO cycle (year, phase, body) VALUES (\(cycle.year), \(cycle.phase.rawValue), \(body))")
            } catch let error as PSQLError where error.sqlState == "23505" {
                throw AwardsError(.duplicate, "the cycle \(cycle.year) already exists", field: "year")
            }
            return (nil, body)
        }
    }

    public func updateCycle(_ cycle: Cycle, by actor: String) throws(AwardsError) {
        try write("update", "cycle:\(cycle.year)", by: actor) { db in
            guard let before = try db.string("SELECT body FROM cycle WHERE year = \(cycle.year) FOR UPDATE") else {
                throw AwardsError(.unknownReference, "the cycle \(cycle.year) does not exist")
            }
            let body = try Self.encode(cycle)
            try db.execute("UPDATE cycle SET phase = \(cycle.phase.rawValue), body = \(body) WHERE year = \(cycle.year)")
            return (before, body)
        }
    }

    public func cycle(_ year: Int) throws(AwardsError) -> Cycle {
        try read { db in
            guard let body = try db.string("SELECT body FROM cycle WHERE year = \(year)") else {
                throw AwardsError(.unknownReference, "the cycle \(year) does not exist")
            }
            return try Self.decode(Cycle.self, body)
        }
    }

    public func cycles() throws(AwardsError) -> [Cycle] {
        try read { db in try db.strings("SELECT body FROM cycle ORDER BY year").map { try Self.decode(Cycle.self, $0) } }
    }

    // MARK: Nominations

    public func saveNominations(_ nominations: [Nomination], cycle: Int, by actor: String) throws(AwardsError) {
        try transaction(by: actor) { db, log in
            try Self.requireCycle(db, cycle)
            for nomination in nominations {
                let body = try Self.encode(nomination)
                let before = try db.string("SELECT body FROM nomination WHERE cycle = \(cycle) AND id = \(nomination.id) FOR UPDATE")
                try db.execute("""
                    INSERT INTO nomination (cycle, id, state, body) VALUES (\(cycle), \(nomination.id), \(nomination.state.rawValue), \(body))
                    ON CONFLICT (cycle, id) DO UPDATE SET state = excluded.state, body = excluded.body
                    """)
                try log("save", "nomination:\(nomination.id)", before, body, nil)
            }
        }
    }

    public func nominations(cycle: Int) throws(AwardsError) -> [Nomination] {
        try read { db in
            try db.strings("SELECT body FROM nomination WHERE cycle = \(cycle) ORDER BY id COLLATE \"C\"").map { try Self.decode(Nomination.self, $0) }
        }
    }

    // MARK: Analysts and assignments

    public func saveAnalyst(_ analyst: Analyst, by actor: String) throws(AwardsError) {
        try write("save", "analyst:\(analyst.id)", by: actor) { db in
            let body = try Self.encode(analyst)
            let before = try db.string("SELECT body FROM analyst WHERE id = \(analyst.id) FOR UPDATE")
            try db.execute("INSERT INTO analyst (id, body) VALUES (\(analyst.id), \(body)) ON CONFLICT (id) DO UPDATE SET body = excluded.body")
            return (before, body)
        }
    }

    public func analysts() throws(AwardsError) -> [Analyst] {
        try read { db in try db.strings("SELECT body FROM analyst ORDER BY id COLLATE \"C\"").map { try Self.decode(Analyst.self, $0) } }
    }

    public func replaceAssignments(_ assignments: [Assignment], cycle: Int, round: Int, by actor: String) throws(AwardsError) {
        try write("replace", "assignments:\(cycle):\(round)", by: actor) { db in
            try Self.requireCycle(db, cycle)
            let before = try Self.assignments(db, cycle: cycle, round: round)
            try db.execute("DELETE FROM assignment WHERE cycle = \(cycle) AND round = \(round)")
            for a in assignments {
                do {
                    try db.execute("INSERT INTO assignment (cycle, round, nomination, analyst, manual) VALUES (\(cycle), \(round), \(a.nomination), \(a.analyst), \(a.manual))")
                } catch let error as PSQLError where error.sqlState?.hasPrefix("23") == true {
                    throw AwardsError(.unknownReference, "the assignment of \(a.analyst) to \(a.nomination) names an unknown nomination or analyst, or repeats a pair", field: "assignments")
                }
            }
            return (try Self.encode(before), try Self.encode(assignments))
        }
    }

    public func assignments(cycle: Int, round: Int) throws(AwardsError) -> [Assignment] {
        try read { db in try Self.assignments(db, cycle: cycle, round: round) }
    }

    private static func assignments(_ db: PostgresSession, cycle: Int, round: Int) throws -> [Assignment] {
        try db.rows("""
            SELECT nomination, analyst, manual FROM assignment WHERE cycle = \(cycle) AND round = \(round)
            ORDER BY nomination COLLATE "C", analyst COLLATE "C"
            """).map {
            let (nomination, analyst, manual) = try $0.decode((String, String, Bool).self)
            return Assignment(nomination: nomination, analyst: analyst, manual: manual)
        }
    }

    // MARK: Reviews

    public func saveReviews(_ reviews: [Review], cycle: Int, by actor: String, reason: String?) throws(AwardsError) {
        try transaction(by: actor) { db, log in
            try Self.requireCycle(db, cycle)
            for review in reviews {
                let entity = "review:\(cycle):\(review.round):\(review.nomination):\(review.analyst)"
                let before = try db.string("""
                    SELECT body FROM review
                    WHERE cycle = \(cycle) AND round = \(review.round) AND nomination = \(review.nomination) AND analyst = \(review.analyst)
                    FOR UPDATE
                    """)
                if let before, try Self.decode(Review.self, before).state == .submitted, reason == nil {
                    throw AwardsError(.invalidState, "the review of \(review.nomination) by \(review.analyst) is submitted and locked; an admin can change it with a reason", field: "state")
                }
                let body = try Self.encode(review)
                do {
                    try db.execute("""
                        INSERT INTO review (cycle, round, nomination, analyst, state, body)
                        VALUES (\(cycle), \(review.round), \(review.nomination), \(review.analyst), \(review.state.rawValue), \(body))
                        ON CONFLICT (cycle, round, nomination, analyst) DO UPDATE SET state = excluded.state, body = excluded.body
                        """)
                } catch let error as PSQLError where error.sqlState == "23503" {
                    throw AwardsError(.unknownReference, "the review names an unknown nomination or analyst (\(review.nomination), \(review.analyst))", field: "review")
                }
                try log(reason == nil ? "save" : "amend", entity, before, body, reason)
            }
        }
    }

    public func reviews(cycle: Int, round: Int) throws(AwardsError) -> [Review] {
        try read { db in
            try db.strings("""
                SELECT body FROM review WHERE cycle = \(cycle) AND round = \(round)
                ORDER BY nomination COLLATE "C", analyst COLLATE "C"
                """).map { try Self.decode(Review.self, $0) }
        }
    }

    // MARK: Shortlists, ballots, publication

    public func saveShortlist(_ shortlist: Shortlist, name: String, cycle: Int, by actor: String) throws(AwardsError) {
        try write("save", "shortlist:\(cycle):\(name)", by: actor) { db in
            try Self.requireCycle(db, cycle)
            let body = try Self.encode(shortlist)
            let before = try db.string("SELECT body FROM shortlist WHERE cycle = \(cycle) AND name = \(name) FOR UPDATE")
            try db.execute("""
                INSERT INTO shortlist (cycle, name, body) VALUES (\(cycle), \(name), \(body))
                ON CONFLICT (cycle, name) DO UPDATE SET body = excluded.body
                """)
            return (before, body)
        }
    }

    public func shortlist(_ name: String, cycle: Int) throws(AwardsError) -> Shortlist? {
        try read { db in
            try db.string("SELECT body FROM shortlist WHERE cycle = \(cycle) AND name = \(name)").map { try Self.decode(Shortlist.self, $0) }
        }
    }

    public func saveBallot(_ ballot: Ballot, cycle: Int, by actor: String) throws(AwardsError) {
        try write("save", "ballot:\(cycle):\(ballot.juror)", by: actor) { db in
            try Self.requireCycle(db, cycle)
            let body = try Self.encode(ballot)
            let before = try db.string("SELECT body FROM ballot WHERE cycle = \(cycle) AND juror = \(ballot.juror) FOR UPDATE")
            try db.execute("""
                INSERT INTO ballot (cycle, juror, body) VALUES (\(cycle), \(ballot.juror), \(body))
                ON CONFLICT (cycle, juror) DO UPDATE SET body = excluded.body
                """)
            return (before, body)
        }
    }

    public func ballots(cycle: Int) throws(AwardsError) -> [Ballot] {
        try read { db in
            try db.strings("SELECT body FROM ballot WHERE cycle = \(cycle) ORDER BY juror COLLATE \"C\"").map { try Self.decode(Ballot.self, $0) }
        }
    }

    public func savePublication(_ publication: Publication, cycle: Int, by actor: String) throws(AwardsError) {
        try write("save", "publication:\(cycle)", by: actor) { db in
            try Self.requireCycle(db, cycle)
            let body = try Self.encode(publication)
            let before = try db.string("SELECT body FROM publication WHERE cycle = \(cycle) FOR UPDATE")
            try db.execute("""
                INSERT INTO publication (cycle, body) VALUES (\(cycle), \(body))
                ON CONFLICT (cycle) DO UPDATE SET body = excluded.body
                """)
            return (before, body)
        }
    }

    public func publication(cycle: Int) throws(AwardsError) -> Publication? {
        try read { db in
            try db.string("SELECT body FROM publication WHERE cycle = \(cycle)").map { try Self.decode(Publication.self, $0) }
        }
    }

    // MARK: Communities, recognitions and the audit log

    public func saveCommunities(_ communities: [Community], by actor: String) throws(AwardsError) {
        try transaction(by: actor) { db, log in
            for community in communities {
                let body = try Self.encode(community)
                let before = try db.string("SELECT body FROM community WHERE id = \(community.id) FOR UPDATE")
                try db.execute("""
                    INSERT INTO community (id, name, body) VALUES (\(community.id), \(community.name), \(body))
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body
                    """)
                try log("save", "community:\(community.id)", before, body, nil)
            }
        }
    }

    public func communities() throws(AwardsError) -> [Community] {
        try read { db in
            try db.strings("SELECT body FROM community ORDER BY name COLLATE \"C\", id COLLATE \"C\"").map { try Self.decode(Community.self, $0) }
        }
    }

    public func replaceRecognitions(_ recognitions: [Recognition], by actor: String) throws(AwardsError) {
        try write("replace", "recognitions", by: actor) { db in
            // Concurrent replacements take turns, so each one's count of what it replaced is true.
            try db.execute("LOCK TABLE recognition IN SHARE ROW EXCLUSIVE MODE")
            let before = try db.rows("SELECT count(*) FROM recognition").first.map { try $0.decode(Int.self) } ?? 0
            try db.execute("DELETE FROM recognition")
            for (i, r) in recognitions.enumerated() {
                try db.execute("INSERT INTO recognition (position, body) VALUES (\(i), \(try Self.encode(r)))")
            }
            return ("{\"count\":\(before)}", "{\"count\":\(recognitions.count)}")
        }
    }

    public func recognitions() throws(AwardsError) -> [Recognition] {
        try read { db in try db.strings("SELECT body FROM recognition ORDER BY position").map { try Self.decode(Recognition.self, $0) } }
    }

    public func auditLog(entity: String?, limit: Int) throws(AwardsError) -> [AuditEntry] {
        try read { db in try db.rows(PostgresAudit.newest(entity: entity, limit: limit)).map(PostgresAudit.entry) }
    }

    // MARK: Plumbing

    /// Writes an audit entry: action, entity, before, after, reason.
    typealias AuditLogger = (String, String, String?, String?, String?) throws -> Void

    /// Runs changes and their audit entries in one transaction: all or none.
    func transaction(by actor: String, _ changes: (PostgresSession, AuditLogger) throws -> Void) throws(AwardsError) {
        guard !actor.isEmpty else { throw AwardsError(.invalidValue, "every change needs an actor", field: "actor") }
        let at = ISO8601DateFormatter().string(from: clock())
        do {
            try connections.with { db in
                try db.transaction {
                    try changes(db) { action, entity, before, after, reason in
                        try db.execute(PostgresAudit.append(at: at, actor: actor, action: action, entity: entity, before: before, after: after, reason: reason))
                    }
                }
            }
        } catch let error as AwardsError {
            throw error
        } catch {
            throw AwardsError(.storage, "the change failed (\(String(reflecting: error)))")
        }
    }

    /// Runs one change and its audit entry in one transaction.
    func write(
        _ action: String, _ entity: String, by actor: String, reason: String? = nil,
        _ change: (PostgresSession) throws -> (before: String?, after: String?)
    ) throws(AwardsError) {
        try transaction(by: actor) { db, log in
            let (before, after) = try change(db)
            try log(action, entity, before, after, reason)
        }
    }

    /// Runs reads on one connection.
    func read<T>(_ body: (PostgresSession) throws -> T) throws(AwardsError) -> T {
        do {
            return try connections.with(body)
        } catch let error as AwardsError {
            throw error
        } catch {
            throw AwardsError(.storage, "reading failed (\(String(reflecting: error)))")
        }
    }

    static func requireCycle(_ db: PostgresSession, _ year: Int) throws {
        // A shared lock keeps the cycle from disappearing until the change commits.
        guard try !db.rows("SELECT 1 FROM cycle WHERE year = \(year) FOR KEY SHARE").isEmpty else {
            throw AwardsError(.unknownReference, "the cycle \(year) does not exist", field: "cycle")
        }
    }

    static func encode<T: Encodable>(_ value: T) throws -> String { try StoredJSON.encode(value) }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try StoredJSON.decode(type, text) }
}
