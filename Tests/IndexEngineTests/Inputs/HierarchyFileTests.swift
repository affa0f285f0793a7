import Foundation
import Testing
@testable import IndexEngine

/// The aggregates of a native build listed in a hierarchy file, `indicators.csv` keeping the indicators.
@Suite("Native hierarchy file")
struct HierarchyFileTests {
    /// The small index's indicators alone.
    static let indicators = [
        "code,name,parent,direction,weight,denominator",
        "x1,X one,P1,1,1,pop",
        "x2,X two,P1,-1,1,",
        "x3,X three,P2,1,1,",
    ]
    /// Its aggregates: P1 (weight 2) and P2 under Idx.
    static let hierarchy = [
        "code,name,parent,weight",
        "P1,Pillar 1,Idx,2",
        "P2,Pillar 2,Idx,",
        "Idx,Index,,",
    ]

    static func build(indicators: [String] = indicators, hierarchy: [String] = hierarchy, columns: String = "{}") throws -> BuildResult {
        try NativeColumnsTests.build(units: Small.units, indicators: indicators, values: Small.wide, hierarchy: hierarchy, columns: columns)
    }

    static func failure(indicators: [String] = indicators, hierarchy: [String] = hierarchy, columns: String = "{}") -> IndexEngineError? {
        NativeColumnsTests.failure(units: Small.units, indicators: indicators, values: Small.wide, hierarchy: hierarchy, columns: columns)
    }

    // MARK: Building

    @Test("indicators with a hierarchy file build to the hand-computed scores")
    func build() throws {
        let result = try Self.build()
        Small.expectScores(result)
        let framework = result.framework
        #expect(framework.nodes.map(\.code) == ["x1", "x2", "x3", "P1", "P2", "Idx"])
        #expect(framework.nodes.map(\.level) == [1, 1, 1, 2, 2, 3])
        #expect(framework.nodes.map(\.name) == ["X one", "X two", "X three", "Pillar 1", "Pillar 2", "Index"])
        #expect(framework.weights == [1, 1, 1, 2, 1, 1])
    }

    @Test("levels may be given in both files, in one, or in neither")
    func levels() throws {
        let leveled = ["code,name,parent,weight,level", "P1,Pillar 1,Idx,2,2", "P2,Pillar 2,Idx,,2", "Idx,Index,,,3"]
        Small.expectScores(try Self.build(hierarchy: leveled))
        let indicatorsLeveled = Self.indicators.enumerated().map { $0.offset == 0 ? $0.element + ",level" : $0.element + ",1" }
        Small.expectScores(try Self.build(indicators: indicatorsLeveled, hierarchy: leveled))
        Small.expectScores(try Self.build(indicators: indicatorsLeveled))
    }

    @Test("a code in both files with the same definition is read once")
    func sameDefinitionInBoth() throws {
        let result = try Self.build(indicators: Self.indicators + ["P1,Pillar 1,Idx,1,2,"])
        Small.expectScores(result)
        #expect(result.framework.nodes.count == 6)
    }

    @Test("renamed hierarchy columns are read and named in errors")
    func renamed() throws {
        let hierarchy = ["agg,title,belongs_to,share", "P1,Pillar 1,Idx,2", "P2,Pillar 2,Idx,", "Idx,Index,,"]
        let columns = #"{ "hierarchy": { "code": "agg", "name": "title", "parent": "belongs_to", "weight": "share" } }"#
        Small.expectScores(try Self.build(hierarchy: hierarchy, columns: columns))
        let error = try #require(Self.failure(hierarchy: replacingLine(hierarchy, 3, "P2,Pillar 2,Top,"), columns: columns))
        #expect(error.kind == .unknownCode && error.file == "hierarchy.csv" && error.row == 3 && error.column == "belongs_to", "\(error)")
    }

    // MARK: Refused

    @Test("a code in both files with another definition names the hierarchy row and the field",
          arguments: [
            ("P1,Pillar 1,Idx,1,2,", "P1,Pillar One,Idx,2", "name"),
            ("P1,Pillar 1,Idx,1,2,", "P1,Pillar 1,P2,2", "parent"),
            ("P1,Pillar 1,Idx,1,3,", "P1,Pillar 1,Idx,2", "weight"),
            ("P1,Pillar 1,Idx,1,2,", "P1,Pillar 1,Idx,", "weight"),
          ])
    func differentDefinition(_ indicatorsRow: String, _ hierarchyRow: String, _ column: String) throws {
        let error = try #require(Self.failure(indicators: Self.indicators + [indicatorsRow], hierarchy: replacingLine(Self.hierarchy, 2, hierarchyRow)))
        #expect(error.kind == .duplicateCode && error.file == "hierarchy.csv" && error.row == 2 && error.column == column, "\(error)")
        #expect(error.message.contains("row 5 of"), "\(error)")
    }

    @Test("an indicator listed as an aggregate in the hierarchy file is refused at its code")
    func indicatorInHierarchy() throws {
        let error = try #require(Self.failure(hierarchy: Self.hierarchy + ["x3,X three,P2,"]))
        #expect(error.kind == .duplicateCode && error.file == "hierarchy.csv" && error.row == 5 && error.column == "code", "\(error)")
        #expect(error.message.contains("an indicator there"), "\(error)")
    }

    @Test("a level in both files that differs names the hierarchy row and level")
    func differentLevel() throws {
        let indicators = Self.indicators.enumerated().map { $0.offset == 0 ? $0.element + ",level" : $0.element + ",1" } + ["P1,Pillar 1,Idx,1,2,,2"]
        let error = try #require(Self.failure(indicators: indicators, hierarchy: ["code,name,parent,weight,level", "P1,Pillar 1,Idx,2,4", "P2,Pillar 2,Idx,,2", "Idx,Index,,,3"]))
        #expect(error.kind == .duplicateCode && error.file == "hierarchy.csv" && error.row == 2 && error.column == "level", "\(error)")
    }

    @Test("a level that is not the node's place in the hierarchy names its file, row and level")
    func levelAgainstHierarchy() throws {
        let error = try #require(Self.failure(hierarchy: ["code,name,parent,level", "P1,Pillar 1,Idx,2", "P2,Pillar 2,Idx,2", "Idx,Index,,4"]))
        #expect(error.kind == .invalidHierarchy && error.file == "hierarchy.csv" && error.row == 4 && error.column == "level", "\(error)")
        #expect(error.message.contains("level 3"), "\(error)")
    }

    @Test("a cycle through the hierarchy file names a row of the cycle and parent")
    func cycle() throws {
        let error = try #require(Self.failure(hierarchy: ["code,name,parent", "P1,Pillar 1,Idx", "P2,Pillar 2,Idx", "Idx,Index,P1"]))
        #expect(error.kind == .cycle && error.file == "hierarchy.csv" && error.column == "parent", "\(error)")
        #expect(error.message.contains("P1") && error.message.contains("Idx"), "\(error)")
        let leveled = try #require(Self.failure(hierarchy: ["code,name,parent,level", "P1,Pillar 1,Idx,2", "P2,Pillar 2,Idx,2", "Idx,Index,P1,3"]))
        #expect(leveled.kind == .cycle && leveled.file == "hierarchy.csv" && leveled.column == "parent", "\(leveled)")
    }

    @Test("a parent that exists in neither file names the file, row and parent")
    func parentNowhere() throws {
        let inHierarchy = try #require(Self.failure(hierarchy: replacingLine(Self.hierarchy, 4, "Idx,Index,Top,")))
        #expect(inHierarchy.kind == .unknownCode && inHierarchy.file == "hierarchy.csv" && inHierarchy.row == 4 && inHierarchy.column == "parent", "\(inHierarchy)")
        #expect(inHierarchy.message.contains("'Top'") && inHierarchy.message.contains("neither"), "\(inHierarchy)")
        let inIndicators = try #require(Self.failure(indicators: replacingLine(Self.indicators, 3, "x2,X two,P7,-1,1,")))
        #expect(inIndicators.kind == .unknownCode && inIndicators.file == "indicators.csv" && inIndicators.row == 3 && inIndicators.column == "parent", "\(inIndicators)")
    }

    @Test("a code twice in the hierarchy file, an aggregate without children and a bad weight name their cell")
    func badRows() throws {
        let twice = try #require(Self.failure(hierarchy: Self.hierarchy + ["P2,Pillar 2,Idx,"]))
        #expect(twice.kind == .duplicateCode && twice.file == "hierarchy.csv" && twice.row == 5 && twice.column == "code" && twice.message.contains("first on row 3"), "\(twice)")
        let childless = try #require(Self.failure(hierarchy: Self.hierarchy + ["P3,Pillar 3,Idx,"]))
        #expect(childless.kind == .invalidHierarchy && childless.file == "hierarchy.csv" && childless.row == 5 && childless.column == "code", "\(childless)")
        let negative = try #require(Self.failure(hierarchy: replacingLine(Self.hierarchy, 3, "P2,Pillar 2,Idx,-1")))
        #expect(negative.kind == .invalidWeight && negative.file == "hierarchy.csv" && negative.row == 3 && negative.column == "weight", "\(negative)")
        for cell in ["inf", "NaN", "heavy"] {
            let error = try #require(Self.failure(hierarchy: replacingLine(Self.hierarchy, 3, "P2,Pillar 2,Idx,\(cell)")))
            #expect([.nonFinite, .nonNumeric].contains(error.kind) && error.file == "hierarchy.csv" && error.row == 3 && error.column == "weight", "\(error)")
        }
        let noCode = try #require(Self.failure(hierarchy: replacingLine(Self.hierarchy, 3, ",Pillar 2,Idx,")))
        #expect(noCode.kind == .unknownCode && noCode.file == "hierarchy.csv" && noCode.row == 3 && noCode.column == "code", "\(noCode)")
        let noName = try #require(Self.failure(hierarchy: ["code,parent", "P1,Idx", "P2,Idx", "Idx,"]))
        #expect(noName.kind == .missingColumn && noName.file == "hierarchy.csv" && noName.row == 1 && noName.column == "name", "\(noName)")
        let empty = try #require(Self.failure(hierarchy: ["code,name,parent"]))
        #expect(empty.kind == .unknownCode && empty.file == "indicators.csv" && empty.column == "parent", "\(empty)")
    }
}
