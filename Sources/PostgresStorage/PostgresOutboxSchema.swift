/// The outbox on PostgreSQL: the same table as `OutboxSchema` keeps in SQLite, shared by every
/// server on the database, which claim messages with `FOR UPDATE SKIP LOCKED`; and the keys that sign the links in messages.
enum PostgresOutboxSchema {
    static let migration = PostgresSchema.Migration(version: 6, name: "outbox", statements: [
        """
            CREATE TABLE outbox (
                id TEXT PRIMARY KEY, dedupe_key TEXT NOT NULL UNIQUE, recipient TEXT NOT NULL, language TEXT NOT NULL,
                kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL,
                attempts BIGINT NOT NULL, next_attempt DOUBLE PRECISION NOT NULL, lease_until DOUBLE PRECISION, claim TEXT,
                last_error TEXT, sent_at DOUBLE PRECISION, queued_at DOUBLE PRECISION NOT NULL)
            """,
        """
            CREATE INDEX outbox_due ON outbox (status, next_attempt)
            """,
        """
            CREATE INDEX outbox_queued ON outbox (queued_at)
            """,
        """
            CREATE TABLE platform_key (name TEXT PRIMARY KEY, value TEXT NOT NULL)
            """,
    ])
}
