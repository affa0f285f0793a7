import Foundation
import Testing
@testable import IndexEngine

/// The JSON build spec: decoding, the errors it gives, and errors of steps at build time.
@Suite("Build spec")
struct BuildSpecTests {
    /// A valid spec with the ASEM steps; tests break it in one place each.
    static let valid = """
        {
          "name": "ASEM",
          "inputs": { "iData": "ASEM_iData.csv", "iMeta": "ASEM_iMeta.csv" },
          "weightSets": { "connectivity-heavy": { "Conn": 2 } },
          "steps": [
            { "step": "denominate", "scale": 1 },
            { "step": "impute", "method": "groupMean", "group": "EurAsia_group" },
            { "step": "screen", "threshold": 0.9, "by": "missing", "include": [], "exclude": [] },
            { "step": "treat", "method": "winsorise", "winmax": 5, "overrides": { "Bord": { "method": "none" } } },
            { "step": "normalise", "method": "minMax", "range": [0, 100] },
            { "step": "aggregate", "method": "arithmetic", "weights": "metadata", "levels": { "4": { "method": "geometric" } } }
          ]
        }
        """

    static func decode(_ json: String) throws(IndexEngineError) -> BuildSpec {
        try BuildSpec.decode(Data(json.utf8), file: "spec.json")
    }

    /// The valid spec with `old` replaced by `new` (which must occur exactly once).
    static func edited(_ old: String, _ new: String) -> String {
        let parts = valid.components(separatedBy: old)
        precondition(parts.count == 2, "'\(old)' must occur once")
        return parts.joined(separator: new)
    }

    // MARK: Decoding

    @Test("the README's spec decodes to its steps and parameters")
    func decodesValidSpec() throws {
        let spec = try Self.decode(Self.valid)
        #expect(spec.name == "ASEM")
        #expect(spec.inputs == .coinr(iData: "ASEM_iData.csv", iMeta: "ASEM_iMeta.csv"))
        #expect(spec.inputs.paths.map(\.role) == ["iData", "iMeta"])
        #expect(spec.time == nil)
        #expect(spec.weightSets == ["connectivity-heavy": ["Conn": 2]])
        #expect(spec.steps.map(\.stageName) == ["Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated"])
        #expect(spec.steps[0] == .denominate(Denominate(scale: 1)))
        #expect(spec.steps[1] == .impute(Impute(method: .groupMean, group: "EurAsia_group")))
        #expect(spec.steps[2] == .screen(Screen(threshold: 0.9, by: .missing)))
        #expect(spec.steps[3] == .treat(Treat(method: .winsorise, winmax: 5, overrides: ["Bord": Treat.Override(method: Treat.Method.none)])))
        #expect(spec.steps[4] == .normalise(Normalise(method: .minMax, range: [0, 100])))
        #expect(spec.steps[5] == .aggregate(Aggregate(method: .arithmetic, weights: "metadata", levels: ["4": Aggregate.Settings(method: .geometric)])))
    }

    @Test("defaults fill absent parameters; native inputs and a time are read")
    func defaults() throws {
        let spec = try Self.decode("""
            { "inputs": { "units": "u.csv", "indicators": "i.csv", "values": "v.csv" }, "time": 2020,
              "steps": [ { "step": "impute" }, { "step": "treat" }, { "step": "normalize", "method": "rank" }, { "step": "aggregate" } ] }
            """)
        #expect(spec.name == nil)
        #expect(spec.inputs == .native(units: "u.csv", indicators: "i.csv", values: "v.csv"))
        #expect(spec.inputs.paths.map(\.role) == ["units", "indicators", "values"])
        #expect(spec.time == 2020)
        #expect(spec.weightSets.isEmpty)
        #expect(spec.steps == [
            .impute(Impute(method: .mean)),
            .treat(Treat(method: .winsorise, fallback: .log, winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5)),
            .normalise(Normalise(method: .rank)),
            .aggregate(Aggregate(method: .arithmetic, weights: "metadata")),
        ])
    }

    @Test("the canonical JSON decodes back to the same spec and is stable")
    func canonicalRoundTrip() throws {
        let spec = try Self.decode(Self.valid)
        let json = spec.canonicalJSON()
        let again = try BuildSpec.decode(json, file: "canonical.json")
        #expect(again == spec)
        #expect(again.canonicalJSON() == json)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"winmax\" : 5"))
        #expect(text.contains("\"EurAsia_group\""))
        // Keys are sorted: "inputs" before "name" before "steps" before "weightSets".
        let positions = ["\"inputs\"", "\"name\"", "\"steps\"", "\"weightSets\""].map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    /// A normalise step with every rank, rounding and goalpost option, decoded, encoded and decoded again.
    static func normaliseRoundTrip(_ step: String) throws -> Normalise {
        let spec = try Self.decode(Self.edited(#"{ "step": "normalise", "method": "minMax", "range": [0, 100] }"#, step))
        guard case let .normalise(normalise) = spec.steps[4] else { throw IndexEngineError(.invalidSpec, "not a normalise step") }
        let again = try BuildSpec.decode(spec.canonicalJSON(), file: "canonical.json")
        #expect(again == spec)
        return normalise
    }

    @Test("normalise ties and denominator decode, encode and decode again")
    func normaliseRankOptions() throws {
        let step = try Self.normaliseRoundTrip(
            #"{ "step": "normalise", "method": "percentileRank", "ties": "dense", "denominator": "maxRank", "overrides": { "Flights": { "ties": "average", "denominator": "n" } } }"#)
        #expect(step.settings.ties == .dense && step.settings.denominator == .maxRank)
        #expect(step.overrides["Flights"]?.ties == .average && step.overrides["Flights"]?.denominator == .n)
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[4].ties", messageContains: "average, min, max, dense") {
            _ = try Self.decode(Self.edited(#""range": [0, 100]"#, #""ties": "first""#))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[4].denominator", messageContains: "n, maxRank") {
            _ = try Self.decode(Self.edited(#""range": [0, 100]"#, #""denominator": "n - 1""#))
        }
    }

    @Test("normalise round decodes, encodes and decodes again; a fraction or a huge number names the field")
    func normaliseRound() throws {
        let step = try Self.normaliseRoundTrip(#"{ "step": "normalise", "method": "percentileRank", "round": 2, "overrides": { "Flights": { "round": 0 } } }"#)
        #expect(step.settings.round == 2 && step.overrides["Flights"]?.round == 0)
        for bad in ["2.5", "1e300", "-1", "16", "\"2\""] {
            expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[4].round") {
                _ = try Self.decode(Self.edited(#""range": [0, 100]"#, #""round": "# + bad))
            }
        }
    }

    @Test("normalise worst and best decode, encode and decode again; text names the field")
    func normaliseWorstBest() throws {
        let step = try Self.normaliseRoundTrip(
            #"{ "step": "normalise", "method": "goalposts", "worst": 100, "best": 0, "scale": 100, "overrides": { "Flights": { "worst": 0, "best": 50.5 } } }"#)
        #expect(step.settings.worst == 100 && step.settings.best == 0 && step.settings.scale == 100)
        #expect(step.overrides["Flights"]?.worst == 0 && step.overrides["Flights"]?.best == 50.5)
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[4].best") {
            _ = try Self.decode(Self.edited(#""range": [0, 100]"#, #""worst": 1, "best": "high""#))
        }
    }

    @Test("normalise scaleFactor decodes, encodes and decodes again")
    func normaliseScaleFactor() throws {
        let step = try Self.normaliseRoundTrip(
            #"{ "step": "normalise", "method": "scaled", "range": [0, 10], "scaleFactor": 1, "overrides": { "Flights": { "scaleFactor": 1000 } } }"#)
        #expect(step.settings.scaleFactor == 1 && step.overrides["Flights"]?.scaleFactor == 1000)
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[4].scaleFactor") {
            _ = try Self.decode(Self.edited(#""range": [0, 100]"#, #""scaleFactor": [100]"#))
        }
    }

    @Test("treat winmax 0 decodes, encodes and decodes again")
    func treatWinmaxZero() throws {
        let spec = try Self.decode(Self.edited(#""winmax": 5"#, #""winmax": 0"#))
        #expect(spec.steps[3] == .treat(Treat(method: .winsorise, winmax: 0, overrides: ["Bord": Treat.Override(method: Treat.Method.none)])))
        #expect(try BuildSpec.decode(spec.canonicalJSON(), file: "canonical.json") == spec)
    }

    @Test("the shipped ASEM spec decodes")
    func shippedSpec() throws {
        let spec = try BuildSpec.read(path: Fixtures.asemSpec)
        #expect(spec.inputs == .coinr(iData: "ASEM_iData.csv", iMeta: "ASEM_iMeta.csv"))
        #expect(spec.steps.count == 6)
        #expect(spec.steps[3] == .treat(Treat(method: .winsorise, winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5)))
    }

    // MARK: Decoding errors

    @Test("an unknown top-level field names it")
    func unknownTopLevelField() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "weightset", messageContains: "weightSets") {
            _ = try Self.decode(Self.edited("\"weightSets\"", "\"weightset\""))
        }
    }

    @Test("an unknown step field names its path, like steps[3].winmx")
    func unknownStepField() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[3].winmx", messageContains: "winmax") {
            _ = try Self.decode(Self.edited("\"winmax\": 5", "\"winmx\": 5"))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[0].scal") {
            _ = try Self.decode(Self.edited("\"scale\": 1", "\"scal\": 1"))
        }
    }

    @Test("unknown fields inside overrides, levels and inputs name their full path")
    func unknownNestedFields() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[3].overrides.Bord.methd") {
            _ = try Self.decode(Self.edited("{ \"method\": \"none\" }", "{ \"methd\": \"none\" }"))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[5].levels.4.methods") {
            _ = try Self.decode(Self.edited("{ \"method\": \"geometric\" }", "{ \"methods\": \"geometric\" }"))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "inputs.iMet") {
            _ = try Self.decode(Self.edited("\"iMeta\":", "\"iMet\":"))
        }
    }

    @Test("an unknown step kind names steps[i].step")
    func unknownStepKind() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[2].step", messageContains: "unknown step 'filter'") {
            _ = try Self.decode(Self.edited("\"step\": \"screen\"", "\"step\": \"filter\""))
        }
    }

    @Test("an unknown method value names the field")
    func unknownMethod() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[4].method", messageContains: "zscore") {
            _ = try Self.decode(Self.edited("\"minMax\"", "\"zscore\""))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[2].by") {
            _ = try Self.decode(Self.edited("\"by\": \"missing\"", "\"by\": \"gaps\""))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[3].overrides.Bord.method") {
            _ = try Self.decode(Self.edited("{ \"method\": \"none\" }", "{ \"method\": \"clip\" }"))
        }
    }

    @Test("a value of the wrong type names the field")
    func wrongType() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[3].winmax") {
            _ = try Self.decode(Self.edited("\"winmax\": 5", "\"winmax\": \"five\""))
        }
        // Foundation on Linux reports a fraction for an Int as invalid JSON without a path; then
        // the message at least says what is wrong. Where Foundation gives the path, it is named.
        do {
            _ = try Self.decode(Self.edited("\"winmax\": 5", "\"winmax\": 5.5"))
            Issue.record("winmax 5.5 was accepted")
        } catch {
            #expect(error.kind == .invalidSpec && error.file == "spec.json" && error.row == nil)
            if let column = error.column {
                #expect(column == "steps[3].winmax")
            } else {
                #expect(error.message.contains("whole number"), "\(error)")
            }
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "time", messageContains: "whole number") {
            _ = try Self.decode(Self.edited("\"name\": \"ASEM\"", "\"time\": 2020.5"))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "time") {
            _ = try Self.decode(Self.edited("\"name\": \"ASEM\"", "\"time\": \"2020\""))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[4].range[1]") {
            _ = try Self.decode(Self.edited("[0, 100]", "[0, \"100\"]"))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "weightSets.connectivity-heavy.Conn") {
            _ = try Self.decode(Self.edited("{ \"Conn\": 2 }", "{ \"Conn\": true }"))
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps") {
            _ = try Self.decode("{ \"inputs\": { \"iData\": \"d\", \"iMeta\": \"m\" }, \"steps\": {} }")
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "name") {
            _ = try Self.decode(Self.edited("\"name\": \"ASEM\"", "\"name\": 5"))
        }
    }

    @Test("missing required fields name them")
    func missingFields() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "inputs", messageContains: "missing") {
            _ = try Self.decode("{ \"steps\": [] }")
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps") {
            _ = try Self.decode("{ \"inputs\": { \"iData\": \"d\", \"iMeta\": \"m\" } }")
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "inputs.iMeta") {
            _ = try Self.decode("{ \"inputs\": { \"iData\": \"d\" }, \"steps\": [] }")
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "inputs.units") {
            _ = try Self.decode("{ \"inputs\": {}, \"steps\": [] }")
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "steps[1].step") {
            _ = try Self.decode("{ \"inputs\": { \"iData\": \"d\", \"iMeta\": \"m\" }, \"steps\": [ { \"step\": \"treat\" }, { \"method\": \"mean\" } ] }")
        }
    }

    @Test("text that is not JSON is an invalid spec naming the file")
    func notJSON() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: nil) {
            _ = try Self.decode("{ \"inputs\": ")
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: nil) {
            _ = try Self.decode("[]")
        }
    }

    @Test("an unreadable spec file is named; errors in a spec read from disk name its path")
    func specFiles() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let missing = dir + "/missing.json"
            expectEngineError(.unreadableFile, file: missing, row: nil, column: nil) {
                _ = try BuildSpec.read(path: missing)
            }
            expectEngineError(.unreadableFile, file: dir, row: nil, column: nil) {
                _ = try BuildSpec.read(path: dir)
            }
            try Fixtures.write(["bad.json": Self.edited("\"winmax\": 5", "\"winmx\": 5")], into: dir)
            expectEngineError(.invalidSpec, file: dir + "/bad.json", row: nil, column: "steps[3].winmx") {
                _ = try BuildSpec.read(path: dir + "/bad.json")
            }
        }
    }

    @Test("a spec naming input files that do not exist names the missing file")
    func missingInputFile() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let spec = try Self.decode(Self.valid)
            expectEngineError(.unreadableFile, file: dir + "/ASEM_iData.csv", row: nil, column: nil, messageContains: "iData") {
                _ = try BuildInputs.load(spec, relativeTo: dir)
            }
            // Absolute paths are used as they are.
            var absolute = spec
            absolute.inputs = .coinr(iData: Fixtures.path("Examples/asem/ASEM_iData.csv"), iMeta: Fixtures.path("Examples/asem/ASEM_iMeta.csv"))
            let (dataset, _) = try BuildInputs.load(absolute, relativeTo: dir)
            #expect(dataset.units.count == 51)
        }
    }

    // MARK: Errors at build time

    @Test("an impute group that does not exist names steps[1].group")
    func imputeUnknownGroup() {
        let error = expectEngineError(.unknownCode, file: nil, row: nil, column: "steps[1].group", messageContains: "'Continent'") {
            _ = try Fixtures.asemBuild { $0.steps[1] = .impute(Impute(method: .groupMean, group: "Continent")) }
        }
        #expect(error?.message.hasPrefix("imputed step: ") == true)
        #expect(error?.message.contains("EurAsia_group") == true, "the known groups are listed")
    }

    @Test("an impute group method without a group names steps[i].group")
    func imputeWithoutGroup() {
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "steps[1].group") {
            _ = try Fixtures.asemBuild { $0.steps[1] = .impute(Impute(method: .groupMedian)) }
        }
    }

    @Test("a panel impute method on cross-sectional data names steps[i].method")
    func imputePanelWithoutPanel() {
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "steps[1].method", messageContains: "panel") {
            _ = try Fixtures.asemBuild { $0.steps[1] = .impute(Impute(method: .panelLatest)) }
        }
    }

    @Test("step parameters out of range name steps[i].field")
    func stepParameters() {
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "steps[3].winmax") {
            _ = try Fixtures.asemBuild { $0.steps[3] = .treat(Treat(winmax: -1)) }
        }
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "steps[2].threshold") {
            _ = try Fixtures.asemBuild { $0.steps[2] = .screen(Screen(threshold: 1.5)) }
        }
        expectEngineError(.unknownCode, file: nil, row: nil, column: "steps[2].include", messageContains: "'XXX'") {
            _ = try Fixtures.asemBuild { $0.steps[2] = .screen(Screen(threshold: 0.9, include: ["XXX"])) }
        }
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "steps[4].sd") {
            _ = try Fixtures.asemBuild { $0.steps[4] = .normalise(Normalise(method: .zScore, mean: 0, sd: 0)) }
        }
        expectEngineError(.unknownCode, file: nil, row: nil, column: "steps[5].weights", messageContains: "'heavy'") {
            _ = try Fixtures.asemBuild { $0.steps[5] = .aggregate(Aggregate(weights: "heavy")) }
        }
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "steps[5].levels.7") {
            _ = try Fixtures.asemBuild { $0.steps[5] = .aggregate(Aggregate(levels: ["7": Aggregate.Settings(method: .geometric)])) }
        }
        expectEngineError(.unknownCode, file: nil, row: nil, column: "steps[0].overrides.Nope") {
            _ = try Fixtures.asemBuild { $0.steps[0] = .denominate(Denominate(overrides: ["Nope": Denominate.Override(denominator: "GDP")])) }
        }
    }

    @Test("a step-time error from a spec read as JSON carries the step's index")
    func stepErrorFromJSON() throws {
        try Fixtures.withTemporaryDirectory { dir in
            try Fixtures.write(["iData.csv": csv(Small.data), "iMeta.csv": csv(Small.meta)], into: dir)
            let spec = try Small.coinrSpec(group: "Continent")
            let (dataset, _) = try BuildInputs.load(spec, relativeTo: dir)
            expectEngineError(.unknownCode, file: nil, row: nil, column: "steps[1].group", messageContains: "groups: Region") {
                _ = try IndexBuild.run(dataset, spec: spec)
            }
        }
    }
}
