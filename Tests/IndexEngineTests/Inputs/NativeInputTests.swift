import Foundation
import Testing
@testable import IndexEngine

/// The native layout: `units.csv`, `indicators.csv` and `values.csv` (wide or long).
@Suite("Native input")
struct NativeInputTests {
    /// Writes the three native files into a temporary directory, loads them by a spec and builds.
    static func build(
        units: [String] = Small.units, indicators: [String] = Small.indicators, values: [String] = Small.wide,
        group: String = "region", time: Int? = nil
    ) throws -> BuildResult {
        try Fixtures.withTemporaryDirectory { dir in
            try Fixtures.write(["units.csv": csv(units), "indicators.csv": csv(indicators), "values.csv": csv(values)], into: dir)
            let spec = try Small.nativeSpec(group: group, time: time)
            let (dataset, hash) = try BuildInputs.load(spec, relativeTo: dir)
            #expect(hash.count == 64 && hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            return try IndexBuild.run(dataset, spec: spec)
        }
    }

    // MARK: Building

    @Test("wide values with level and type columns build to the hand-computed scores")
    func wideWithLevelAndType() throws {
        let result = try Self.build()
        Small.expectScores(result)
        #expect(result.ranks == [3, 2, 1])
        let dataset = result.dataset
        #expect(dataset.units.map(\.name) == ["Alpha", "Beta", "Gamma"])
        #expect(dataset.groups == [NamedColumn(name: "region", values: ["North", "North", "South"])])
        #expect(dataset.denominators == [NamedColumn(name: "pop", values: [10, 20, 40])])
        #expect(dataset.framework.nodes.map(\.level) == [1, 1, 1, 2, 2, 3])
        // The stages along the way, unit by unit.
        let denominated = try #require(result.stages.first { $0.name == "Denominated" })
        #expect(denominated.values.column(0) == [10, 30, 20])
        let imputed = try #require(result.stages.first { $0.name == "Imputed" })
        #expect(imputed.values.column(2) == [4, 4, 10])
    }

    @Test("without level and type columns, levels and kinds follow from the parents")
    func wideInferred() throws {
        let result = try Self.build(indicators: Small.indicatorsInferred)
        Small.expectScores(result)
        let framework = result.framework
        #expect(framework.nodes.map(\.code) == ["x1", "x2", "x3", "P1", "P2", "Idx"])
        #expect(framework.nodes.map(\.level) == [1, 1, 1, 2, 2, 3])
        #expect(framework.nodes.map(\.kind) == [.indicator, .indicator, .indicator, .aggregate, .aggregate, .aggregate])
        #expect(framework.nodes.map(\.direction) == [1, -1, 1, 1, 1, 1])
        #expect(framework.weights == [1, 1, 1, 2, 1, 1])
    }

    @Test("long values build to the same scores; values not given are missing")
    func long() throws {
        let result = try Self.build(values: Small.long)
        Small.expectScores(result)
        #expect(result.dataset.values[0, 2].isNaN)
        #expect(result.dataset.values.column(0) == [100, 600, 800])
        #expect(result.dataset.values.column(1) == [5, 3, 1])
    }

    @Test("a unit order in values.csv is the dataset's order; latitude and longitude are not groups")
    func extraUnitColumns() throws {
        let units = ["code,name,latitude,region,longitude,pop", "A,Alpha,1,North,2,10", "B,Beta,3,North,4,20", "C,Gamma,5,South,6,40"]
        let result = try Self.build(units: units, indicators: Small.indicatorsInferred)
        Small.expectScores(result)
        #expect(result.dataset.groups.map(\.name) == ["region"])
    }

    @Test("a second group column can be the impute group")
    func groupColumn() throws {
        // Grouped by band, A is imputed from C (the only other "hi" unit): x3 = 10, 4, 10 → 100, 0, 100.
        let units = ["code,name,region,band,pop", "A,Alpha,North,hi,10", "B,Beta,North,lo,20", "C,Gamma,South,hi,40"]
        let result = try Self.build(units: units, group: "band")
        #expect(result.dataset.groups.map(\.name) == ["region", "band"])
        var expected = Small.expected
        expected["x3"] = [100, 0, 100]
        expected["P2"] = [100, 0, 100]
        expected["Idx"] = [100.0 / 3, 50, 250.0 / 3]
        Small.expectScores(result, expected)
    }

    @Test("long values with a time column build the latest time, or the one the spec names")
    func longPanel() throws {
        let values = ["unit,indicator,time,value"]
            + Small.long.dropFirst().map { line -> String in
                let f = line.split(separator: ",")
                return "\(f[0]),\(f[1]),2020,\(Double(f[2])! * 2)"
            }
            + Small.long.dropFirst().map { line -> String in
                let f = line.split(separator: ",")
                return "\(f[0]),\(f[1]),2021,\(f[2])"
            }
        let latest = try Self.build(values: values)
        #expect(latest.dataset.time == 2021)
        Small.expectScores(latest)
        let panel = try #require(latest.dataset.panel)
        #expect(panel.times == [2020, 2021])
        #expect(panel.values[0].column(0) == [200, 1200, 1600])
        #expect(panel.values[1].column(0) == [100, 600, 800])

        let earlier = try Self.build(values: values, time: 2020)
        #expect(earlier.dataset.time == 2020)
        #expect(earlier.dataset.values.column(1) == [10, 6, 2])
        #expect(earlier.stages[1].values.column(0) == [20, 60, 40], "denominated by the unit's pop")
        Small.expectScores(earlier)
    }

    @Test("wide values with a time column read each row's time")
    func widePanel() throws {
        let values = ["unit,time,x1,x2,x3"] + Small.wide.dropFirst().map { line -> [String] in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return ["\(f[0]),2019,\(f[1]),\(f[2]),\(f[3])", "\(f[0]),2018,1,1,1"]
        }.joined()
        let result = try Self.build(values: values)
        #expect(result.dataset.time == 2019)
        #expect(result.dataset.panel?.times == [2018, 2019])
        Small.expectScores(result)
    }

    @Test("ASEM converted to the native layout builds to the same Aggregated values as COINr's tables")
    func asemNativeMatchesCOINr() throws {
        let iData = try CSVTable.read(path: Fixtures.path("Examples/asem/ASEM_iData.csv"))
        let iMeta = try CSVTable.read(path: Fixtures.path("Examples/asem/ASEM_iMeta.csv"))
        func column(_ table: CSVTable, _ name: String) throws -> Int { try #require(table.columnIndex(name)) }
        let type = try column(iMeta, "Type"), code = try column(iMeta, "iCode")
        let metaRows = iMeta.rows
        let groups = metaRows.filter { $0[type] == "Group" }.map { $0[code] }
        let denominators = metaRows.filter { $0[type] == "Denominator" }.map { $0[code] }
        let nodes = metaRows.filter { $0[type] == "Indicator" || $0[type] == "Aggregate" }
        let indicatorCodes = nodes.filter { $0[type] == "Indicator" }.map { $0[code] }
        #expect(groups.count == 4 && denominators.count == 4 && indicatorCodes.count == 49)

        // units.csv: code, name, the group and the denominator columns.
        let uCode = try column(iData, "uCode"), uName = try column(iData, "uName")
        let unitColumns = try (groups + denominators).map { try column(iData, $0) }
        var units = [(["code", "name"] + groups + denominators).joined(separator: ",")]
        for fields in iData.rows {
            units.append(([fields[uCode], fields[uName]] + unitColumns.map { fields[$0] }).map(csvField).joined(separator: ","))
        }
        // indicators.csv: no level or type; they follow from the parents.
        let metaColumns = try ["iCode", "iName", "Parent", "Direction", "Weight", "Unit", "Target", "Denominator"].map { try column(iMeta, $0) }
        var indicators = ["code,name,parent,direction,weight,unit,target,denominator"]
        for fields in nodes { indicators.append(metaColumns.map { csvField(fields[$0]) }.joined(separator: ",")) }
        // values.csv: long form, one row per value present.
        var values = ["unit,indicator,value"]
        let valueColumns = try indicatorCodes.map { try column(iData, $0) }
        for fields in iData.rows {
            for (indicator, c) in zip(indicatorCodes, valueColumns) where !Cell.isMissing(fields[c]) {
                values.append("\(fields[uCode]),\(indicator),\(fields[c])")
            }
        }
        #expect(values.count > 2000)

        let coinr = try Fixtures.asemBuild()
        let asemSteps = try BuildSpec.read(path: Fixtures.asemSpec).steps
        let native: BuildResult = try Fixtures.withTemporaryDirectory { dir in
            try Fixtures.write(["units.csv": csv(units), "indicators.csv": csv(indicators), "values.csv": csv(values)], into: dir)
            let spec = BuildSpec(name: "ASEM native", inputs: .native(units: "units.csv", indicators: "indicators.csv", values: "values.csv"), steps: asemSteps)
            let (dataset, _) = try BuildInputs.load(spec, relativeTo: dir)
            return try IndexBuild.run(dataset, spec: spec)
        }
        #expect(native.framework.nodes.map(\.code) == coinr.framework.nodes.map(\.code))
        #expect(native.framework.nodes.map(\.level) == coinr.framework.nodes.map(\.level))
        #expect(native.framework.children == coinr.framework.children)
        let a = try #require(native.stages.first { $0.name == "Aggregated" })
        let b = try #require(coinr.stages.first { $0.name == "Aggregated" })
        let codesA = a.units.map { native.dataset.units[$0].code }, codesB = b.units.map { coinr.dataset.units[$0].code }
        #expect(codesA == codesB)
        #expect(codesA.count == 51 && a.values.columns == 60)
        var compared = 0, largest = 0.0
        for r in 0..<a.values.rows {
            for c in 0..<a.values.columns {
                let (x, y) = (a.values[r, c], b.values[r, c])
                if x.isNaN || y.isNaN {
                    #expect(x.isNaN && y.isNaN, "\(codesA[r]) \(native.framework.nodes[c].code)")
                } else {
                    largest = max(largest, abs(x - y))
                    compared += 1
                }
            }
        }
        #expect(compared > 51 * 50)
        #expect(largest <= 1e-12, "largest difference \(largest)")
        #expect(native.rankedRows.prefix(3).map { native.dataset.units[native.final.units[$0]].code } == ["CHE", "NLD", "DNK"])
    }

    // MARK: Unknown codes

    @Test("a parent that is not defined names indicators.csv, the row and parent")
    func unknownParent() {
        expectEngineError(.unknownCode, file: "indicators.csv", row: 4, column: "parent", messageContains: "'P9'") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [4: "x3,X three,P9,1,indicator,1,1,"]))
        }
    }

    @Test("a denominator that units.csv does not have names units.csv, row 1 and the column")
    func unknownDenominator() {
        expectEngineError(.missingColumn, file: "units.csv", row: 1, column: "area", messageContains: "row 3 of indicators.csv") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [3: "x2,X two,P1,1,indicator,-1,1,area"]))
        }
    }

    @Test("a wide values column that is not an indicator names values.csv, row 1 and the column")
    func unknownValueColumn() {
        expectEngineError(.unknownCode, file: "values.csv", row: 1, column: "x9") {
            _ = try Small.nativeDataset(values: csv(Small.wide.map { $0 + ($0.hasPrefix("unit") ? ",x9" : ",1") }))
        }
        expectEngineError(.unknownCode, file: "values.csv", row: 1, column: "P1", messageContains: "not an indicator") {
            _ = try Small.nativeDataset(values: csv(Small.wide.map { $0 + ($0.hasPrefix("unit") ? ",P1" : ",1") }))
        }
    }

    @Test("a long value naming an unknown indicator names the row and indicator")
    func longUnknownIndicator() {
        expectEngineError(.unknownCode, file: "values.csv", row: 5, column: "indicator", messageContains: "'x7'") {
            _ = try Small.nativeDataset(values: csv(Small.long, set: [5: "B,x7,3"]))
        }
        expectEngineError(.unknownCode, file: "values.csv", row: 3, column: "indicator", messageContains: "'Idx'") {
            _ = try Small.nativeDataset(values: csv(Small.long, set: [3: "A,Idx,5"]))
        }
        expectEngineError(.unknownCode, file: "values.csv", row: 3, column: "indicator") {
            _ = try Small.nativeDataset(values: csv(Small.long, set: [3: "A,,5"]))
        }
    }

    @Test("a value naming an unknown unit names the row and unit", arguments: [false, true])
    func unknownUnit(longForm: Bool) {
        let values = longForm ? csv(Small.long, set: [7: "Z,x3,10"]) : csv(Small.wide, set: [3: "Z,600,3,4"])
        expectEngineError(.unknownCode, file: "values.csv", row: longForm ? 7 : 3, column: "unit", messageContains: "'Z'") {
            _ = try Small.nativeDataset(values: values)
        }
    }

    @Test("rows without a code or unit name their cell")
    func missingCodes() {
        expectEngineError(.unknownCode, file: "units.csv", row: 3, column: "code") {
            _ = try Small.nativeDataset(units: csv(Small.units, set: [3: ",Beta,North,20"]))
        }
        expectEngineError(.unknownCode, file: "indicators.csv", row: 2, column: "code") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [2: "NA,X one,P1,1,indicator,1,1,pop"]))
        }
        expectEngineError(.unknownCode, file: "values.csv", row: 4, column: "unit") {
            _ = try Small.nativeDataset(values: csv(Small.wide, set: [4: ",800,1,10"]))
        }
    }

    // MARK: Duplicates

    @Test("a code twice in indicators.csv names the second row and code")
    func duplicateIndicator() {
        expectEngineError(.duplicateCode, file: "indicators.csv", row: 4, column: "code", messageContains: "first on row 2") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [4: "x1,X three,P2,1,indicator,1,1,"]))
        }
        expectEngineError(.duplicateCode, file: "indicators.csv", row: 4, column: "code", messageContains: "first on row 2") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicatorsInferred, set: [4: "x1,X three,P2,1,1,"]))
        }
    }

    @Test("a unit twice in units.csv names the second row and code")
    func duplicateUnitInUnits() {
        expectEngineError(.duplicateCode, file: "units.csv", row: 5, column: "code", messageContains: "first on row 2") {
            _ = try Small.nativeDataset(units: csv(Small.units, append: ["A,Alpha again,South,1"]))
        }
    }

    @Test("a unit twice in wide values names the second row and unit")
    func duplicateUnitInValues() {
        expectEngineError(.duplicateCode, file: "values.csv", row: 5, column: "unit", messageContains: "first on row 3") {
            _ = try Small.nativeDataset(values: csv(Small.wide, append: ["B,1,2,3"]))
        }
    }

    @Test("the same unit and time twice in wide values names the second row and unit")
    func duplicateUnitAndTime() {
        let values = ["unit,time,x1,x2,x3", "A,2020,1,2,3", "A,2021,1,2,3", "B,2021,1,2,3", "C,2021,1,2,3", "A,2021,4,5,6"]
        expectEngineError(.duplicateCode, file: "values.csv", row: 6, column: "unit", messageContains: "at time 2021") {
            _ = try Small.nativeDataset(values: csv(values))
        }
    }

    @Test("a long value given twice names the second row and value")
    func duplicateLongValue() {
        expectEngineError(.duplicateCode, file: "values.csv", row: 10, column: "value", messageContains: "first on row 5") {
            _ = try Small.nativeDataset(values: csv(Small.long, append: ["B,x2,3"]))
        }
        // The same unit and indicator at another time is not a duplicate.
        let panel = ["unit,indicator,time,value", "A,x1,2020,1", "A,x1,2021,2", "A,x2,2021,2", "A,x1,2020,3"]
        expectEngineError(.duplicateCode, file: "values.csv", row: 5, column: "value", messageContains: "first on row 2") {
            _ = try Small.nativeDataset(units: csv(Array(Small.units.prefix(2))), values: csv(panel))
        }
    }

    // MARK: Hierarchy

    @Test("an indicator without a parent names its row and parent")
    func indicatorWithoutParent() {
        expectEngineError(.missingParent, file: "indicators.csv", row: 3, column: "parent") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [3: "x2,X two,,1,indicator,-1,1,"]))
        }
        expectEngineError(.missingParent, file: "indicators.csv", row: 3, column: "parent") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicatorsInferred, set: [3: "x2,X two,,-1,1,"]))
        }
    }

    @Test("a cycle A → B → A without a level column names a row of the cycle and parent")
    func cycleWithoutLevels() {
        let indicators = ["code,name,parent", "x1,X one,A", "A,Agg A,B", "B,Agg B,A"]
        let error = expectEngineError(.cycle, file: "indicators.csv", row: 3, column: "parent") {
            _ = try Small.nativeDataset(indicators: csv(indicators), values: "unit,x1\nA,1\nB,2\nC,3\n")
        }
        #expect(error?.message.contains("A, B") == true, "\(String(describing: error))")
        #expect(error?.message.contains("x1") == false, "x1 is not part of the cycle: \(String(describing: error))")
    }

    @Test("a cycle that no indicator leads to names a row of the cycle and parent")
    func detachedCycle() {
        let indicators = ["code,name,parent", "x1,X one,P", "P,Top,", "A,Agg A,B", "B,Agg B,A"]
        expectEngineError(.cycle, file: "indicators.csv", row: 4, column: "parent") {
            _ = try Small.nativeDataset(indicators: csv(indicators), values: "unit,x1\nA,1\nB,2\nC,3\n")
        }
        let selfParent = ["code,name,parent", "x1,X one,P", "P,Top,P"]
        expectEngineError(.cycle, file: "indicators.csv", row: 3, column: "parent") {
            _ = try Small.nativeDataset(indicators: csv(selfParent), values: "unit,x1\nA,1\nB,2\nC,3\n")
        }
    }

    @Test("a cycle with a level column names a row of the cycle and parent")
    func cycleWithLevels() {
        let indicators = csv(Small.indicators, set: [7: "Idx,Index,P1,3,aggregate,1,1,"])
        expectEngineError(.cycle, file: "indicators.csv", row: 5, column: "parent") {
            _ = try Small.nativeDataset(indicators: indicators)
        }
    }

    @Test("a parent at the wrong level names the child's row and level, or parent without a level column")
    func parentAtWrongLevel() {
        expectEngineError(.invalidHierarchy, file: "indicators.csv", row: 4, column: "level", messageContains: "one level up") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [4: "x3,X three,Idx,1,indicator,1,1,"]))
        }
        // Without levels, an indicator hung directly under the level-3 index unbalances the tree.
        expectEngineError(.invalidHierarchy, file: "indicators.csv", row: 4, column: "parent", messageContains: "one level up") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicatorsInferred, set: [4: "x3,X three,Idx,1,1,", 6: nil]))
        }
    }

    @Test("a level that is not a whole number of 1 or more names its cell")
    func badLevel() {
        expectEngineError(.invalidHierarchy, file: "indicators.csv", row: 5, column: "level") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [5: "P1,Pillar 1,Idx,2.5,aggregate,1,2,"]))
        }
        expectEngineError(.invalidHierarchy, file: "indicators.csv", row: 5, column: "level") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [5: "P1,Pillar 1,Idx,,aggregate,1,2,"]))
        }
        expectEngineError(.invalidHierarchy, file: "indicators.csv", row: 7, column: "level") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [7: "Idx,Index,,1e100,aggregate,1,1,"]))
        }
        expectEngineError(.nonNumeric, file: "indicators.csv", row: 7, column: "level") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [7: "Idx,Index,,top,aggregate,1,1,"]))
        }
    }

    @Test("a type column that makes a parent an indicator names the child's row and parent")
    func explicitTypeConflicts() {
        expectEngineError(.invalidHierarchy, file: "indicators.csv", row: 2, column: "parent", messageContains: "is an indicator") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [5: "P1,Pillar 1,Idx,2,indicator,1,2,"]))
        }
    }

    @Test("an unknown type names its row and type", arguments: ["pillar", "Indicators"])
    func unknownType(_ type: String) {
        expectEngineError(.invalidParameter, file: "indicators.csv", row: 6, column: "type", messageContains: "unknown type") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [6: "P2,Pillar 2,Idx,2,\(type),1,1,"]))
        }
    }

    @Test("type is case-insensitive and may be left empty")
    func typeSpelling() throws {
        let dataset = try Small.nativeDataset(indicators: csv(Small.indicators, set: [2: "x1,X one,P1,1,Indicator,1,1,pop", 5: "P1,Pillar 1,Idx,2,,1,2,"]))
        #expect(dataset.framework.nodes.map(\.kind) == [.indicator, .indicator, .indicator, .aggregate, .aggregate, .aggregate])
    }

    // MARK: Numbers

    @Test("non-numeric value cells name the file, row and column", arguments: [false, true])
    func nonNumeric(longForm: Bool) {
        let values = longForm ? csv(Small.long, set: [6: "B,x3,four"]) : csv(Small.wide, set: [3: "B,600,3,four"])
        expectEngineError(.nonNumeric, file: "values.csv", row: longForm ? 6 : 3, column: longForm ? "value" : "x3") {
            _ = try Small.nativeDataset(values: values)
        }
    }

    @Test("NaN, Inf and -Inf values are errors naming the cell", arguments: ["NaN", "Inf", "-Inf"])
    func nonFinite(_ cell: String) {
        expectEngineError(.nonFinite, file: "values.csv", row: 4, column: "x2") {
            _ = try Small.nativeDataset(values: csv(Small.wide, set: [4: "C,800,\(cell),10"]))
        }
        expectEngineError(.nonFinite, file: "values.csv", row: 2, column: "value") {
            _ = try Small.nativeDataset(values: csv(Small.long, set: [2: "A,x1,\(cell)"]))
        }
        expectEngineError(.nonFinite, file: "units.csv", row: 3, column: "pop") {
            _ = try Small.nativeDataset(units: csv(Small.units, set: [3: "B,Beta,North,\(cell)"]))
        }
    }

    @Test("NA and empty cells are missing values, in values and denominators")
    func missingCells() throws {
        let dataset = try Small.nativeDataset(
            units: csv(Small.units, set: [3: "B,Beta,,NA"]), values: csv(Small.wide, set: [3: "B,,NA,4"]))
        #expect(dataset.values[1, 0].isNaN && dataset.values[1, 1].isNaN && dataset.values[1, 2] == 4)
        #expect(dataset.denominator("pop")?[1].isNaN == true)
        #expect(dataset.group("region") == ["North", nil, "South"])
        let long = try Small.nativeDataset(values: csv(Small.long, set: [3: "A,x2,NA"]))
        #expect(long.values[0, 1].isNaN)
    }

    @Test("non-numeric metadata cells name indicators.csv, the row and the column")
    func badMetadataNumbers() {
        expectEngineError(.nonNumeric, file: "indicators.csv", row: 5, column: "weight") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [5: "P1,Pillar 1,Idx,2,aggregate,1,two,"]))
        }
        expectEngineError(.nonFinite, file: "indicators.csv", row: 3, column: "direction") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [3: "x2,X two,P1,1,indicator,-Inf,1,"]))
        }
    }

    @Test("a time that is not a whole number names its cell")
    func badTime() {
        let values = ["unit,indicator,time,value", "A,x1,2020,1", "B,x1,twenty,2"]
        expectEngineError(.nonNumeric, file: "values.csv", row: 3, column: "time") {
            _ = try Small.nativeDataset(values: csv(values))
        }
        expectEngineError(.nonNumeric, file: "values.csv", row: 3, column: "time") {
            _ = try Small.nativeDataset(values: csv(values, set: [3: "B,x1,1e19,2"]))
        }
    }

    // MARK: Missing columns

    @Test("a missing indicator column in wide values names values.csv, row 1 and the indicator")
    func missingIndicatorColumn() {
        expectEngineError(.missingColumn, file: "values.csv", row: 1, column: "x2") {
            _ = try Small.nativeDataset(values: "unit,x1,x3\nA,1,2\n")
        }
    }

    @Test("required columns of the three files are named when absent")
    func missingRequiredColumns() {
        expectEngineError(.missingColumn, file: "indicators.csv", row: 1, column: "parent") {
            _ = try Small.nativeDataset(indicators: "code,name\nx1,X\n")
        }
        expectEngineError(.missingColumn, file: "units.csv", row: 1, column: "code") {
            _ = try Small.nativeDataset(units: "name,region,pop\nAlpha,North,1\n")
        }
        expectEngineError(.missingColumn, file: "values.csv", row: 1, column: "unit") {
            _ = try Small.nativeDataset(values: "x1,x2,x3\n1,2,3\n")
        }
        expectEngineError(.missingColumn, file: "values.csv", row: 1, column: "value") {
            _ = try Small.nativeDataset(values: "unit,indicator,amount\nA,x1,1\n")
        }
    }

    // MARK: Weights

    @Test("a negative weight names its row and weight")
    func negativeWeight() {
        expectEngineError(.invalidWeight, file: "indicators.csv", row: 6, column: "weight") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [6: "P2,Pillar 2,Idx,2,aggregate,1,-1,"]))
        }
    }

    @Test("siblings that all weigh zero name their parent's row and weight")
    func allZeroSiblingWeights() {
        let indicators = csv(Small.indicators, set: [5: "P1,Pillar 1,Idx,2,aggregate,1,0,", 6: "P2,Pillar 2,Idx,2,aggregate,1,0,"])
        expectEngineError(.invalidWeight, file: "indicators.csv", row: 7, column: "weight", messageContains: "'Idx'") {
            _ = try Small.nativeDataset(indicators: indicators)
        }
    }

    // MARK: Other rules

    @Test("a unit listed in units.csv with no values names its units.csv row")
    func unitWithoutRows() {
        expectEngineError(.unitWithoutData, file: "units.csv", row: 5, column: nil, messageContains: "'D'") {
            _ = try Small.nativeDataset(units: csv(Small.units, append: ["D,Delta,South,5"]))
        }
    }

    @Test("a unit whose values are all missing names its values.csv row")
    func unitWithOnlyMissingValues() {
        expectEngineError(.unitWithoutData, file: "values.csv", row: 3, column: nil, messageContains: "'B'") {
            _ = try Small.nativeDataset(values: csv(Small.wide, set: [3: "B,NA,,NA"]))
        }
        expectEngineError(.unitWithoutData, file: "values.csv", row: 7, column: nil, messageContains: "'C'") {
            _ = try Small.nativeDataset(values: csv(Small.long, set: [7: "C,x3,NA", 8: "C,x2,", 9: "C,x1,NA"]))
        }
    }

    @Test("a direction other than 1 or -1 names its row and direction")
    func invalidDirection() {
        expectEngineError(.invalidParameter, file: "indicators.csv", row: 3, column: "direction") {
            _ = try Small.nativeDataset(indicators: csv(Small.indicators, set: [3: "x2,X two,P1,1,indicator,-2,1,"]))
        }
    }

    @Test("requesting a time that the data does not have names values.csv and time")
    func unknownTime() {
        let values = ["unit,indicator,time,value", "A,x1,2020,1", "B,x1,2021,2", "C,x1,2021,3"]
        expectEngineError(.invalidParameter, file: "values.csv", row: nil, column: "time", messageContains: "2020, 2021") {
            _ = try Small.nativeDataset(values: csv(values), time: 2022)
        }
        expectEngineError(.invalidParameter, file: "values.csv", row: nil, column: "time", messageContains: "no time column") {
            _ = try Small.nativeDataset(time: 2022)
        }
    }

    @Test("errors of native inputs loaded by a spec name the full path of the file")
    func locatedByFullPath() throws {
        try Fixtures.withTemporaryDirectory { dir in
            try Fixtures.write(
                ["units.csv": csv(Small.units), "indicators.csv": csv(Small.indicators), "values.csv": csv(Small.long, set: [4: "A,x9,1"])],
                into: dir)
            expectEngineError(.unknownCode, file: dir + "/values.csv", row: 4, column: "indicator") {
                _ = try BuildInputs.load(try Small.nativeSpec(), relativeTo: dir)
            }
        }
    }
}
