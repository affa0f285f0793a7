import GRDB

/// The database schema, as an ordered list of migrations.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: programme") { db in
            try db.execute(sql: """
                CREATE TABLE cycle (year INTEGER PRIMARY KEY, phase TEXT NOT NULL, body TEXT NOT NULL);
                CREATE TABLE nomination (
                    cycle INTEGER NOT NULL REFERENCES cycle(year) ON DELETE CASCADE,
                    id TEXT NOT NULL, state TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (cycle, id));
                CREATE TABLE analyst (id TEXT PRIMARY KEY, body TEXT NOT NULL);
                CREATE TABLE assignment (
                    cycle INTEGER NOT NULL, round INTEGER NOT NULL, nomination TEXT NOT NULL,
                    analyst TEXT NOT NULL REFERENCES analyst(id), manual INTEGER NOT NULL,
                    PRIMARY KEY (cycle, round, nomination, analyst),
                    FOREIGN KEY (cycle, nomination) REFERENCES nomination(cycle, id) ON DELETE CASCADE);
                CREATE TABLE review (
                    cycle INTEGER NOT NULL, round INTEGER NOT NULL, nomination TEXT NOT NULL,
                    analyst TEXT NOT NULL REFERENCES analyst(id), state TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (cycle, round, nomination, analyst),
                    FOREIGN KEY (cycle, nomination) REFERENCES nomination(cycle, id) ON DELETE CASCADE);
                CREATE TABLE shortlist (
                    cycle INTEGER NOT NULL REFERENCES cycle(year) ON DELETE CASCADE, name TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (cycle, name));
                CREATE TABLE ballot (
                    cycle INTEGER NOT NULL REFERENCES cycle(year) ON DELETE CASCADE, juror TEXT NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (cycle, juror));
                CREATE TABLE publication (cycle INTEGER PRIMARY KEY REFERENCES cycle(year) ON DELETE CASCADE, body TEXT NOT NULL);
                CREATE TABLE recognition (position INTEGER PRIMARY KEY, body TEXT NOT NULL);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                    entity TEXT NOT NULL, before TEXT, after TEXT, reason TEXT);
                CREATE INDEX audit_log_entity ON audit_log(entity);
                -- The log is append-only: the database itself refuses edits and deletions.
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        migrator.registerMigration("v2: communities") { db in
            try db.execute(sql: "CREATE TABLE community (id TEXT PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL)")
        }
        LibrarySchema.register(in: &migrator)
        AccountSchema.register(in: &migrator)
        OutboxSchema.register(in: &migrator)
        return migrator
    }
}
