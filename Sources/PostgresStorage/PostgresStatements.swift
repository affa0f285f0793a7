import PostgresNIO

/// The statements of the busiest paths — every API call's token, every nomination's cycle and
/// the nomination itself — prepared once per connection (PostgresNIO's prepared statements), so
/// that PostgreSQL parses and plans them once rather than on every request.
enum PostgresStatements {
    /// The stored text of a cycle.
    struct CycleBody: PostgresPreparedStatement {
        static let sql = "SELECT body FROM cycle WHERE year = $1"
        typealias Row = String
        var year: Int

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(year)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> String { try row.decode(String.self) }
    }

    /// The stored texts of an API token and of the account it belongs to, in one read.
    struct TokenWithAccount: PostgresPreparedStatement {
        static let sql = "SELECT api_token.body, account.body FROM api_token JOIN account ON account.id = api_token.account WHERE api_token.id = $1"
        typealias Row = (String, String)
        var id: String

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> (String, String) { try row.decode((String, String).self) }
    }

    /// Saves one nomination and appends its audit entry in one statement, which alone (outside
    /// a transaction) is a transaction of its own: one round trip instead of seven.
    ///
    /// The row as it was is read and locked (`FOR UPDATE`), then replaced; a nomination not yet
    /// stored is inserted. The audit entry's `before` is therefore the body this write replaced,
    /// as a change of a locked row sees the last committed version even when it was committed
    /// after the statement began. The one case a single statement cannot see is a nomination
    /// created by another transaction still in progress when this one began: the insert then
    /// meets that row (`ON CONFLICT DO NOTHING`, after waiting for it), nothing is written, no
    /// entry is logged, and the statement reports `saved = 0` — the caller runs it again, and the
    /// new statement sees the row and replaces it. So concurrent writers of one nomination, on
    /// any server, take turns and each entry's `before` is the previous one's `after`, without
    /// the advisory lock a transaction of several statements needs.
    ///
    /// The cycle's row is share-locked (`FOR KEY SHARE`), so that it cannot be removed until the
    /// statement commits; `cycles = 0` when there is no such cycle, and then nothing is written.
    /// With `expectedVersion`, the nomination is written only if the cycle's row is still the
    /// version its caller checked the nomination against; else nothing is written and `cycle` is
    /// the text as it is now, with its `version` (both of the row version locked), to check
    /// again. The version is the row's `xmin`, the transaction that wrote it: every change of
    /// the cycle writes a new row version with its own, so it stands for the text without
    /// sending or comparing the text's kilobytes on every write.
    struct SaveNomination: PostgresPreparedStatement {
        static let sql = """
            WITH the_cycle AS (
                SELECT year, body, xmin::text AS version FROM cycle WHERE year = $1 FOR KEY SHARE
            ), checked AS (
                SELECT year FROM the_cycle WHERE $8::text IS NULL OR version = $8::text
            ), present AS (
                SELECT body FROM nomination WHERE cycle = $1 AND id = $2 AND EXISTS (SELECT FROM checked) FOR UPDATE
            ), replaced AS (
                UPDATE nomination SET state = $3, body = $4 FROM present, checked
                WHERE nomination.cycle = $1 AND nomination.id = $2
                RETURNING present.body AS old_body
            ), inserted AS (
                INSERT INTO nomination (cycle, id, state, body)
                SELECT $1, $2, $3, $4 FROM checked WHERE NOT EXISTS (SELECT FROM present)
                ON CONFLICT (cycle, id) DO NOTHING
                RETURNING NULL::text AS old_body
            ), logged AS (
                INSERT INTO audit_log (at, actor, action, entity, before, after, reason)
                SELECT $5, $6, 'save', $7, changed.old_body, $4, NULL
                FROM (SELECT old_body FROM replaced UNION ALL SELECT old_body FROM inserted) AS changed
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM the_cycle), (SELECT count(*) FROM logged),
                (SELECT body FROM the_cycle WHERE NOT EXISTS (SELECT FROM checked)),
                (SELECT version FROM the_cycle WHERE NOT EXISTS (SELECT FROM checked))
            """
        typealias Row = (cycles: Int, saved: Int, cycle: String?, version: String?)
        static let bindingDataTypes: [PostgresDataType] = [.int8, .text, .text, .text, .text, .text, .text, .text]
        var cycle: Int
        var id: String
        var state: String
        var body: String
        var at: String
        var actor: String
        var entity: String
        var expectedVersion: String?

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(cycle)
            bindings.append(id)
            bindings.append(state)
            bindings.append(body)
            bindings.append(at)
            bindings.append(actor)
            bindings.append(entity)
            bindings.append(expectedVersion)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode((Int, Int, String?, String?).self) }
    }
}
