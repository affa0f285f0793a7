import Awards
import Foundation

/// Where a PostgreSQL store connects: the server, the role, the database and the schema whose
/// tables hold the programme.
public struct PostgresLocation: Sendable, Equatable {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to sign in as.
    public var username: String
    /// The role's password, if it has one.
    public var password: String?
    /// The database.
    public var database: String
    /// The schema that holds the programme's tables (`public` by default).
    public var schema: String

    /// Creates a location.
    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, schema: String = "public") {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
    }

    /// Reads a location from a URL such as `postgres://civic:civic@127.0.0.1:5432/civic_test`;
    /// `?schema=name` chooses the schema, which is `schema` otherwise. The scheme is read in any
    /// case; a schema's name must fit PostgreSQL's 63 bytes, which it would otherwise cut without
    /// a word, so that two long names could name one schema.
    public init(url: String, schema: String = "public") throws(AwardsError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              ["postgres", "postgresql"].contains(scheme), let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty else {
            throw AwardsError(.invalidValue, "is not a PostgreSQL URL (postgres://user:password@host:port/database)", field: "url")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        var schema = schema
        for item in components.queryItems ?? [] {
            guard item.name == "schema", let value = item.value, !value.isEmpty else {
                throw AwardsError(.invalidValue, "'\(item.name)' is not a setting of a PostgreSQL URL here (only ?schema=name)", field: "url")
            }
            schema = value
        }
        guard schema.utf8.count <= 63, !schema.contains("\0") else {
            throw AwardsError(.invalidValue, "the schema's name is longer than PostgreSQL's 63 bytes, or holds a NUL", field: "url")
        }
        self.init(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 },
            database: database.isEmpty ? user : database, schema: schema)
    }

    /// The location as a URL without its password, fit for logs and messages.
    public var redacted: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = username
        components.password = password == nil ? nil : "***"
        components.host = host
        components.port = port
        components.path = "/" + database
        if schema != "public" { components.queryItems = [URLQueryItem(name: "schema", value: schema)] }
        return components.string ?? "postgres://\(host):\(port)/\(database)"
    }

    /// The schema's name quoted as an SQL identifier.
    var quotedSchema: String { "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
