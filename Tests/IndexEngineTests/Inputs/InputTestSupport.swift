import Foundation
import Testing
@testable import IndexEngine

/// Runs `body`, which must throw an `IndexEngineError` of `kind` located at `file`, `row` and
/// `column` (a `nil` expectation means the error must not name that part); returns the error.
@discardableResult
func expectEngineError(
    _ kind: IndexEngineError.Kind, file: String?, row: Int?, column: String?, messageContains fragment: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> IndexEngineError? {
    do {
        try body()
    } catch let error as IndexEngineError {
        #expect(error.kind == kind, "kind of \(error)", sourceLocation: sourceLocation)
        #expect(error.file == file, "file of \(error)", sourceLocation: sourceLocation)
        #expect(error.row == row, "row of \(error)", sourceLocation: sourceLocation)
        #expect(error.column == column, "column of \(error)", sourceLocation: sourceLocation)
        if let fragment {
            #expect(error.message.contains(fragment), "message of \(error) should contain '\(fragment)'", sourceLocation: sourceLocation)
        }
        return error
    } catch {
        Issue.record("expected an IndexEngineError(\(kind)), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    Issue.record("expected an IndexEngineError(\(kind)), but nothing was thrown", sourceLocation: sourceLocation)
    return nil
}

/// Lines of a small CSV with some of them replaced (by 1-based row, the header is row 1) or
/// removed (a `nil` replacement), and lines appended; joined with newlines.
func csv(_ base: [String], set changes: [Int: String?] = [:], append extra: [String] = []) -> String {
    var lines: [String] = []
    for (i, line) in base.enumerated() {
        if let change = changes[i + 1] {
            if let change { lines.append(change) }
        } else {
            lines.append(line)
        }
    }
    return (lines + extra).joined(separator: "\n") + "\n"
}

/// Quotes a field for a CSV file written by a test.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// A small index used throughout the input tests, in both layouts.
///
/// Three units, three indicators (x1 per `pop`, x2 with direction −1, x3 with a missing value for
/// A), pillars P1 (weight 2) and P2 under Idx. With denominate → groupMean(region) → minMax[0,100]
/// → arithmetic, by hand:
///
/// - x1/pop = 10, 30, 20 → 0, 100, 50
/// - −x2 = −5, −3, −1 → 0, 50, 100
/// - x3 = (4), 4, 10 → 0, 0, 100 (A gets the North mean, B's 4)
/// - P1 = 0, 75, 75; P2 = 0, 0, 100; Idx = (2·P1 + P2)/3 = 0, 50, 250/3
enum Small {
    static let meta = [
        "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type",
        "1,x1,X one,1,1,,,Pop,P1,Indicator",
        "1,x2,X two,-1,1,,,,P1,Indicator",
        "1,x3,X three,1,1,,,,P2,Indicator",
        "2,P1,Pillar 1,1,2,,,,Idx,Aggregate",
        "2,P2,Pillar 2,1,1,,,,Idx,Aggregate",
        "3,Idx,Index,1,1,,,,,Aggregate",
        "NA,Region,Region,NA,NA,,,,,Group",
        "NA,Pop,Population,NA,NA,,,,,Denominator",
    ]
    static let data = [
        "uCode,uName,Region,Pop,x1,x2,x3",
        "A,Alpha,North,10,100,5,NA",
        "B,Beta,North,20,600,3,4",
        "C,Gamma,South,40,800,1,10",
    ]

    static let units = [
        "code,name,region,pop",
        "A,Alpha,North,10",
        "B,Beta,North,20",
        "C,Gamma,South,40",
    ]
    static let indicators = [
        "code,name,parent,level,type,direction,weight,denominator",
        "x1,X one,P1,1,indicator,1,1,pop",
        "x2,X two,P1,1,indicator,-1,1,",
        "x3,X three,P2,1,indicator,1,1,",
        "P1,Pillar 1,Idx,2,aggregate,1,2,",
        "P2,Pillar 2,Idx,2,aggregate,1,1,",
        "Idx,Index,,3,aggregate,1,1,",
    ]
    /// The same hierarchy without `level` and `type`: both follow from the parents.
    static let indicatorsInferred = [
        "code,name,parent,direction,weight,denominator",
        "x1,X one,P1,1,1,pop",
        "x2,X two,P1,-1,1,",
        "x3,X three,P2,1,1,",
        "P1,Pillar 1,Idx,1,2,",
        "P2,Pillar 2,Idx,1,1,",
        "Idx,Index,,1,1,",
    ]
    static let wide = [
        "unit,x1,x2,x3",
        "A,100,5,NA",
        "B,600,3,4",
        "C,800,1,10",
    ]
    static let long = [
        "unit,indicator,value",
        "A,x1,100",
        "A,x2,5",
        "B,x1,600",
        "B,x2,3",
        "B,x3,4",
        "C,x3,10",
        "C,x2,1",
        "C,x1,800",
    ]

    /// The steps of the hand-computed build.
    static let stepsJSON = """
        [ { "step": "denominate" },
          { "step": "impute", "method": "groupMean", "group": "REGION" },
          { "step": "normalise", "method": "minMax", "range": [0, 100] },
          { "step": "aggregate", "method": "arithmetic", "weights": "metadata" } ]
        """

    /// Hand-computed final scores by unit A, B, C.
    static let expected: [String: [Double]] = [
        "x1": [0, 100, 50], "x2": [0, 50, 100], "x3": [0, 0, 100],
        "P1": [0, 75, 75], "P2": [0, 0, 100], "Idx": [0, 50, 250.0 / 3],
    ]

    /// A spec over the native files in the same directory, with `group` as the impute group.
    static func nativeSpec(group: String = "region", time: Int? = nil) throws -> BuildSpec {
        let timeField = time.map { "\"time\": \($0)," } ?? ""
        let json = """
            { "inputs": { "units": "units.csv", "indicators": "indicators.csv", "values": "values.csv" }, \(timeField)
              "steps": \(stepsJSON.replacingOccurrences(of: "REGION", with: group)) }
            """
        return try BuildSpec.decode(Data(json.utf8), file: "spec.json")
    }

    /// A spec over the COINr files `iData.csv` and `iMeta.csv`.
    static func coinrSpec(group: String = "Region", time: Int? = nil) throws -> BuildSpec {
        let timeField = time.map { "\"time\": \($0)," } ?? ""
        let json = """
            { "inputs": { "iData": "iData.csv", "iMeta": "iMeta.csv" }, \(timeField)
              "steps": \(stepsJSON.replacingOccurrences(of: "REGION", with: group)) }
            """
        return try BuildSpec.decode(Data(json.utf8), file: "spec.json")
    }

    /// Parses COINr tables named `iData.csv` and `iMeta.csv` and reads the dataset.
    static func coinrDataset(data: String = csv(Small.data), meta: String = csv(Small.meta), time: Int? = nil) throws -> Dataset {
        try COINrInput.dataset(
            data: try CSVTable.parse(data, name: "iData.csv"), meta: try CSVTable.parse(meta, name: "iMeta.csv"), time: time)
    }

    /// Parses native tables named `units.csv`, `indicators.csv` and `values.csv` and reads the dataset.
    static func nativeDataset(
        units: String = csv(Small.units), indicators: String = csv(Small.indicators), values: String = csv(Small.wide), time: Int? = nil
    ) throws -> Dataset {
        try NativeInput.dataset(
            units: try CSVTable.parse(units, name: "units.csv"), indicators: try CSVTable.parse(indicators, name: "indicators.csv"),
            values: try CSVTable.parse(values, name: "values.csv"), time: time)
    }

    /// Checks a build's final scores against `expected`, by unit code.
    static func expectScores(_ result: BuildResult, _ expected: [String: [Double]] = Small.expected, sourceLocation: SourceLocation = #_sourceLocation) {
        let codes = result.final.units.map { result.dataset.units[$0].code }
        #expect(codes == ["A", "B", "C"], sourceLocation: sourceLocation)
        for (code, values) in expected.sorted(by: { $0.key < $1.key }) {
            guard let scores = result.scores(of: code) else {
                Issue.record("no scores for \(code)", sourceLocation: sourceLocation)
                continue
            }
            for (unit, (actual, wanted)) in zip(codes, zip(scores, values)) {
                #expect(abs(actual - wanted) < 1e-12, "\(code) of \(unit): \(actual) vs \(wanted)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// Whether two matrices have the same shape and values, a missing value matching a missing value.
func sameValues(_ a: Matrix, _ b: Matrix) -> Bool {
    a.rows == b.rows && a.columns == b.columns
        && zip(a.storage, b.storage).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 }
}

/// Whether two arrays hold the same values, a missing value matching a missing value.
func sameValues(_ a: [Double]?, _ b: [Double]?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return a.count == b.count && zip(a, b).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 }
}
