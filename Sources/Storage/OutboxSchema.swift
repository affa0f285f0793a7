import GRDB

/// The outbox: the messages the platform sends, one per dedupe key, with where each one's
/// delivery stands; and the platform's keys that sign the links in messages. Times are seconds since 1970, as in every table, so that both stores compare
/// them alike and `civic db copy` moves them unchanged.
enum OutboxSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8: outbox") { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    id TEXT PRIMARY KEY, dedupe_key TEXT NOT NULL UNIQUE, recipient TEXT NOT NULL, language TEXT NOT NULL,
                    kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL,
                    attempts INTEGER NOT NULL, next_attempt REAL NOT NULL, lease_until REAL, claim TEXT,
                    last_error TEXT, sent_at REAL, queued_at REAL NOT NULL);
                CREATE INDEX outbox_due ON outbox(status, next_attempt);
                CREATE INDEX outbox_queued ON outbox(queued_at);
                CREATE TABLE platform_key (name TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
    }
}
