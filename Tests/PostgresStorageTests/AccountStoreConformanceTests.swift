import Awards
import Foundation
import Testing
import PostgresStorage
import Storage

/// What every `AccountStore` must do, checked on SQLite and on PostgreSQL alike: lock-out per
/// address, one use per TOTP step, expiry, disabling, and an audit log without secrets.
@Suite("Account store conformance")
struct AccountStoreConformanceTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func withStore(_ kind: StoreKind, _ body: (any AwardsStore & AccountStore) async throws -> Void) async throws {
        try await PostgresStorageTests.withStore(kind) { t in
            try await t.store.saveAccount(
                Account(
                    id: "ana", name: "Ana (synthetic)", role: .analyst, passwordHash: "$2b$04$abcdefghijklmnopqrstuv",
                    totpSecret: "ABCDEFGHIJKLMNOPQRST", secondFactorConfirmed: true, subject: "A-001"),
                by: "admin")
            try await body(t.store)
        }
    }

    static func session(_ id: String, at date: Date = start, lasting seconds: TimeInterval = 3600, waitingFor: Session.Step? = nil) -> Session {
        Session(id: id, account: "ana", csrfToken: "csrf-\(id)", created: date, expires: date.addingTimeInterval(seconds), waitingFor: waitingFor)
    }

    @Test("the fifth consecutive failure from one address locks that address out, not others; a sign-in from it resets its count; organisers unlock", arguments: StoreKind.allCases)
    func lockOut(_ kind: StoreKind) async throws {
        try await Self.withStore(kind) { store in
            for _ in 1...4 {
                await #expect(try !store.recordFailedSignIn("ana", client: "203.0.113.9", at: Self.start, limit: 5, lockFor: 900))
                await #expect(try !store.isLocked("ana", client: "203.0.113.9", at: Self.start))
            }
            #expect(try await store.recordFailedSignIn("ana", client: "203.0.113.9", at: Self.start, limit: 5, lockFor: 900))
            #expect(try await store.isLocked("ana", client: "203.0.113.9", at: Self.start.addingTimeInterval(899)))
            await #expect(try !store.isLocked("ana", client: "203.0.113.9", at: Self.start.addingTimeInterval(900)))
            await #expect(try !store.isLocked("ana", client: "198.51.100.7", at: Self.start), "another address is not locked")
            #expect(try await store.lockedAddresses(at: Self.start) == ["ana": 1])
            await #expect(try !store.recordFailedSignIn("nobody", client: "203.0.113.9", at: Self.start, limit: 5, lockFor: 900))

            // Four failures from a second address, then a sign-in from it: its count starts again.
            for _ in 1...4 { _ = try await store.recordFailedSignIn("ana", client: "198.51.100.7", at: Self.start, limit: 5, lockFor: 900) }
            try await store.recordSignIn(Self.session("s1"), client: "198.51.100.7", totpStep: 100)
            await #expect(try !store.recordFailedSignIn("ana", client: "198.51.100.7", at: Self.start, limit: 5, lockFor: 900))
            #expect(try await store.account("ana")?.lastTOTPStep == 100)

            try await store.unlock("ana", by: "admin")
            await #expect(try !store.isLocked("ana", client: "203.0.113.9", at: Self.start))
            #expect(try await store.lockedAddresses(at: Self.start).isEmpty)
            #expect(try await store.auditLog(entity: "account:ana", limit: 20).contains { $0.action == "unlock" && $0.actor == "admin" })
        }
    }

    @Test("the first accepted code confirms a pending second factor", arguments: StoreKind.allCases)
    func enrolment(_ kind: StoreKind) async throws {
        try await Self.withStore(kind) { store in
            var account = try #require(try await store.account("ana"))
            account.secondFactorConfirmed = false
            try await store.saveAccount(account, by: "ana")
            try await store.recordSignIn(Self.session("s1"), client: "local", totpStep: 7)
            #expect(try await store.account("ana")?.secondFactorConfirmed == true)
            #expect(try await store.auditLog(entity: "account:ana", limit: 5).contains { $0.action == "second-factor-enrolled" })
        }
    }

    @Test("a new password, role or subject ends sessions (but the one kept) and revokes tokens; removing the second factor ends sessions", arguments: StoreKind.allCases)
    func accessEndsWithChanges(_ kind: StoreKind) async throws {
        try await Self.withStore(kind) { store in
            func prepare() async throws {
                try await store.deleteSessions(account: "ana", except: nil)
                try? await store.deleteToken("digest", account: "ana", by: "ana")
                for id in ["kept", "other"] { try await store.createSession(Self.session(id)) }
                try await store.createToken(APIToken(id: "digest", account: "ana", label: "scripts", scopes: [.read], created: Self.start), by: "ana")
            }
            try await prepare()
            var account = try #require(try await store.account("ana"))
            account.name = "Ana L. (synthetic)"
            try await store.saveAccount(account, by: "ana")
            #expect(try await store.session("other", at: Self.start) != nil, "a new name changes no access")
            #expect(try await store.token("digest") != nil, "a new name changes no access")

            account.passwordHash = "$2b$04$bcdefghijklmnopqrstuvw"
            try await store.saveAccount(account, action: "password-changed", keepingSession: "kept", by: "ana")
            #expect(try await store.session("kept", at: Self.start) != nil)
            #expect(try await store.session("other", at: Self.start) == nil)
            #expect(try await store.token("digest") == nil)
            #expect(try await store.auditLog(entity: "account:ana", limit: 1).first?.action == "password-changed")

            try await prepare()
            account.subject = "A-002"
            try await store.saveAccount(account, by: "admin")
            #expect(try await store.session("kept", at: Self.start) == nil)
            #expect(try await store.token("digest") == nil)

            try await prepare()
            account.totpSecret = nil
            account.secondFactorConfirmed = false
            try await store.saveAccount(account, action: "reset-second-factor", keepingSession: nil, by: "admin")
            #expect(try await store.session("kept", at: Self.start) == nil)
            #expect(try await store.token("digest") != nil, "tokens do not depend on the second factor")
        }
    }

    @Test("a TOTP step is accepted once: the same or an earlier step is refused and stores no session", arguments: StoreKind.allCases)
    func totpStepOnce(_ kind: StoreKind) async throws {
        try await Self.withStore(kind) { store in
            try await store.recordSignIn(Self.session("first"), client: "local", totpStep: 200)
            await #expect(throws: AwardsError.self) { try await store.recordSignIn(Self.session("again"), client: "local", totpStep: 200) }
            await #expect(throws: AwardsError.self) { try await store.recordSignIn(Self.session("earlier"), client: "local", totpStep: 199) }
            #expect(try await store.session("again", at: Self.start) == nil)
            try await store.recordSignIn(Self.session("next"), client: "local", totpStep: 201)
            #expect(try await store.session("next", at: Self.start) != nil)
        }
    }

    @Test("sessions expire, end one by one or all but one, and disappear when the account is disabled", arguments: StoreKind.allCases)
    func sessions(_ kind: StoreKind) async throws {
        try await Self.withStore(kind) { store in
            try await store.createSession(Self.session("short", lasting: 60))
            try await store.createSession(Self.session("long", lasting: 7200))
            try await store.createSession(Self.session("other", lasting: 7200))
            #expect(try await store.session("short", at: Self.start.addingTimeInterval(59))?.csrfToken == "csrf-short")
            #expect(try await store.session("short", at: Self.start.addingTimeInterval(60)) == nil)
            try await store.deleteSessions(account: "ana", except: "long")
            #expect(try await store.session("long", at: Self.start) != nil)
            #expect(try await store.session("other", at: Self.start) == nil)
            try await store.createToken(APIToken(id: "digest", account: "ana", label: "scripts", scopes: [.read], created: Self.start), by: "ana")
            var account = try #require(try await store.account("ana"))
            account.disabled = true
            try await store.saveAccount(account, by: "admin")
            #expect(try await store.session("long", at: Self.start) == nil)
            #expect(try await store.token("digest") == nil)
            await #expect(throws: AwardsError.self) { try await store.createSession(Session(id: "x", account: "ghost", csrfToken: "c", created: Self.start, expires: Self.start + 60, waitingFor: nil)) }
        }
    }

    @Test("tokens are listed newest first and revoked only by their account; the audit log shows no hash or secret", arguments: StoreKind.allCases)
    func tokensAndAudit(_ kind: StoreKind) async throws {
        try await Self.withStore(kind) { store in
            try await store.createToken(APIToken(id: "old", account: "ana", label: "first", scopes: [.read], created: Self.start), by: "ana")
            try await store.createToken(APIToken(id: "new", account: "ana", label: "second", scopes: [.submit, .read], created: Self.start + 10), by: "ana")
            #expect(try await store.token("new")?.scopes == [.read, .submit])
            try await store.recordTokenUse("new", at: Self.start + 60)
            #expect(try await store.token("new")?.lastUsed == Self.start + 60)
            #expect(try await store.tokens(account: "ana").map(\.label) == ["second", "first"])
            await #expect(throws: AwardsError.self) { try await store.deleteToken("old", account: "someone-else", by: "someone-else") }
            try await store.deleteToken("old", account: "ana", by: "ana")
            #expect(try await store.tokens(account: "ana").map(\.id) == ["new"])
            let log = try await store.auditLog(entity: "account:ana", limit: 10)
            #expect(!log.isEmpty)
            for entry in log {
                #expect(entry.after?.contains("ABCDEFGHIJKLMNOPQRST") != true)
                #expect(entry.after?.contains("$2b$04$") != true)
            }
            let bad = Account(id: "Bad Name", name: "", role: .juror, passwordHash: "plain", totpSecret: nil, subject: nil)
            let problem = await #expect(throws: AwardsError.self) { try await store.saveAccount(bad, by: "admin") }
            #expect(problem?.field == "id")
        }
    }
}
