/// One row of unit data, as read from any input layout, before it becomes part of a dataset.
struct UnitRecord {
    var code: String
    var name: String?
    var time: Int?
    var groups: [String?]
    var denominators: [Double]
    /// Values in framework indicator order, `NaN` when missing.
    var values: [Double]
    var file: String
    var row: Int
}

/// Turns unit records into datasets: checks duplicates and empty units once, then makes the
/// dataset of one time point, or of every time point of a panel.
struct DatasetAssembler {
    let records: [UnitRecord]
    let framework: Framework
    let groupNames: [String]
    let denominatorNames: [String]
    /// The name of the time column in the records' file, for errors.
    let timeColumn: String
    /// The time points of the records, ascending; empty without a time column.
    let times: [Int]
    /// Unit codes in order of first appearance.
    private let unitOrder: [String]
    /// The records of each unit.
    private let byUnit: [String: [Int]]

    /// - Parameters:
    ///   - unitColumn: the name of the unit code column in the records' file, for errors.
    ///   - timeColumn: the name of the time column in the records' file, for errors.
    init(
        _ records: [UnitRecord], framework: Framework, groupNames: [String], denominatorNames: [String],
        unitColumn: String = "uCode", timeColumn: String = "Time"
    ) throws(IndexEngineError) {
        guard !records.isEmpty else {
            throw IndexEngineError(.noData, "the data has no rows")
        }
        var unitOrder: [String] = []
        var byUnit: [String: [Int]] = [:]
        var seen: [String: Int] = [:]
        for (i, record) in records.enumerated() {
            let key = record.code + "\u{1F}" + (record.time.map(String.init) ?? "")
            if let first = seen[key] {
                let when = record.time.map { " at time \($0)" } ?? ""
                throw IndexEngineError(.duplicateCode, "the unit '\(record.code)'\(when) appears twice (first on row \(records[first].row))", file: record.file, row: record.row, column: unitColumn)
            }
            seen[key] = i
            if byUnit[record.code] == nil { unitOrder.append(record.code) }
            byUnit[record.code, default: []].append(i)
        }
        for code in unitOrder {
            let rows = byUnit[code] ?? []
            if rows.allSatisfy({ records[$0].values.allSatisfy(\.isNaN) }) {
                let record = records[rows[0]]
                throw IndexEngineError(.unitWithoutData, "the unit '\(code)' has no indicator data at all", file: record.file, row: record.row)
            }
        }
        self.records = records
        self.framework = framework
        self.groupNames = groupNames
        self.denominatorNames = denominatorNames
        self.timeColumn = timeColumn
        self.times = Set(records.compactMap(\.time)).sorted()
        self.unitOrder = unitOrder
        self.byUnit = byUnit
    }

    /// The dataset at time `requested`, or at the latest time when `nil`.
    func dataset(time requested: Int?) throws(IndexEngineError) -> Dataset {
        let file = records[0].file
        if let requested, times.isEmpty {
            throw IndexEngineError(.invalidParameter, "the data has no \(timeColumn) column, so time \(requested) cannot be selected", file: file, column: timeColumn)
        }
        if let requested, !times.contains(requested) {
            throw IndexEngineError(.invalidParameter, "the data has no rows for time \(requested); it has \(times.map(String.init).joined(separator: ", "))", file: file, column: timeColumn)
        }
        var panels: [[String]: Panel] = [:]
        return dataset(at: requested ?? times.last, panels: &panels)
    }

    /// One dataset per time point, each as `dataset(time:)` makes it; one dataset without a time column.
    func panel() -> PanelDataset {
        // Years with the same units share one copy of the panel's values.
        var panels: [[String]: Panel] = [:]
        let datasets = times.isEmpty ? [dataset(at: nil, panels: &panels)] : times.map { dataset(at: $0, panels: &panels) }
        return PanelDataset(times: times, datasets: datasets)
    }

    /// The dataset of the units with a record at `selected`; `panels` caches the panel by unit list.
    private func dataset(at selected: Int?, panels: inout [[String]: Panel]) -> Dataset {
        let present = unitOrder.filter { code in byUnit[code]?.contains { records[$0].time == selected } ?? false }
        let rowFor: [String: Int] = Dictionary(uniqueKeysWithValues: present.compactMap { code in
            byUnit[code]?.first { records[$0].time == selected }.map { (code, $0) }
        })
        let n = present.count, m = framework.indicatorCount
        var values = Matrix(rows: n, columns: m)
        var units: [Unit] = []
        var groups = groupNames.map { NamedColumn<String?>(name: $0, values: []) }
        var denominators = denominatorNames.map { NamedColumn<Double>(name: $0, values: []) }
        for (r, code) in present.enumerated() {
            let record = records[rowFor[code] ?? 0]
            units.append(Unit(code: code, name: record.name ?? code))
            for c in 0..<m { values[r, c] = record.values[c] }
            for g in groups.indices { groups[g].values.append(record.groups[g]) }
            for d in denominators.indices { denominators[d].values.append(record.denominators[d]) }
        }
        var panel: Panel?
        if times.count > 1 {
            if let cached = panels[present] {
                panel = cached
            } else {
                var matrices: [Matrix] = []
                var denominatorsByTime: [[NamedColumn<Double>]] = []
                let unitRow = Dictionary(uniqueKeysWithValues: present.enumerated().map { ($1, $0) })
                for t in times {
                    var matrix = Matrix(rows: n, columns: m)
                    var columns = denominatorNames.map { NamedColumn<Double>(name: $0, values: Array(repeating: .nan, count: n)) }
                    for record in records where record.time == t {
                        guard let r = unitRow[record.code] else { continue }
                        for c in 0..<m { matrix[r, c] = record.values[c] }
                        for d in columns.indices { columns[d].values[r] = record.denominators[d] }
                    }
                    matrices.append(matrix)
                    denominatorsByTime.append(columns)
                }
                panel = Panel(times: times, values: matrices, denominators: denominatorsByTime)
                panels[present] = panel
            }
        }
        return Dataset(units: units, framework: framework, groups: groups, denominators: denominators, values: values, time: selected, panel: panel)
    }
}
