/// Reads Civic Index's own layout: `units.csv`, `indicators.csv` and `values.csv`, and
/// optionally a hierarchy file listing the aggregates.
///
/// - `units.csv`: `code`, `name`, then any group columns (region, income band, …) and the
///   denominator columns that `indicators.csv` names; `latitude` and `longitude` are allowed.
/// - `indicators.csv`: `code`, `name`, `parent`, and optionally `level`, `type` (indicator or
///   aggregate), `direction`, `weight`, `unit`, `target`, `denominator`, `goalpost_low`,
///   `goalpost_high`. Without `level`, levels follow from the hierarchy; without `type`, a node
///   that is somebody's parent is an aggregate.
/// - the hierarchy file: `code`, `name`, `parent`, and optionally `weight` and `level`, one row
///   per aggregate; `indicators.csv` may then list the indicators alone. A code in both files
///   must have the same definition in both.
/// - `values.csv`: wide (`unit`, optional `time`, one column per indicator) or long (`unit`,
///   `indicator`, optional `time`, `value`).
///
/// A spec's `columns` (`NativeColumns`) may read any of these fields from a column of another name.
public enum NativeInput {
    /// One row of `indicators.csv` or of the hierarchy file: a node before its kind and level are known.
    private struct Entry {
        var code: String
        var parent: String?
        /// 0 for `indicators.csv`, 1 for the hierarchy file.
        var table: Int
        /// The position of the row among the table's rows.
        var index: Int
    }

    static func framework(_ indicators: NativeTable, hierarchy: NativeTable? = nil) throws(IndexEngineError) -> Framework {
        let tables = [indicators] + (hierarchy.map { [$0] } ?? [])
        var entries: [Entry] = []
        var position: [String: Int] = [:]
        /// Codes of the hierarchy file also in `indicators.csv`: the entry there, the row index here.
        var repeated: [(entry: Int, index: Int)] = []
        for (t, table) in tables.enumerated() {
            let codeColumn = try table.require("code")
            let parentColumn = try table.require("parent")
            if t == 1 { _ = try table.require("name") }
            for (i, (fields, row)) in zip(table.rows, table.rowNumbers).enumerated() {
                guard let code = Cell.text(fields[codeColumn]) else {
                    throw IndexEngineError(.unknownCode, "the row has no code", file: table.name, row: row, column: table.column("code"))
                }
                if let first = position[code] {
                    guard entries[first].table != t else {
                        let firstRow = table.rowNumbers[entries[first].index]
                        throw IndexEngineError(.duplicateCode, "the code '\(code)' is defined twice (first on row \(firstRow))", file: table.name, row: row, column: table.column("code"))
                    }
                    repeated.append((first, i))
                    continue
                }
                position[code] = entries.count
                entries.append(Entry(code: code, parent: Cell.text(fields[parentColumn]), table: t, index: i))
            }
        }
        func table(of entry: Entry) -> NativeTable { tables[entry.table] }
        func fields(of entry: Entry) -> [String] { tables[entry.table].rows[entry.index] }
        func row(of entry: Entry) -> Int { tables[entry.table].rowNumbers[entry.index] }

        for entry in entries {
            if let parent = entry.parent, position[parent] == nil {
                let whereLooked = hierarchy.map { "in neither \(indicators.name) nor \($0.name)" } ?? "defined"
                throw IndexEngineError(
                    .unknownCode, "the parent '\(parent)' of '\(entry.code)' is not \(whereLooked)",
                    file: table(of: entry).name, row: row(of: entry), column: table(of: entry).column("parent"))
            }
        }
        let parentSet = Set(entries.compactMap(\.parent))

        var kinds: [FrameworkNode.Kind] = []
        for entry in entries {
            if entry.table == 1 {
                kinds.append(.aggregate)
            } else if let typeColumn = indicators.index("type"), let type = Cell.text(fields(of: entry)[typeColumn])?.lowercased() {
                guard let kind = FrameworkNode.Kind(rawValue: type) else {
                    throw IndexEngineError(.invalidParameter, "unknown type '\(type)'; expected indicator or aggregate", file: indicators.name, row: row(of: entry), column: indicators.column("type"))
                }
                kinds.append(kind)
            } else {
                kinds.append(parentSet.contains(entry.code) ? .aggregate : .indicator)
            }
        }

        // Levels as the files give them: every row's when every file has a level column.
        var given: [Int?] = []
        for entry in entries {
            let table = table(of: entry)
            guard let levelColumn = table.index("level") else { given.append(nil); continue }
            let value = try Cell.number(fields(of: entry)[levelColumn], file: table.name, row: row(of: entry), column: table.column("level"))
            guard let level = Int(exactly: value), level >= 1 else {
                throw IndexEngineError(.invalidHierarchy, "'\(entry.code)' needs a whole level of 1 or more", file: table.name, row: row(of: entry), column: table.column("level"))
            }
            given.append(level)
        }
        let levelsGiven = given.allSatisfy { $0 != nil }
        var levels = given.map { $0 ?? 1 }
        if !levelsGiven {
            levels = Array(repeating: 1, count: entries.count)
            let parentOf = entries.map { $0.parent.flatMap { position[$0] } }
            // Each node sits one level above the deepest chain of children beneath it.
            for start in entries.indices where kinds[start] == .indicator {
                var visited: Set<Int> = [start]
                var cursor = parentOf[start]
                var depth = 1
                while let c = cursor {
                    if !visited.insert(c).inserted {
                        var members = [c]
                        var next = parentOf[c]
                        while let n = next, n != c, !members.contains(n) { members.append(n); next = parentOf[n] }
                        let path = members.map { entries[$0].code }.joined(separator: ", ")
                        throw IndexEngineError(.cycle, "the hierarchy has a cycle through \(path)", file: table(of: entries[c]).name, row: row(of: entries[c]), column: table(of: entries[c]).column("parent"))
                    }
                    depth += 1
                    levels[c] = max(levels[c], depth)
                    cursor = parentOf[c]
                }
            }
            // Aggregates reached only through a cycle would otherwise stay at level 1.
            for i in entries.indices where kinds[i] == .aggregate && levels[i] == 1 { levels[i] = 2 }
            // A level one file gives must be the level the hierarchy puts the node at.
            for (i, level) in given.enumerated() {
                guard let level, level != levels[i] else { continue }
                let table = table(of: entries[i])
                throw IndexEngineError(
                    .invalidHierarchy, "'\(entries[i].code)' is given level \(level), but its place in the hierarchy is level \(levels[i])",
                    file: table.name, row: row(of: entries[i]), column: table.column("level"))
            }
        }

        var nodes: [FrameworkNode] = []
        for (i, entry) in entries.enumerated() {
            let table = table(of: entry), fields = fields(of: entry), row = row(of: entry)
            func number(_ name: String) throws(IndexEngineError) -> Double? {
                guard let c = table.index(name) else { return nil }
                return try Cell.optionalNumber(fields[c], file: table.name, row: row, column: table.column(name))
            }
            func text(_ name: String) -> String? { table.index(name).flatMap { Cell.text(fields[$0]) } }
            if entry.table == 1 {
                nodes.append(FrameworkNode(
                    code: entry.code, name: text("name") ?? entry.code, level: levels[i], parent: entry.parent, kind: .aggregate,
                    weight: try number("weight") ?? 1))
                continue
            }
            let direction = try number("direction") ?? 1
            guard direction == 1 || direction == -1 else {
                throw IndexEngineError(.invalidParameter, "the direction of '\(entry.code)' must be 1 or -1, not \(direction)", file: table.name, row: row, column: table.column("direction"))
            }
            nodes.append(FrameworkNode(
                code: entry.code, name: text("name") ?? entry.code, level: levels[i],
                parent: entry.parent, kind: kinds[i], weight: try number("weight") ?? 1, direction: direction,
                unit: text("unit"), target: try number("target"), denominator: text("denominator"),
                goalpostLow: try number("goalpost_low"), goalpostHigh: try number("goalpost_high")))
        }

        if let hierarchy {
            for (first, index) in repeated {
                try expectSameDefinition(of: nodes[first], given: given[first], in: indicators, row: row(of: entries[first]), as: hierarchy, index: index)
            }
        }
        do {
            return try Framework(nodes: nodes, rows: Array(entries.indices))
        } catch {
            // Framework names COINr's iMeta columns and was given positions for rows: name the
            // file, row and column instead. With levels inferred, a level conflict is the parent's fault.
            var located = error
            let entry = error.row.map { entries[$0] }
            let table = entry.map(table(of:)) ?? indicators
            located.file = table.name
            located.row = entry.map(row(of:))
            let fields = ["iCode": "code", "Parent": "parent", "Weight": "weight", "Level": levelsGiven ? "level" : "parent"]
            located.column = error.column.map { column in fields[column].map(table.column) ?? column }
            throw located
        }
    }

    /// Checks that a code the hierarchy file repeats from `indicators.csv` has the same
    /// definition there: an aggregate of the same name, parent, weight and (when both give one) level.
    private static func expectSameDefinition(
        of node: FrameworkNode, given level: Int?, in indicators: NativeTable, row indicatorsRow: Int, as hierarchy: NativeTable, index: Int
    ) throws(IndexEngineError) {
        let fields = hierarchy.rows[index], row = hierarchy.rowNumbers[index]
        func differs(_ field: String, _ there: String, _ here: String) -> IndexEngineError {
            IndexEngineError(
                .duplicateCode,
                "'\(node.code)' is defined differently on row \(indicatorsRow) of \(indicators.name): \(field) \(there) there, \(here) here",
                file: hierarchy.name, row: row, column: hierarchy.column(field))
        }
        guard node.kind == .aggregate else { throw differs("code", "an indicator", "an aggregate") }
        let name = hierarchy.index("name").flatMap { Cell.text(fields[$0]) } ?? node.code
        if name != node.name { throw differs("name", "'\(node.name)'", "'\(name)'") }
        let parent = hierarchy.index("parent").flatMap { Cell.text(fields[$0]) }
        if parent != node.parent { throw differs("parent", node.parent.map { "'\($0)'" } ?? "none", parent.map { "'\($0)'" } ?? "none") }
        if let c = hierarchy.index("weight") {
            let weight = try Cell.optionalNumber(fields[c], file: hierarchy.name, row: row, column: hierarchy.column("weight")) ?? 1
            if weight != node.weight { throw differs("weight", "\(NumberFormat.csv(node.weight))", "\(NumberFormat.csv(weight))") }
        } else if node.weight != 1 {
            throw differs("weight", NumberFormat.csv(node.weight), "1 (no weight column)")
        }
        if let c = hierarchy.index("level"), let level {
            let value = try Cell.number(fields[c], file: hierarchy.name, row: row, column: hierarchy.column("level"))
            if value != Double(level) { throw differs("level", "\(level)", "\(NumberFormat.csv(value))") }
        }
    }

    /// Reads the dataset at `time` (the latest when `nil`) from the native tables.
    static func dataset(
        units: CSVTable, indicators: CSVTable, values: CSVTable, hierarchy: CSVTable? = nil, columns: NativeColumns = NativeColumns(), time: Int?
    ) throws(IndexEngineError) -> Dataset {
        try assembler(units: units, indicators: indicators, values: values, hierarchy: hierarchy, columns: columns).dataset(time: time)
    }

    /// Reads the unit records of the native tables, ready to become datasets.
    static func assembler(
        units unitsTable: CSVTable, indicators indicatorsTable: CSVTable, values valuesTable: CSVTable, hierarchy hierarchyTable: CSVTable? = nil,
        columns: NativeColumns = NativeColumns()
    ) throws(IndexEngineError) -> DatasetAssembler {
        let units = try NativeTable(unitsTable, role: "units", columns: columns)
        let indicators = try NativeTable(indicatorsTable, role: "indicators", columns: columns)
        let values = try NativeTable(valuesTable, role: "values", columns: columns)
        let hierarchy = try hierarchyTable.map { table throws(IndexEngineError) in try NativeTable(table, role: "hierarchy", columns: columns) }
        let framework = try framework(indicators, hierarchy: hierarchy)
        let denominatorNames = Array(Set(framework.indicators.compactMap(\.denominator))).sorted()
        for (node, row) in zip(indicators.rows, indicators.rowNumbers) {
            guard let c = indicators.index("denominator"), let name = Cell.text(node[c]) else { continue }
            if units.table.columnIndex(name) == nil {
                throw IndexEngineError(.missingColumn, "the denominator column '\(name)' named on row \(row) of \(indicators.name) is missing", file: units.name, row: 1, column: name)
            }
        }
        let codeColumn = try units.require("code")
        let nameColumn = units.index("name")
        let reserved = Set(["code", "name", "latitude", "longitude"].map(units.column))
        let groupNames = units.header.filter { !reserved.contains($0) && !denominatorNames.contains($0) }

        struct UnitInfo { var name: String?; var groups: [String?]; var denominators: [Double]; var row: Int }
        var info: [String: UnitInfo] = [:]
        var order: [String] = []
        for (fields, row) in zip(units.rows, units.rowNumbers) {
            guard let code = Cell.text(fields[codeColumn]) else {
                throw IndexEngineError(.unknownCode, "the row has no code", file: units.name, row: row, column: units.column("code"))
            }
            if let first = info[code] {
                throw IndexEngineError(.duplicateCode, "the unit '\(code)' is listed twice (first on row \(first.row))", file: units.name, row: row, column: units.column("code"))
            }
            var denominators: [Double] = []
            for name in denominatorNames {
                denominators.append(try Cell.number(fields[units.table.columnIndex(name) ?? 0], file: units.name, row: row, column: name))
            }
            info[code] = UnitInfo(
                name: nameColumn.flatMap { Cell.text(fields[$0]) },
                groups: groupNames.map { Cell.text(fields[units.table.columnIndex($0) ?? 0]) },
                denominators: denominators, row: row)
            order.append(code)
        }

        let file = values.name
        let unitColumn = try values.require("unit")
        let timeColumn = values.index("time")
        func unitInfo(_ fields: [String], _ row: Int) throws(IndexEngineError) -> (String, UnitInfo) {
            guard let code = Cell.text(fields[unitColumn]) else {
                throw IndexEngineError(.unknownCode, "the row has no unit", file: file, row: row, column: values.column("unit"))
            }
            guard let unit = info[code] else {
                throw IndexEngineError(.unknownCode, "the unit '\(code)' is not in \(units.name)", file: file, row: row, column: values.column("unit"))
            }
            return (code, unit)
        }
        func timeOf(_ fields: [String], _ row: Int) throws(IndexEngineError) -> Int? {
            guard let timeColumn else { return nil }
            let value = try Cell.number(fields[timeColumn], file: file, row: row, column: values.column("time"))
            guard let whole = Int(exactly: value) else {
                throw IndexEngineError(.nonNumeric, "\(values.column("time")) must be a whole number", file: file, row: row, column: values.column("time"))
            }
            return whole
        }

        var records: [UnitRecord] = []
        if let indicatorColumn = values.index("indicator") {
            let valueColumn = try values.require("value")
            var recordIndex: [String: Int] = [:]
            var filled: [String: Int] = [:]
            for (fields, row) in zip(values.rows, values.rowNumbers) {
                let (code, unit) = try unitInfo(fields, row)
                let t = try timeOf(fields, row)
                guard let indicatorCode = Cell.text(fields[indicatorColumn]),
                      let c = framework.index(of: indicatorCode), c < framework.indicatorCount else {
                    throw IndexEngineError(.unknownCode, "'\(fields[indicatorColumn])' is not an indicator of \(indicators.name)", file: file, row: row, column: values.column("indicator"))
                }
                let key = code + "\u{1F}" + (t.map(String.init) ?? "")
                if let first = filled[key + "\u{1F}" + indicatorCode] {
                    throw IndexEngineError(.duplicateCode, "the value of '\(indicatorCode)' for '\(code)' is given twice (first on row \(first))", file: file, row: row, column: values.column("value"))
                }
                filled[key + "\u{1F}" + indicatorCode] = row
                let value = try Cell.number(fields[valueColumn], file: file, row: row, column: values.column("value"))
                if let r = recordIndex[key] {
                    records[r].values[c] = value
                } else {
                    var values = Array(repeating: Double.nan, count: framework.indicatorCount)
                    values[c] = value
                    recordIndex[key] = records.count
                    records.append(UnitRecord(code: code, name: unit.name, time: t, groups: unit.groups, denominators: unit.denominators, values: values, file: file, row: row))
                }
            }
        } else {
            let reservedValues = Set(["unit", "time"].map(values.column))
            for column in values.header where !reservedValues.contains(column) {
                guard let c = framework.index(of: column), c < framework.indicatorCount else {
                    throw IndexEngineError(.unknownCode, "the column '\(column)' is not an indicator of \(indicators.name)", file: file, row: 1, column: column)
                }
            }
            var indicatorColumns: [Int] = []
            for node in framework.indicators {
                guard let c = values.table.columnIndex(node.code) else {
                    throw IndexEngineError(.missingColumn, "the indicator column is missing", file: file, row: 1, column: node.code)
                }
                indicatorColumns.append(c)
            }
            for (fields, row) in zip(values.rows, values.rowNumbers) {
                let (code, unit) = try unitInfo(fields, row)
                var rowValues: [Double] = []
                for c in indicatorColumns { rowValues.append(try Cell.number(fields[c], file: file, row: row, column: values.header[c])) }
                records.append(UnitRecord(code: code, name: unit.name, time: try timeOf(fields, row), groups: unit.groups, denominators: unit.denominators, values: rowValues, file: file, row: row))
            }
        }
        // A unit listed in units.csv without any values is reported at its units.csv row.
        let withValues = Set(records.map(\.code))
        if let missing = order.first(where: { !withValues.contains($0) }) {
            throw IndexEngineError(.unitWithoutData, "the unit '\(missing)' has no indicator data at all", file: units.name, row: info[missing]?.row)
        }
        do {
            return try DatasetAssembler(
                records, framework: framework, groupNames: groupNames, denominatorNames: denominatorNames,
                unitColumn: values.column("unit"), timeColumn: values.column("time"))
        } catch {
            throw error.located(in: file)
        }
    }
}
