import Foundation
import Testing
@testable import IndexEngine

/// A build that goes on but may be silently wrong says so: each warning has a code, a message,
/// the step (index and kind) and the indicator or unit at fault.
@Suite("Build warnings")
struct BuildWarningTests {
    /// Two indicators under one aggregate: x1 = 1, 2, 3 and x2 = 10, 30, 20 for units A, B, C.
    static func twoIndicators(x1: [Double] = [1, 2, 3], x2: [Double] = [10, 30, 20], goalposts: (Double, Double)? = nil) throws -> Dataset {
        try StepKit.dataset(
            nodes: [StepKit.indicator("x1", parent: "I", goalposts: goalposts), StepKit.indicator("x2", parent: "I"), StepKit.aggregate("I", level: 2)],
            columns: [x1, x2])
    }

    @Test("a reversed range turns the direction round, and says so with the field and the step")
    func reversedRange() throws {
        let data = try Self.twoIndicators()
        let result = try StepKit.run(data, [.normalise(Normalise(method: .minMax, range: [100, 0]))])
        // (x − 1)/(3 − 1)·(0 − 100) + 100 for x = 1, 2, 3.
        #expect(StepKit.column(result, "x1") == [100, 50, 0])
        #expect(result.log.warnings.count == 1)
        let warning = try #require(result.log.warnings.first)
        #expect(warning.code == .reversedRange && warning.step == 0 && warning.stepName == "normalise" && warning.indicator == nil)
        #expect(warning.message.hasPrefix("range [100, 0] runs from high to low"))
        #expect(warning.description.hasPrefix("steps[0] (normalise): range [100, 0] runs from high to low"))
        #expect(warning.description.hasSuffix("[reversedRange]"))

        // An override's range names the override and its indicator; a range the method ignores is not checked.
        var override = Normalise.Settings()
        override.range = [1, 0]
        var settings = Normalise.Settings()
        settings.method = .zScore
        settings.range = [100, 0]
        let overridden = try StepKit.run(data, [.normalise(Normalise(settings, overrides: ["x1": { var o = override; o.method = .minMax; return o }()]))])
        #expect(overridden.log.warnings.map(\.code) == [.reversedRange])
        #expect(overridden.log.warnings.first?.indicator == "x1")
        #expect(overridden.log.warnings.first?.message.hasPrefix("overrides.x1.range [1, 0]") == true)

        // Goalposts from the metadata, low above high.
        var posts = Normalise.Settings()
        posts.method = .goalposts
        let metadata = try StepKit.run(try Self.twoIndicators(goalposts: (4, 0)), [.normalise(Normalise(posts, overrides: ["x2": Normalise(method: .minMax).settings]))])
        #expect(metadata.log.warnings.map(\.code) == [.reversedRange])
        #expect(metadata.log.warnings.first?.indicator == "x1")
        // (x − 4)/(0 − 4) for x = 1, 2, 3, within [0, 1].
        #expect(StepKit.column(metadata, "x1") == [0.75, 0.5, 0.25])

        let ordinary = try StepKit.run(data, [.normalise(Normalise(method: .minMax, range: [0, 100]))])
        #expect(ordinary.log.warnings.isEmpty)
    }

    @Test("aggregating before normalising is a warning; after it, none")
    func aggregateBeforeNormalise() throws {
        let data = try Self.twoIndicators()
        let early = try StepKit.run(data, [.aggregate(Aggregate())])
        #expect(early.log.warnings == [
            BuildWarning(
                .aggregateBeforeNormalise,
                "aggregation comes before any normalisation, so indicators on different scales and in different directions are averaged as they are",
                step: 0, stepName: "aggregate")
        ])
        // (1 + 10)/2, (2 + 30)/2, (3 + 20)/2: raw values averaged as they are.
        #expect(StepKit.column(early, "I") == [5.5, 16, 11.5])
        let late = try StepKit.run(data, [.normalise(Normalise()), .aggregate(Aggregate())])
        #expect(late.log.warnings.isEmpty)
    }

    @Test("infinite values are missing, warned of with the unit, and never ranked")
    func infiniteValues() throws {
        // x1·1e300: 1e10·1e300 overflows to +∞ for A; B and C become 1e300 and 2e300.
        let data = try StepKit.dataset(nodes: [StepKit.indicator("x1", denominator: "d")], columns: [[1e10, 1, 2]], denominators: ["d": [1, 1, 1]])
        let result = try StepKit.run(data, [.denominate(Denominate(scale: 1e300))])
        #expect(result.log.warnings == [
            BuildWarning(.nonFinite, "produced 1 infinite value(s) (A); they are treated as missing", indicator: "x1", unit: "A", step: 0, stepName: "denominate")
        ])
        #expect(StepKit.column(result, "x1")[0].isNaN)
        #expect(StepKit.column(result, "x1")[1...] == [1e300, 2e300])
        // Before, A ranked first on +∞; now C (2e300) is first, B second, A unranked.
        #expect(result.ranks[1...] == [2, 1])
        #expect(result.ranks[0].isNaN)
        #expect(result.rankedRows == [2, 1, 0])
    }

    @Test("ranking gives ±∞ no rank: it is not a score")
    func rankingRefusesInfinity() {
        let ranks = Ranking.ranks([.infinity, 1, 2, -.infinity, .nan], ties: .min, descending: true)
        #expect(ranks[1...2] == [2, 1])
        #expect(ranks[0].isNaN && ranks[3].isNaN && ranks[4].isNaN)
    }

    @Test("a distance to a reference unit with the worst value says so instead of silently dropping the column")
    func referenceAtWorst() throws {
        var settings = Normalise.Settings()
        settings.method = .distanceToReference
        settings.reference = "A"
        let result = try StepKit.run(try Self.twoIndicators(), [.normalise(Normalise(settings))])
        // x1: A holds the minimum 1, so 1 − (1 − x)/(1 − 1) is 0/0 for A and +∞ for B and C.
        #expect(StepKit.column(result, "x1").allSatisfy { $0.isNaN })
        // x2: 1 − (10 − x)/(10 − 10) likewise, A holding x2's minimum 10 too.
        #expect(result.log.warnings.map(\.code) == [.referenceAtWorst, .referenceAtWorst, .nonFinite, .nonFinite, .stageAllMissing])
        #expect(result.log.warnings[0].indicator == "x1" && result.log.warnings[0].unit == "A")
        #expect(result.log.warnings[2].message == "produced 2 infinite value(s) (B, C); they are treated as missing")

        // With x2's reference value not its worst, only x1 is dropped, and that is named.
        let one = try StepKit.run(try Self.twoIndicators(x2: [20, 30, 10]), [.normalise(Normalise(settings))])
        #expect(one.log.warnings.map(\.code) == [.referenceAtWorst, .nonFinite, .columnMissing])
        #expect(one.log.warnings.allSatisfy { $0.indicator == "x1" && $0.step == 0 })
        // x2: 1 − (20 − x)/(20 − 10) for 20, 30, 10.
        #expect(StepKit.column(one, "x2") == [1, 2, 0])
    }

    @Test("a step that empties every value warns once of the stage")
    func stageAllMissing() throws {
        let result = try StepKit.run(try StepKit.flat([[3, 3, 3]]), [.normalise(Normalise()), .normalise(Normalise())])
        // The second step finds nothing to normalise and nothing new to warn of.
        #expect(result.log.warnings.map(\.code) == [.noSpread, .stageAllMissing])
        #expect(result.log.warnings[1] == BuildWarning(.stageAllMissing, "no value is left: every unit's every value is missing", step: 0, stepName: "normalise"))
    }

    @Test("an aggregation that leaves an aggregate with no value names it; one that fills every aggregate names none")
    func aggregateColumnMissing() throws {
        // x1 is constant, so normalising empties it, and with it pillar I, its only child; J keeps x2.
        let data = try StepKit.dataset(
            nodes: [
                StepKit.indicator("x1", parent: "I"), StepKit.indicator("x2", parent: "J"),
                StepKit.aggregate("I", level: 2, parent: "T"), StepKit.aggregate("J", level: 2, parent: "T"), StepKit.aggregate("T", level: 3),
            ],
            columns: [[4, 4, 4], [10, 30, 20]])
        let result = try StepKit.run(data, [.normalise(Normalise()), .aggregate(Aggregate())])
        #expect(result.log.warnings.map(\.code) == [.noSpread, .columnMissing, .columnMissing])
        #expect(result.log.warnings[1].indicator == "x1" && result.log.warnings[1].step == 0)
        #expect(result.log.warnings[2] == BuildWarning(.columnMissing, "left no value at all: every unit's value is missing", indicator: "I", step: 1, stepName: "aggregate"))
        // T averages what its children hold: J alone, (x2 − 10)/20·100.
        #expect(StepKit.column(result, "T") == [0, 100, 50])
    }

    @Test("screening out the only units that held an indicator's values empties that column, and says so")
    func screenEmptiesColumn() throws {
        // Only A holds x2, and A lacks x1 and x3: with at least half the values required, A goes and x2 with it.
        let data = try StepKit.flat([[.nan, 1, 2], [5, .nan, .nan], [.nan, 3, 4]])
        var screen = Screen()
        screen.threshold = 0.5
        let result = try StepKit.run(data, [.screen(screen)])
        #expect(StepKit.units(result) == ["B", "C"])
        #expect(result.log.warnings.map(\.code) == [.unitsRemoved, .columnMissing])
        #expect(result.log.warnings[1] == BuildWarning(.columnMissing, "left no value at all: every unit's value is missing", indicator: "x2", step: 0, stepName: "screen"))
    }

    @Test("a panel year with a single unit is warned of, in that year only")
    func singleUnitYear() throws {
        let data = ["uCode,Time,A,B", "X,2020,0,50", "Y,2020,2,30", "Z,2020,8,10", "X,2021,2,40"]
        let panel = try PanelBuildTests.panelData(data)
        let perYear = try IndexBuild.runPanel(panel, spec: try PanelBuildTests.spec())
        #expect(perYear.results[0].log.warnings.isEmpty)
        let lone = perYear.results[1].log.warnings
        #expect(lone.map(\.code) == [.singleUnitYear, .noSpread, .noSpread, .stageAllMissing])
        #expect(lone[0] == BuildWarning(.singleUnitYear, "only one unit has data at time 2021, so there is no other unit to normalise or rank it against", unit: "X"))
        let pooled = try IndexBuild.runPanel(panel, spec: try PanelBuildTests.spec(panel: #"{ "normalisation": "pooled" }"#))
        #expect(pooled.results[1].log.warnings.map(\.code) == [.singleUnitYear])
        #expect(pooled.results[0].log.warnings.isEmpty)
        // One year alone, as `civic build --year 2021` builds it.
        let single = try IndexBuild.run(panel.datasets[1], spec: try PanelBuildTests.spec())
        #expect(single.log.warnings.first?.code == .singleUnitYear)
    }

    @Test("results.json lists every warning as an object")
    func resultsJSON() throws {
        let result = try StepKit.run(try Self.twoIndicators(), [.normalise(Normalise(method: .minMax, range: [100, 0])), .aggregate(Aggregate())])
        let text = ResultsWriter.resultsJSON(result, spec: StepKit.spec([]), inputHash: "0")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings[0]["code"] as? String == "reversedRange")
        #expect(warnings[0]["step"] as? Int == 0)
        #expect(warnings[0]["stepName"] as? String == "normalise")
        #expect(warnings[0]["indicator"] is NSNull && warnings[0]["unit"] is NSNull)
        #expect((warnings[0]["message"] as? String)?.hasPrefix("range [100, 0]") == true)
        let quiet = try StepKit.run(try Self.twoIndicators(), [.normalise(Normalise()), .aggregate(Aggregate())])
        #expect(ResultsWriter.resultsJSON(quiet, spec: StepKit.spec([]), inputHash: "0").contains("\"warnings\": [],"))
    }
}
