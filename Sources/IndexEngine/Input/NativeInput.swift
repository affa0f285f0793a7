/// Reads Civic Index's own layout: `units.csv`, `indicators.csv` and `values.csv`.
///
/// - `units.csv`: `code`, `name`, then any group columns (region, income band, …) and the
///   denominator columns that `indicators.csv` names; `latitude` and `longitude` are allowed.
/// - `indicators.csv`: `code`, `name`, `parent`, and optionally `level`, `type` (indicator or
///   aggregate), `direction`, `weight`, `unit`, `target`, `denominator`, `goalpost_low`,
///   `goalpost_high`. Without `level`, levels follow from the hierarchy; without `type`, a node
///   that is somebody's parent is an aggregate.
/// - `values.csv`: wide (`unit`, optional `time`, one column per indicator) or long (`unit`,
///   `indicator`, optional `time`, `value`).
public enum NativeInput {
    static func framework(_ table: CSVTable) throws(IndexEngineError) -> Framework {
        let file = table.name
        let codeColumn = try table.requireColumn("code")
        let parentColumn = try table.requireColumn("parent")
        let col = { (name: String) in table.columnIndex(name) }
        var codes: [String] = [], parents: [String?] = []
        for (fields, row) in zip(table.rows, table.rowNumbers) {
            guard let code = Cell.text(fields[codeColumn]) else {
                throw IndexEngineError(.unknownCode, "the row has no code", file: file, row: row, column: "code")
            }
            codes.append(code)
            parents.append(Cell.text(fields[parentColumn]))
        }
        let parentSet = Set(parents.compactMap { $0 })
        let position = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

        var kinds: [FrameworkNode.Kind] = []
        for (i, fields) in table.rows.enumerated() {
            if let typeColumn = col("type"), let type = Cell.text(fields[typeColumn])?.lowercased() {
                guard let kind = FrameworkNode.Kind(rawValue: type) else {
                    throw IndexEngineError(.invalidParameter, "unknown type '\(type)'; expected indicator or aggregate", file: file, row: table.rowNumbers[i], column: "type")
                }
                kinds.append(kind)
            } else {
                kinds.append(parentSet.contains(codes[i]) ? .aggregate : .indicator)
            }
        }
        var levels = Array(repeating: 1, count: codes.count)
        if let levelColumn = col("level") {
            for (i, fields) in table.rows.enumerated() {
                let value = try Cell.number(fields[levelColumn], file: file, row: table.rowNumbers[i], column: "level")
                guard let level = Int(exactly: value), level >= 1 else {
                    throw IndexEngineError(.invalidHierarchy, "'\(codes[i])' needs a whole level of 1 or more", file: file, row: table.rowNumbers[i], column: "level")
                }
                levels[i] = level
            }
        } else {
            // Each node sits one level above the deepest chain of children beneath it.
            for start in codes.indices where kinds[start] == .indicator {
                var visited: Set<Int> = [start]
                var cursor = parents[start].flatMap { position[$0] }
                var depth = 1
                while let c = cursor {
                    if !visited.insert(c).inserted {
                        var members = [c]
                        var next = parents[c].flatMap { position[$0] }
                        while let n = next, n != c, !members.contains(n) { members.append(n); next = parents[n].flatMap { position[$0] } }
                        let path = members.map { codes[$0] }.joined(separator: ", ")
                        throw IndexEngineError(.cycle, "the hierarchy has a cycle through \(path)", file: file, row: table.rowNumbers[c], column: "parent")
                    }
                    depth += 1
                    levels[c] = max(levels[c], depth)
                    cursor = parents[c].flatMap { position[$0] }
                }
            }
            // Aggregates reached only through a cycle would otherwise stay at level 1.
            for i in codes.indices where kinds[i] == .aggregate && levels[i] == 1 { levels[i] = 2 }
        }

        var nodes: [FrameworkNode] = []
        for (i, fields) in table.rows.enumerated() {
            let row = table.rowNumbers[i]
            func number(_ name: String) throws(IndexEngineError) -> Double? {
                guard let c = col(name) else { return nil }
                return try Cell.optionalNumber(fields[c], file: file, row: row, column: name)
            }
            let direction = try number("direction") ?? 1
            guard direction == 1 || direction == -1 else {
                throw IndexEngineError(.invalidParameter, "the direction of '\(codes[i])' must be 1 or -1, not \(direction)", file: file, row: row, column: "direction")
            }
            nodes.append(FrameworkNode(
                code: codes[i], name: col("name").flatMap { Cell.text(fields[$0]) } ?? codes[i], level: levels[i],
                parent: parents[i], kind: kinds[i], weight: try number("weight") ?? 1, direction: direction,
                unit: col("unit").flatMap { Cell.text(fields[$0]) }, target: try number("target"),
                denominator: col("denominator").flatMap { Cell.text(fields[$0]) },
                goalpostLow: try number("goalpost_low"), goalpostHigh: try number("goalpost_high")))
        }
        do {
            return try Framework(nodes: nodes, file: file, rows: table.rowNumbers)
        } catch {
            // Framework names COINr's iMeta columns; name this file's instead. Without a level
            // column, levels follow from the parents, so a level conflict is the parent's fault.
            var located = error
            let names = ["iCode": "code", "Parent": "parent", "Weight": "weight", "Level": col("level") == nil ? "parent" : "level"]
            located.column = error.column.map { names[$0] ?? $0 }
            throw located
        }
    }

    /// Reads the dataset at `time` (the latest when `nil`) from the three native tables.
    static func dataset(units: CSVTable, indicators: CSVTable, values: CSVTable, time: Int?) throws(IndexEngineError) -> Dataset {
        try assembler(units: units, indicators: indicators, values: values).dataset(time: time)
    }

    /// Reads the unit records of the three native tables, ready to become datasets.
    static func assembler(units: CSVTable, indicators: CSVTable, values: CSVTable) throws(IndexEngineError) -> DatasetAssembler {
        let framework = try framework(indicators)
        let denominatorNames = Array(Set(framework.indicators.compactMap(\.denominator))).sorted()
        for (node, row) in zip(indicators.rows, indicators.rowNumbers) {
            guard let c = indicators.columnIndex("denominator"), let name = Cell.text(node[c]) else { continue }
            if units.columnIndex(name) == nil {
                throw IndexEngineError(.missingColumn, "the denominator column '\(name)' named on row \(row) of \(indicators.name) is missing", file: units.name, row: 1, column: name)
            }
        }
        let codeColumn = try units.requireColumn("code")
        let nameColumn = units.columnIndex("name")
        let reserved: Set<String> = ["code", "name", "latitude", "longitude"]
        let groupNames = units.header.filter { !reserved.contains($0) && !denominatorNames.contains($0) }

        struct UnitInfo { var name: String?; var groups: [String?]; var denominators: [Double]; var row: Int }
        var info: [String: UnitInfo] = [:]
        var order: [String] = []
        for (fields, row) in zip(units.rows, units.rowNumbers) {
            guard let code = Cell.text(fields[codeColumn]) else {
                throw IndexEngineError(.unknownCode, "the row has no code", file: units.name, row: row, column: "code")
            }
            if let first = info[code] {
                throw IndexEngineError(.duplicateCode, "the unit '\(code)' is listed twice (first on row \(first.row))", file: units.name, row: row, column: "code")
            }
            var denominators: [Double] = []
            for name in denominatorNames {
                denominators.append(try Cell.number(fields[units.columnIndex(name) ?? 0], file: units.name, row: row, column: name))
            }
            info[code] = UnitInfo(
                name: nameColumn.flatMap { Cell.text(fields[$0]) },
                groups: groupNames.map { Cell.text(fields[units.columnIndex($0) ?? 0]) },
                denominators: denominators, row: row)
            order.append(code)
        }

        let file = values.name
        let unitColumn = try values.requireColumn("unit")
        let timeColumn = values.columnIndex("time")
        func unitInfo(_ fields: [String], _ row: Int) throws(IndexEngineError) -> (String, UnitInfo) {
            guard let code = Cell.text(fields[unitColumn]) else {
                throw IndexEngineError(.unknownCode, "the row has no unit", file: file, row: row, column: "unit")
            }
            guard let unit = info[code] else {
                throw IndexEngineError(.unknownCode, "the unit '\(code)' is not in \(units.name)", file: file, row: row, column: "unit")
            }
            return (code, unit)
        }
        func timeOf(_ fields: [String], _ row: Int) throws(IndexEngineError) -> Int? {
            guard let timeColumn else { return nil }
            let value = try Cell.number(fields[timeColumn], file: file, row: row, column: "time")
            guard let whole = Int(exactly: value) else {
                throw IndexEngineError(.nonNumeric, "time must be a whole number", file: file, row: row, column: "time")
            }
            return whole
        }

        var records: [UnitRecord] = []
        if let indicatorColumn = values.columnIndex("indicator") {
            let valueColumn = try values.requireColumn("value")
            var recordIndex: [String: Int] = [:]
            var filled: [String: Int] = [:]
            for (fields, row) in zip(values.rows, values.rowNumbers) {
                let (code, unit) = try unitInfo(fields, row)
                let t = try timeOf(fields, row)
                guard let indicatorCode = Cell.text(fields[indicatorColumn]),
                      let c = framework.index(of: indicatorCode), c < framework.indicatorCount else {
                    throw IndexEngineError(.unknownCode, "'\(fields[indicatorColumn])' is not an indicator of \(indicators.name)", file: file, row: row, column: "indicator")
                }
                let key = code + "\u{1F}" + (t.map(String.init) ?? "")
                if let first = filled[key + "\u{1F}" + indicatorCode] {
                    throw IndexEngineError(.duplicateCode, "the value of '\(indicatorCode)' for '\(code)' is given twice (first on row \(first))", file: file, row: row, column: "value")
                }
                filled[key + "\u{1F}" + indicatorCode] = row
                let value = try Cell.number(fields[valueColumn], file: file, row: row, column: "value")
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
            let reservedValues: Set<String> = ["unit", "time"]
            for column in values.header where !reservedValues.contains(column) {
                guard let c = framework.index(of: column), c < framework.indicatorCount else {
                    throw IndexEngineError(.unknownCode, "the column '\(column)' is not an indicator of \(indicators.name)", file: file, row: 1, column: column)
                }
            }
            var indicatorColumns: [Int] = []
            for node in framework.indicators {
                guard let c = values.columnIndex(node.code) else {
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
                unitColumn: "unit", timeColumn: "time")
        } catch {
            throw error.located(in: file)
        }
    }
}
