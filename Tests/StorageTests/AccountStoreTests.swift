import Awards
import Foundation
import GRDB
import Testing
@testable import Storage

/// Accounts, sessions and API tokens in SQLite: lock-out, one use per TOTP step, expiry,
/// disabling, and an audit log without secrets.
@Suite("SQLite store: accounts, sessions and tokens")
struct AccountStoreTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func withStore(_ body: (SQLiteStore) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-accounts-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        try store.saveAccount(
            Account(id: "ana", name: "Ana (synthetic)", role: .analyst, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", totpSecret: "ABCDEFGHIJKLMNOPQRST", secondFactorConfirmed: true, subject: "A-001"),
            by: "admin")
        try body(store)
    }

    static func session(_ id: String, at date: Date = start, lasting seconds: TimeInterval = 3600, waitingFor: Session.Step? = nil) -> Session {
        Session(id: id, account: "ana", csrfToken: "csrf-\(id)", created: date, expires: date.addingTimeInterval(seconds), waitingFor: waitingFor)
    }

    @Test("the fifth consecutive failure from one address locks that address out, not others; a sign-in from it resets its count; organisers unlock")
    func lockOut() throws {
        try Self.withStore { store in
            for _ in 1...4 {
                #expect(try !store.recordFailedSignIn("ana", client: "203.0.113.9", at: Self.start, limit: 5, lockFor: 900))
                #expect(try !store.isLocked("ana", client: "203.0.113.9", at: Self.start))
            }
            #expect(try store.recordFailedSignIn("ana", client: "203.0.113.9", at: Self.start, limit: 5, lockFor: 900))
            #expect(try store.isLocked("ana", client: "203.0.113.9", at: Self.start.addingTimeInterval(899)))
            #expect(try !store.isLocked("ana", client: "203.0.113.9", at: Self.start.addingTimeInterval(900)))
            #expect(try !store.isLocked("ana", client: "198.51.100.7", at: Self.start), "another address is not locked")
            #expect(try store.lockedAddresses(at: Self.start) == ["ana": 1])
            #expect(try !store.recordFailedSignIn("nobody", client: "203.0.113.9", at: Self.start, limit: 5, lockFor: 900))

            // Four failures from a second address, then a sign-in from it: its count starts again.
            for _ in 1...4 { _ = try store.recordFailedSignIn("ana", client: "198.51.100.7", at: Self.start, limit: 5, lockFor: 900) }
            try store.recordSignIn(Self.session("s1"), client: "198.51.100.7", totpStep: 100)
            #expect(try !store.recordFailedSignIn("ana", client: "198.51.100.7", at: Self.start, limit: 5, lockFor: 900))
            #expect(try store.account("ana")?.lastTOTPStep == 100)

            try store.unlock("ana", by: "admin")
            #expect(try !store.isLocked("ana", client: "203.0.113.9", at: Self.start))
            #expect(try store.lockedAddresses(at: Self.start).isEmpty)
            #expect(try store.auditLog(entity: "account:ana", limit: 20).contains { $0.action == "unlock" && $0.actor == "admin" })
        }
    }

    @Test("the first accepted code confirms a pending second factor")
    func enrolment() throws {
        try Self.withStore { store in
            var account = try #require(try store.account("ana"))
            account.secondFactorConfirmed = false
            try store.saveAccount(account, by: "ana")
            try store.recordSignIn(Self.session("s1"), client: "local", totpStep: 7)
            #expect(try store.account("ana")?.secondFactorConfirmed == true)
            #expect(try store.auditLog(entity: "account:ana", limit: 5).contains { $0.action == "second-factor-enrolled" })
        }
    }

    @Test("a new password, role or subject ends sessions (but the one kept) and revokes tokens; removing the second factor ends sessions")
    func accessEndsWithChanges() throws {
        try Self.withStore { store in
            func prepare() throws {
                try store.deleteSessions(account: "ana", except: nil)
                try? store.deleteToken("digest", account: "ana", by: "ana")
                for id in ["kept", "other"] { try store.createSession(Self.session(id)) }
                try store.createToken(APIToken(id: "digest", account: "ana", label: "scripts", scopes: [.read], created: Self.start), by: "ana")
            }
            try prepare()
            var account = try #require(try store.account("ana"))
            account.name = "Ana L. (synthetic)"
            try store.saveAccount(account, by: "ana")
            #expect(try store.session("other", at: Self.start) != nil && store.token("digest") != nil, "a new name changes no access")

            account.passwordHash = "$2b$04$bcdefghijklmnopqrstuvw"
            try store.saveAccount(account, action: "password-changed", keepingSession: "kept", by: "ana")
            #expect(try store.session("kept", at: Self.start) != nil)
            #expect(try store.session("other", at: Self.start) == nil)
            #expect(try store.token("digest") == nil)
            #expect(try store.auditLog(entity: "account:ana", limit: 1).first?.action == "password-changed")

            try prepare()
            account.subject = "A-002"
            try store.saveAccount(account, by: "admin")
            #expect(try store.session("kept", at: Self.start) == nil && store.token("digest") == nil)

            try prepare()
            account.totpSecret = nil
            account.secondFactorConfirmed = false
            try store.saveAccount(account, action: "reset-second-factor", keepingSession: nil, by: "admin")
            #expect(try store.session("kept", at: Self.start) == nil)
            #expect(try store.token("digest") != nil, "tokens do not depend on the second factor")
        }
    }

    @Test("a TOTP step is accepted once: the same or an earlier step is refused and stores no session")
    func totpStepOnce() throws {
        try Self.withStore { store in
            try store.recordSignIn(Self.session("first"), client: "local", totpStep: 200)
            #expect(throws: AwardsError.self) { try store.recordSignIn(Self.session("again"), client: "local", totpStep: 200) }
            #expect(throws: AwardsError.self) { try store.recordSignIn(Self.session("earlier"), client: "local", totpStep: 199) }
            #expect(try store.session("again", at: Self.start) == nil)
            try store.recordSignIn(Self.session("next"), client: "local", totpStep: 201)
            #expect(try store.session("next", at: Self.start) != nil)
        }
    }

    @Test("sessions expire, end one by one or all but one, and disappear when the account is disabled")
    func sessions() throws {
        try Self.withStore { store in
            try store.createSession(Self.session("short", lasting: 60))
            try store.createSession(Self.session("long", lasting: 7200))
            try store.createSession(Self.session("other", lasting: 7200))
            #expect(try store.session("short", at: Self.start.addingTimeInterval(59))?.csrfToken == "csrf-short")
            #expect(try store.session("short", at: Self.start.addingTimeInterval(60)) == nil)
            try store.deleteSessions(account: "ana", except: "long")
            #expect(try store.session("long", at: Self.start) != nil)
            #expect(try store.session("other", at: Self.start) == nil)
            try store.createToken(APIToken(id: "digest", account: "ana", label: "scripts", scopes: [.read], created: Self.start), by: "ana")
            var account = try #require(try store.account("ana"))
            account.disabled = true
            try store.saveAccount(account, by: "admin")
            #expect(try store.session("long", at: Self.start) == nil)
            #expect(try store.token("digest") == nil)
            #expect(throws: AwardsError.self) { try store.createSession(Session(id: "x", account: "ghost", csrfToken: "c", created: Self.start, expires: Self.start + 60, waitingFor: nil)) }
        }
    }

    @Test("tokens are listed newest first and revoked only by their account; the audit log shows no hash or secret")
    func tokensAndAudit() throws {
        try Self.withStore { store in
            try store.createToken(APIToken(id: "old", account: "ana", label: "first", scopes: [.read], created: Self.start), by: "ana")
            try store.createToken(APIToken(id: "new", account: "ana", label: "second", scopes: [.submit, .read], created: Self.start + 10), by: "ana")
            #expect(try store.token("new")?.scopes == [.read, .submit])
            try store.recordTokenUse("new", at: Self.start + 60)
            #expect(try store.token("new")?.lastUsed == Self.start + 60)
            #expect(try store.tokens(account: "ana").map(\.label) == ["second", "first"])
            #expect(throws: AwardsError.self) { try store.deleteToken("old", account: "someone-else", by: "someone-else") }
            try store.deleteToken("old", account: "ana", by: "ana")
            #expect(try store.tokens(account: "ana").map(\.id) == ["new"])
            let log = try store.auditLog(entity: "account:ana", limit: 10)
            #expect(!log.isEmpty)
            for entry in log {
                #expect(entry.after?.contains("ABCDEFGHIJKLMNOPQRST") != true)
                #expect(entry.after?.contains("$2b$04$") != true)
            }
            let bad = Account(id: "Bad Name", name: "", role: .juror, passwordHash: "plain", totpSecret: nil, subject: nil)
            let problem = #expect(throws: AwardsError.self) { try store.saveAccount(bad, by: "admin") }
            #expect(problem?.field == "id")
        }
    }

    @Test("the migration keeps what was made before it: given secrets count as confirmed, old tokens may only read, sessions end")
    func migration() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-accounts-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v4: accounts")
        // Rows as the accounts schema of v4 wrote them: no second-factor state or scopes, and
        // failure counts on the account.
        let analyst = Account(id: "ana", name: "Ana", role: .analyst, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", totpSecret: "ABCDEFGHIJKLMNOPQRST", subject: "A-001")
        let community = Account(id: "com", name: "Com", role: .community, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", subject: "N-001")
        let token = APIToken(id: "digest", account: "ana", label: "scripts", scopes: [.read, .submit], created: Self.start)
        try queue.write { db in
            for account in [analyst, community] {
                try db.execute(
                    sql: "INSERT INTO account (id, role, body) VALUES (?, ?, json_set(json_remove(?, '$.secondFactorConfirmed', '$.mustChangePassword'), '$.failedSignIns', 3))",
                    arguments: [account.id, account.role.rawValue, try StoredJSON.encode(account)])
            }
            try db.execute(sql: "INSERT INTO api_token (id, account, body) VALUES ('digest', 'ana', json_remove(?, '$.scopes'))", arguments: [try StoredJSON.encode(token)])
            try db.execute(
                sql: "INSERT INTO session (id, account, expires, body) VALUES ('s', 'ana', ?, json_remove(?, '$.waitingFor'))",
                arguments: [Self.start.timeIntervalSince1970 + 3600, try StoredJSON.encode(Self.session("s"))])
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        #expect(try store.account("ana")?.secondFactorConfirmed == true)
        #expect(try store.account("com")?.secondFactorConfirmed == false)
        #expect(try store.account("ana")?.mustChangePassword == false)
        #expect(try store.token("digest")?.scopes == [.read])
        #expect(try store.session("s", at: Self.start) == nil)
    }
}
