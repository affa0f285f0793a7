import Foundation

/// The column names a native build reads, for files whose headers use other words.
///
/// By default each field is read from the column of its own name (`code` from `code`). A spec
/// may name another column per file and field, so that files exported from elsewhere are read
/// as they are:
///
/// ```json
/// "columns": { "units": { "code": "unit_code", "name": "unit_name" }, "values": { "unit": "iso3", "time": "year" } }
/// ```
///
/// Only the fields below may be renamed; two fields of one file may not share a column.
public struct NativeColumns: Sendable, Codable, Equatable {
    /// For each file (`units`, `indicators`, `values`, `hierarchy`): the column of each renamed field.
    public private(set) var names: [String: [String: String]]

    /// The fields that each native file may rename.
    public static let fields: [(file: String, fields: [String])] = [
        ("units", ["code", "name", "latitude", "longitude"]),
        ("indicators", ["code", "name", "parent", "level", "type", "direction", "weight", "unit", "target", "denominator", "goalpost_low", "goalpost_high"]),
        ("values", ["unit", "time", "indicator", "value"]),
        ("hierarchy", ["code", "name", "parent", "weight", "level"]),
    ]

    /// No renamed columns: every field is read from the column of its own name.
    public init() { names = [:] }

    /// Renames columns, by file and field; checked as a spec's `columns` is.
    public init(_ names: [String: [String: String]]) throws(IndexEngineError) {
        for (file, renamed) in names {
            guard let known = Self.fields.first(where: { $0.file == file }) else {
                throw IndexEngineError(.invalidSpec, "unknown file; expected one of: \(Self.fields.map(\.file).joined(separator: ", "))", column: "inputs.columns.\(file)")
            }
            if let problem = Self.problem(renamed, known: known.fields) {
                throw IndexEngineError(.invalidSpec, problem.message, column: "inputs.columns.\(file).\(problem.field)")
            }
        }
        self.names = names.filter { !$0.value.isEmpty }
    }

    /// What is wrong with one file's renamed fields, if anything: an unknown field, an empty
    /// column name, or two fields read from one column.
    private static func problem(_ renamed: [String: String], known: [String]) -> (field: String, message: String)? {
        var fieldOfColumn: [String: String] = [:]
        for field in renamed.keys.sorted() {
            guard known.contains(field) else { return (field, "unknown field; expected one of: \(known.joined(separator: ", "))") }
            let column = renamed[field] ?? ""
            guard !column.trimmingSpaces.isEmpty, column == column.trimmingSpaces else {
                return (field, "a column name must not be empty or begin or end with a space")
            }
            if let other = fieldOfColumn[column] {
                return (field, "the column '\(column)' is already read as \(other); a column serves one field")
            }
            fieldOfColumn[column] = field
        }
        return nil
    }

    /// The column that holds `field` in `file`.
    public func column(_ field: String, in file: String) -> String {
        names[file]?[field] ?? field
    }

    /// The spec field that renames `field` in `file`, for messages.
    static func specField(_ field: String, in file: String) -> String { "inputs.columns.\(file).\(field)" }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Self.fields.map(\.file))
        let c = try decoder.container(keyedBy: AnyKey.self)
        var names: [String: [String: String]] = [:]
        for (file, known) in Self.fields {
            let key = AnyKey(file)
            guard c.contains(key) else { continue }
            try c.superDecoder(forKey: key).rejectUnknownKeys(known)
            let renamed = try c.decode([String: String].self, forKey: key)
            if let problem = Self.problem(renamed, known: known) {
                let inner = try c.nestedContainer(keyedBy: AnyKey.self, forKey: key)
                throw DecodingError.dataCorruptedError(forKey: AnyKey(problem.field), in: inner, debugDescription: problem.message)
            }
            names[file] = renamed
        }
        self.names = names.filter { !$0.value.isEmpty }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for (file, renamed) in names { try c.encode(renamed, forKey: AnyKey(file)) }
    }
}

/// A native CSV file read through its spec's column names: fields are asked for by their own
/// names, and errors name the file's columns.
struct NativeTable {
    /// The file as parsed.
    let table: CSVTable
    /// Which native file this is (`units`, `indicators`, `values`, `hierarchy`).
    let role: String
    let columns: NativeColumns

    /// Checks that every renamed column exists in the file.
    init(_ table: CSVTable, role: String, columns: NativeColumns) throws(IndexEngineError) {
        self.table = table
        self.role = role
        self.columns = columns
        for (field, column) in (columns.names[role] ?? [:]).sorted(by: { $0.key < $1.key }) where table.columnIndex(column) == nil {
            throw IndexEngineError(
                .missingColumn, "the column '\(column)' named by \(NativeColumns.specField(field, in: role)) is not in the file",
                file: table.name, row: 1, column: column)
        }
    }

    var name: String { table.name }
    var header: [String] { table.header }
    var rows: [[String]] { table.rows }
    var rowNumbers: [Int] { table.rowNumbers }

    /// The column of the file that holds `field`.
    func column(_ field: String) -> String { columns.column(field, in: role) }

    /// The index of the column holding `field`, if the file has it.
    func index(_ field: String) -> Int? { table.columnIndex(column(field)) }

    /// The index of the column holding `field`, or an error naming the file and the column.
    func require(_ field: String) throws(IndexEngineError) -> Int { try table.requireColumn(column(field)) }
}
