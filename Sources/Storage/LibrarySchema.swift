import GRDB

/// The tables of the best-practice library: case studies, their factors, and the full-text
/// index that searches them.
enum LibrarySchema {
    /// The full-text index's weight of each column, in the index's column order: a word in the
    /// title counts ten times one in the body.
    static let columnWeights: [Double] = [10, 4, 1, 6]

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3: library") { db in
            // `key` is declared so that VACUUM cannot renumber the rows the index points to.
            // The index reads its text from `case_study` (external content), and the triggers
            // keep it in step with every insert, update and delete, in the same transaction.
            try db.execute(sql: """
                CREATE TABLE case_study (
                    key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                    community TEXT NOT NULL, community_name TEXT NOT NULL, country TEXT NOT NULL,
                    state TEXT NOT NULL, year INTEGER NOT NULL,
                    title TEXT NOT NULL, summary TEXT NOT NULL, prose TEXT NOT NULL, body TEXT NOT NULL);
                CREATE INDEX case_study_listing ON case_study(state, year DESC, title);
                CREATE INDEX case_study_community ON case_study(community);
                CREATE TABLE case_study_factor (
                    factor TEXT NOT NULL, case_study INTEGER NOT NULL REFERENCES case_study(key) ON DELETE CASCADE,
                    PRIMARY KEY (factor, case_study)) WITHOUT ROWID;
                CREATE INDEX case_study_factor_case_study ON case_study_factor(case_study);
                CREATE VIRTUAL TABLE case_study_text USING fts5(
                    title, summary, prose, community_name,
                    content = 'case_study', content_rowid = 'key',
                    tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE TRIGGER case_study_text_insert AFTER INSERT ON case_study BEGIN
                    INSERT INTO case_study_text (rowid, title, summary, prose, community_name)
                    VALUES (new.key, new.title, new.summary, new.prose, new.community_name);
                END;
                CREATE TRIGGER case_study_text_delete AFTER DELETE ON case_study BEGIN
                    INSERT INTO case_study_text (case_study_text, rowid, title, summary, prose, community_name)
                    VALUES ('delete', old.key, old.title, old.summary, old.prose, old.community_name);
                END;
                CREATE TRIGGER case_study_text_update AFTER UPDATE ON case_study BEGIN
                    INSERT INTO case_study_text (case_study_text, rowid, title, summary, prose, community_name)
                    VALUES ('delete', old.key, old.title, old.summary, old.prose, old.community_name);
                    INSERT INTO case_study_text (rowid, title, summary, prose, community_name)
                    VALUES (new.key, new.title, new.summary, new.prose, new.community_name);
                END;
                """)
        }
    }
}
