import Foundation
import Testing
@testable import IndexEngine

/// Weight sets computed from the data as the build aggregates: PCA (first-component loadings
/// of each aggregate's children) and optimised (target correlations with the aggregate).
@Suite("Step: aggregate with PCA and optimised weights")
struct DerivedWeightsTests {
    /// Idx ← P1 (x1, x2, x3; weight 2), P2 (x4, x5; weight 1), six units.
    static func data(x2: [Double] = [2, 1, 4, 3, 6, 5], x3: [Double] = [1, 3, 2, 5, 4, 7]) throws -> Dataset {
        let nodes = [
            StepKit.indicator("x1", parent: "P1"), StepKit.indicator("x2", parent: "P1"), StepKit.indicator("x3", parent: "P1"),
            StepKit.indicator("x4", parent: "P2"), StepKit.indicator("x5", parent: "P2"),
            StepKit.aggregate("P1", level: 2, parent: "Idx", weight: 2), StepKit.aggregate("P2", level: 2, parent: "Idx", weight: 1),
            StepKit.aggregate("Idx", level: 3),
        ]
        return try StepKit.dataset(
            nodes: nodes, columns: [[1, 2, 3, 4, 5, 6], x2, x3, [3, 1, 4, 2, 5, 6], [2, 3, 1, 5, 4, 6]])
    }

    static func build(_ step: Aggregate, _ sets: [String: DerivedWeights], data: Dataset? = nil) throws -> BuildResult {
        let spec = BuildSpec(inputs: .coinr(iData: "", iMeta: ""), derivedWeightSets: sets, steps: [.aggregate(step)])
        return try IndexBuild.run(try data ?? Self.data(), spec: spec)
    }

    /// The weights `result` applied to `codes`.
    static func applied(_ result: BuildResult, _ codes: [String]) -> [Double] {
        codes.map { code in result.final.weights.flatMap { w in result.framework.index(of: code).map { w[$0] } } ?? .nan }
    }

    static func error(_ step: Aggregate, _ sets: [String: DerivedWeights], data: Dataset? = nil) -> IndexEngineError? {
        do {
            _ = try build(step, sets, data: data)
            Issue.record("the build was expected to fail")
            return nil
        } catch let error as IndexEngineError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test("PCA weights: numpy's first eigenvector of each aggregate's children's correlation matrix, scaled to sum to 1")
    func pca() throws {
        // Oracle, numpy 2: for each group,
        //   R = np.corrcoef(cols); vals, vecs = np.linalg.eigh(R); v = vecs[:, argmax(vals)]; v/v.sum()
        // P1's children → 0.366253…, 0.311130…, 0.322616…; two children correlating positively
        // always load equally, so P2's and Idx's are ½, ½.
        let result = try Self.build(Aggregate(weights: "pc"), ["pc": DerivedWeights(method: .pca)])
        let applied = try #require(result.final.weights)
        StepKit.expectClose(Self.applied(result, ["x1", "x2", "x3"]), [0.36625308870919937, 0.31113071956624644, 0.32261619172455414], relative: 1e-12)
        StepKit.expectClose(Self.applied(result, ["x4", "x5", "P1", "P2"]), [0.5, 0.5, 0.5, 0.5], relative: 1e-12)
        StepKit.expectClose(
            StepKit.column(result, "P1"),
            [1.3111307195662465, 2.0114854721583075, 2.9885145278416916, 4.0114854721583075, 4.9885145278416925, 6.0114854721583075], relative: 1e-12)
        StepKit.expectClose(StepKit.column(result, "P2"), [2.5, 2.0, 2.5, 3.5, 4.5, 6.0], relative: 1e-12)
        StepKit.expectClose(
            StepKit.column(result, "Idx"),
            [1.9055653597831232, 2.0057427360791538, 2.744257263920846, 3.7557427360791538, 4.744257263920846, 6.005742736079154], relative: 1e-12)
        // The audit's weights are those applied
        let spec = BuildSpec(inputs: .coinr(iData: "", iMeta: ""), derivedWeightSets: ["pc": DerivedWeights(method: .pca)], steps: [.aggregate(Aggregate(weights: "pc"))])
        #expect(try result.appliedWeights(spec: spec) == applied)
        // …which the spec alone cannot give
        #expect(throws: IndexEngineError.self) { _ = try spec.aggregationWeights(for: try Self.data()) }
    }

    @Test("PCA at level 2 only: the top keeps the metadata's weights (P1 2, P2 1)")
    func pcaLevels() throws {
        let result = try Self.build(Aggregate(weights: "pc"), ["pc": DerivedWeights(method: .pca, levels: [2])])
        // numpy as above: (2·P1 + P2)/3
        StepKit.expectClose(
            StepKit.column(result, "Idx"),
            [1.707420479710831, 2.007656981438872, 2.825676351894461, 3.840990314772205, 4.825676351894462, 6.007656981438871], relative: 1e-12)
        // A level's own weights may be a PCA set
        let level = try Self.build(Aggregate(levels: ["2": .init(weights: "pc")]), ["pc": DerivedWeights(method: .pca)])
        #expect(StepKit.column(level, "Idx") == StepKit.column(result, "Idx"))
    }

    @Test("PCA refuses a negative loading, too few complete units and targets")
    func pcaErrors() throws {
        // x2 reversed correlates negatively with x1 and x3
        let reversed = Self.error(Aggregate(weights: "pc"), ["pc": DerivedWeights(method: .pca)], data: try Self.data(x2: [6, 5, 4, 3, 2, 1]))
        #expect(reversed?.kind == .invalidWeight)
        #expect(reversed?.column == "weightSets.pc")
        #expect(reversed?.message.contains("'x2'") == true, "\(reversed?.message ?? "")")
        // two complete units: x2 missing for four
        let few = Self.error(Aggregate(weights: "pc"), ["pc": DerivedWeights(method: .pca)], data: try Self.data(x2: [1, 2, .nan, .nan, .nan, .nan]))
        #expect(few?.kind == .invalidParameter)
        #expect(few?.message.contains("'P1'") == true)
        let targets = Self.error(Aggregate(weights: "pc"), ["pc": DerivedWeights(method: .pca, targets: ["P1": [:]])])
        #expect(targets?.column == "weightSets.pc.targets")
        let level = Self.error(Aggregate(weights: "pc"), ["pc": DerivedWeights(method: .pca, levels: [4])])
        #expect(level?.column == "weightSets.pc.levels")
        let negativeLevel = Self.error(Aggregate(weights: "pc"), ["pc": DerivedWeights(method: .pca, levels: [-1])])
        #expect(negativeLevel?.column == "weightSets.pc.levels")
    }

    @Test("optimised weights: the optimiser's rounds as numpy repeats them, for equal correlations and for targets")
    func optimised() throws {
        // The rounds in numpy: from equal weights, p = Σ w x / Σ w,
        // r = [np.corrcoef(x, p)[0, 1] for x in X], goal = targets or r.mean(); stop when every
        // |r − goal| ≤ 0.001, else w *= np.exp(2 (goal − r)), w /= w.sum().
        // Equal correlations: 19 rounds, w = 0.244856…, 0.413013…, 0.342130…
        let data = try Self.data(x2: [3, 1, 2, 6, 4, 5], x3: [2, 3, 1, 4, 6, 5])
        let result = try Self.build(Aggregate(weights: "opt"), ["opt": DerivedWeights(method: .optimised, targets: ["P1": [:]])], data: data)
        let applied = Self.applied(result, ["x1", "x2", "x3", "x4", "x5", "P1", "P2"])
        StepKit.expectClose(Array(applied[0..<3]), [0.24485630363353356, 0.41301361278529525, 0.3421300835811711], relative: 1e-9)
        #expect(Array(applied[3..<7]) == [1, 1, 2, 1], "P2's children and the top keep the metadata's weights")
        #expect(!result.log.warnings.contains { $0.code == .weightsNotConverged })
        // Targets: the correlations weights 0.5, 0.3, 0.2 give (numpy: p = 0.5 x1 + 0.3 x2 + 0.2 x3;
        // np.corrcoef(x, p)[0, 1] for each x); 24 rounds reach them with w = 0.497454…, 0.299777…, 0.202768…
        let targets = ["x1": 0.949892773550599, "x2": 0.835140626410258, "x3": 0.8542659842669816]
        let aimed = try Self.build(Aggregate(weights: "opt"), ["opt": DerivedWeights(method: .optimised, targets: ["P1": targets])], data: data)
        StepKit.expectClose(Self.applied(aimed, ["x1", "x2", "x3"]), [0.4974543063007056, 0.2997771041540243, 0.2027685895452701], relative: 1e-9)
        // The library's optimiser, on the build with metadata weights, finds the same weights
        let spec = StepKit.spec([.aggregate(Aggregate())])
        let outcome = try WeightOptimiser().optimise("P1", in: try IndexBuild.run(data, spec: spec), spec: spec)
        StepKit.expectClose(outcome.weights, Array(applied[0..<3]), relative: 1e-12)
    }

    @Test("optimised weights that do not converge are used, with a warning")
    func notConverged() throws {
        // With the default data no positive weights equalise the correlations: numpy's rounds
        // drive x1's weight towards 0 without reaching them in 500.
        let result = try Self.build(Aggregate(weights: "opt"), ["opt": DerivedWeights(method: .optimised, targets: ["P1": [:]])])
        #expect(result.log.warnings.contains { $0.code == .weightsNotConverged && $0.indicator == "P1" && $0.stepName == "aggregate" })
        let w = Self.applied(result, ["x1", "x2", "x3"])
        #expect(close(w.reduce(0, +), 1, relative: 1e-12) && w[0] < 1e-6, "\(w)")
    }

    @Test("optimised weights refuse unknown aggregates and children, targets out of [−1, 1], missing targets and levels")
    func optimisedErrors() throws {
        func column(_ set: DerivedWeights) -> String? { Self.error(Aggregate(weights: "opt"), ["opt": set])?.column }
        #expect(column(DerivedWeights(method: .optimised)) == "weightSets.opt.targets")
        #expect(column(DerivedWeights(method: .optimised, targets: [:])) == "weightSets.opt.targets")
        #expect(column(DerivedWeights(method: .optimised, targets: ["x1": [:]])) == "weightSets.opt.targets.x1")
        #expect(column(DerivedWeights(method: .optimised, targets: ["P1": ["x4": 0.5]])) == "weightSets.opt.targets.P1.x4")
        #expect(column(DerivedWeights(method: .optimised, targets: ["P1": ["x1": 0.5, "x2": 0.5, "x3": 1.5]])) == "weightSets.opt.targets.P1.x3")
        #expect(column(DerivedWeights(method: .optimised, targets: ["P1": ["x1": 0.5, "x2": 0.5, "x3": .nan]])) == "weightSets.opt.targets.P1.x3")
        #expect(column(DerivedWeights(method: .optimised, targets: ["P1": ["x1": 0.5]])) == "weightSets.opt.targets.P1")
        #expect(column(DerivedWeights(method: .optimised, levels: [2], targets: ["P1": [:]])) == "weightSets.opt.levels")
        // a constant child has no correlation
        let constant = try Self.data(x2: [3, 3, 3, 3, 3, 3])
        let error = Self.error(Aggregate(weights: "opt"), ["opt": DerivedWeights(method: .optimised, targets: ["P1": [:]])], data: constant)
        #expect(error?.column == "weightSets.opt.targets.P1")
    }

    @Test("computed sets read from and write to the spec beside plain ones; unknown fields and methods are named")
    func specRoundTrip() throws {
        let json = """
            { "inputs": { "iData": "d.csv", "iMeta": "m.csv" },
              "weightSets": { "plain": { "Conn": 2, "method": 3 }, "pc": { "method": "pca", "levels": [2] },
                              "opt": { "method": "optimised", "targets": { "P1": {}, "P2": { "x4": 0.8, "x5": 0.7 } } } },
              "steps": [ { "step": "aggregate", "weights": "pc" } ] }
            """
        let spec = try BuildSpec.decode(Data(json.utf8), file: "spec.json")
        #expect(spec.weightSets == ["plain": ["Conn": 2, "method": 3]])
        #expect(spec.derivedWeightSets == [
            "pc": DerivedWeights(method: .pca, levels: [2]),
            "opt": DerivedWeights(method: .optimised, targets: ["P1": [:], "P2": ["x4": 0.8, "x5": 0.7]]),
        ])
        #expect(try BuildSpec.decode(spec.canonicalJSON(), file: "again.json") == spec)
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "weightSets.pc.level", messageContains: "levels") {
            _ = try BuildSpec.decode(Data(json.replacingOccurrences(of: "\"levels\"", with: "\"level\"").utf8), file: "spec.json")
        }
        expectEngineError(.invalidSpec, file: "spec.json", row: nil, column: "weightSets.pc.method", messageContains: "pca, optimised") {
            _ = try BuildSpec.decode(Data(json.replacingOccurrences(of: "\"pca\"", with: "\"pcaa\"").utf8), file: "spec.json")
        }
    }
}
