import Testing
@testable import IndexEngine

/// Weight optimisation on the ASEM example, checked by rebuilding the index with the weights found.
@Suite("Audit: weight optimiser")
struct AuditWeightOptimiserTests {
    /// Rebuilds ASEM in full with `weights` for the children of an aggregate, and returns each
    /// child's Pearson correlation with that aggregate.
    static func rebuiltCorrelations(_ aggregate: String, children: [String], weights: [Double], spec: BuildSpec, dataset: Dataset) throws -> [Double] {
        var rebuilt = spec
        rebuilt.weightSets["optimised"] = Dictionary(uniqueKeysWithValues: zip(children, weights))
        let a = try #require(BuildTail.lastAggregate(in: rebuilt))
        guard case var .aggregate(step) = rebuilt.steps[a] else { Issue.record("no aggregate step"); return [] }
        step.weights = "optimised"
        rebuilt.steps[a] = .aggregate(step)
        let full = try IndexBuild.run(dataset, spec: rebuilt)
        let parent = try #require(full.scores(of: aggregate))
        return try children.map { Correlation.of(try #require(full.scores(of: $0)), parent).r }
    }

    @Test("equal correlations for the children of Sust and of Index", arguments: ["Sust", "Index"])
    func equalCorrelations(aggregate: String) throws {
        let (spec, dataset, result) = try AuditKit.asem()
        let optimiser = WeightOptimiser()
        let outcome = try optimiser.optimise(aggregate, in: result, spec: spec)
        let framework = result.framework
        let children = framework.children[framework.index(of: aggregate)!].map { framework.nodes[$0].code }
        #expect(outcome.aggregate == aggregate && outcome.children == children)
        #expect(outcome.converged, "\(aggregate): \(outcome)")
        #expect(outcome.iterations > 0, "the metadata's equal weights do not already give equal correlations")
        #expect(close(outcome.weights.reduce(0, +), 1, relative: 1e-12), "weights sum to 1: \(outcome.weights)")
        #expect(outcome.weights.allSatisfy { $0 > 0 })
        let mean = outcome.correlations.reduce(0, +) / Double(outcome.correlations.count)
        for (r, t) in zip(outcome.correlations, outcome.targets) {
            #expect(close(t, mean, relative: 1e-12))
            #expect(abs(r - mean) <= optimiser.tolerance, "\(aggregate): r = \(r), mean \(mean)")
        }
        // A full build with those weights gives the same correlations.
        let rebuilt = try Self.rebuiltCorrelations(aggregate, children: children, weights: outcome.weights, spec: spec, dataset: dataset)
        AuditKit.expectClose(rebuilt, outcome.correlations, relative: 1e-10, "\(aggregate) rebuilt correlations")
        // …and the nominal equal weights did not.
        let nominal = try Self.rebuiltCorrelations(aggregate, children: children, weights: Array(repeating: 1, count: children.count), spec: spec, dataset: dataset)
        let nominalMean = nominal.reduce(0, +) / Double(nominal.count)
        #expect(nominal.contains { abs($0 - nominalMean) > optimiser.tolerance }, "\(aggregate) nominal: \(nominal)")
    }

    @Test("explicit targets are met; targets of the wrong length or out of [−1, 1] are refused")
    func targets() throws {
        let (spec, dataset, result) = try AuditKit.asem()
        // Targets that some weights are known to meet: the correlations under weights 0.5, 0.3, 0.2.
        // (k targets over-determine k weights that only count up to scale, so arbitrary targets
        // generally cannot all be met.)
        let children = ["Environ", "Social", "SusEcFin"], known = [0.5, 0.3, 0.2]
        let targets = try Self.rebuiltCorrelations("Sust", children: children, weights: known, spec: spec, dataset: dataset)
        let outcome = try WeightOptimiser(tolerance: 1e-6, maxIterations: 5000).optimise("Sust", in: result, spec: spec, targets: targets)
        #expect(outcome.converged && outcome.targets == targets, "\(outcome)")
        for (r, t) in zip(outcome.correlations, targets) { #expect(abs(r - t) <= 1e-6, "r = \(r), target \(t)") }
        for (w, k) in zip(outcome.weights, known) { #expect(abs(w - k) < 0.01, "weights \(outcome.weights) vs \(known)") }
        let rebuilt = try Self.rebuiltCorrelations("Sust", children: children, weights: outcome.weights, spec: spec, dataset: dataset)
        AuditKit.expectClose(rebuilt, outcome.correlations, relative: 1e-10, "rebuilt")

        for bad in [[0.5], [0.5, 0.5, 0.5], [0.5, 1.5]] {
            let error = #expect(throws: IndexEngineError.self) { try WeightOptimiser().optimise("Index", in: result, spec: spec, targets: bad) }
            #expect(error?.kind == .invalidParameter && error?.column == "targets", "\(bad): \(String(describing: error))")
            #expect(error?.message.contains("(2)") == true, "names the number of children: \(String(describing: error))")
        }
        for code in ["Nope", "LPI"] {
            let error = #expect(throws: IndexEngineError.self) { try WeightOptimiser().optimise(code, in: result, spec: spec) }
            #expect(error?.kind == .unknownCode && error?.message.contains(code) == true)
        }
    }

    @Test("too few rounds: not converged, still weights summing to 1")
    func notConverged() throws {
        let (spec, _, result) = try AuditKit.asem()
        let outcome = try WeightOptimiser(tolerance: 1e-9, maxIterations: 2).optimise("Sust", in: result, spec: spec)
        #expect(!outcome.converged && outcome.iterations == 2)
        #expect(outcome.children == ["Environ", "Social", "SusEcFin"])
        #expect(close(outcome.weights.reduce(0, +), 1, relative: 1e-12))
    }
}
