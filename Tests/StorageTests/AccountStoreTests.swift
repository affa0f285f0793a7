import Awards
import Foundation
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
            Account(id: "ana", name: "Ana (synthetic)", role: .analyst, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", totpSecret: "ABCDEFGHIJKLMNOPQRST", subject: "A-001"),
            by: "admin")
        try body(store)
    }

    static func session(_ id: String, at date: Date = start, lasting seconds: TimeInterval = 3600, verified: Bool = true) -> Session {
        Session(id: id, account: "ana", csrfToken: "csrf-\(id)", created: date, expires: date.addingTimeInterval(seconds), verified: verified)
    }

    @Test("the fifth consecutive failure locks the account; a sign-in resets the count")
    func lockOut() throws {
        try Self.withStore { store in
            for n in 1...4 {
                let account = try #require(try store.recordFailedSignIn("ana", at: Self.start, limit: 5, lockFor: 900))
                #expect(account.failedSignIns == n)
                #expect(!account.isLocked(at: Self.start))
            }
            let locked = try #require(try store.recordFailedSignIn("ana", at: Self.start, limit: 5, lockFor: 900))
            #expect(locked.isLocked(at: Self.start.addingTimeInterval(899)))
            #expect(!locked.isLocked(at: Self.start.addingTimeInterval(900)))
            #expect(try store.recordFailedSignIn("nobody", at: Self.start, limit: 5, lockFor: 900) == nil)
            try store.recordSignIn(Self.session("s1"), totpStep: 100)
            let after = try #require(try store.account("ana"))
            #expect(after.failedSignIns == 0 && after.lockedUntil == nil && after.lastTOTPStep == 100)
        }
    }

    @Test("a TOTP step is accepted once: the same or an earlier step is refused and stores no session")
    func totpStepOnce() throws {
        try Self.withStore { store in
            try store.recordSignIn(Self.session("first"), totpStep: 200)
            #expect(throws: AwardsError.self) { try store.recordSignIn(Self.session("again"), totpStep: 200) }
            #expect(throws: AwardsError.self) { try store.recordSignIn(Self.session("earlier"), totpStep: 199) }
            #expect(try store.session("again", at: Self.start) == nil)
            try store.recordSignIn(Self.session("next"), totpStep: 201)
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
            try store.createToken(APIToken(id: "digest", account: "ana", label: "scripts", created: Self.start), by: "ana")
            var account = try #require(try store.account("ana"))
            account.disabled = true
            try store.saveAccount(account, by: "admin")
            #expect(try store.session("long", at: Self.start) == nil)
            #expect(try store.token("digest") == nil)
            #expect(throws: AwardsError.self) { try store.createSession(Session(id: "x", account: "ghost", csrfToken: "c", created: Self.start, expires: Self.start + 60, verified: true)) }
        }
    }

    @Test("tokens are listed newest first and revoked only by their account; the audit log shows no hash or secret")
    func tokensAndAudit() throws {
        try Self.withStore { store in
            try store.createToken(APIToken(id: "old", account: "ana", label: "first", created: Self.start), by: "ana")
            try store.createToken(APIToken(id: "new", account: "ana", label: "second", created: Self.start + 10), by: "ana")
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
}
