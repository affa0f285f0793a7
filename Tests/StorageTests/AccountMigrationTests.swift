import Awards
import Foundation
import GRDB
import Testing
@testable import Storage

/// The SQLite migrations of accounts; what every account store does is checked by the conformance
/// suite.
@Suite("SQLite store: account migrations")
struct AccountMigrationTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("the migration keeps what was made before it: given secrets count as confirmed, old tokens may only read, sessions end")
    func migration() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-accounts-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v4: accounts")
        // Rows as the accounts schema of v4 wrote them: no second-factor state or scopes, and
        // failure counts on the account.
        let analyst = Account(id: "ana", name: "Ana", role: .analyst, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", totpSecret: "ABCDEFGHIJKLMNOPQRST", subject: "A-001")
        let community = Account(id: "com", name: "Com", role: .community, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", subject: "N-001")
        let token = APIToken(id: "digest", account: "ana", label: "scripts", scopes: [.read, .submit], created: Self.start)
        try await queue.write { db in
            for account in [analyst, community] {
                try db.execute(
                    sql: "INSERT INTO account (id, role, body) VALUES (?, ?, json_set(json_remove(?, '$.secondFactorConfirmed', '$.mustChangePassword'), '$.failedSignIns', 3))",
                    arguments: [account.id, account.role.rawValue, try StoredJSON.encode(account)])
            }
            try db.execute(sql: "INSERT INTO api_token (id, account, body) VALUES ('digest', 'ana', json_remove(?, '$.scopes'))", arguments: [try StoredJSON.encode(token)])
            try db.execute(
                sql: "INSERT INTO session (id, account, expires, body) VALUES ('s', 'ana', ?, json_remove(?, '$.waitingFor'))",
                arguments: [Self.start.timeIntervalSince1970 + 3600, try StoredJSON.encode(Session(id: "s", account: "ana", csrfToken: "csrf-s", created: Self.start, expires: Self.start.addingTimeInterval(3600), waitingFor: nil))])
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        #expect(try await store.account("ana")?.secondFactorConfirmed == true)
        #expect(try await store.account("com")?.secondFactorConfirmed == false)
        #expect(try await store.account("ana")?.mustChangePassword == false)
        #expect(try await store.token("digest")?.scopes == [.read])
        #expect(try await store.session("s", at: Self.start) == nil)
    }
}
