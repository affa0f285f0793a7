import Logging
import PostgresNIO

/// The PostgreSQL schema of the programme, as numbered migrations recorded in `schema_version`.
///
/// Domain values are canonical JSON text beside the key columns that queries and foreign keys
/// need, as in the SQLite schema; the audit log refuses every UPDATE and DELETE by trigger. One
/// list of migrations serves every part of `PostgresPlatformStore`, so each table, the audit
/// log above all, exists once.
enum PostgresSchema {
    /// One step of the schema.
    struct Migration {
        let version: Int
        let name: String
        /// The statements, run in order (one statement each, as the extended protocol requires).
        let statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "programme", statements: [
            """
                CREATE TABLE cycle (year BIGINT PRIMARY KEY, phase TEXT NOT NULL, body TEXT NOT NULL)
                """,
            """
                CREATE TABLE nomination (
                    cycle BIGINT NOT NULL REFERENCES cycle(year) ON DELETE CASCADE,
                    id TEXT NOT NULL, state TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (cycle, id))
                """,
            """
                CREATE TABLE analyst (id TEXT PRIMARY KEY, body TEXT NOT NULL)
                """,
            """
                CREATE TABLE assignment (
                    cycle BIGINT NOT NULL, round BIGINT NOT NULL, nomination TEXT NOT NULL,
                    analyst TEXT NOT NULL REFERENCES analyst(id), manual BOOLEAN NOT NULL,
                    PRIMARY KEY (cycle, round, nomination, analyst),
                    FOREIGN KEY (cycle, nomination) REFERENCES nomination(cycle, id) ON DELETE CASCADE)
                """,
            """
                CREATE TABLE review (
                    cycle BIGINT NOT NULL, round BIGINT NOT NULL, nomination TEXT NOT NULL,
                    analyst TEXT NOT NULL REFERENCES analyst(id), state TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (cycle, round, nomination, analyst),
                    FOREIGN KEY (cycle, nomination) REFERENCES nomination(cycle, id) ON DELETE CASCADE)
                """,
            """
                CREATE TABLE shortlist (
                    cycle BIGINT NOT NULL REFERENCES cycle(year) ON DELETE CASCADE, name TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (cycle, name))
                """,
            """
                CREATE TABLE ballot (
                    cycle BIGINT NOT NULL REFERENCES cycle(year) ON DELETE CASCADE, juror TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (cycle, juror))
                """,
            """
                CREATE TABLE publication (cycle BIGINT PRIMARY KEY REFERENCES cycle(year) ON DELETE CASCADE, body TEXT NOT NULL)
                """,
            """
                CREATE TABLE recognition (position BIGINT PRIMARY KEY, body TEXT NOT NULL)
                """,
            """
                CREATE TABLE community (id TEXT PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL)
                """,
            """
                CREATE TABLE audit_log (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
                    action TEXT NOT NULL, entity TEXT NOT NULL, before TEXT, after TEXT, reason TEXT)
                """,
            """
                CREATE INDEX audit_log_entity ON audit_log (entity text_pattern_ops)
                """,
            """
                CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
                END;
                $$
                """,
            """
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
                """,
            """
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
                """,
        ]),
        PostgresLibrarySchema.migration,
        PostgresAccountSchema.migration,
        PostgresChangeSchema.migration,
        PostgresAccountSchema.attempts,
        PostgresOutboxSchema.migration,
    ]

    /// The statements that open a migration, in its transaction: they make concurrent migrators
    /// of the same schema wait for each other, then create the schema and its version table.
    static func preamble(schema: String) -> [PostgresQuery] {
        [
            "SELECT pg_advisory_xact_lock(hashtext(\(schema)))",
            PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema.replacingOccurrences(of: "\"", with: "\"\""))\""),
            """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """,
        ]
    }

    /// The versions a schema has already applied (once `preamble` has run).
    static let appliedVersions: PostgresQuery = "SELECT version FROM schema_version"

    /// The statements that apply every migration not in `applied`, each followed by its record
    /// in `schema_version`.
    static func pending(after applied: Set<Int>) -> [PostgresQuery] {
        migrations.filter { !applied.contains($0.version) }.flatMap { migration in
            migration.statements.map { PostgresQuery(unsafeSQL: $0) }
                + ["INSERT INTO schema_version (version, name) VALUES (\(migration.version), \(migration.name))"]
        }
    }

    /// Creates the schema if needed and brings it up to the newest migration, all in one
    /// transaction; several servers starting together take turns (`preamble`).
    static func migrate(_ connection: PostgresConnection, schema: String, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            for statement in preamble(schema: schema) { try await connection.query(statement, logger: logger) }
            var applied = Set<Int>()
            for try await version in try await connection.query(appliedVersions, logger: logger).decode(Int.self) { applied.insert(version) }
            for statement in pending(after: applied) { try await connection.query(statement, logger: logger) }
        }
    }
}
