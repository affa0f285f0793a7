import Awards
import Foundation
import PostgresNIO

extension PostgresPlatformStore {
    /// Writes a whole platform, read from another store, into this store's schema, which must
    /// hold no platform rows: `civic db copy`. Call `migrate()` first.
    ///
    /// Everything happens in one transaction, all or nothing: the platform tables are locked
    /// against every other writer, checked empty (else `.invalidState`, naming the location
    /// without its password and the first table with rows), and filled table by table in the
    /// order of `PlatformTables.all`, several hundred rows per statement, every value a parameter.
    /// The audit log keeps its ids, times and order, and its identity sequence continues after the
    /// last copied id; the copy then appends one entry of its own — action `copy`, entity
    /// `platform`, by `actor`, with the number of rows of each table as `after` — whose id
    /// follows the last copied one. PostgreSQL computes the case studies' search column as each
    /// row goes in, so the library searches the copied studies at once.
    ///
    /// - Returns: the audit entry recording the copy.
    @discardableResult
    public func importPlatform(_ snapshot: PlatformSnapshot, by actor: String) async throws(AwardsError) -> AuditEntry {
        guard snapshot.tables.map(\.layout) == PlatformTables.all else {
            throw AwardsError(
                .invalidValue, "the rows to copy are not the platform's tables (\(snapshot.tables.map(\.name).joined(separator: ", ")))")
        }
        let after = try Self.encodeCounts(snapshot)
        let lastID = try Self.lastAuditID(snapshot)
        return try await transaction(by: actor) { db, log in
            let names = PlatformTables.all.map { Self.quoted($0.name) }.joined(separator: ", ")
            // Servers on this schema may read meanwhile, but none may write until the copy ends.
            try await execute(db, PostgresQuery(unsafeSQL: "LOCK TABLE \(names) IN EXCLUSIVE MODE"))
            for layout in PlatformTables.all {
                if try await !rows(db, PostgresQuery(unsafeSQL: "SELECT 1 FROM \(Self.quoted(layout.name)) LIMIT 1")).isEmpty {
                    throw AwardsError(
                        .invalidState,
                        "\(location.redacted) already holds platform data (the table \(layout.name) has rows); a copy fills only an empty "
                            + "database: name a new schema with ?schema=…, or another database")
                }
            }
            for table in snapshot.tables { try await insert(table, db) }
            // The next entry — the copy's own — follows the last copied one.
            try await execute(db, "SELECT setval(pg_get_serial_sequence('audit_log', 'id'), \(lastID + 1), false)")
            try await log("copy", "platform", nil, after, nil)
            guard let entry = try await rows(db, PostgresAudit.page(AuditQuery(limit: 1))).first else {
                throw AwardsError(.storage, "the copy's audit entry is missing")
            }
            return try PostgresAudit.entry(entry)
        }
    }

    /// The most rows one INSERT carries: a few hundred, under PostgreSQL's limit of 65535
    /// parameters a statement.
    static func rowsPerStatement(columns: Int) -> Int { max(1, min(1000, 30_000 / max(1, columns))) }

    /// Inserts the rows of `table`, several hundred a statement, each value a typed parameter.
    private func insert(_ table: StoredTable, _ db: PostgresConnection) async throws {
        let layout = table.layout
        let columns = layout.columns.map { Self.quoted($0.name) }.joined(separator: ", ")
        // The audit log's ids are copied, not drawn from its identity sequence.
        let overriding = layout.name == "audit_log" ? " OVERRIDING SYSTEM VALUE" : ""
        let batchSize = Self.rowsPerStatement(columns: layout.columns.count)
        var start = 0
        while start < table.rows.count {
            let end = min(start + batchSize, table.rows.count)
            var bindings = PostgresBindings(capacity: (end - start) * layout.columns.count)
            var tuples: [String] = []
            tuples.reserveCapacity(end - start)
            for index in start..<end {
                let row = table.rows[index]
                guard row.count == layout.columns.count else {
                    throw AwardsError(.invalidValue, "the table \(layout.name), row \(index + 1): \(row.count) values for \(layout.columns.count) columns")
                }
                var placeholders: [String] = []
                placeholders.reserveCapacity(row.count)
                for (column, value) in zip(layout.columns, row) {
                    if let problem = StoredTableLayout.problem(value, in: column) {
                        throw AwardsError(.invalidValue, "the table \(layout.name), row \(index + 1): the column \(column.name) \(problem)", field: column.name)
                    }
                    Self.bind(value, &bindings)
                    placeholders.append("$\(bindings.count)::\(Self.sqlType(column.type))")
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            do {
                try await execute(db, PostgresQuery(
                    unsafeSQL: "INSERT INTO \(Self.quoted(layout.name)) (\(columns))\(overriding) VALUES \(tuples.joined(separator: ", "))",
                    binds: bindings))
            } catch let error as PSQLError {
                let server = [error.serverInfo?[.message], error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: ": ")
                throw AwardsError(
                    .storage,
                    "PostgreSQL refused the rows \(start + 1)–\(end) of \(layout.name) (\(server.isEmpty ? String(reflecting: error) : server)); nothing was copied")
            }
            start = end
        }
    }

    /// Appends `value` to `bindings` as the PostgreSQL type of its kind.
    private static func bind(_ value: StoredValue, _ bindings: inout PostgresBindings) {
        switch value {
        case .null: bindings.appendNull()
        case .integer(let integer): bindings.append(integer)
        case .real(let real): bindings.append(real)
        case .boolean(let boolean): bindings.append(boolean)
        case .text(let text): bindings.append(text)
        case .textList(let list): bindings.append(list)
        }
    }

    /// The PostgreSQL type of a column of `type`, as the schema declares it.
    private static func sqlType(_ type: StoredType) -> String {
        switch type {
        case .integer: "bigint"
        case .real: "double precision"
        case .boolean: "boolean"
        case .text: "text"
        case .textList: "text[]"
        }
    }

    /// The rows of each table, as the copy's audit entry records them: `{"account":4,…}`.
    private static func encodeCounts(_ snapshot: PlatformSnapshot) throws(AwardsError) -> String {
        do {
            return try StoredJSON.encode(Dictionary(uniqueKeysWithValues: snapshot.counts.map { ($0.table, $0.rows) }))
        } catch {
            throw AwardsError(.invalidValue, "the counts of the copy cannot be written (\(error))")
        }
    }

    /// The largest audit id of `snapshot`, 0 for an empty log.
    private static func lastAuditID(_ snapshot: PlatformSnapshot) throws(AwardsError) -> Int64 {
        guard let audit = snapshot.tables.first(where: { $0.name == "audit_log" }),
              let id = audit.layout.columns.firstIndex(where: { $0.name == "id" }) else {
            throw AwardsError(.invalidValue, "the rows to copy have no audit log")
        }
        var last: Int64 = 0
        for row in audit.rows {
            guard row.indices.contains(id), case .integer(let value) = row[id] else { throw AwardsError(.invalidValue, "an audit entry to copy has no id", field: "id") }
            last = max(last, value)
        }
        return last
    }

    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
