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
    }
}
