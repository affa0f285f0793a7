import Awards
import Foundation
import Testing
import PostgresStorage
import Storage

/// What every `AwardsStore` must do, checked on SQLite and on PostgreSQL alike.
@Suite("Store conformance")
struct StoreConformanceTests {
    static func nomination(_ id: String, _ community: String = "Somewhere") -> Nomination {
        Nomination(id: id, community: community, country: "Canada", region: "North America", year: 2026, answers: ["C1": .number(42)])
    }

    static let ada = Analyst(id: "A1", name: "Ada", country: "Finland")

    /// A cycle with two nominations and one analyst, for the tests of later phases.
    static func prepare(_ store: any AwardsStore) async throws {
        try await store.createCycle(Cycle(year: 2026, phase: .smart21Scoring), by: "admin")
        try await store.saveNominations([nomination("N-1"), nomination("N-2", "Elsewhere")], cycle: 2026, by: "admin")
        try await store.saveAnalyst(ada, by: "admin")
    }

    @Test("cycles are created, read, listed by year and updated", arguments: StoreKind.allCases)
    func cycles(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let later = Cycle(year: 2027, phase: .setup)
            let cycle = Cycle(year: 2026, phase: .nominationsOpen)
            try await t.store.createCycle(later, by: "admin")
            try await t.store.createCycle(cycle, by: "admin")
            #expect(try await t.store.cycle(2026) == cycle)
            #expect(try await t.store.cycles() == [cycle, later])
            var moved = cycle
            moved.phase = .smart21Scoring
            try await t.store.updateCycle(moved, by: "admin")
            #expect(try await t.store.cycle(2026).phase == .smart21Scoring)
            let update = try #require(try await t.store.auditLog(entity: "cycle:2026", limit: 1).first)
            #expect(update.action == "update")
            #expect(update.before?.contains("\"phase\":\"\(Phase.nominationsOpen.rawValue)\"") == true)
            #expect(update.after?.contains("\"phase\":\"\(Phase.smart21Scoring.rawValue)\"") == true)
            #expect(update.after != update.before)

            let missing = await #expect(throws: AwardsError.self) { try await t.store.cycle(2030) }
            #expect(missing?.kind == .unknownReference)
            let ghost = await #expect(throws: AwardsError.self) { try await t.store.updateCycle(Cycle(year: 2031), by: "admin") }
            #expect(ghost?.kind == .unknownReference)
        }
    }

    @Test("a cycle's jury is kept in its body; a body stored before juries existed reads as no jury", arguments: StoreKind.allCases)
    func jury(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let jury = [JuryMember(id: "J-1", name: "Ada (synthetic)", group: "industry"), JuryMember(id: "J-2", name: "Ben (synthetic)")]
            let cycle = Cycle(year: 2026, phase: .juryVote, jury: jury)
            try await t.store.createCycle(cycle, by: "admin")
            #expect(try await t.store.cycle(2026).jury == jury)
            try await t.reopened { again in
                let reread = try await again.cycles().first?.jury
                #expect(reread == jury)
            }
            var fields = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(cycle)) as? [String: Any])
            fields["jury"] = nil
            let legacy = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
            try await t.execute("UPDATE cycle SET body = '\(legacy)' WHERE year = 2026")
            var expected = cycle
            expected.jury = []
            try await t.reopened { again in
                let reread = try await again.cycle(2026)
                #expect(reread == expected)
            }
        }
    }

    @Test("a second cycle of the same year is a duplicate, and a change needs an actor", arguments: StoreKind.allCases)
    func duplicateCycle(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await t.store.createCycle(Cycle(year: 2026), by: "admin")
            let again = await #expect(throws: AwardsError.self) { try await t.store.createCycle(Cycle(year: 2026, phase: .nominationsOpen), by: "admin") }
            #expect(again?.kind == .duplicate)
            #expect(try await t.store.cycle(2026).phase == .setup, "the first cycle is unchanged")
            let anonymous = await #expect(throws: AwardsError.self) { try await t.store.createCycle(Cycle(year: 2027), by: "") }
            #expect(anonymous?.kind == .invalidValue)
            #expect(try await t.store.auditLog(entity: nil, limit: 10).count == 1, "only the successful creation is logged")
        }
    }

    @Test("nominations are added or replaced, and each write is audited with before and after", arguments: StoreKind.allCases)
    func nominationsUpsert(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await t.store.createCycle(Cycle(year: 2026, phase: .nominationsOpen), by: "admin")
            try await t.store.saveNominations([Self.nomination("N-2"), Self.nomination("N-1")], cycle: 2026, by: "community:1")
            var changed = Self.nomination("N-1")
            changed.answers["C1"] = .number(43)
            try await t.store.saveNomination(changed, cycle: 2026, by: "community:1")
            #expect(try await t.store.nominations(cycle: 2026) == [changed, Self.nomination("N-2")])

            let log = try await t.store.auditLog(entity: "nomination:", limit: 10)
            #expect(log.map(\.entity) == ["nomination:N-1", "nomination:N-1", "nomination:N-2"])
            #expect(log.map(\.actor) == ["community:1", "community:1", "community:1"])
            #expect(log[0].before?.contains("\"answers\":{\"C1\":42}") == true)
            #expect(log[0].after?.contains("\"answers\":{\"C1\":43}") == true)
            #expect(log[1].before == nil, "the first write created the nomination")
            #expect(log.map(\.id) == log.map(\.id).sorted(by: >), "newest first")
            #expect(try await t.store.auditLog(entity: nil, limit: 2).count == 2, "the limit is applied")
            #expect(try await t.store.auditLog(entity: "nomination:N-2", limit: 10).count == 1)
            #expect(try await t.store.auditLog(entity: "nomination:N_", limit: 10).isEmpty, "the entity is a literal prefix")

            let orphan = await #expect(throws: AwardsError.self) { try await t.store.saveNomination(Self.nomination("N-3"), cycle: 2030, by: "admin") }
            #expect(orphan?.kind == .unknownReference)
        }
    }

    @Test("an assignment or review naming an unknown analyst or nomination is an unknown reference", arguments: StoreKind.allCases)
    func unknownReferences(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await Self.prepare(t.store)
            let logged = try await t.store.auditLog(entity: nil, limit: 100).count
            let analyst = await #expect(throws: AwardsError.self) {
                try await t.store.replaceAssignments([Assignment(nomination: "N-1", analyst: "A9")], cycle: 2026, round: 1, by: "admin")
            }
            #expect(analyst?.kind == .unknownReference)
            let nomination = await #expect(throws: AwardsError.self) {
                try await t.store.replaceAssignments([Assignment(nomination: "N-9", analyst: "A1")], cycle: 2026, round: 1, by: "admin")
            }
            #expect(nomination?.kind == .unknownReference)
            let cycle = await #expect(throws: AwardsError.self) {
                try await t.store.replaceAssignments([Assignment(nomination: "N-1", analyst: "A1")], cycle: 2030, round: 1, by: "admin")
            }
            #expect(cycle?.kind == .unknownReference)
            let review = await #expect(throws: AwardsError.self) {
                try await t.store.saveReview(Review(nomination: "N-1", analyst: "A9", round: 1), cycle: 2026, by: "A9", reason: nil)
            }
            #expect(review?.kind == .unknownReference)
            #expect(try await t.store.assignments(cycle: 2026, round: 1).isEmpty)
            #expect(try await t.store.auditLog(entity: nil, limit: 100).count == logged, "failed changes log nothing")

            try await t.store.replaceAssignments([Assignment(nomination: "N-2", analyst: "A1", manual: true), Assignment(nomination: "N-1", analyst: "A1")], cycle: 2026, round: 1, by: "admin")
            #expect(try await t.store.assignments(cycle: 2026, round: 1) == [Assignment(nomination: "N-1", analyst: "A1"), Assignment(nomination: "N-2", analyst: "A1", manual: true)])
            #expect(try await t.store.assignments(cycle: 2026, round: 2).isEmpty)
        }
    }

    @Test("a submitted review is locked unless a reason is given, and the reason is logged", arguments: StoreKind.allCases)
    func reviewReason(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await Self.prepare(t.store)
            var review = Review(nomination: "N-1", analyst: "A1", round: 1, scores: ["Connect": .init(score: 7, comment: "fast", confidence: 4)], state: .draft)
            try await t.store.saveReview(review, cycle: 2026, by: "A1", reason: nil)
            review.state = .submitted
            try await t.store.saveReview(review, cycle: 2026, by: "A1", reason: nil)
            review.scores["Connect"]?.score = 8
            let locked = await #expect(throws: AwardsError.self) { try await t.store.saveReview(review, cycle: 2026, by: "A1", reason: nil) }
            #expect(locked?.kind == .invalidState)
            #expect(try await t.store.reviews(cycle: 2026, round: 1).first?.scores["Connect"]?.score == 7)

            try await t.store.saveReview(review, cycle: 2026, by: "admin", reason: "typo confirmed by the analyst")
            #expect(try await t.store.reviews(cycle: 2026, round: 1) == [review])
            #expect(try await t.store.reviews(cycle: 2026, round: 2).isEmpty)
            let entry = try #require(try await t.store.auditLog(entity: "review:", limit: 1).first)
            #expect(entry.entity == "review:2026:1:N-1:A1")
            #expect(entry.action == "amend")
            #expect(entry.reason == "typo confirmed by the analyst")
            #expect(entry.actor == "admin")
            #expect(entry.before?.contains("\"score\":7") == true)
            #expect(entry.after?.contains("\"score\":8") == true)
        }
    }

    @Test("shortlists, ballots and the publication round-trip", arguments: StoreKind.allCases)
    func selectionRoundTrips(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await Self.prepare(t.store)
            let candidates = [
                Shortlist.Candidate(nomination: "N-1", community: "Somewhere", country: "Canada", region: "North America", score: 8.5, tieBreakScore: 0.7),
                Shortlist.Candidate(nomination: "N-2", community: "Elsewhere", country: "Canada", region: "North America", score: 6.25, tieBreakScore: 0.4),
            ]
            let smart21 = try Shortlist.select(candidates, size: 1, name: "Smart21")
            try await t.store.saveShortlist(smart21, name: "smart21", cycle: 2026, by: "admin")
            #expect(try await t.store.shortlist("smart21", cycle: 2026) == smart21)
            #expect(try await t.store.shortlist("top7", cycle: 2026) == nil)
            let wider = try Shortlist.select(candidates, size: 2, name: "Smart21")
            try await t.store.saveShortlist(wider, name: "smart21", cycle: 2026, by: "admin")
            #expect(try await t.store.shortlist("smart21", cycle: 2026) == wider)
            #expect(try await t.store.auditLog(entity: "shortlist:2026:smart21", limit: 5).first?.before != nil)

            try await t.store.saveBallot(Ballot(juror: "J-2", order: ["N-2", "N-1"]), cycle: 2026, by: "J-2")
            try await t.store.saveBallot(Ballot(juror: "J-1", group: "press", levels: [["N-1"], ["N-2"]]), cycle: 2026, by: "J-1")
            try await t.store.saveBallot(Ballot(juror: "J-2", order: ["N-1", "N-2"]), cycle: 2026, by: "J-2")
            #expect(try await t.store.ballots(cycle: 2026) == [
                Ballot(juror: "J-1", group: "press", levels: [["N-1"], ["N-2"]]), Ballot(juror: "J-2", order: ["N-1", "N-2"]),
            ])

            #expect(try await t.store.publication(cycle: 2026) == nil)
            let publication = Publication(
                smart21: ["N-1", "N-2"], top7: ["N-1", "N-2"], ranking: ["N-1", "N-2"], winner: "N-1", rules: ["Schulze", "jury 50 %"],
                pairwise: ["N-1": ["N-2": 2], "N-2": ["N-1": 0.5]], strongestPaths: ["N-1": ["N-2": 2]], publishedAt: "2026-06-10T12:00:00Z")
            try await t.store.savePublication(publication, cycle: 2026, by: "admin")
            #expect(try await t.store.publication(cycle: 2026) == publication)
            let orphan = await #expect(throws: AwardsError.self) { try await t.store.savePublication(publication, cycle: 2030, by: "admin") }
            #expect(orphan?.kind == .unknownReference)
        }
    }

    @Test("recognitions are replaced whole, and communities added or replaced", arguments: StoreKind.allCases)
    func recognitionsAndCommunities(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let first = [
                Recognition(awardYear: 2023, stage: .communityOfTheYear, community: "Binh Duong", country: "Vietnam"),
                Recognition(awardYear: 2023, stage: .top7, community: "Tallinn", country: "Estonia", announced: "2023-02-01", source: "https://example.org/top7"),
            ]
            try await t.store.replaceRecognitions(first, by: "system")
            #expect(try await t.store.recognitions() == first)
            let second = [Recognition(awardYear: 2024, stage: .smart21, community: "Taoyuan", country: "Taiwan")]
            try await t.store.replaceRecognitions(second, by: "system")
            #expect(try await t.store.recognitions() == second)
            let entry = try #require(try await t.store.auditLog(entity: "recognitions", limit: 1).first)
            #expect(entry.before == "{\"count\":2}")
            #expect(entry.after == "{\"count\":1}")

            let tallinn = Community(name: "Tallinn", country: "Estonia", kind: .city, population: 450_000)
            try await t.store.saveCommunities([Community(name: "Taoyuan", country: "Taiwan"), tallinn], by: "admin")
            var member = tallinn
            member.member = true
            try await t.store.saveCommunities([member], by: "admin")
            #expect(try await t.store.communities().map(\.name) == ["Tallinn", "Taoyuan"], "by name")
            #expect(try await t.store.communities().first == member)
        }
    }

    @Test("the audit log cannot be edited or deleted, even with SQL", arguments: StoreKind.allCases)
    func auditLogAppendOnly(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await t.store.createCycle(Cycle(year: 2026), by: "admin")
            let update = await #expect(throws: (any Error).self) { try await t.execute("UPDATE audit_log SET actor = 'mallory'") }
            let delete = await #expect(throws: (any Error).self) { try await t.execute("DELETE FROM audit_log") }
            // Refused by the database's own rule, not by some other failure.
            #expect(update.map { String(reflecting: $0) }?.contains("append-only") == true)
            #expect(delete.map { String(reflecting: $0) }?.contains("append-only") == true)
            let log = try await t.store.auditLog(entity: nil, limit: 5)
            #expect(log.count == 1)
            #expect(log.first?.actor == "admin")
        }
    }

    @Test("the data survive reopening, and migrating again changes nothing", arguments: StoreKind.allCases)
    func reopen(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await Self.prepare(t.store)
            try await t.reopened { again in
                #expect(try await again.cycles().map(\.year) == [2026])
                #expect(try await again.nominations(cycle: 2026).map(\.id) == ["N-1", "N-2"])
                #expect(try await again.auditLog(entity: nil, limit: 10).count == 4)
                try await again.saveAnalyst(Analyst(id: "A2", name: "Grace", country: "United States"), by: "admin")
            }
            #expect(try await t.store.analysts().map(\.id) == ["A1", "A2"])
        }
    }

    @Test("a batch with one bad item leaves nothing behind", arguments: StoreKind.allCases)
    func atomicity(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await Self.prepare(t.store)
            try await t.store.replaceAssignments([Assignment(nomination: "N-1", analyst: "A1")], cycle: 2026, round: 1, by: "admin")
            let logged = try await t.store.auditLog(entity: nil, limit: 100).count

            let reviews = await #expect(throws: AwardsError.self) {
                try await t.store.saveReviews(
                    [Review(nomination: "N-1", analyst: "A1", round: 1), Review(nomination: "N-2", analyst: "A-unknown", round: 1)],
                    cycle: 2026, by: "A1", reason: nil)
            }
            #expect(reviews?.kind == .unknownReference)
            #expect(try await t.store.reviews(cycle: 2026, round: 1).isEmpty, "the good review of the batch is not kept")

            let assignments = await #expect(throws: AwardsError.self) {
                try await t.store.replaceAssignments(
                    [Assignment(nomination: "N-2", analyst: "A1"), Assignment(nomination: "N-2", analyst: "A-unknown")], cycle: 2026, round: 1, by: "admin")
            }
            #expect(assignments?.kind == .unknownReference)
            #expect(try await t.store.assignments(cycle: 2026, round: 1) == [Assignment(nomination: "N-1", analyst: "A1")], "the earlier assignments stand")

            var locked = Review(nomination: "N-2", analyst: "A1", round: 1, state: .submitted)
            try await t.store.saveReview(locked, cycle: 2026, by: "A1", reason: nil)
            locked.state = .draft
            let batch = await #expect(throws: AwardsError.self) {
                try await t.store.saveReviews([Review(nomination: "N-1", analyst: "A1", round: 1), locked], cycle: 2026, by: "A1", reason: nil)
            }
            #expect(batch?.kind == .invalidState)
            #expect(try await t.store.reviews(cycle: 2026, round: 1).map(\.nomination) == ["N-2"])
            #expect(try await t.store.auditLog(entity: nil, limit: 100).count == logged + 1, "only the one successful review is logged")
        }
    }

    @Test("concurrent writers lose no data", arguments: StoreKind.allCases)
    func concurrentWriters(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let store = t.store
            try await store.createCycle(Cycle(year: 2026, phase: .nominationsOpen), by: "admin")
            let writers = 8, each = 25
            let failures = Failures()
            await withTaskGroup(of: Void.self) { group in
                for w in 0..<writers {
                    group.addTask {
                        for i in 0..<each {
                            do {
                                try await store.saveNomination(Self.nomination("N-\(w)-\(i)"), cycle: 2026, by: "writer-\(w)")
                                // Every writer also rewrites one shared nomination, so writes to one row contend.
                                try await store.saveNomination(Self.nomination("N-shared", "writer \(w) round \(i)"), cycle: 2026, by: "writer-\(w)")
                            } catch {
                                failures.add("\(error)")
                            }
                        }
                    }
                }
            }
            #expect(failures.all.isEmpty)
            #expect(try await store.nominations(cycle: 2026).count == writers * each + 1)
            let log = try await store.auditLog(entity: "nomination:", limit: 10_000)
            #expect(log.count == 2 * writers * each)
            // Each write to the shared nomination saw the one before it: the befores and afters chain.
            let shared = log.filter { $0.entity == "nomination:N-shared" }.reversed()
            #expect(shared.first?.before == nil)
            #expect(zip(shared.dropFirst(), shared).allSatisfy { later, earlier in later.before == earlier.after })
        }
    }

    @Test("writers racing to create the same new nominations, one by one and in batches, keep each one's audit chain", arguments: StoreKind.allCases)
    func writersRacingToCreate(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let store = t.store
            try await store.createCycle(Cycle(year: 2026, phase: .nominationsOpen), by: "admin")
            let writers = 8, rounds = 12
            let failures = Failures()
            await withTaskGroup(of: Void.self) { group in
                for w in 0..<writers {
                    group.addTask {
                        for k in 0..<rounds {
                            do {
                                // Every writer creates or replaces the same new nomination in each
                                // round; every third writer sends it in a batch with one of its own.
                                let raced = Self.nomination("N-race-\(k)", "writer \(w)")
                                if w % 3 == 0 {
                                    try await store.saveNominations([raced, Self.nomination("N-own-\(w)-\(k)")], cycle: 2026, by: "writer-\(w)")
                                } else {
                                    try await store.saveNomination(raced, cycle: 2026, by: "writer-\(w)")
                                }
                            } catch {
                                failures.add("\(error)")
                            }
                        }
                    }
                }
            }
            #expect(failures.all.isEmpty)
            let log = try await store.auditLog(entity: "nomination:N-race-", limit: 10_000)
            #expect(log.count == writers * rounds)
            for k in 0..<rounds {
                let chain = log.filter { $0.entity == "nomination:N-race-\(k)" }.reversed()
                #expect(chain.count == writers)
                #expect(chain.first?.before == nil, "the first write of N-race-\(k) created it")
                #expect(zip(chain.dropFirst(), chain).allSatisfy { later, earlier in later.before == earlier.after }, "the chain of N-race-\(k) holds")
                let stored = try await store.nominations(cycle: 2026).first { $0.id == "N-race-\(k)" }
                #expect(try stored.map { try StoredJSON.encode($0) } == chain.last?.after, "the nomination stored is the last one logged")
            }
        }
    }

    @Test("a nomination is checked against the cycle as another server left it, one by one and in batches", arguments: StoreKind.allCases)
    func nominationsCheckedAgainstTheCycleAsItStands(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let here = Programme(store: t.store, actor: "admin")
            try await here.createCycle(Cycle(year: 2026, phase: .setup))
            let early = await #expect(throws: AwardsError.self) { try await here.saveNominations([Self.nomination("N-1")], cycle: 2026) }
            #expect(early?.kind == .outOfPhase)
            // Another server opens the nominations; this one has seen the cycle refuse them.
            try await t.reopened { there in try await Programme(store: there, actor: "admin").setPhase(.nominationsOpen, cycle: 2026) }
            try await here.saveNominations([Self.nomination("N-1")], cycle: 2026)
            try await here.saveNominations([Self.nomination("N-2"), Self.nomination("N-3")], cycle: 2026)
            let logged = try await t.store.auditLog(entity: nil, limit: 1000).count
            // Another server closes the nominations; this one has checked the cycle before.
            try await t.reopened { there in try await Programme(store: there, actor: "admin").setPhase(.smart21Scoring, cycle: 2026) }
            for batch in [[Self.nomination("N-1", "Renamed")], [Self.nomination("N-4")], [Self.nomination("N-5"), Self.nomination("N-6")]] {
                let refused = await #expect(throws: AwardsError.self) { try await here.saveNominations(batch, cycle: 2026) }
                #expect(refused?.kind == .outOfPhase)
            }
            #expect(try await t.store.nominations(cycle: 2026).map(\.community) == ["Somewhere", "Somewhere", "Somewhere"])
            #expect(try await t.store.auditLog(entity: nil, limit: 1000).count == logged + 1, "only the phase change is logged")
            // And opened again (phases only move forward, so by SQL, as an operator might).
            try await t.execute("UPDATE cycle SET phase = 'nominations_open', body = replace(body, '\"phase\":\"smart21_scoring\"', '\"phase\":\"nominations_open\"')")
            try await here.saveNominations([Self.nomination("N-4")], cycle: 2026)
            let missing = await #expect(throws: AwardsError.self) { try await here.saveNominations([Self.nomination("N-1")], cycle: 2031) }
            #expect(missing?.kind == .unknownReference)
            #expect(missing?.message.contains("the cycle 2031 does not exist") == true)
        }
    }

    @Test("the 40-nomination demo cycle publishes the same results on PostgreSQL as on SQLite")
    func demoCycleOnBothStores() async throws {
        let demo = DemoCycle(nominations: 40, analysts: 12, jurors: 5)
        func run(_ kind: StoreKind) async throws -> (Publication, Shortlist?, Shortlist?, Int) {
            try await withStore(kind) { t in
                try await demo.run(programme: Programme(store: t.store, actor: "admin"))
                let publication = try #require(try await t.store.publication(cycle: demo.cycle.year))
                return (
                    publication, try await t.store.shortlist("smart21", cycle: demo.cycle.year), try await t.store.shortlist("top7", cycle: demo.cycle.year),
                    try await t.store.auditLog(entity: nil, limit: 100_000).count
                )
            }
        }
        let sqlite = try await run(.sqlite)
        let postgres = try await run(.postgres)
        #expect(postgres.0.winner == sqlite.0.winner)
        #expect(postgres.0.winner == postgres.0.ranking.first)
        var same = postgres.0
        same.publishedAt = sqlite.0.publishedAt
        #expect(same == sqlite.0, "the whole publication matches, all but the time of publication")
        #expect(postgres.1 == sqlite.1)
        #expect(postgres.2 == sqlite.2)
        #expect(postgres.3 == sqlite.3, "both stores log the same number of changes")
    }
}
