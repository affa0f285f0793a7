import Foundation
import Testing
@testable import IndexEngine

/// COINr's `iData` and `iMeta` tables: what they read to, and every rule they are checked against.
@Suite("COINr input")
struct COINrInputTests {
    // MARK: Reading

    @Test("the small tables read into units, framework, groups, denominators and values")
    func readsSmallTables() throws {
        let dataset = try Small.coinrDataset()
        #expect(dataset.units == [Unit(code: "A", name: "Alpha"), Unit(code: "B", name: "Beta"), Unit(code: "C", name: "Gamma")])
        let framework = dataset.framework
        #expect(framework.nodes.map(\.code) == ["x1", "x2", "x3", "P1", "P2", "Idx"])
        #expect(framework.indicatorCount == 3)
        #expect(framework.topLevel == 3)
        #expect(framework.children == [[], [], [], [0, 1], [2], [3, 4]])
        #expect(framework.parentIndex == [3, 3, 4, 5, 5, nil])
        #expect(framework.nodes.map(\.direction) == [1, -1, 1, 1, 1, 1])
        #expect(framework.weights == [1, 1, 1, 2, 1, 1])
        #expect(framework.nodes[0].denominator == "Pop")
        #expect(dataset.groups == [NamedColumn(name: "Region", values: ["North", "North", "South"])])
        #expect(dataset.denominators == [NamedColumn(name: "Pop", values: [10, 20, 40])])
        #expect(dataset.values.column(0) == [100, 600, 800])
        #expect(dataset.values.column(1) == [5, 3, 1])
        #expect(dataset.values[0, 2].isNaN)
        #expect(dataset.values[1, 2] == 4 && dataset.values[2, 2] == 10)
        #expect(dataset.time == nil)
        #expect(dataset.panel == nil)
    }

    @Test("the small COINr tables build to the hand-computed scores")
    func buildsSmallTables() throws {
        try Fixtures.withTemporaryDirectory { dir in
            try Fixtures.write(["iData.csv": csv(Small.data), "iMeta.csv": csv(Small.meta)], into: dir)
            let spec = try Small.coinrSpec()
            let (dataset, hash) = try BuildInputs.load(spec, relativeTo: dir)
            #expect(hash.count == 64)
            let result = try IndexBuild.run(dataset, spec: spec)
            Small.expectScores(result)
            #expect(result.ranks == [3, 2, 1])
        }
    }

    @Test("a missing uName gives the code as the name; goalposts and targets are read")
    func optionalColumns() throws {
        let meta = csv([
            "Level,iCode,Type,Parent,Target,GoalpostLow,GoalpostHigh",
            "1,x1,Indicator,,7.5,0,10",
        ])
        let dataset = try Small.coinrDataset(data: "uCode,x1\nA,1\nB,2\n", meta: meta)
        #expect(dataset.units.map(\.name) == ["A", "B"])
        let node = dataset.framework.nodes[0]
        #expect(node.target == 7.5 && node.goalpostLow == 0 && node.goalpostHigh == 10)
        #expect(node.name == "x1" && node.weight == 1 && node.direction == 1 && node.parent == nil)
        #expect(dataset.framework.topLevel == 1)
    }

    @Test("NA and empty cells are missing values")
    func missingCells() throws {
        let dataset = try Small.coinrDataset(data: csv(Small.data, set: [3: "B,Beta,North,20,,NA,4"]))
        #expect(dataset.values[1, 0].isNaN && dataset.values[1, 1].isNaN && dataset.values[1, 2] == 4)
    }

    // MARK: Unknown codes

    @Test("a parent that is not defined names iMeta, the row and Parent")
    func unknownParent() {
        expectEngineError(.unknownCode, file: "iMeta.csv", row: 4, column: "Parent", messageContains: "'P9'") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [4: "1,x3,X three,1,1,,,,P9,Indicator"]))
        }
    }

    @Test("a denominator that is not defined names iMeta, the row and Denominator")
    func unknownDenominator() {
        expectEngineError(.unknownCode, file: "iMeta.csv", row: 3, column: "Denominator", messageContains: "is not defined") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [3: "1,x2,X two,-1,1,,,Area,P1,Indicator"]))
        }
    }

    @Test("a denominator that is not of Type Denominator names iMeta, the row and Denominator")
    func denominatorOfWrongType() {
        expectEngineError(.unknownCode, file: "iMeta.csv", row: 3, column: "Denominator", messageContains: "not of Type Denominator") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [3: "1,x2,X two,-1,1,,,Region,P1,Indicator"]))
        }
        expectEngineError(.unknownCode, file: "iMeta.csv", row: 2, column: "Denominator", messageContains: "not of Type Denominator") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [2: "1,x1,X one,1,1,,,x3,P1,Indicator"]))
        }
    }

    @Test("an iData column not described in iMeta names iData, row 1 and the column")
    func undescribedColumn() {
        let data = Small.data.map { $0 + ($0.hasPrefix("uCode") ? ",Extra" : ",1") }
        expectEngineError(.unknownCode, file: "iData.csv", row: 1, column: "Extra") {
            _ = try Small.coinrDataset(data: csv(data))
        }
    }

    @Test("a row without a uCode, or an iMeta row without an iCode, is located")
    func missingCodes() {
        expectEngineError(.unknownCode, file: "iData.csv", row: 3, column: "uCode") {
            _ = try Small.coinrDataset(data: csv(Small.data, set: [3: "NA,Beta,North,20,600,3,4"]))
        }
        expectEngineError(.unknownCode, file: "iMeta.csv", row: 4, column: "iCode") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [4: "1,,X three,1,1,,,,P2,Indicator"]))
        }
    }

    // MARK: Duplicates

    @Test("an iCode defined twice names the second row")
    func duplicateICode() {
        expectEngineError(.duplicateCode, file: "iMeta.csv", row: 4, column: "iCode", messageContains: "first on row 3") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [4: "1,x2,X three,1,1,,,,P2,Indicator"]))
        }
    }

    @Test("an iCode reused by a Group or Denominator row names the second row")
    func duplicateICodeAcrossTypes() {
        expectEngineError(.duplicateCode, file: "iMeta.csv", row: 10, column: "iCode", messageContains: "first on row 9") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, append: ["NA,Pop,Population again,NA,NA,,,,,Denominator"]))
        }
        expectEngineError(.duplicateCode, file: "iMeta.csv", row: 10, column: "iCode", messageContains: "first on row 2") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, append: ["NA,x1,Group x1,NA,NA,,,,,Group"]))
        }
    }

    @Test("a unit twice in iData names the second row and uCode")
    func duplicateUnit() {
        expectEngineError(.duplicateCode, file: "iData.csv", row: 5, column: "uCode", messageContains: "first on row 3") {
            _ = try Small.coinrDataset(data: csv(Small.data, append: ["B,Beta again,North,20,1,2,3"]))
        }
    }

    @Test("the same unit and time twice names the second row")
    func duplicateUnitAndTime() {
        let data = [
            "uCode,Time,Region,Pop,x1,x2,x3",
            "A,2020,North,10,100,5,1",
            "A,2021,North,10,100,5,1",
            "B,2020,North,20,600,3,4",
            "A,2020,North,10,100,5,1",
        ]
        expectEngineError(.duplicateCode, file: "iData.csv", row: 5, column: "uCode", messageContains: "at time 2020") {
            _ = try Small.coinrDataset(data: csv(data))
        }
    }

    // MARK: Hierarchy

    @Test("an indicator without a parent names its row and Parent")
    func indicatorWithoutParent() {
        expectEngineError(.missingParent, file: "iMeta.csv", row: 3, column: "Parent") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [3: "1,x2,X two,-1,1,,,,NA,Indicator"]))
        }
    }

    @Test("an aggregate below the top level without a parent names its row and Parent")
    func aggregateWithoutParent() {
        expectEngineError(.missingParent, file: "iMeta.csv", row: 6, column: "Parent", messageContains: "only the top level") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [6: "2,P2,Pillar 2,1,1,,,,,Aggregate"]))
        }
    }

    @Test("a cycle in iMeta names a row of the cycle and Parent")
    func cycle() {
        // P1 → Idx → P1; Idx's level is made consistent so that only the cycle is wrong.
        expectEngineError(.cycle, file: "iMeta.csv", row: 5, column: "Parent", messageContains: "cycle") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [7: "3,Idx,Index,1,1,,,,P1,Aggregate"]))
        }
    }

    @Test("a parent at the wrong level names the child's row and Level")
    func parentAtWrongLevel() {
        // x3 (level 1) hangs directly under Idx (level 3).
        expectEngineError(.invalidHierarchy, file: "iMeta.csv", row: 4, column: "Level", messageContains: "one level up") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [4: "1,x3,X three,1,1,,,,Idx,Indicator"]))
        }
    }

    @Test("an indicator at level 2 or an aggregate at level 1 names its row and Level")
    func kindAtWrongLevel() {
        expectEngineError(.invalidHierarchy, file: "iMeta.csv", row: 2, column: "Level") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [2: "0,x1,X one,1,1,,,Pop,P1,Indicator"]))
        }
        expectEngineError(.invalidHierarchy, file: "iMeta.csv", row: 3, column: "Level") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [3: "1.5,x2,X two,-1,1,,,,P1,Indicator"]))
        }
        expectEngineError(.invalidHierarchy, file: "iMeta.csv", row: 4, column: "Level") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [4: "NA,x3,X three,1,1,,,,P2,Indicator"]))
        }
    }

    @Test("a parent that is an indicator names the child's row and Parent")
    func parentIsIndicator() {
        expectEngineError(.invalidHierarchy, file: "iMeta.csv", row: 3, column: "Parent", messageContains: "is an indicator") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [3: "1,x2,X two,-1,1,,,,x1,Indicator"]))
        }
    }

    @Test("an aggregate without children names its row")
    func childlessAggregate() {
        expectEngineError(.invalidHierarchy, file: "iMeta.csv", row: 10, column: "iCode", messageContains: "no children") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, append: ["2,P3,Pillar 3,1,1,,,,Idx,Aggregate"]))
        }
    }

    @Test("a Level too large for an integer is an error, not a crash")
    func hugeLevel() {
        expectEngineError(.invalidHierarchy, file: "iMeta.csv", row: 7, column: "Level") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [7: "1e300,Idx,Index,1,1,,,,,Aggregate"]))
        }
    }

    // MARK: Numbers

    @Test("a non-numeric value cell names iData, the row and the indicator")
    func nonNumericValue() {
        expectEngineError(.nonNumeric, file: "iData.csv", row: 3, column: "x2", messageContains: "'three'") {
            _ = try Small.coinrDataset(data: csv(Small.data, set: [3: "B,Beta,North,20,600,three,4"]))
        }
    }

    @Test("NaN, Inf and -Inf in iData are errors naming the cell", arguments: ["NaN", "Inf", "-Inf"])
    func nonFiniteValue(_ cell: String) {
        expectEngineError(.nonFinite, file: "iData.csv", row: 4, column: "x3") {
            _ = try Small.coinrDataset(data: csv(Small.data, set: [4: "C,Gamma,South,40,800,1,\(cell)"]))
        }
    }

    @Test("a non-finite denominator names its cell")
    func nonFiniteDenominator() {
        expectEngineError(.nonFinite, file: "iData.csv", row: 2, column: "Pop") {
            _ = try Small.coinrDataset(data: csv(Small.data, set: [2: "A,Alpha,North,Inf,100,5,NA"]))
        }
    }

    @Test("non-numeric and non-finite metadata cells name iMeta, the row and the column")
    func badMetadataNumbers() {
        expectEngineError(.nonNumeric, file: "iMeta.csv", row: 5, column: "Weight") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [5: "2,P1,Pillar 1,1,heavy,,,,Idx,Aggregate"]))
        }
        expectEngineError(.nonFinite, file: "iMeta.csv", row: 2, column: "Target") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [2: "1,x1,X one,1,1,,NaN,Pop,P1,Indicator"]))
        }
        expectEngineError(.nonNumeric, file: "iMeta.csv", row: 3, column: "Level") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [3: "one,x2,X two,-1,1,,,,P1,Indicator"]))
        }
    }

    @Test("a Time that is not a whole number names its cell")
    func badTime() {
        let data = ["uCode,Time,Region,Pop,x1,x2,x3", "A,2020,North,10,100,5,1", "B,2020.5,North,20,600,3,4"]
        expectEngineError(.nonNumeric, file: "iData.csv", row: 3, column: "Time") {
            _ = try Small.coinrDataset(data: csv(data))
        }
        expectEngineError(.nonNumeric, file: "iData.csv", row: 2, column: "Time") {
            _ = try Small.coinrDataset(data: csv(data, set: [2: "A,,North,10,100,5,1"]))
        }
        expectEngineError(.nonNumeric, file: "iData.csv", row: 3, column: "Time") {
            _ = try Small.coinrDataset(data: csv(data, set: [3: "B,1e30,North,20,600,3,4"]))
        }
    }

    // MARK: Missing columns

    @Test("a missing indicator column names iData, row 1 and the indicator")
    func missingIndicatorColumn() {
        let data = ["uCode,uName,Region,Pop,x1,x3", "A,Alpha,North,10,100,1", "B,Beta,North,20,600,4"]
        expectEngineError(.missingColumn, file: "iData.csv", row: 1, column: "x2") {
            _ = try Small.coinrDataset(data: csv(data))
        }
    }

    @Test("a missing denominator or group column names iData, row 1 and the column")
    func missingDenominatorColumn() {
        let noPop = ["uCode,uName,Region,x1,x2,x3", "A,Alpha,North,100,5,1"]
        expectEngineError(.missingColumn, file: "iData.csv", row: 1, column: "Pop") {
            _ = try Small.coinrDataset(data: csv(noPop))
        }
        let noRegion = ["uCode,uName,Pop,x1,x2,x3", "A,Alpha,10,100,5,1"]
        expectEngineError(.missingColumn, file: "iData.csv", row: 1, column: "Region") {
            _ = try Small.coinrDataset(data: csv(noRegion))
        }
    }

    @Test("a required iMeta or iData column that is absent names it")
    func missingRequiredColumns() {
        expectEngineError(.missingColumn, file: "iMeta.csv", row: 1, column: "Type") {
            _ = try Small.coinrDataset(meta: "Level,iCode,Parent\n1,x1,\n")
        }
        expectEngineError(.missingColumn, file: "iData.csv", row: 1, column: "uCode") {
            _ = try Small.coinrDataset(data: "uName,Region,Pop,x1,x2,x3\nAlpha,North,10,100,5,1\n")
        }
    }

    // MARK: Weights

    @Test("a negative weight names its row and Weight")
    func negativeWeight() {
        expectEngineError(.invalidWeight, file: "iMeta.csv", row: 3, column: "Weight") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [3: "1,x2,X two,-1,-0.5,,,,P1,Indicator"]))
        }
    }

    @Test("siblings that all weigh zero name their parent's row and Weight")
    func allZeroSiblingWeights() {
        let meta = csv(Small.meta, set: [2: "1,x1,X one,1,0,,,Pop,P1,Indicator", 3: "1,x2,X two,-1,0,,,,P1,Indicator"])
        expectEngineError(.invalidWeight, file: "iMeta.csv", row: 5, column: "Weight", messageContains: "'P1'") {
            _ = try Small.coinrDataset(meta: meta)
        }
        // One zero weight among siblings is allowed.
        #expect((try? Small.coinrDataset(meta: csv(Small.meta, set: [2: "1,x1,X one,1,0,,,Pop,P1,Indicator"]))) != nil)
    }

    // MARK: Other rules

    @Test("a unit without any indicator data names its row")
    func unitWithoutData() {
        expectEngineError(.unitWithoutData, file: "iData.csv", row: 3, column: nil, messageContains: "'B'") {
            _ = try Small.coinrDataset(data: csv(Small.data, set: [3: "B,Beta,North,20,NA,,NA"]))
        }
    }

    @Test("iData without any rows is an error naming the file")
    func noRows() {
        expectEngineError(.noData, file: "iData.csv", row: nil, column: nil) {
            _ = try Small.coinrDataset(data: csv([Small.data[0]]))
        }
    }

    @Test("a Direction other than 1 or -1 names its row and Direction", arguments: ["0", "2", "-0.5"])
    func invalidDirection(_ direction: String) {
        expectEngineError(.invalidParameter, file: "iMeta.csv", row: 3, column: "Direction") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [3: "1,x2,X two,\(direction),1,,,,P1,Indicator"]))
        }
    }

    @Test("an unknown Type names its row and Type", arguments: ["indicator", "Index", ""])
    func unknownType(_ type: String) {
        expectEngineError(.invalidParameter, file: "iMeta.csv", row: 4, column: "Type", messageContains: "unknown Type") {
            _ = try Small.coinrDataset(meta: csv(Small.meta, set: [4: "1,x3,X three,1,1,,,,P2,\(type)"]))
        }
    }

    @Test("Other rows describe columns that are read but not used")
    func otherType() throws {
        let meta = csv(Small.meta, append: ["NA,Note,A note,NA,NA,,,,,Other"])
        let data = Small.data.map { $0 + ($0.hasPrefix("uCode") ? ",Note" : ",whatever") }
        let dataset = try Small.coinrDataset(data: csv(data), meta: meta)
        #expect(dataset.framework.nodes.count == 6)
        #expect(dataset.groups.map(\.name) == ["Region"])
    }

    @Test("requesting a time that the data does not have names the file and Time")
    func unknownTime() {
        let data = ["uCode,Time,Region,Pop,x1,x2,x3", "A,2020,North,10,100,5,1", "A,2021,North,10,100,5,2"]
        expectEngineError(.invalidParameter, file: "iData.csv", row: nil, column: "Time", messageContains: "2020, 2021") {
            _ = try Small.coinrDataset(data: csv(data), time: 2019)
        }
    }

    @Test("requesting a time of data without a Time column is an error, not an empty dataset")
    func timeWithoutTimeColumn() {
        expectEngineError(.invalidParameter, file: "iData.csv", row: nil, column: "Time", messageContains: "no Time column") {
            _ = try Small.coinrDataset(time: 2020)
        }
    }

    @Test("errors of inputs loaded by a spec name the full path of the file")
    func locatedByFullPath() throws {
        try Fixtures.withTemporaryDirectory { dir in
            try Fixtures.write(["iData.csv": csv(Small.data, set: [4: "C,Gamma,South,40,800,x,10"]), "iMeta.csv": csv(Small.meta)], into: dir)
            let spec = try Small.coinrSpec()
            expectEngineError(.nonNumeric, file: dir + "/iData.csv", row: 4, column: "x2") {
                _ = try BuildInputs.load(spec, relativeTo: dir)
            }
            try FileManager.default.removeItem(atPath: dir + "/iMeta.csv")
            expectEngineError(.unreadableFile, file: dir + "/iMeta.csv", row: nil, column: nil) {
                _ = try BuildInputs.load(spec, relativeTo: dir)
            }
        }
    }

    // MARK: Panel

    static let panelSpec = """
        { "inputs": { "iData": "ASEM_iData_p.csv", "iMeta": "ASEM_iMeta.csv" }, "steps": [] }
        """

    static func panel(time: Int? = nil) throws -> Dataset {
        var spec = try BuildSpec.decode(Data(panelSpec.utf8), file: "panel.json")
        spec.time = time
        return try BuildInputs.load(spec, relativeTo: Fixtures.path("Examples/asem")).dataset
    }

    /// The rows of the panel file for `unit`, by time.
    static func panelRows(unit: String) throws -> (table: CSVTable, rows: [Int: [String]]) {
        let table = try CSVTable.read(path: Fixtures.path("Examples/asem/ASEM_iData_p.csv"))
        let u = try #require(table.columnIndex("uCode")), t = try #require(table.columnIndex("Time"))
        var rows: [Int: [String]] = [:]
        for fields in table.rows where fields[u] == unit { rows[Int(fields[t])!] = fields }
        return (table, rows)
    }

    @Test("panel data builds the latest time (2022) by default and keeps all five years")
    func panelLatestByDefault() throws {
        let dataset = try Self.panel()
        #expect(dataset.time == 2022)
        #expect(dataset.units.count == 51)
        let panel = try #require(dataset.panel)
        #expect(panel.times == [2018, 2019, 2020, 2021, 2022])
        #expect(panel.values.count == 5)
        #expect(panel.values.allSatisfy { $0.rows == 51 && $0.columns == 49 })
        #expect(panel.denominators.count == 5)
        #expect(panel.denominators.allSatisfy { $0.map(\.name) == ["Area", "Energy", "GDP", "Population"] })

        let (table, rows) = try Self.panelRows(unit: "AUT")
        let r = try #require(dataset.units.firstIndex { $0.code == "AUT" })
        let lpi = try #require(dataset.framework.index(of: "LPI"))
        let flights = try #require(dataset.framework.index(of: "Flights"))
        let lpiColumn = try #require(table.columnIndex("LPI")), flightsColumn = try #require(table.columnIndex("Flights"))
        let gdpColumn = try #require(table.columnIndex("GDP"))
        #expect(dataset.values[r, lpi] == Double(try #require(rows[2022])[lpiColumn]))
        #expect(dataset.values[r, lpi] == 4.10043732769853)
        #expect(dataset.values[r, flights] == 52.3478998538004)
        for (t, year) in panel.times.enumerated() {
            let fields = try #require(rows[year])
            #expect(panel.values[t][r, lpi] == Double(fields[lpiColumn]), "LPI of AUT in \(year)")
            #expect(panel.values[t][r, flights] == Double(fields[flightsColumn]), "Flights of AUT in \(year)")
            #expect(panel.denominators[t][2].values[r] == Double(fields[gdpColumn]), "GDP of AUT in \(year)")
        }
        #expect(panel.values[0][r, lpi] == 4.097985)
        #expect(sameValues(panel.values[4], dataset.values), "the selected time is the panel's last")
    }

    @Test("time: 2020 selects 2020 and keeps the whole panel")
    func panelSelectedTime() throws {
        let dataset = try Self.panel(time: 2020)
        #expect(dataset.time == 2020)
        let panel = try #require(dataset.panel)
        #expect(panel.times == [2018, 2019, 2020, 2021, 2022])
        #expect(sameValues(panel.values[2], dataset.values))
        #expect(!sameValues(panel.values[4], dataset.values))
        let r = try #require(dataset.units.firstIndex { $0.code == "AUT" })
        #expect(dataset.values[r, try #require(dataset.framework.index(of: "LPI"))] == 4.14835481530865)
        #expect(dataset.values[r, try #require(dataset.framework.index(of: "Flights"))] == 41.1636012969389)
        #expect(sameValues(dataset.denominator("GDP"), panel.denominators[2][2].values))
    }

    @Test("requesting a year that the panel does not have names the file and Time")
    func panelUnknownTime() {
        let file = Fixtures.path("Examples/asem") + "/ASEM_iData_p.csv"
        expectEngineError(.invalidParameter, file: file, row: nil, column: "Time", messageContains: "2018, 2019, 2020, 2021, 2022") {
            _ = try Self.panel(time: 2017)
        }
    }

    @Test("the 2018 slice of the panel is the cross-sectional ASEM data")
    func panel2018IsCrossSection() throws {
        let panel2018 = try Self.panel(time: 2018)
        let spec = try BuildSpec.read(path: Fixtures.asemSpec)
        let single = try BuildInputs.load(spec, relativeTo: Fixtures.path("Examples/asem")).dataset
        #expect(single.time == 2018 && single.panel == nil)
        #expect(panel2018.units == single.units)
        #expect(sameValues(panel2018.values, single.values))
        #expect(panel2018.groups == single.groups)
    }
}
