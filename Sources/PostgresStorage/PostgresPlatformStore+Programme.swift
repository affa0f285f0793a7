import Awards
import Foundation
import PostgresNIO

/// The programme's data: cycles, nominations, analysts and their assignments, reviews,
/// shortlists, ballots, publications, communities and the public record, each change in one
/// transaction with its audit entries. Rows that a change reads before it writes are locked
/// (`FOR UPDATE`), so that concurrent changes on several servers take turns.
extension PostgresPlatformStore: AwardsStore {
    // MARK: Cycles

    public func createCycle(_ cycle: Cycle, by actor: String) async throws(AwardsError) {
        try await write("create", "cycle:\(cycle.year)", by: actor) { db in
            guard try await rows(db, "SELECT 1 FROM cycle WHERE year = \(cycle.year)").isEmpty else {
                throw AwardsError(.duplicate, "the cycle \(cycle.year) already exists", field: "year")
            }
            let body = try StoredJSON.encode(cycle)
            do {
                try await execute(db, "INSERT INTO cycle (year, phase, body) VALUES (\(cycle.year), \(cycle.phase.rawValue), \(body))")
            } catch let error as PSQLError where error.sqlState == "23505" {
                throw AwardsError(.duplicate, "the cycle \(cycle.year) already exists", field: "year")
            }
            return (nil, body)
        }
    }

    public func updateCycle(_ cycle: Cycle, by actor: String) async throws(AwardsError) {
        try await write("update", "cycle:\(cycle.year)", by: actor) { db in
            guard let before = try await string(db, "SELECT body FROM cycle WHERE year = \(cycle.year) FOR UPDATE") else {
                throw AwardsError(.unknownReference, "the cycle \(cycle.year) does not exist")
            }
            let body = try StoredJSON.encode(cycle)
            try await execute(db, "UPDATE cycle SET phase = \(cycle.phase.rawValue), body = \(body) WHERE year = \(cycle.year)")
            return (before, body)
        }
    }

    public func cycle(_ year: Int) async throws(AwardsError) -> Cycle {
        let body: String?
        do {
            body = try await run(PostgresStatements.CycleBody(year: year)).first
        } catch {
            throw Self.storageError(error, "reading failed")
        }
        guard let body else { throw AwardsError(.unknownReference, "the cycle \(year) does not exist") }
        return try decodedCycles.decode(body, key: year)
    }

    public func cycles() async throws(AwardsError) -> [Cycle] {
        try await read { db in try await strings(db, "SELECT body FROM cycle ORDER BY year").map { try StoredJSON.decode(Cycle.self, $0) } }
    }

    // MARK: Nominations

    public func saveNominations(_ nominations: [Nomination], cycle: Int, by actor: String) async throws(AwardsError) {
        // One nomination, as every API call and form sends: one statement, its own transaction.
        if nominations.count == 1, let nomination = nominations.first {
            try await saveAlone(nomination, cycle: cycle, by: actor, checked: false) { _ throws(AwardsError) in }
            return
        }
        try await transaction(by: actor) { db, _ in
            try await requireCycle(db, cycle)
            try await save(nominations, cycle: cycle, by: actor, on: db)
        }
    }

    /// Checks the cycle within the write: a single nomination's statement writes only if the
    /// cycle's row is still the version last checked (else it returns the new text and version,
    /// which are checked in turn), so a nomination costs one round trip while the cycle stays as
    /// it is; a batch reads and checks the cycle in its transaction.
    public func saveNominations(
        _ nominations: [Nomination], cycle year: Int, by actor: String, checking check: @Sendable (Cycle) throws(AwardsError) -> Void
    ) async throws(AwardsError) {
        if nominations.count == 1, let nomination = nominations.first {
            try await saveAlone(nomination, cycle: year, by: actor, checked: true, check)
            return
        }
        try await transaction(by: actor) { db, _ in
            guard let body = try await string(db, "SELECT body FROM cycle WHERE year = \(year) FOR KEY SHARE") else {
                throw AwardsError(.unknownReference, "the cycle \(year) does not exist")
            }
            try check(try decodedCycles.decode(body, key: year))
            try await save(nominations, cycle: year, by: actor, on: db)
        }
    }

    /// Saves one nomination with its audit entry in one statement of its own
    /// (`PostgresStatements.SaveNomination`); when `checked`, only into the cycle's row version
    /// that `check` accepted.
    private func saveAlone(
        _ nomination: Nomination, cycle year: Int, by actor: String, checked: Bool, _ check: (Cycle) throws(AwardsError) -> Void
    ) async throws(AwardsError) {
        let at = try auditTime(by: actor)
        let body: String
        do {
            body = try StoredJSON.encode(nomination)
        } catch {
            throw Self.storageError(error, "the change failed")
        }
        var statement = PostgresStatements.SaveNomination(
            cycle: year, id: nomination.id, state: nomination.state.rawValue, body: body, at: at, actor: actor,
            entity: "nomination:\(nomination.id)", expectedVersion: nil)
        // The cycle as last read here, if the nomination passes its check: one that does not may
        // be out of date, so its refusal counts only once the cycle is read again. An empty
        // version, which no row has, asks for the cycle without writing anything.
        var version = checked ? decodedCycles.last(year).flatMap { (try? check($0.value)) == nil ? nil : $0.version } : nil
        // Nothing is saved when the cycle changed since it was checked (it is checked again), or
        // when another writer created the nomination meanwhile (the next statement sees it).
        for _ in 0..<10 {
            if checked { statement.expectedVersion = version ?? "" }
            let result: PostgresStatements.SaveNomination.Row
            do {
                result = try await run(statement).first ?? (cycles: 0, saved: 0, cycle: nil, version: nil)
            } catch {
                throw Self.storageError(error, "the change failed")
            }
            guard result.cycles > 0 else {
                // As `cycle(_:)` reports it when the cycle is checked, as `requireCycle` otherwise.
                throw checked
                    ? AwardsError(.unknownReference, "the cycle \(year) does not exist")
                    : AwardsError(.unknownReference, "the cycle \(year) does not exist", field: "cycle")
            }
            if checked, let text = result.cycle, let current = result.version {
                try check(try decodedCycles.decode(text, key: year, version: current))
                version = current
                continue
            }
            if result.saved > 0 { return }
        }
        throw AwardsError(.storage, "the nomination \(nomination.id) kept changing under the write; nothing was saved")
    }

    /// Saves nominations of an existing cycle inside the transaction of `db`, each with its audit
    /// entry. A batch locks its nominations in one order first, so that two batches cannot wait
    /// for each other.
    private func save(_ nominations: [Nomination], cycle: Int, by actor: String, on db: PostgresConnection) async throws {
        try await lock(db, nominations.map { "nomination:\(cycle):\($0.id)" })
        let at = try auditTime(by: actor)
        for nomination in nominations {
            let statement = PostgresStatements.SaveNomination(
                cycle: cycle, id: nomination.id, state: nomination.state.rawValue, body: try StoredJSON.encode(nomination), at: at, actor: actor,
                entity: "nomination:\(nomination.id)", expectedVersion: nil)
            // Under the lock no other batch writes the nomination; a single write that created
            // it meanwhile is seen by the next statement.
            var saved = false
            for _ in 0..<10 where !saved {
                let result = try await run(statement, on: db).first ?? (cycles: 0, saved: 0, cycle: nil, version: nil)
                guard result.cycles > 0 else { throw AwardsError(.unknownReference, "the cycle \(cycle) does not exist", field: "cycle") }
                saved = result.saved > 0
            }
            guard saved else { throw AwardsError(.storage, "the nomination \(nomination.id) kept changing under the write; nothing was saved") }
        }
    }

    public func nominations(cycle: Int) async throws(AwardsError) -> [Nomination] {
        try await read { db in
            try await strings(db, "SELECT body FROM nomination WHERE cycle = \(cycle) ORDER BY id COLLATE \"C\"").map { try StoredJSON.decode(Nomination.self, $0) }
        }
    }

    // MARK: Analysts and assignments

    public func saveAnalyst(_ analyst: Analyst, by actor: String) async throws(AwardsError) {
        try await write("save", "analyst:\(analyst.id)", by: actor) { db in
            let body = try StoredJSON.encode(analyst)
            let before = try await string(db, "SELECT body FROM analyst WHERE id = \(analyst.id) FOR UPDATE")
            try await execute(db, "INSERT INTO analyst (id, body) VALUES (\(analyst.id), \(body)) ON CONFLICT (id) DO UPDATE SET body = excluded.body")
            return (before, body)
        }
    }

    public func analysts() async throws(AwardsError) -> [Analyst] {
        try await read { db in try await strings(db, "SELECT body FROM analyst ORDER BY id COLLATE \"C\"").map { try StoredJSON.decode(Analyst.self, $0) } }
    }

    public func replaceAssignments(_ assignments: [Assignment], cycle: Int, round: Int, by actor: String) async throws(AwardsError) {
        try await write("replace", "assignments:\(cycle):\(round)", by: actor) { db in
            try await requireCycle(db, cycle)
            let before = try await self.assignments(db, cycle: cycle, round: round)
            try await execute(db, "DELETE FROM assignment WHERE cycle = \(cycle) AND round = \(round)")
            for a in assignments {
                do {
                    try await execute(db, "INSERT INTO assignment (cycle, round, nomination, analyst, manual) VALUES (\(cycle), \(round), \(a.nomination), \(a.analyst), \(a.manual))")
                } catch let error as PSQLError where error.sqlState?.hasPrefix("23") == true {
                    throw AwardsError(.unknownReference, "the assignment of \(a.analyst) to \(a.nomination) names an unknown nomination or analyst, or repeats a pair", field: "assignments")
                }
            }
            return (try StoredJSON.encode(before), try StoredJSON.encode(assignments))
        }
    }

    public func assignments(cycle: Int, round: Int) async throws(AwardsError) -> [Assignment] {
        try await read { db in try await assignments(db, cycle: cycle, round: round) }
    }

    private func assignments(_ db: PostgresConnection, cycle: Int, round: Int) async throws -> [Assignment] {
        try await rows(db, """
            SELECT nomination, analyst, manual FROM assignment WHERE cycle = \(cycle) AND round = \(round)
            ORDER BY nomination COLLATE "C", analyst COLLATE "C"
            """).map {
            let (nomination, analyst, manual) = try $0.decode((String, String, Bool).self)
            return Assignment(nomination: nomination, analyst: analyst, manual: manual)
        }
    }

    // MARK: Reviews

    public func saveReviews(_ reviews: [Review], cycle: Int, by actor: String, reason: String?) async throws(AwardsError) {
        try await transaction(by: actor) { db, log in
            try await requireCycle(db, cycle)
            try await lock(db, reviews.map { "review:\(cycle):\($0.round):\($0.nomination):\($0.analyst)" })
            for review in reviews {
                let entity = "review:\(cycle):\(review.round):\(review.nomination):\(review.analyst)"
                let before = try await string(db, """
                    SELECT body FROM review
                    WHERE cycle = \(cycle) AND round = \(review.round) AND nomination = \(review.nomination) AND analyst = \(review.analyst)
                    FOR UPDATE
                    """)
                if let before, try StoredJSON.decode(Review.self, before).state == .submitted, reason == nil {
                    throw AwardsError(.invalidState, "the review of \(review.nomination) by \(review.analyst) is submitted and locked; an admin can change it with a reason", field: "state")
                }
                let body = try StoredJSON.encode(review)
                do {
                    try await execute(db, """
                        INSERT INTO review (cycle, round, nomination, analyst, state, body)
                        VALUES (\(cycle), \(review.round), \(review.nomination), \(review.analyst), \(review.state.rawValue), \(body))
                        ON CONFLICT (cycle, round, nomination, analyst) DO UPDATE SET state = excluded.state, body = excluded.body
                        """)
                } catch let error as PSQLError where error.sqlState == "23503" {
                    throw AwardsError(.unknownReference, "the review names an unknown nomination or analyst (\(review.nomination), \(review.analyst))", field: "review")
                }
                try await log(reason == nil ? "save" : "amend", entity, before, body, reason)
            }
        }
    }

    public func reviews(cycle: Int, round: Int) async throws(AwardsError) -> [Review] {
        try await read { db in
            try await strings(db, """
                SELECT body FROM review WHERE cycle = \(cycle) AND round = \(round)
                ORDER BY nomination COLLATE "C", analyst COLLATE "C"
                """).map { try StoredJSON.decode(Review.self, $0) }
        }
    }

    // MARK: Shortlists, ballots, publication

    public func saveShortlist(_ shortlist: Shortlist, name: String, cycle: Int, by actor: String) async throws(AwardsError) {
        try await save(
            shortlist, as: "shortlist:\(cycle):\(name)", of: cycle, by: actor,
            before: "SELECT body FROM shortlist WHERE cycle = \(cycle) AND name = \(name) FOR UPDATE"
        ) { body in
            """
            INSERT INTO shortlist (cycle, name, body) VALUES (\(cycle), \(name), \(body))
            ON CONFLICT (cycle, name) DO UPDATE SET body = excluded.body
            """
        }
    }

    public func shortlist(_ name: String, cycle: Int) async throws(AwardsError) -> Shortlist? {
        try await read { db in
            try await string(db, "SELECT body FROM shortlist WHERE cycle = \(cycle) AND name = \(name)").map { try StoredJSON.decode(Shortlist.self, $0) }
        }
    }

    public func saveBallot(_ ballot: Ballot, cycle: Int, by actor: String) async throws(AwardsError) {
        try await save(
            ballot, as: "ballot:\(cycle):\(ballot.juror)", of: cycle, by: actor,
            before: "SELECT body FROM ballot WHERE cycle = \(cycle) AND juror = \(ballot.juror) FOR UPDATE"
        ) { body in
            """
            INSERT INTO ballot (cycle, juror, body) VALUES (\(cycle), \(ballot.juror), \(body))
            ON CONFLICT (cycle, juror) DO UPDATE SET body = excluded.body
            """
        }
    }

    public func ballots(cycle: Int) async throws(AwardsError) -> [Ballot] {
        try await read { db in
            try await strings(db, "SELECT body FROM ballot WHERE cycle = \(cycle) ORDER BY juror COLLATE \"C\"").map { try StoredJSON.decode(Ballot.self, $0) }
        }
    }

    public func savePublication(_ publication: Publication, cycle: Int, by actor: String) async throws(AwardsError) {
        try await save(publication, as: "publication:\(cycle)", of: cycle, by: actor, before: "SELECT body FROM publication WHERE cycle = \(cycle) FOR UPDATE") { body in
            """
            INSERT INTO publication (cycle, body) VALUES (\(cycle), \(body))
            ON CONFLICT (cycle) DO UPDATE SET body = excluded.body
            """
        }
    }

    public func publication(cycle: Int) async throws(AwardsError) -> Publication? {
        try await read { db in
            try await string(db, "SELECT body FROM publication WHERE cycle = \(cycle)").map { try StoredJSON.decode(Publication.self, $0) }
        }
    }

    // MARK: Communities, recognitions and the audit log

    public func saveCommunities(_ communities: [Community], by actor: String) async throws(AwardsError) {
        try await transaction(by: actor) { db, log in
            try await lock(db, communities.map { "community:\($0.id)" })
            for community in communities {
                let body = try StoredJSON.encode(community)
                let before = try await string(db, "SELECT body FROM community WHERE id = \(community.id) FOR UPDATE")
                try await execute(db, """
                    INSERT INTO community (id, name, body) VALUES (\(community.id), \(community.name), \(body))
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body
                    """)
                try await log("save", "community:\(community.id)", before, body, nil)
            }
        }
    }

    public func communities() async throws(AwardsError) -> [Community] {
        try await read { db in
            try await strings(db, "SELECT body FROM community ORDER BY name COLLATE \"C\", id COLLATE \"C\"").map { try StoredJSON.decode(Community.self, $0) }
        }
    }

    public func replaceRecognitions(_ recognitions: [Recognition], by actor: String) async throws(AwardsError) {
        try await write("replace", "recognitions", by: actor) { db in
            // Concurrent replacements take turns, so each one's count of what it replaced is true.
            try await execute(db, "LOCK TABLE recognition IN SHARE ROW EXCLUSIVE MODE")
            let before = try await rows(db, "SELECT count(*) FROM recognition").first.map { try $0.decode(Int.self) } ?? 0
            try await execute(db, "DELETE FROM recognition")
            for (i, r) in recognitions.enumerated() {
                try await execute(db, "INSERT INTO recognition (position, body) VALUES (\(i), \(try StoredJSON.encode(r)))")
            }
            return ("{\"count\":\(before)}", "{\"count\":\(recognitions.count)}")
        }
    }

    public func recognitions() async throws(AwardsError) -> [Recognition] {
        try await read { db in try await strings(db, "SELECT body FROM recognition ORDER BY position").map { try StoredJSON.decode(Recognition.self, $0) } }
    }

    // MARK: Plumbing

    /// Adds or replaces one value of a cycle, stored as its JSON body, with its audit entry:
    /// `before` reads (and locks) the body it replaces, `upsert` writes the new one.
    private func save<Value: Encodable>(
        _ value: Value, as entity: String, of cycle: Int, by actor: String, before: PostgresQuery, upsert: @escaping (String) -> PostgresQuery
    ) async throws(AwardsError) {
        try await write("save", entity, by: actor) { db in
            try await requireCycle(db, cycle)
            let body = try StoredJSON.encode(value)
            let replaced = try await string(db, before)
            try await execute(db, upsert(body))
            return (replaced, body)
        }
    }

    /// Fails with `.unknownReference` unless the cycle of `year` exists; a shared lock keeps it
    /// from disappearing until the change commits.
    private func requireCycle(_ db: PostgresConnection, _ year: Int) async throws {
        guard try await !rows(db, "SELECT 1 FROM cycle WHERE year = \(year) FOR KEY SHARE").isEmpty else {
            throw AwardsError(.unknownReference, "the cycle \(year) does not exist", field: "cycle")
        }
    }
}
