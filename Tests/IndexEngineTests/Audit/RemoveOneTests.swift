import Testing
@testable import IndexEngine

/// Rank changes when each element is dropped, on a tiny index worked by hand and on ASEM.
@Suite("Audit: remove one")
struct AuditRemoveOneTests {
    typealias K = AuditKit

    /// I ← P (a, b), Q (c); five units, aggregated by the arithmetic mean with equal weights.
    static func tiny() throws -> (result: BuildResult, spec: BuildSpec) {
        let dataset = try K.dataset(
            nodes: [K.indicator("a", parent: "P"), K.indicator("b", parent: "P"), K.indicator("c", parent: "Q"),
                    K.aggregate("P", level: 2, parent: "I"), K.aggregate("Q", level: 2, parent: "I"), K.aggregate("I", level: 3)],
            columns: [[9, 2, 4, 7, 1], [1, 6, 4, 5, 2], [3, 5, 8, 1, 6]])
        let spec = K.spec([.aggregate(Aggregate())])
        return (try IndexBuild.run(dataset, spec: spec), spec)
    }

    @Test("the tiny index: every removal's new ranks computed by hand")
    func byHand() throws {
        let (result, spec) = try Self.tiny()
        // Nominal: P = (a + b)/2 = [5, 4, 4, 6, 1.5]; I = (P + c)/2 = [4, 4.5, 6, 3.5, 3.75]
        // → ranks A 3, B 2, C 1, D 5, E 4.
        #expect(result.scores(of: "I") == [4, 4.5, 6, 3.5, 3.75])
        let analysis = try RemoveOne.analyse(result, spec: spec)
        #expect(analysis.units == ["A", "B", "C", "D", "E"])
        #expect(analysis.nominal == [3, 2, 1, 5, 4])
        #expect(analysis.removals.map(\.code) == ["a", "b", "c", "P", "Q"], "every node but the top")
        let removal = Dictionary(uniqueKeysWithValues: analysis.removals.map { ($0.code, $0) })

        // Without a: P = b = [1, 6, 4, 5, 2]; I = [2, 5.5, 6, 3, 4] → ranks [5, 2, 1, 4, 3];
        // changes [+2, 0, 0, −1, −1], mean |change| 4/5.
        #expect(removal["a"]?.rankChange == [2, 0, 0, -1, -1])
        #expect(removal["a"].map { close($0.meanAbsoluteChange, 0.8) } == true)
        // Without b: P = a = [9, 2, 4, 7, 1]; I = [6, 3.5, 6, 4, 3.5] → ranks (ties take the best)
        // [1, 4, 1, 3, 4]; changes [−2, +2, 0, −2, 0], mean 6/5.
        #expect(removal["b"]?.rankChange == [-2, 2, 0, -2, 0])
        #expect(removal["b"].map { close($0.meanAbsoluteChange, 1.2) } == true)
        // c is Q's only child: it cannot be dropped.
        #expect(removal["c"].map { $0.rankChange.allSatisfy { $0.isNaN } && $0.meanAbsoluteChange.isNaN } == true)
        // Without P: I = Q = c = [3, 5, 8, 1, 6] → ranks [4, 3, 1, 5, 2]; changes [+1, +1, 0, 0, −2], mean 4/5.
        #expect(removal["P"]?.rankChange == [1, 1, 0, 0, -2])
        #expect(removal["P"].map { close($0.meanAbsoluteChange, 0.8) } == true)
        // Without Q: I = P = [5, 4, 4, 6, 1.5] → ranks [2, 3, 3, 1, 5]; changes [−1, +1, +2, −4, +1], mean 9/5.
        #expect(removal["Q"]?.rankChange == [-1, 1, 2, -4, 1])
        #expect(removal["Q"].map { close($0.meanAbsoluteChange, 1.8) } == true)
    }

    @Test("a build without an aggregate step cannot be analysed")
    func needsAggregate() throws {
        let (result, _) = try Self.tiny()
        let spec = K.spec([])
        let error = #expect(throws: IndexEngineError.self) { try RemoveOne.analyse(result, spec: spec) }
        #expect(error?.kind == .invalidSpec)
    }

    @Test("ASEM: removals move ranks, and one removal equals a full rebuild without the element")
    func asem() throws {
        let (spec, dataset, result) = try K.asem()
        let analysis = try RemoveOne.analyse(result, spec: spec)
        let framework = result.framework
        #expect(analysis.removals.count == framework.nodes.count - 1)
        #expect(analysis.nominal == result.ranks && analysis.units.count == 51)
        // Every node of ASEM has a sibling, so every removal is computed.
        #expect(analysis.removals.allSatisfy { !$0.meanAbsoluteChange.isNaN })
        let removal = Dictionary(uniqueKeysWithValues: analysis.removals.map { ($0.code, $0) })
        #expect(removal["Index"] == nil, "the top cannot be removed")
        #expect(removal["Flights"].map { $0.rankChange.contains { $0 != 0 } } == true, "removing an indicator changes some rank")
        #expect(removal["Sust"].map { $0.meanAbsoluteChange > 1 } == true, "removing a whole sub-index moves ranks a lot")

        // Independent check: a full build whose weight set zeroes Flights.
        for code in ["Flights", "Social"] {
            var rebuilt = spec
            rebuilt.weightSets["without"] = [code: 0]
            if let a = BuildTail.lastAggregate(in: rebuilt), case var .aggregate(step) = rebuilt.steps[a] {
                step.weights = "without"
                rebuilt.steps[a] = .aggregate(step)
            }
            let full = try IndexBuild.run(dataset, spec: rebuilt)
            let expected = zip(full.ranks, result.ranks).map { $0 - $1 }
            #expect(removal[code]?.rankChange == expected, "\(code)")
        }
    }
}
