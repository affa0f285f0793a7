import Awards
import PostgresStorage
import Testing
@testable import WebApp

/// The `--database` setting: a path, or a PostgreSQL URL read strictly and never shown with its
/// password.
@Suite("Database setting")
struct PlatformDatabaseTests {
    @Test("a path is an SQLite file; a postgres:// or postgresql:// URL, in any case, is PostgreSQL with its parts decoded")
    func reading() throws {
        #expect(try PlatformDatabase("civic.sqlite") == .sqlite(path: "civic.sqlite"))
        #expect(try PlatformDatabase("/var/lib/postgres://odd.sqlite") == .sqlite(path: "/var/lib/postgres://odd.sqlite"))
        let location = PostgresLocation(host: "db.example", port: 6543, username: "civic", password: "p@ss word", database: "awards", schema: "round 2")
        #expect(try PlatformDatabase("POSTGRES://civic:p%40ss%20word@db.example:6543/awards?schema=round%202") == .postgres(location))
        #expect(try PlatformDatabase("postgresql://civic@db.example") == .postgres(PostgresLocation(host: "db.example", username: "civic", password: nil, database: "civic")))
    }

    @Test("an unusable URL is refused naming the setting and not repeating the URL", arguments: [
        "postgres://db.example/awards", "postgres://civic:secret@/awards", "postgres://civic:secret@db.example:port/awards",
        "postgres://civic:secret@db.example/awards?sslmode=disable", "postgres://civic:secret@db.example/awards?schema=",
        "postgres://civic:secret@db.example/awards?schema=" + String(repeating: "s", count: 64), "postgres://civic:secret@db.example/awards?schema=a%00b",
    ])
    func refused(_ setting: String) {
        let error = #expect(throws: AwardsError.self) { try PlatformDatabase(setting) }
        #expect(error?.field == "database")
        #expect(error.map { !$0.message.contains("secret") } == true)
    }

    @Test("the URL is shown without its password, and a hostile schema name is quoted as one identifier")
    func shown() throws {
        let database = try PlatformDatabase(#"postgres://civic:secret@db.example/awards?schema=x%22;%20DROP%20SCHEMA%20public;%20--"#)
        #expect(database.description == "postgres://civic:***@db.example:5432/awards?schema=x%22;%20DROP%20SCHEMA%20public;%20--")
        guard case .postgres(let location) = database else { Issue.record("not PostgreSQL"); return }
        #expect(location.schema == #"x"; DROP SCHEMA public; --"#)
    }
}
