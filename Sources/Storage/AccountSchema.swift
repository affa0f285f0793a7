import Awards
import GRDB

/// The tables of accounts, sessions and API tokens.
enum AccountSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: accounts") { db in
            try db.execute(sql: """
                CREATE TABLE account (id TEXT PRIMARY KEY, role TEXT NOT NULL, body TEXT NOT NULL);
                CREATE TABLE session (
                    id TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    expires REAL NOT NULL, body TEXT NOT NULL);
                CREATE INDEX session_account ON session(account);
                CREATE TABLE api_token (
                    id TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, body TEXT NOT NULL);
                CREATE INDEX api_token_account ON api_token(account);
                """)
        }
        migrator.registerMigration("v5: community accounts act for a community, not a nomination") { db in
            // A community account used to name its nomination; it now names the community, so
            // that nothing it can edit (a nomination's name) decides what it owns.
            let rows = try Row.fetchAll(db, sql: "SELECT id, body FROM account WHERE role = 'community'")
            for row in rows {
                var account = try JSON.decode(Account.self, row["body"] as String)
                guard let nomination = account.subject else { continue }
                let body = try String.fetchOne(db, sql: "SELECT body FROM nomination WHERE id = ? ORDER BY cycle DESC LIMIT 1", arguments: [nomination])
                guard let body else { continue }
                account.subject = try JSON.decode(Nomination.self, body).communityID
                try db.execute(sql: "UPDATE account SET body = ? WHERE id = ?", arguments: [try JSON.encode(account), row["id"] as String])
            }
        }
    }
}
