import Foundation
import Testing
@testable import IndexEngine

/// Errors in a spec point: the line and column of the value at fault as well as its field, the
/// valid names of an unknown method, the spec's own field for a weight set, and stage files that
/// repeated steps do not overwrite.
///
/// Lines and columns were found with Python on the edited documents (`doc.index(value)` turned
/// into a line and a 1-based column, `json.loads` for the syntax error), independently of the engine.
@Suite("Spec errors that point")
struct SpecErrorLocationTests {
    static func error(_ old: String, _ new: String) -> IndexEngineError? {
        do {
            _ = try BuildSpecTests.decode(BuildSpecTests.edited(old, new))
            Issue.record("the spec was accepted")
            return nil
        } catch {
            return error
        }
    }

    @Test("an unknown method names its line, column and field, and lists the valid methods")
    func unknownMethod() throws {
        let error = try #require(Self.error("\"minMax\"", "\"zscore\""))
        #expect(error.column == "steps[4].method" && error.file == "spec.json")
        #expect(error.message == "line 10, column 38: unknown value 'zscore'; expected one of: none, minMax, zScore, scaled, rank, percentileRank, distanceToMax, distanceToTarget, distanceToReference, goalposts, fractionOfMax, borda")
        let aggregate = try #require(Self.error("\"arithmetic\"", "\"median\""))
        #expect(aggregate.message.hasSuffix("expected one of: arithmetic, geometric, harmonic, generalised, copeland, mazziottaPareto, product, benefitOfTheDoubt, orderedWeightedAveraging"))
        let criterion = try #require(Self.error("\"by\": \"missing\"", "\"by\": \"gaps\""))
        #expect(criterion.column == "steps[2].by" && criterion.message.contains("expected one of: missing, zeros, missingOrZeros"), "\(criterion)")
    }

    @Test("a value of the wrong type, an unknown field and a missing field give their line and column")
    func fieldLocations() throws {
        let five = try #require(Self.error("\"winmax\": 5", "\"winmax\": \"five\""))
        #expect(five.column == "steps[3].winmax" && five.message.hasPrefix("line 9, column 57: expected a whole number"), "\(five)")
        let unknown = try #require(Self.error("\"winmax\": 5", "\"winmx\": 5"))
        #expect(unknown.column == "steps[3].winmx" && unknown.message.hasPrefix("line 9, column 56: unknown field; expected one of:"), "\(unknown)")
        let element = try #require(Self.error("[0, 100]", "[0, \"100\"]"))
        #expect(element.column == "steps[4].range[1]" && element.message.hasPrefix("line 10, column 61: "), "\(element)")
        // A missing field is placed at the object it is missing from.
        let missing = try #require(Self.error("\"iData\": \"ASEM_iData.csv\", ", ""))
        #expect(missing.column == "inputs.iData" && missing.message == "line 3, column 13: the field is missing", "\(missing)")
    }

    @Test("a syntax error in a spec gives the line and column Python's json module gives")
    func syntax() throws {
        let broken = try #require(Self.error("\"scale\": 1 },", "\"scale\": 1 }"))
        #expect(broken.column == nil && broken.message.hasPrefix("not valid JSON at line 7, column 5: "), "\(broken)")
    }

    @Test("an error in a weight set names the spec's field, not the step that used it")
    func weightSetPath() throws {
        let data = try StepKit.dataset(nodes: [StepKit.indicator("x1", parent: "I"), StepKit.aggregate("I", level: 2)], columns: [[1, 2]])
        let error = try #require(StepKit.error(data, [.normalise(Normalise()), .aggregate(Aggregate(weights: "s"))], weightSets: ["s": ["zz": 1]]))
        #expect(error.column == "weightSets.s.zz")
        #expect(error.message == "aggregated step: 'zz' is not an indicator or aggregate")
        let unknownSet = try #require(StepKit.error(data, [.aggregate(Aggregate(weights: "t"))]))
        #expect(unknownSet.column == "steps[0].weights", "a name the step gives is the step's field")
    }

    @Test("repeated steps give distinct stage names, files and results.json entries")
    func repeatedStages() throws {
        let steps: [BuildStep] = [.normalise(Normalise()), .treat(Treat(method: .none)), .normalise(Normalise(method: .rank)), .normalise(Normalise())]
        #expect(IndexBuild.stageNames(steps) == ["Raw", "Normalised", "Treated", "Normalised-2", "Normalised-3"])
        let result = try StepKit.run(try StepKit.flat([[1, 2, 4]]), steps)
        #expect(result.stages.map(\.name) == ["Raw", "Normalised", "Treated", "Normalised-2", "Normalised-3"])
        // minMax of 1, 2, 4 onto [0, 100]: 0, 100/3, 100; ranked: 1, 2, 3; minMax of that: 0, 50, 100.
        #expect(result.stages[3].values.column(0) == [1, 2, 3])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stages-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ResultsWriter(directory: directory).write(result, spec: StepKit.spec(steps), inputHash: "0")
        let written = try FileManager.default.contentsOfDirectory(atPath: directory + "/stages").sorted()
        #expect(written == ["Normalised-2.csv", "Normalised-3.csv", "Normalised.csv", "Raw.csv", "Treated.csv"])
        #expect(try String(contentsOfFile: directory + "/stages/Normalised-2.csv", encoding: .utf8) == "uCode,x1\nA,1\nB,2\nC,3\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/results.json"))) as? [String: Any])
        #expect(json["stages"] as? [String] == ["stages/Raw.csv", "stages/Normalised.csv", "stages/Treated.csv", "stages/Normalised-2.csv", "stages/Normalised-3.csv"])
    }
}
