/// The accounts' part of the PostgreSQL schema: accounts, sessions, API tokens and the failed
/// sign-ins counted per account and client address, the same tables as `AccountSchema` keeps in
/// SQLite, so that every server on the database shares one count and one set of sessions.
///
/// Times (`expires`, `locked_until`) are seconds since 1970, as in SQLite, so both stores compare
/// them alike and `civic db copy` moves them unchanged.
enum PostgresAccountSchema {
    static let migration = PostgresSchema.Migration(version: 3, name: "accounts", statements: [
        """
            CREATE TABLE account (id TEXT PRIMARY KEY, role TEXT NOT NULL, body TEXT NOT NULL)
            """,
        """
            CREATE TABLE session (
                id TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                expires DOUBLE PRECISION NOT NULL, body TEXT NOT NULL)
            """,
        """
            CREATE INDEX session_account ON session (account)
            """,
        """
            CREATE INDEX session_expires ON session (expires)
            """,
        """
            CREATE TABLE api_token (
                id TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, body TEXT NOT NULL)
            """,
        """
            CREATE INDEX api_token_account ON api_token (account)
            """,
        """
            CREATE TABLE sign_in_failure (
                account TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, client TEXT NOT NULL,
                failures BIGINT NOT NULL, locked_until DOUBLE PRECISION, PRIMARY KEY (account, client))
            """,
    ])

    /// Sign-in attempts per client address, counted here so that every server counts them together.
    static let attempts = PostgresSchema.Migration(version: 5, name: "sign-in attempts", statements: [
        """
            CREATE TABLE sign_in_attempt (client TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)
            """,
        """
            CREATE INDEX sign_in_attempt_client ON sign_in_attempt (client, at)
            """,
        """
            CREATE INDEX sign_in_attempt_at ON sign_in_attempt (at)
            """,
    ])
}
