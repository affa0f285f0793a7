import Awards
import Foundation
import GRDB
import Testing
@testable import Storage

/// A database written before community accounts were bound to communities is brought forward
/// when it is opened.
@Suite("SQLite store: migrating community accounts")
struct CommunityAccountMigrationTests {
    @Test("a community account that named its nomination names the nomination's community after the upgrade")
    func migrates() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("civic-migration-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v4: accounts")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO cycle (year, phase, body) VALUES (2026, 'setup', '{}')")
                // The nomination as it was stored then: without a community id.
                try db.execute(sql: """
                    INSERT INTO nomination (cycle, id, state, body) VALUES (2026, 'N-7', 'draft',
                    '{"id":"N-7","community":"Bình Dương","country":"Vietnam","region":"Asia","year":2026,"answers":{},"evidence":[],"state":"draft","optOut":false}')
                    """)
                let community = Account(id: "bd", name: "Binh Duong", role: .community, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", subject: "N-7")
                let analyst = Account(
                    id: "ana", name: "Ana", role: .analyst, passwordHash: "$2b$04$abcdefghijklmnopqrstuv", totpSecret: "ABCDEFGHIJKLMNOPQRST", subject: "N-7")
                for account in [community, analyst] {
                    try db.execute(sql: "INSERT INTO account (id, role, body) VALUES (?, ?, ?)", arguments: [account.id, account.role.rawValue, try JSON.encode(account)])
                }
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.account("bd")?.subject == "binh-duong--vietnam")
        #expect(try await store.account("ana")?.subject == "N-7", "only community accounts change")
        #expect(try await store.nominations(cycle: 2026).first?.communityID == "binh-duong--vietnam")
    }
}
