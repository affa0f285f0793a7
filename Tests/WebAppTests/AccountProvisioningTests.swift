import Awards
import Foundation
import HummingbirdBcrypt
import Storage
import Testing
@testable import WebApp

/// Creating accounts and tokens, as the organisers' page and `civic account` do.
@Suite("Account provisioning")
struct AccountProvisioningTests {
    static func store() throws -> (SQLiteStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-accounts-\(UUID().uuidString).sqlite").path
        return (try SQLiteStore(path: path), path)
    }

    @Test("an analyst account gets a bcrypt hash and no TOTP secret until its holder enrols; the audit log shows no hash")
    func createAnalyst() async throws {
        let (store, path) = try await Self.store()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let account = try await AccountProvisioning.create(
            id: "Ana.Lyst", name: "Ana Lyst (synthetic)", role: .analyst, subject: "A-001", password: "correct horse battery", bcryptCost: 4,
            in: store, by: "admin")
        #expect(account.id == "ana.lyst")
        #expect(Bcrypt.verify("correct horse battery", hash: account.passwordHash))
        #expect(account.totpSecret == nil && !account.secondFactorConfirmed, "the holder enrols their own authenticator at first sign-in")
        let stored = try #require(try await store.account("ana.lyst"))
        #expect(stored == account)
        let entry = try #require(try await store.auditLog(entity: "account:ana.lyst", limit: 1).first)
        #expect(entry.actor == "admin")
        #expect(entry.after?.contains(account.passwordHash) == false)
        #expect(entry.after?.contains("(redacted)") == true)
    }

    @Test("bad input is refused with the field named, and nothing is stored")
    func badInput() async throws {
        let (store, path) = try await Self.store()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        await #expect(throws: AwardsError(.invalidValue, "the password needs at least 12 characters, not all spaces", field: "password")) {
            _ = try await AccountProvisioning.create(id: "x1", name: "X", role: .admin, subject: nil, password: "short", bcryptCost: 4, in: store, by: "admin")
        }
        let noSubject = await #expect(throws: AwardsError.self) {
            _ = try await AccountProvisioning.create(id: "j1", name: "J", role: .juror, subject: "", password: "long enough password", bcryptCost: 4, in: store, by: "admin")
        }
        #expect(noSubject?.field == "subject")
        let badName = await #expect(throws: AwardsError.self) {
            _ = try await AccountProvisioning.create(id: "no spaces", name: "N", role: .admin, subject: nil, password: "long enough password", bcryptCost: 4, in: store, by: "admin")
        }
        #expect(badName?.field == "id")
        _ = try await AccountProvisioning.create(id: "admin", name: "A", role: .admin, subject: nil, password: "long enough password", bcryptCost: 4, in: store, by: "system")
        let duplicate = await #expect(throws: AwardsError.self) {
            _ = try await AccountProvisioning.create(id: "ADMIN", name: "B", role: .admin, subject: nil, password: "long enough password", bcryptCost: 4, in: store, by: "system")
        }
        #expect(duplicate?.kind == .duplicate)
        #expect(try await store.accounts().map(\.id) == ["admin"])
    }

    @Test("a token is returned once and stored only as its digest; unknown accounts and empty labels are refused")
    func tokens() async throws {
        let (store, path) = try await Self.store()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try await AccountProvisioning.create(id: "bench", name: "B", role: .admin, subject: nil, password: "long enough password", bcryptCost: 4, in: store, by: "system")
        let token = try await AccountProvisioning.issueToken(for: "bench", label: "load test", scopes: [.read, .manage], at: Date(timeIntervalSince1970: 0), in: store, by: "system")
        #expect(token.count == 43)
        #expect(try await store.token(Secrets.digest(token))?.account == "bench")
        #expect(try await store.token(token) == nil)
        await #expect(throws: AwardsError.self) { _ = try await AccountProvisioning.issueToken(for: "nobody", label: "x", scopes: [.read], at: Date(), in: store, by: "system") }
        let blank = await #expect(throws: AwardsError.self) { _ = try await AccountProvisioning.issueToken(for: "bench", label: "  ", scopes: [.read], at: Date(), in: store, by: "system") }
        #expect(blank?.field == "label")
        #expect(try await store.token(Secrets.digest(token))?.scopes == [.read, .manage])
        let none = await #expect(throws: AwardsError.self) { _ = try await AccountProvisioning.issueToken(for: "bench", label: "x", scopes: [], at: Date(), in: store, by: "system") }
        #expect(none?.field == "scopes")
        _ = try await AccountProvisioning.create(id: "c1", name: "C", role: .community, subject: "N-001", password: "long enough password", bcryptCost: 4, in: store, by: "system")
        let beyondRole = await #expect(throws: AwardsError.self, "a community's role allows no 'manage'") {
            _ = try await AccountProvisioning.issueToken(for: "c1", label: "x", scopes: [.read, .manage], at: Date(), in: store, by: "c1")
        }
        #expect(beyondRole?.field == "scopes")
        #expect(try await store.tokens(account: "c1").isEmpty)
    }
}
