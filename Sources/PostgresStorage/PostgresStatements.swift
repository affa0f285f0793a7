import PostgresNIO

/// The statements of the busiest paths, prepared once per connection (PostgresNIO's prepared
/// statements), so that PostgreSQL parses and plans them once rather than on every request.
enum PostgresStatements {
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
}
