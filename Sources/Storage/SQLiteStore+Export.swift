import Awards
import Foundation
import GRDB

extension SQLiteStore {
    /// Every platform table of the SQLite file at `path`, read in one read transaction (one
    /// consistent state, even while a server writes), for `civic db copy`.
    ///
    /// The file is opened read-only, without SQLite's create flag: a missing file is never
    /// created, and nothing in the file is changed — no migration, no write. (SQLite itself may
    /// create the empty `-wal` and `-shm` companions of a WAL database, as any reader does.) A
    /// file that is not an SQLite database, or whose schema is not this version's complete
    /// platform schema, is refused with an error naming it.
    ///
    /// The values are checked against the column types of `PlatformTables`, and converted
    /// explicitly: `manual` from 0 or 1 to a boolean, a case study's factors from the
    /// `case_study_factor` rows to a list (in byte order; the table keeps no other), text read as
    /// its exact bytes. The derived parts (the `key` of a case study, the FTS5 index) are left out:
    /// the store that receives the rows rebuilds its own.
    public static func exportPlatform(path: String) throws(AwardsError) -> PlatformSnapshot {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AwardsError(.unreadableFile, "there is no such file (give the SQLite file of a platform)", file: path)
        }
        guard !isDirectory.boolValue else { throw AwardsError(.unreadableFile, "is a directory, not the SQLite file of a platform", file: path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                try requirePlatformSchema(db, path: path)
                return PlatformSnapshot(tables: try PlatformTables.all.map { try table($0, db, path: path) })
            }
        } catch let error as AwardsError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw AwardsError(.unreadableFile, "is not an SQLite database", file: path)
        } catch {
            throw AwardsError(.unreadableFile, "cannot be read as an SQLite database (\(error))", file: path)
        }
    }

    /// Fails unless the file has exactly this version's migrations: the platform schema, whole.
    private static func requirePlatformSchema(_ db: Database, path: String) throws {
        let migrator = Schema.migrator
        let applied = try migrator.appliedIdentifiers(db)
        if applied.isEmpty {
            throw AwardsError(.unreadableFile, "is an SQLite database but not a Civic Index platform (it has no platform schema)", file: path)
        }
        let unknown = applied.subtracting(migrator.migrations)
        if !unknown.isEmpty {
            throw AwardsError(
                .unreadableFile,
                "was written by a newer civic (its schema has the migrations \(unknown.sorted().joined(separator: ", ")), unknown here); copy it with that version",
                file: path)
        }
        let missing = migrator.migrations.filter { !applied.contains($0) }
        if !missing.isEmpty {
            throw AwardsError(
                .unreadableFile,
                "has an older platform schema (it lacks \(missing.joined(separator: ", "))); open it once with this civic "
                    + "(civic account list --database FILE) to bring it up to date, then copy it",
                file: path)
        }
    }

    /// The rows of one table, in the order of its key.
    private static func table(_ layout: StoredTableLayout, _ db: Database, path: String) throws -> StoredTable {
        let columns = layout.columns.map { expression(for: $0, of: layout.name) }.joined(separator: ", ")
        let order = layout.key.map(quoted).joined(separator: ", ")
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(quoted(layout.name)) ORDER BY \(order)")
        var rows: [[StoredValue]] = []
        while let row = try cursor.next() {
            var values: [StoredValue] = []
            values.reserveCapacity(layout.columns.count)
            for (index, column) in layout.columns.enumerated() {
                let stored: DatabaseValue = row[index]
                switch value(stored, column) {
                case .success(let value):
                    values.append(value)
                case .failure(let problem):
                    throw AwardsError(
                        .storage, "the table \(layout.name), row \(rows.count + 1) in key order: the column \(column.name) \(problem.text)",
                        file: path, field: column.name)
                }
            }
            rows.append(values)
        }
        return StoredTable(layout: layout, rows: rows)
    }

    /// The SQL that reads `column`: the column itself, text as its bytes (a value of another
    /// type comes as the name of its type, to be refused), factors as a JSON array.
    private static func expression(for column: StoredColumn, of table: String) -> String {
        let name = quoted(column.name)
        switch (table, column.name, column.type) {
        case ("case_study", "factors", .textList):
            return "(SELECT json_group_array(f.factor) FROM case_study_factor f WHERE f.case_study = case_study.key)"
        case (_, _, .text):
            return "CASE typeof(\(name)) WHEN 'text' THEN CAST(\(name) AS BLOB) WHEN 'null' THEN NULL ELSE typeof(\(name)) END"
        default:
            return name
        }
    }

    /// What is wrong with a stored value.
    private struct Problem: Error {
        let text: String
    }

    /// `stored` as a value of `column`'s type, converted explicitly; a `Problem` if it is not one.
    private static func value(_ stored: DatabaseValue, _ column: StoredColumn) -> Result<StoredValue, Problem> {
        let value: StoredValue
        switch (column.type, stored.storage) {
        case (_, .null):
            value = .null
        case (.integer, .int64(let integer)):
            value = .integer(integer)
        case (.real, .double(let real)):
            value = .real(real)
        case (.real, .int64(let integer)):
            value = .real(Double(integer))
        case (.boolean, .int64(let integer)) where integer == 0 || integer == 1:
            value = .boolean(integer == 1)
        case (.boolean, .int64(let integer)):
            return .failure(Problem(text: "holds \(integer), not 0 or 1 (false or true)"))
        case (.text, .blob(let bytes)):
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(Problem(text: "holds text that is not valid UTF-8")) }
            value = .text(text)
        case (.text, .string(let type)):
            return .failure(Problem(text: "holds \(type == "blob" ? "a blob" : "a number (\(type))"), not text"))
        case (.textList, .string(let json)):
            guard let list = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else {
                return .failure(Problem(text: "cannot be read as a list of texts"))
            }
            // Byte order, as SQLite's BINARY collation sorts: the table keeps no order of its own.
            value = .textList(list.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        case (let type, let storage):
            return .failure(Problem(text: "holds \(storage), not \(type.rawValue)"))
        }
        if let problem = StoredTableLayout.problem(value, in: column) { return .failure(Problem(text: problem)) }
        return .success(value)
    }

    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
