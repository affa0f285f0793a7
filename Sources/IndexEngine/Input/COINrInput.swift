/// Reads COINr's `iData` and `iMeta` tables unchanged.
///
/// `iMeta` has the columns Level, iCode, iName, Direction, Weight, Unit, Target, Denominator,
/// Parent and Type (Indicator, Aggregate, Group, Denominator or Other), and optionally Source
/// (where an indicator's data come from, shown by the methodology page) and COINr's
/// per-indicator normalisation columns (see `COINrNormalisationColumns`). `iData` has uCode, an
/// optional uName and Time, and one column per group, denominator and indicator in `iMeta`.
public enum COINrInput {
    /// Reads the framework from an `iMeta` table, and the names of its group and denominator columns.
    static func framework(_ meta: CSVTable) throws(IndexEngineError) -> (framework: Framework, groups: [String], denominators: [String], others: [String]) {
        let file = meta.name
        let codeColumn = try meta.requireColumn("iCode")
        let typeColumn = try meta.requireColumn("Type")
        let levelColumn = try meta.requireColumn("Level")
        let parentColumn = meta.columnIndex("Parent")
        let optional = { (name: String) in meta.columnIndex(name) }
        let (nameColumn, directionColumn, weightColumn, unitColumn) = (optional("iName"), optional("Direction"), optional("Weight"), optional("Unit"))
        let (targetColumn, denominatorColumn) = (optional("Target"), optional("Denominator"))
        let (lowColumn, highColumn, sourceColumn) = (optional("GoalpostLow"), optional("GoalpostHigh"), optional("Source"))
        let parameterColumns = try COINrNormalisationColumns(meta)

        var nodes: [FrameworkNode] = []
        var rows: [Int] = []
        var groups: [String] = [], denominators: [String] = [], others: [String] = []
        var firstRow: [String: Int] = [:]
        for (fields, row) in zip(meta.rows, meta.rowNumbers) {
            guard let code = Cell.text(fields[codeColumn]) else {
                throw IndexEngineError(.unknownCode, "the row has no iCode", file: file, row: row, column: "iCode")
            }
            // Every iCode names one column of iData, whatever its Type, so it must be unique.
            if let first = firstRow[code] {
                throw IndexEngineError(.duplicateCode, "the code '\(code)' is defined twice (first on row \(first))", file: file, row: row, column: "iCode")
            }
            firstRow[code] = row
            let type = fields[typeColumn].trimmingSpaces
            func number(_ column: Int?, _ name: String) throws(IndexEngineError) -> Double? {
                guard let column else { return nil }
                return try Cell.optionalNumber(fields[column], file: file, row: row, column: name)
            }
            switch type {
            case "Indicator", "Aggregate":
                guard let value = try number(levelColumn, "Level"), let level = Int(exactly: value), level >= 1 else {
                    throw IndexEngineError(.invalidHierarchy, "'\(code)' needs a whole Level of 1 or more", file: file, row: row, column: "Level")
                }
                let direction = try number(directionColumn, "Direction") ?? 1
                guard direction == 1 || direction == -1 else {
                    throw IndexEngineError(.invalidParameter, "the Direction of '\(code)' must be 1 or -1, not \(direction)", file: file, row: row, column: "Direction")
                }
                let normalisation = try parameterColumns.parameters(fields, row: row, code: code, indicator: type == "Indicator")
                nodes.append(FrameworkNode(
                    code: code,
                    name: nameColumn.flatMap { Cell.text(fields[$0]) } ?? code,
                    level: level,
                    parent: parentColumn.flatMap { Cell.text(fields[$0]) },
                    kind: type == "Indicator" ? .indicator : .aggregate,
                    weight: try number(weightColumn, "Weight") ?? 1,
                    direction: direction,
                    unit: unitColumn.flatMap { Cell.text(fields[$0]) },
                    target: try number(targetColumn, "Target"),
                    denominator: denominatorColumn.flatMap { Cell.text(fields[$0]) },
                    goalpostLow: try number(lowColumn, "GoalpostLow"),
                    goalpostHigh: try number(highColumn, "GoalpostHigh"),
                    source: sourceColumn.flatMap { Cell.text(fields[$0]) }, normalisation: normalisation))
                rows.append(row)
            case "Group": groups.append(code)
            case "Denominator": denominators.append(code)
            case "Other": others.append(code)
            default:
                throw IndexEngineError(.invalidParameter, "unknown Type '\(type)'; expected Indicator, Aggregate, Group, Denominator or Other", file: file, row: row, column: "Type")
            }
        }
        let framework = try Framework(nodes: nodes, file: file, rows: rows)
        let known = Set(nodes.map(\.code) + groups + denominators + others)
        for (node, row) in zip(nodes, rows) {
            if let denominator = node.denominator, !denominators.contains(denominator) {
                let hint = known.contains(denominator) ? "is not of Type Denominator" : "is not defined"
                throw IndexEngineError(.unknownCode, "the denominator '\(denominator)' of '\(node.code)' \(hint)", file: file, row: row, column: "Denominator")
            }
        }
        return (framework, groups, denominators, others)
    }

    /// Reads the dataset at `time` (the latest when `nil`) from an `iData` table described by an `iMeta` table.
    static func dataset(data: CSVTable, meta: CSVTable, time: Int?) throws(IndexEngineError) -> Dataset {
        try assembler(data: data, meta: meta).dataset(time: time)
    }

    /// Reads the unit records of an `iData` table described by an `iMeta` table, ready to become datasets.
    static func assembler(data: CSVTable, meta: CSVTable) throws(IndexEngineError) -> DatasetAssembler {
        let (framework, groupNames, denominatorNames, others) = try framework(meta)
        let file = data.name
        let codeColumn = try data.requireColumn("uCode")
        let nameColumn = data.columnIndex("uName")
        let timeColumn = data.columnIndex("Time")
        let described = Set(framework.nodes.map(\.code) + groupNames + denominatorNames + others + ["uCode", "uName", "Time"])
        if let stray = data.header.first(where: { !described.contains($0) }) {
            throw IndexEngineError(.unknownCode, "the column '\(stray)' is not described in \(meta.name)", file: file, row: 1, column: stray)
        }
        func columns(_ names: [String], what: String) throws(IndexEngineError) -> [Int] {
            var result: [Int] = []
            for name in names {
                guard let index = data.columnIndex(name) else {
                    throw IndexEngineError(.missingColumn, "the \(what) column is missing (it is listed in \(meta.name))", file: file, row: 1, column: name)
                }
                result.append(index)
            }
            return result
        }
        let indicatorColumns = try columns(framework.indicators.map(\.code), what: "indicator")
        let denominatorColumns = try columns(denominatorNames, what: "denominator")
        let groupColumns = try columns(groupNames, what: "group")

        var records: [UnitRecord] = []
        records.reserveCapacity(data.rows.count)
        for (fields, row) in zip(data.rows, data.rowNumbers) {
            guard let code = Cell.text(fields[codeColumn]) else {
                throw IndexEngineError(.unknownCode, "the row has no uCode", file: file, row: row, column: "uCode")
            }
            var recordTime: Int?
            if let timeColumn {
                let value = try Cell.number(fields[timeColumn], file: file, row: row, column: "Time")
                guard let whole = Int(exactly: value) else {
                    throw IndexEngineError(.nonNumeric, "Time must be a whole number", file: file, row: row, column: "Time")
                }
                recordTime = whole
            }
            var values: [Double] = []
            values.reserveCapacity(indicatorColumns.count)
            for column in indicatorColumns {
                values.append(try Cell.number(fields[column], file: file, row: row, column: data.header[column]))
            }
            var denominators: [Double] = []
            for column in denominatorColumns {
                denominators.append(try Cell.number(fields[column], file: file, row: row, column: data.header[column]))
            }
            records.append(UnitRecord(
                code: code, name: nameColumn.flatMap { Cell.text(fields[$0]) }, time: recordTime,
                groups: groupColumns.map { Cell.text(fields[$0]) }, denominators: denominators, values: values,
                file: file, row: row))
        }
        do {
            return try DatasetAssembler(records, framework: framework, groupNames: groupNames, denominatorNames: denominatorNames)
        } catch {
            throw error.located(in: file)
        }
    }
}
