import Foundation
import Testing
@testable import IndexEngine

/// `base` with its 1-based row `row` (the header is row 1) replaced by `line`.
func replacingLine(_ base: [String], _ row: Int, _ line: String) -> [String] {
    var lines = base
    lines[row - 1] = line
    return lines
}

/// Native files whose headers use other names, read through the spec's `inputs.columns`.
@Suite("Native input with renamed columns")
struct NativeColumnsTests {
    /// The small index's files with every field under another name.
    static let units = ["unit_code,unit_name,region,pop", "A,Alpha,North,10", "B,Beta,North,20", "C,Gamma,South,40"]
    static let indicators = [
        "id,label,up,depth,kind,sense,w,per",
        "x1,X one,P1,1,indicator,1,1,pop",
        "x2,X two,P1,1,indicator,-1,1,",
        "x3,X three,P2,1,indicator,1,1,",
        "P1,Pillar 1,Idx,2,aggregate,1,2,",
        "P2,Pillar 2,Idx,2,aggregate,1,1,",
        "Idx,Index,,3,aggregate,1,1,",
    ]
    static let wide = ["iso3,x1,x2,x3", "A,100,5,NA", "B,600,3,4", "C,800,1,10"]
    static let columns = """
        { "units": { "code": "unit_code", "name": "unit_name" },
          "indicators": { "code": "id", "name": "label", "parent": "up", "level": "depth", "type": "kind",
                          "direction": "sense", "weight": "w", "denominator": "per" },
          "values": { "unit": "iso3" } }
        """

    /// A spec over `units.csv`, `indicators.csv`, `values.csv` and, when given, `hierarchy.csv`.
    static func spec(columns: String, hierarchy: Bool = false) throws -> BuildSpec {
        let json = """
            { "inputs": { "units": "units.csv", "indicators": "indicators.csv", "values": "values.csv",
                          \(hierarchy ? "\"hierarchy\": \"hierarchy.csv\"," : "") "columns": \(columns) },
              "steps": \(Small.stepsJSON.replacingOccurrences(of: "REGION", with: "region")) }
            """
        return try BuildSpec.decode(Data(json.utf8), file: "spec.json")
    }

    /// Writes the files, loads them through a spec with `columns` and builds.
    static func build(
        units: [String] = units, indicators: [String] = indicators, values: [String] = wide, hierarchy: [String]? = nil, columns: String = columns
    ) throws -> BuildResult {
        try Fixtures.withTemporaryDirectory { dir in
            var files = ["units.csv": csv(units), "indicators.csv": csv(indicators), "values.csv": csv(values)]
            files["hierarchy.csv"] = hierarchy.map { csv($0) }
            try Fixtures.write(files, into: dir)
            let spec = try spec(columns: columns, hierarchy: hierarchy != nil)
            let (dataset, _) = try BuildInputs.load(spec, relativeTo: dir)
            return try IndexBuild.run(dataset, spec: spec)
        }
    }

    /// The error of a build, which must fail, with the directory prefix taken off its file.
    static func failure(
        units: [String] = units, indicators: [String] = indicators, values: [String] = wide, hierarchy: [String]? = nil, columns: String = columns
    ) -> IndexEngineError? {
        do {
            _ = try build(units: units, indicators: indicators, values: values, hierarchy: hierarchy, columns: columns)
        } catch var error as IndexEngineError {
            error.file = error.file.map { ($0 as NSString).lastPathComponent }
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
        Issue.record("the build succeeded")
        return nil
    }

    // MARK: Building

    @Test("renamed columns build to the hand-computed scores, names and groups")
    func renamedWide() throws {
        let result = try Self.build()
        Small.expectScores(result)
        #expect(result.dataset.units.map(\.name) == ["Alpha", "Beta", "Gamma"])
        #expect(result.dataset.groups == [NamedColumn(name: "region", values: ["North", "North", "South"])])
        #expect(result.dataset.framework.nodes.map(\.level) == [1, 1, 1, 2, 2, 3])
        #expect(result.dataset.framework.nodes.map(\.direction) == [1, -1, 1, 1, 1, 1])
        #expect(result.dataset.framework.weights == [1, 1, 1, 2, 1, 1])
    }

    @Test("renamed long values with a renamed time column build each year")
    func renamedLong() throws {
        let values = ["country,year,series,amount"] + Small.long.dropFirst().flatMap { line -> [String] in
            let f = line.split(separator: ",")
            return ["\(f[0]),2021,\(f[1]),\(f[2])", "\(f[0]),2020,\(f[1]),1"]
        }
        let columns = Self.columns.replacingOccurrences(
            of: "\"values\": { \"unit\": \"iso3\" }",
            with: "\"values\": { \"unit\": \"country\", \"time\": \"year\", \"indicator\": \"series\", \"value\": \"amount\" }")
        let result = try Self.build(values: values, columns: columns)
        #expect(result.dataset.time == 2021)
        #expect(result.dataset.panel?.times == [2020, 2021])
        Small.expectScores(result)
    }

    @Test("with the code read from another column, a column called code is a group")
    func defaultNameFreed() throws {
        let units = ["code,unit_code,unit_name,region,pop", "n,A,Alpha,North,10", "n,B,Beta,North,20", "s,C,Gamma,South,40"]
        let result = try Self.build(units: units)
        #expect(result.dataset.units.map(\.code) == ["A", "B", "C"])
        #expect(result.dataset.groups.map(\.name) == ["code", "region"])
        #expect(result.dataset.groups.first?.values == ["n", "n", "s"])
        Small.expectScores(result)
    }

    // MARK: Errors name the file's own columns

    @Test("a renamed column missing from its file names the file, the column and the spec field")
    func missingRenamedColumn() throws {
        let error = try #require(Self.failure(units: replacingLine(Self.units, 1, "ucode,unit_name,region,pop")))
        #expect(error.kind == .missingColumn && error.file == "units.csv" && error.row == 1 && error.column == "unit_code", "\(error)")
        #expect(error.message.contains("inputs.columns.units.code"), "\(error)")
        let values = try #require(Self.failure(values: ["unit,x1,x2,x3", "A,100,5,NA", "B,600,3,4", "C,800,1,10"]))
        #expect(values.kind == .missingColumn && values.file == "values.csv" && values.column == "iso3", "\(values)")
    }

    @Test("cell errors name the renamed column")
    func cellErrorsNameRenamedColumns() throws {
        let unit = try #require(Self.failure(values: replacingLine(Self.wide, 3, "Z,600,3,4")))
        #expect(unit.kind == .unknownCode && unit.file == "values.csv" && unit.row == 3 && unit.column == "iso3", "\(unit)")
        let direction = try #require(Self.failure(indicators: replacingLine(Self.indicators, 3, "x2,X two,P1,1,indicator,2,1,")))
        #expect(direction.kind == .invalidParameter && direction.file == "indicators.csv" && direction.row == 3 && direction.column == "sense", "\(direction)")
        let parent = try #require(Self.failure(indicators: replacingLine(Self.indicators, 4, "x3,X three,P9,1,indicator,1,1,")))
        #expect(parent.kind == .unknownCode && parent.row == 4 && parent.column == "up", "\(parent)")
        let weight = try #require(Self.failure(indicators: replacingLine(Self.indicators, 5, "P1,Pillar 1,Idx,2,aggregate,1,-2,")))
        #expect(weight.kind == .invalidWeight && weight.row == 5 && weight.column == "w", "\(weight)")
        let level = try #require(Self.failure(indicators: replacingLine(Self.indicators, 4, "x3,X three,Idx,1,indicator,1,1,")))
        #expect(level.kind == .invalidHierarchy && level.row == 4 && level.column == "depth", "\(level)")
        let duplicate = try #require(Self.failure(units: Self.units + ["A,Again,South,1"]))
        #expect(duplicate.kind == .duplicateCode && duplicate.row == 5 && duplicate.column == "unit_code", "\(duplicate)")
        let time = try #require(Self.failure(values: ["iso3,year,x1,x2,x3", "A,2020.5,1,2,3"], columns: Self.columns.replacingOccurrences(of: "\"unit\": \"iso3\"", with: "\"unit\": \"iso3\", \"time\": \"year\"")))
        #expect(time.kind == .nonNumeric && time.row == 2 && time.column == "year" && time.message.hasPrefix("year must be a whole number"), "\(time)")
    }

    // MARK: The spec's columns

    static func specError(_ columns: String, hierarchy: Bool = false) -> IndexEngineError? {
        do {
            _ = try spec(columns: columns, hierarchy: hierarchy)
        } catch let error as IndexEngineError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
        Issue.record("the spec was accepted")
        return nil
    }

    @Test("two fields read from one column are refused at the second field")
    func twoFieldsOneColumn() throws {
        let error = try #require(Self.specError(#"{ "units": { "code": "iso3", "name": "iso3" } }"#))
        #expect(error.kind == .invalidSpec && error.file == "spec.json" && error.column == "inputs.columns.units.name", "\(error)")
        #expect(error.message.contains("already read as code"), "\(error)")
        // A field renamed to another field's own name is fine when that field is renamed too.
        let swapped = try Self.spec(columns: #"{ "units": { "code": "name", "name": "code" } }"#)
        guard case let .native(_, _, _, _, columns) = swapped.inputs else { Issue.record("not native"); return }
        #expect(columns.column("code", in: "units") == "name" && columns.column("name", in: "units") == "code")
        #expect(columns.column("latitude", in: "units") == "latitude")
    }

    @Test("unknown files and fields, empty names and wrong types are refused with their field",
          arguments: [
            (#"{ "regions": { "code": "x" } }"#, "inputs.columns.regions"),
            (#"{ "units": { "iso": "x" } }"#, "inputs.columns.units.iso"),
            (#"{ "values": { "code": "x" } }"#, "inputs.columns.values.code"),
            (#"{ "units": { "code": "" } }"#, "inputs.columns.units.code"),
            (#"{ "units": { "code": " iso3" } }"#, "inputs.columns.units.code"),
            (#"{ "units": { "code": 3 } }"#, "inputs.columns.units.code"),
            (#"{ "units": ["code"] }"#, "inputs.columns.units"),
            (#"{ "hierarchy": { "code": "agg" } }"#, "inputs.columns.hierarchy"),
          ])
    func badColumns(_ columns: String, _ field: String) throws {
        let error = try #require(Self.specError(columns))
        #expect(error.kind == .invalidSpec && error.column == field, "\(error)")
    }

    @Test("columns and a hierarchy belong to the native layout only")
    func coinrRefusesColumns() throws {
        for extra in [#""columns": {}"#, #""hierarchy": "h.csv""#] {
            let json = #"{ "inputs": { "iData": "d.csv", "iMeta": "m.csv", "# + extra + #" }, "steps": [] }"#
            do {
                _ = try BuildSpec.decode(Data(json.utf8), file: "spec.json")
                Issue.record("accepted \(json)")
            } catch {
                #expect(error.kind == .invalidSpec && ["inputs.columns", "inputs.hierarchy"].contains(error.column ?? ""), "\(error)")
            }
        }
    }

    @Test("the columns and hierarchy survive the canonical JSON; without them the JSON is as before")
    func roundTrip() throws {
        let spec = try Self.spec(columns: Self.columns, hierarchy: true)
        let again = try BuildSpec.decode(spec.canonicalJSON(), file: "again.json")
        #expect(again == spec)
        #expect(spec.inputs.paths.map(\.role) == ["units", "indicators", "values", "hierarchy"])
        let plain = BuildSpec(inputs: .native(units: "u.csv", indicators: "i.csv", values: "v.csv"), steps: [])
        let text = String(decoding: plain.canonicalJSON(), as: UTF8.self)
        #expect(!text.contains("columns") && !text.contains("hierarchy"), "\(text)")
    }
}
