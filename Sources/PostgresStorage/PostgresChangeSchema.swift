/// The part of the PostgreSQL schema that reports changes to every server on the database.
///
/// A statement trigger on each public table sends a notification on the channel `civic_changes`
/// whose payload is the schema's name, so that platforms in other schemas of the same database
/// ignore it. PostgreSQL delivers notifications only when the transaction commits, and folds
/// identical ones of one transaction into one, so a change of many rows sends one notification
/// and a change rolled back sends none. Any writer triggers it, `civic db copy` and plain SQL alike.
enum PostgresChangeSchema {
    /// The channel the servers listen on.
    static let channel = "civic_changes"

    /// The tables that migration 4 gives a trigger: `PlatformTables.publicData` as it was then,
    /// written out because a migration must not change once applied. A public table added later
    /// gets its trigger in a migration of its own (`ChangeObservationTests` checks every one has).
    static let tables = [
        "cycle", "nomination", "analyst", "assignment", "review", "shortlist", "ballot", "publication", "recognition", "community", "case_study",
    ]

    static let migration = PostgresSchema.Migration(
        version: 4, name: "change notifications",
        statements: [
            """
                CREATE FUNCTION civic_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('\(channel)', TG_TABLE_SCHEMA);
                    RETURN NULL;
                END;
                $$
                """,
        ]
            + tables.map {
                """
                CREATE TRIGGER \($0)_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \($0)
                    FOR EACH STATEMENT EXECUTE FUNCTION civic_notify_change()
                """
            })
}
