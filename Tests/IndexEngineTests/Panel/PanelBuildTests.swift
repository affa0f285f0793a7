import Foundation
import Testing
@testable import IndexEngine

/// Panel builds: every year in one call, normalised per year or pooled over the years.
@Suite("Panel builds")
struct PanelBuildTests {
    // MARK: A hand-computed panel

    /// Three units × three years, indicators A and B (direction 1, weight 1) under the index Idx.
    ///
    /// ```
    ///          A: 2020 2021 2022     B: 2020 2021 2022
    ///      X        0    2    8           50   40   15
    ///      Y        2    6   16           30   20   35
    ///      Z        8   10   10           10   30   25
    /// ```
    static let meta = [
        "Level,iCode,iName,Direction,Weight,Parent,Type",
        "1,A,A,1,1,Idx,Indicator",
        "1,B,B,1,1,Idx,Indicator",
        "2,Idx,Index,1,1,,Aggregate",
    ]
    static let data = [
        "uCode,Time,A,B",
        "X,2020,0,50", "Y,2020,2,30", "Z,2020,8,10",
        "X,2021,2,40", "Y,2021,6,20", "Z,2021,10,30",
        "X,2022,8,15", "Y,2022,16,35", "Z,2022,10,25",
    ]
    static let minMaxSteps = """
        [ { "step": "normalise", "method": "minMax", "range": [0, 100] }, { "step": "aggregate", "method": "arithmetic" } ]
        """

    /// The spec of the hand-computed panel, with `panel` (JSON, or nothing) and `steps`.
    static func spec(panel: String? = nil, time: Int? = nil, steps: String = minMaxSteps) throws -> BuildSpec {
        let json = """
            { "inputs": { "iData": "iData.csv", "iMeta": "iMeta.csv" },
              \(panel.map { "\"panel\": \($0)," } ?? "") \(time.map { "\"time\": \($0)," } ?? "") "steps": \(steps) }
            """
        return try BuildSpec.decode(Data(json.utf8), file: "spec.json")
    }

    /// Every year's dataset of `data` (by default the hand-computed panel).
    static func panelData(_ data: [String] = data) throws -> PanelDataset {
        try COINrInput.assembler(data: CSVTable.parse(csv(data), name: "iData.csv"), meta: CSVTable.parse(csv(meta), name: "iMeta.csv")).panel()
    }

    /// The final scores of `code` in every year, by unit code.
    static func scores(_ build: PanelBuild, _ code: String) throws -> [Int: [String: Double]] {
        var byYear: [Int: [String: Double]] = [:]
        for (time, result) in zip(build.times, build.results) {
            let scores = try #require(result.scores(of: code))
            byYear[time] = Dictionary(uniqueKeysWithValues: zip(result.final.units.map { result.dataset.units[$0].code }, scores))
        }
        return byYear
    }

    /// Per year, min-max onto [0, 100] uses each year's own minimum and maximum:
    ///
    /// ```
    /// A 2020: lo 0, hi 8    X (0−0)/8·100 = 0     Y (2−0)/8·100 = 25    Z (8−0)/8·100 = 100
    /// A 2021: lo 2, hi 10   X 0/8 = 0             Y 4/8 = 50            Z 8/8 = 100
    /// A 2022: lo 8, hi 16   X 0/8 = 0             Y 8/8 = 100           Z 2/8 = 25
    /// B 2020: lo 10, hi 50  X 40/40 = 100         Y 20/40 = 50          Z 0/40 = 0
    /// B 2021: lo 20, hi 40  X 20/20 = 100         Y 0/20 = 0            Z 10/20 = 50
    /// B 2022: lo 15, hi 35  X 0/20 = 0            Y 20/20 = 100         Z 10/20 = 50
    /// Idx = (A + B)/2:
    ///   2020  X (0+100)/2 = 50     Y (25+50)/2 = 37.5   Z (100+0)/2 = 50
    ///   2021  X (0+100)/2 = 50     Y (50+0)/2 = 25      Z (100+50)/2 = 75
    ///   2022  X (0+0)/2 = 0        Y (100+100)/2 = 100  Z (25+50)/2 = 37.5
    /// ```
    ///
    /// Every quotient is a binary fraction, so the values are exact.
    @Test("per year, each year is min-maxed on its own (hand computation)")
    func perYearByHand() throws {
        let build = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec(panel: #"{ "normalisation": "perYear" }"#))
        #expect(build.times == [2020, 2021, 2022])
        #expect(build.normalisation == .perYear)
        #expect(try Self.scores(build, "A") == [
            2020: ["X": 0, "Y": 25, "Z": 100], 2021: ["X": 0, "Y": 50, "Z": 100], 2022: ["X": 0, "Y": 100, "Z": 25]])
        #expect(try Self.scores(build, "B") == [
            2020: ["X": 100, "Y": 50, "Z": 0], 2021: ["X": 100, "Y": 0, "Z": 50], 2022: ["X": 0, "Y": 100, "Z": 50]])
        #expect(try Self.scores(build, "Idx") == [
            2020: ["X": 50, "Y": 37.5, "Z": 50], 2021: ["X": 50, "Y": 25, "Z": 75], 2022: ["X": 0, "Y": 100, "Z": 37.5]])
        // Without a panel option the normalisation is per year too.
        let plain = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec())
        #expect(plain.normalisation == .perYear)
        #expect(try Self.scores(plain, "Idx") == Self.scores(build, "Idx"))
    }

    /// Pooled, min-max uses the minimum and maximum over all nine unit-years:
    ///
    /// ```
    /// A: 0 2 8 | 2 6 10 | 8 16 10  → lo 0,  hi 16: (x − 0)/16·100
    ///   2020  X 0      Y 12.5   Z 50
    ///   2021  X 12.5   Y 37.5   Z 62.5
    ///   2022  X 50     Y 100    Z 62.5
    /// B: 50 30 10 | 40 20 30 | 15 35 25  → lo 10, hi 50: (x − 10)/40·100
    ///   2020  X 100    Y 50     Z 0
    ///   2021  X 75     Y 25     Z 50
    ///   2022  X 12.5   Y 62.5   Z 37.5
    /// Idx = (A + B)/2:
    ///   2020  X (0+100)/2 = 50        Y (12.5+50)/2 = 31.25    Z (50+0)/2 = 25
    ///   2021  X (12.5+75)/2 = 43.75   Y (37.5+25)/2 = 31.25    Z (62.5+50)/2 = 56.25
    ///   2022  X (50+12.5)/2 = 31.25   Y (100+62.5)/2 = 81.25   Z (62.5+37.5)/2 = 50
    /// ```
    ///
    /// Z falls from 50 in 2020 to 25 pooled: its 2020 values are low against the later years'.
    @Test("pooled, min and max come from all years together (hand computation)")
    func pooledByHand() throws {
        let build = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec(panel: #"{ "normalisation": "pooled" }"#))
        #expect(build.normalisation == .pooled)
        #expect(try Self.scores(build, "A") == [
            2020: ["X": 0, "Y": 12.5, "Z": 50], 2021: ["X": 12.5, "Y": 37.5, "Z": 62.5], 2022: ["X": 50, "Y": 100, "Z": 62.5]])
        #expect(try Self.scores(build, "B") == [
            2020: ["X": 100, "Y": 50, "Z": 0], 2021: ["X": 75, "Y": 25, "Z": 50], 2022: ["X": 12.5, "Y": 62.5, "Z": 37.5]])
        #expect(try Self.scores(build, "Idx") == [
            2020: ["X": 50, "Y": 31.25, "Z": 25], 2021: ["X": 43.75, "Y": 31.25, "Z": 56.25], 2022: ["X": 31.25, "Y": 81.25, "Z": 50]])
        // Every year keeps every stage; the stages before normalisation are the raw values.
        let y2021 = try #require(build.result(at: 2021))
        #expect(y2021.stages.map(\.name) == ["Raw", "Normalised", "Aggregated"])
        #expect(y2021.stages[0].values.column(0) == [2, 6, 10])
        #expect(build.result(at: 2019) == nil)
    }

    /// Rank-based methods rank among all unit-years. A's nine values sorted, ties taking the
    /// lowest rank: 0 → 1; 2, 2 → 2; 6 → 4; 8, 8 → 5; 10, 10 → 7; 16 → 9. Percentile ranks are
    /// (rank − 1)/(9 − 1): 2020 X 0, Y 1/8, Z 4/8; 2021 X 1/8, Y 3/8, Z 6/8; 2022 X 4/8, Y 1, Z 6/8.
    @Test("pooled ranks and percentile ranks count all unit-years (hand computation)")
    func pooledRanksByHand() throws {
        let steps = #"[ { "step": "normalise", "method": "rank", "overrides": { "B": { "method": "percentileRank" } } } ]"#
        let build = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec(panel: #"{ "normalisation": "pooled" }"#, steps: steps))
        #expect(try Self.scores(build, "A") == [2020: ["X": 1, "Y": 2, "Z": 5], 2021: ["X": 2, "Y": 4, "Z": 7], 2022: ["X": 5, "Y": 9, "Z": 7]])
        // B: 50 30 10 | 40 20 30 | 15 35 25 → ranks 9 5 1 | 8 3 5 | 2 7 4 → (rank − 1)/8.
        #expect(try Self.scores(build, "B") == [
            2020: ["X": 1, "Y": 0.5, "Z": 0], 2021: ["X": 0.875, "Y": 0.25, "Z": 0.5], 2022: ["X": 0.125, "Y": 0.75, "Z": 0.375]])
    }

    /// A by z-score over the pool: sum 62, sum of squares 0+4+64+4+36+100+64+256+100 = 628, so
    /// mean 62/9 and sample variance (628 − 62²/9)/8 = 226/9, sd √226/3; z = (9x − 62)/(3√226).
    /// B by distance to the pooled maximum, 1 − (50 − x)/(50 − 10): 2020 X 1, Y 0.5, Z 0;
    /// 2021 X 0.75, Y 0.25, Z 0.5; 2022 X 0.125, Y 0.625, Z 0.375.
    @Test("pooled z-scores and distances to the maximum use the pool's moments and maximum (hand computation)")
    func pooledMomentsByHand() throws {
        let steps = #"[ { "step": "normalise", "method": "zScore", "overrides": { "B": { "method": "distanceToMax" } } } ]"#
        let build = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec(panel: #"{ "normalisation": "pooled" }"#, steps: steps))
        let z = { (x: Double) in (9 * x - 62) / (3 * 226.0.squareRoot()) }
        let raw: [Int: [String: Double]] = [2020: ["X": 0, "Y": 2, "Z": 8], 2021: ["X": 2, "Y": 6, "Z": 10], 2022: ["X": 8, "Y": 16, "Z": 10]]
        let a = try Self.scores(build, "A")
        for (year, units) in raw {
            for (unit, x) in units { #expect(abs((a[year]?[unit] ?? .nan) - z(x)) <= 1e-12, "\(unit) \(year)") }
        }
        #expect(try Self.scores(build, "B") == [
            2020: ["X": 1, "Y": 0.5, "Z": 0], 2021: ["X": 0.75, "Y": 0.25, "Z": 0.5], 2022: ["X": 0.125, "Y": 0.625, "Z": 0.375]])
    }

    // MARK: Writing a panel

    @Test("a panel's results.csv and stages have a Time column, rows year by year (hand computation above)")
    func writesPanel() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let build = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec())
            try ResultsWriter(directory: dir).write(build, spec: try Self.spec(), inputHash: "0")
            let results = try String(contentsOfFile: dir + "/results.csv", encoding: .utf8)
            // Ranks within each year: 2020 X and Z tie at 50 (rank 1, code order), Y 3.
            #expect(results == """
                uCode,uName,Time,Idx,Rank
                X,X,2020,50,1
                Z,Z,2020,50,1
                Y,Y,2020,37.5,3
                Z,Z,2021,75,1
                X,X,2021,50,2
                Y,Y,2021,25,3
                Y,Y,2022,100,1
                Z,Z,2022,37.5,2
                X,X,2022,0,3

                """)
            let normalised = try String(contentsOfFile: dir + "/stages/Normalised.csv", encoding: .utf8)
            #expect(normalised == """
                uCode,Time,A,B
                X,2020,0,100
                Y,2020,25,50
                Z,2020,100,0
                X,2021,0,100
                Y,2021,50,0
                Z,2021,100,50
                X,2022,0,0
                Y,2022,100,100
                Z,2022,25,50

                """)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/stages").sorted()
            #expect(files == ["Aggregated.csv", "Normalised.csv", "Raw.csv"])
            let raw = try String(contentsOfFile: dir + "/stages/Raw.csv", encoding: .utf8)
            #expect(raw.hasPrefix("uCode,Time,A,B\nX,2020,0,50\nY,2020,2,30\n"))

            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/results.json"))) as? [String: Any]
            #expect(json?["times"] as? [Int] == [2020, 2021, 2022])
            #expect(json?["normalisation"] as? String == "perYear")
            #expect(json?["headline"] as? String == "Idx")
            let years = try #require(json?["years"] as? [[String: Any]])
            #expect(years.map { $0["time"] as? Int } == [2020, 2021, 2022])
            let ranking2022 = try #require(years[2]["ranking"] as? [[String: Any]])
            #expect(ranking2022.map { $0["uCode"] as? String } == ["Y", "Z", "X"])
            #expect(ranking2022.map { $0["score"] as? Double } == [100, 37.5, 0])
            #expect(years[1]["units"] as? Int == 3)
        }
    }

    // MARK: ASEM

    /// The ASEM example's steps on its five-year panel, and the same with panel imputation.
    static func asemPanelSpecs() throws -> [BuildSpec] {
        var spec = try BuildSpec.read(path: Fixtures.asemSpec)
        spec.inputs = .coinr(iData: "ASEM_iData_p.csv", iMeta: "ASEM_iMeta.csv")
        var linear = spec
        linear.steps[1] = .impute(Impute(method: .panelLinear))
        return [spec, linear]
    }

    @Test("ASEM's panel built per year in one call equals building each year alone, every stage and value")
    func asemPerYearEqualsSingleBuilds() throws {
        let directory = Fixtures.path("Examples/asem")
        for spec in try Self.asemPanelSpecs() {
            let (panel, panelHash) = try BuildInputs.loadPanel(spec, relativeTo: directory)
            let build = try IndexBuild.runPanel(panel, spec: spec)
            #expect(build.times == [2018, 2019, 2020, 2021, 2022])
            for (time, result) in zip(build.times, build.results) {
                var single = spec
                single.time = time
                let (dataset, hash) = try BuildInputs.load(single, relativeTo: directory)
                #expect(hash == panelHash)
                let alone = try IndexBuild.run(dataset, spec: single)
                #expect(result.dataset.time == time && alone.dataset.time == time)
                #expect(result.dataset.units == alone.dataset.units && result.dataset.groups == alone.dataset.groups)
                #expect(sameValues(result.dataset.values, alone.dataset.values))
                #expect(result.stages.map(\.name) == alone.stages.map(\.name))
                #expect(result.stages.count == 7)
                for (a, b) in zip(result.stages, alone.stages) {
                    #expect(a.units == b.units, "\(time) \(a.name)")
                    #expect(sameValues(a.values, b.values), "\(time) \(a.name): every value bitwise")
                }
                #expect(result.final.units == alone.final.units)
                #expect(sameValues(result.final.values, alone.final.values))
                #expect(result.log == alone.log)
            }
            // The years differ: 2018 is not 2022.
            #expect(!sameValues(build.results[0].final.values, build.results[4].final.values))
        }
    }

    /// Pooled min-max over ASEM's five years: for each indicator, the treated values of all years
    /// together span [0, 100] exactly, and each year's normalised values are that year's treated
    /// values mapped by the one pooled line (checked against min and max found here from the
    /// Treated stages, to 1e-12).
    @Test("ASEM pooled: one min-max line per indicator across all five years")
    func asemPooled() throws {
        var spec = try Self.asemPanelSpecs()[0]
        spec.panel = PanelOptions(normalisation: .pooled)
        let (panel, _) = try BuildInputs.loadPanel(spec, relativeTo: Fixtures.path("Examples/asem"))
        let build = try IndexBuild.runPanel(panel, spec: spec)
        let treated = build.results.map { $0.stages[4] }, normalised = build.results.map { $0.stages[5] }
        #expect(treated.allSatisfy { $0.name == "Treated" } && normalised.allSatisfy { $0.name == "Normalised" })
        let framework = build.results[0].framework
        var differsFromPerYear = false
        for c in 0..<framework.indicatorCount {
            let direction = framework.nodes[c].direction
            let pool = treated.flatMap { $0.values.column(c) }.map { $0 * direction }.filter { !$0.isNaN }
            let (lo, hi) = (pool.min() ?? .nan, pool.max() ?? .nan)
            let scores = normalised.flatMap { $0.values.column(c) }.filter { !$0.isNaN }
            #expect(scores.min() == 0 && scores.max() == 100, "\(framework.nodes[c].code)")
            for (t, n) in zip(treated, normalised) {
                for r in 0..<t.values.rows where !t.values[r, c].isNaN {
                    let expected = (t.values[r, c] * direction - lo) / (hi - lo) * 100
                    #expect(abs(n.values[r, c] - expected) <= 1e-12, "\(framework.nodes[c].code)")
                }
                let year = t.values.column(c).map { $0 * direction }.filter { !$0.isNaN }
                if year.min() != lo || year.max() != hi { differsFromPerYear = true }
            }
        }
        #expect(differsFromPerYear)
        // A build of one year alone refuses pooled normalisation rather than quietly pooling nothing.
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: Fixtures.path("Examples/asem"))
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "panel.normalisation", messageContains: "runPanel") {
            _ = try IndexBuild.run(dataset, spec: spec)
        }
    }

    // MARK: Bad input and edge cases

    @Test("pooled distanceToReference is refused, naming the step's method and panel.normalisation")
    func pooledReferenceRefused() throws {
        let steps = #"[ { "step": "normalise", "method": "minMax", "overrides": { "B": { "method": "distanceToReference", "reference": "X" } } } ]"#
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "steps[0].overrides.B.method", messageContains: "panel.normalisation is pooled") {
            _ = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec(panel: #"{ "normalisation": "pooled" }"#, steps: steps))
        }
        // Per year it is allowed: 2021, B = 40 20 30, reference X = 40, lo 20: 1 − (40 − x)/(40 − 20) = 1, 0, 0.5.
        let build = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec(steps: steps))
        #expect(try Self.scores(build, "B")[2021] == ["X": 1, "Y": 0, "Z": 0.5])
    }

    @Test("a panel build needs two or more time points")
    func singleYearRefused() throws {
        let oneYear = try Self.panelData(Array(Self.data.prefix(4)))
        #expect(oneYear.times == [2020] && oneYear.datasets.count == 1)
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "Time", messageContains: "one time point (2020)") {
            _ = try IndexBuild.runPanel(oneYear, spec: try Self.spec(panel: #"{ "normalisation": "pooled" }"#))
        }
        let noTime = try Self.panelData(Self.data.prefix(4).map { $0.replacingOccurrences(of: ",2020", with: "").replacingOccurrences(of: "Time,", with: "") })
        #expect(noTime.times == [] && noTime.datasets.count == 1 && noTime.datasets[0].time == nil)
        expectEngineError(.invalidParameter, file: nil, row: nil, column: "Time", messageContains: "no time column") {
            _ = try IndexBuild.runPanel(noTime, spec: try Self.spec())
        }
        // A single build of one year with the pooled option is that year per year: a pool of one year.
        let single = try IndexBuild.run(oneYear.datasets[0], spec: try Self.spec(panel: #"{ "normalisation": "pooled" }"#))
        #expect(single.scores(of: "Idx") == [50, 37.5, 50])
    }

    @Test("the panel option is strict: unknown values and fields name the field")
    func strictOption() {
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "panel.normalisation") {
            _ = try Self.spec(panel: #"{ "normalisation": "pool" }"#)
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "panel.normalization", messageContains: "normalisation") {
            _ = try Self.spec(panel: #"{ "normalization": "pooled" }"#)
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "panel") {
            _ = try Self.spec(panel: #""pooled""#)
        }
    }

    @Test("the panel option round-trips through the canonical spec, and an absent option is not written")
    func optionEncoding() throws {
        let pooled = try Self.spec(panel: #"{ "normalisation": "pooled" }"#)
        #expect(pooled.panel == PanelOptions(normalisation: .pooled))
        #expect(try BuildSpec.decode(pooled.canonicalJSON(), file: "again.json") == pooled)
        #expect(try Self.spec(panel: "{}").panel == PanelOptions(normalisation: .perYear))
        let plain = try Self.spec()
        #expect(plain.panel == nil)
        #expect(!String(decoding: plain.canonicalJSON(), as: UTF8.self).contains("panel"))
    }

    /// Without Z's 2021 row, 2021 builds X and Y only. Per year, 2021: A 2, 6 → 0, 100; B 40, 20 →
    /// 100, 0; Idx 50, 50. Pooled, the pool loses Z's 10 and 30 but keeps A's 0..16 and B's 10..50,
    /// so the pooled scores are those of the full panel: 2021 X 43.75, Y 31.25.
    @Test("a unit missing one year is built in the other years only")
    func unitMissingOneYear() throws {
        let data = csv(Self.data, set: [7: nil]).split(separator: "\n").map(String.init)
        let panel = try Self.panelData(data)
        #expect(panel.datasets.map { $0.units.map(\.code) } == [["X", "Y", "Z"], ["X", "Y"], ["X", "Y", "Z"]])
        let perYear = try IndexBuild.runPanel(panel, spec: try Self.spec())
        #expect(try Self.scores(perYear, "Idx") == [
            2020: ["X": 50, "Y": 37.5, "Z": 50], 2021: ["X": 50, "Y": 50], 2022: ["X": 0, "Y": 100, "Z": 37.5]])
        let pooled = try IndexBuild.runPanel(panel, spec: try Self.spec(panel: #"{ "normalisation": "pooled" }"#))
        #expect(try Self.scores(pooled, "Idx") == [
            2020: ["X": 50, "Y": 31.25, "Z": 25], 2021: ["X": 43.75, "Y": 31.25], 2022: ["X": 31.25, "Y": 81.25, "Z": 50]])
    }

    @Test("a Time of 1e300, text, Infinity, or a unit twice in one year is refused at its row")
    func badTimes() throws {
        expectEngineError(.nonNumeric, file: "iData.csv", row: 3, column: "Time") {
            _ = try Self.panelData(csv(Self.data, set: [3: "Y,1e300,2,30"]).split(separator: "\n").map(String.init))
        }
        expectEngineError(.nonNumeric, file: "iData.csv", row: 3, column: "Time") {
            _ = try Self.panelData(csv(Self.data, set: [3: "Y,next year,2,30"]).split(separator: "\n").map(String.init))
        }
        expectEngineError(.nonFinite, file: "iData.csv", row: 3, column: "Time") {
            _ = try Self.panelData(csv(Self.data, set: [3: "Y,Infinity,2,30"]).split(separator: "\n").map(String.init))
        }
        expectEngineError(.duplicateCode, file: "iData.csv", row: 11, column: "uCode", messageContains: "at time 2021") {
            _ = try Self.panelData(Self.data + ["Y,2021,7,21"])
        }
    }

    @Test("an error in one year names the year")
    func errorNamesYear() throws {
        // An unknown weight set fails in the first year built.
        let steps = #"[ { "step": "aggregate", "method": "arithmetic", "weights": "nope" } ]"#
        for panel in [nil, #"{ "normalisation": "pooled" }"#] {
            expectEngineError(.unknownCode, file: nil, row: nil, column: "steps[0].weights", messageContains: "at time 2020: aggregated step: there is no weight set 'nope'") {
                _ = try IndexBuild.runPanel(try Self.panelData(), spec: try Self.spec(panel: panel, steps: steps))
            }
        }
    }
}
