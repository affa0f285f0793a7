// The platform's rows as every store keeps them, apart from any one database: what
// `civic db copy` reads from one store and writes into another.
//
// The tables and their columns come from one fixed list, `PlatformTables.all`, never from a
// database, so a copy names only tables and columns its own code knows. Each store maps its own
// types to the neutral ones explicitly (SQLite's 0/1 to `boolean`, its factor table to a
// `textList`); what a store derives from the rows (SQLite's FTS5 index and `key`, PostgreSQL's
// `search` column) is not part of a table here: the store that receives the rows rebuilds it.

/// One value of a stored row.
public enum StoredValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case boolean(Bool)
    case text(String)
    /// A list of texts (a case study's factors).
    case textList([String])

    /// The value's type; `nil` for `null`, which any nullable column takes.
    public var type: StoredType? {
        switch self {
        case .null: nil
        case .integer: .integer
        case .real: .real
        case .boolean: .boolean
        case .text: .text
        case .textList: .textList
        }
    }
}

/// The type of a column, as both stores can hold it.
public enum StoredType: String, Sendable, Hashable {
    /// A 64-bit integer (SQLite INTEGER, PostgreSQL BIGINT).
    case integer
    /// A double (SQLite REAL, PostgreSQL DOUBLE PRECISION).
    case real
    /// True or false (SQLite 0 or 1 in an INTEGER column, PostgreSQL BOOLEAN).
    case boolean
    /// UTF-8 text (TEXT in both).
    case text
    /// A list of texts (SQLite rows of a side table, PostgreSQL TEXT[]).
    case textList
}

/// One column of a platform table.
public struct StoredColumn: Sendable, Hashable {
    public var name: String
    public var type: StoredType
    public var nullable: Bool

    public init(_ name: String, _ type: StoredType, nullable: Bool = false) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

/// A platform table: its name, the columns every store keeps, and the columns that order its
/// rows (its primary key).
public struct StoredTableLayout: Sendable, Hashable {
    public var name: String
    public var columns: [StoredColumn]
    public var key: [String]

    public init(_ name: String, _ columns: [StoredColumn], key: [String]) {
        self.name = name
        self.columns = columns
        self.key = key
    }

    /// `nil` when `value` fits `column`, else what is wrong.
    public static func problem(_ value: StoredValue, in column: StoredColumn) -> String? {
        switch value.type {
        case nil: column.nullable ? nil : "is NULL, but may not be empty"
        case let type? where type == column.type: nil
        case let type?: "holds \(type.rawValue), not \(column.type.rawValue)"
        }
    }
}

/// The rows of one platform table, in its key's order, each with the values of `layout.columns`.
public struct StoredTable: Sendable, Hashable {
    public var layout: StoredTableLayout
    public var rows: [[StoredValue]]

    public init(layout: StoredTableLayout, rows: [[StoredValue]]) {
        self.layout = layout
        self.rows = rows
    }

    public var name: String { layout.name }
}

/// Every platform table with its rows, in the order of `PlatformTables.all`.
public struct PlatformSnapshot: Sendable, Hashable {
    public var tables: [StoredTable]

    public init(tables: [StoredTable]) { self.tables = tables }

    /// The number of rows of each table, in the tables' order.
    public var counts: [(table: String, rows: Int)] { tables.map { ($0.name, $0.rows.count) } }
}

/// The tables that hold a platform's data, the same in every store.
public enum PlatformTables {
    /// The tables behind the public pages: a change to one is reported to every server
    /// (`ChangeObservable`); accounts, sessions, tokens, sign-in counts and the audit log are not.
    public static let publicData = [
        "cycle", "nomination", "analyst", "assignment", "review", "shortlist", "ballot", "publication", "recognition", "community", "case_study",
    ]

    /// Every platform table, in an order a store can write them in: each table after the tables
    /// its rows refer to, and the audit log last.
    public static let all: [StoredTableLayout] = [
        StoredTableLayout("cycle", [.init("year", .integer), .init("phase", .text), .init("body", .text)], key: ["year"]),
        StoredTableLayout(
            "nomination", [.init("cycle", .integer), .init("id", .text), .init("state", .text), .init("body", .text)], key: ["cycle", "id"]),
        StoredTableLayout("analyst", [.init("id", .text), .init("body", .text)], key: ["id"]),
        StoredTableLayout(
            "assignment",
            [.init("cycle", .integer), .init("round", .integer), .init("nomination", .text), .init("analyst", .text), .init("manual", .boolean)],
            key: ["cycle", "round", "nomination", "analyst"]),
        StoredTableLayout(
            "review",
            [
                .init("cycle", .integer), .init("round", .integer), .init("nomination", .text), .init("analyst", .text),
                .init("state", .text), .init("body", .text),
            ],
            key: ["cycle", "round", "nomination", "analyst"]),
        StoredTableLayout("shortlist", [.init("cycle", .integer), .init("name", .text), .init("body", .text)], key: ["cycle", "name"]),
        StoredTableLayout("ballot", [.init("cycle", .integer), .init("juror", .text), .init("body", .text)], key: ["cycle", "juror"]),
        StoredTableLayout("publication", [.init("cycle", .integer), .init("body", .text)], key: ["cycle"]),
        StoredTableLayout("recognition", [.init("position", .integer), .init("body", .text)], key: ["position"]),
        StoredTableLayout("community", [.init("id", .text), .init("name", .text), .init("body", .text)], key: ["id"]),
        StoredTableLayout("account", [.init("id", .text), .init("role", .text), .init("body", .text)], key: ["id"]),
        StoredTableLayout(
            "session", [.init("id", .text), .init("account", .text), .init("expires", .real), .init("body", .text)], key: ["id"]),
        StoredTableLayout("api_token", [.init("id", .text), .init("account", .text), .init("body", .text)], key: ["id"]),
        StoredTableLayout(
            "sign_in_failure",
            [.init("account", .text), .init("client", .text), .init("failures", .integer), .init("locked_until", .real, nullable: true)],
            key: ["account", "client"]),
        StoredTableLayout("sign_in_attempt", [.init("client", .text), .init("at", .real)], key: ["client", "at"]),
        StoredTableLayout(
            "case_study",
            [
                .init("id", .text), .init("community", .text), .init("community_name", .text), .init("country", .text),
                .init("state", .text), .init("year", .integer), .init("factors", .textList), .init("title", .text),
                .init("summary", .text), .init("prose", .text), .init("body", .text),
            ],
            key: ["id"]),
        StoredTableLayout(
            "outbox",
            [
                .init("id", .text), .init("dedupe_key", .text), .init("recipient", .text), .init("language", .text), .init("kind", .text),
                .init("subject", .text), .init("body", .text), .init("status", .text), .init("attempts", .integer), .init("next_attempt", .real),
                .init("lease_until", .real, nullable: true), .init("claim", .text, nullable: true), .init("last_error", .text, nullable: true),
                .init("sent_at", .real, nullable: true), .init("queued_at", .real),
            ],
            key: ["id"]),
        StoredTableLayout("platform_key", [.init("name", .text), .init("value", .text)], key: ["name"]),
        StoredTableLayout(
            "audit_log",
            [
                .init("id", .integer), .init("at", .text), .init("actor", .text), .init("action", .text), .init("entity", .text),
                .init("before", .text, nullable: true), .init("after", .text, nullable: true), .init("reason", .text, nullable: true),
            ],
            key: ["id"]),
    ]
}
