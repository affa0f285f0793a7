import Foundation
import Testing
@testable import IndexEngine

/// Uncertainty analysis on ASEM, checked sample by sample against independent full builds.
@Suite("Uncertainty: analysis on ASEM")
struct UncertaintyAnalysisASEMTests {
    @Test("winmax 1…5: rank intervals equal the quantiles of five full builds' ranks")
    func winmaxOnly() throws {
        let (spec, dataset, result) = try AuditKit.asem()
        let analysis = AnalysisSpec(inputs: [UncertaintyKit.winmaxInput()], samples: 20, seed: 3)
        let u = try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis)
        #expect(u.outputs.completed == 20 && !u.outputs.cancelled && u.choices.count == 20)
        #expect(Set(u.choices.map { $0[0] }) == Set(0..<5), "20 Sobol' points cover all five options")

        // One full build per winmax; each sample's ranks are those of its winmax's build.
        var ranksByOption: [[Double]] = [], scoresByOption: [[Double]] = []
        for w in UncertaintyKit.winmax {
            var edited = spec
            guard case var .treat(step) = edited.steps[3] else { Issue.record("step 3"); return }
            step.winmax = w
            edited.steps[3] = .treat(step)
            let full = try IndexBuild.run(dataset, spec: edited)
            ranksByOption.append(full.ranks)
            scoresByOption.append(full.final.values.column(full.headline))
        }
        #expect(scoresByOption[4] == result.final.values.column(result.headline), "winmax 5 is the nominal build")
        for (r, choice) in u.choices.enumerated() {
            #expect(Array(u.outputs.scores(ofRun: r)) == scoresByOption[choice[0]], "sample \(r)")
        }
        let codes = UncertaintyKit.unitCodes(result)
        #expect(u.units.count == 51 && u.units.map(\.code) == result.rankedRows.map { codes[$0] })
        #expect(u.units.first?.code == "CHE" && u.units.first?.nominalRank == 1)
        var moved = 0
        for summary in u.units {
            let row = try #require(codes.firstIndex(of: summary.code))
            let ranks = u.choices.map { ranksByOption[$0[0]][row] }
            let scores = u.choices.map { scoresByOption[$0[0]][row] }
            #expect(summary.rank5 <= summary.medianRank && summary.medianRank <= summary.rank95, "\(summary.code)")
            #expect(summary.nominalRank == result.ranks[row])
            #expect(close(summary.medianRank, UncertaintyKit.quantile(ranks, 0.5)) && close(summary.rank5, UncertaintyKit.quantile(ranks, 0.05))
                    && close(summary.rank95, UncertaintyKit.quantile(ranks, 0.95)), "\(summary.code): \(summary) vs \(ranks)")
            #expect(close(summary.meanRank, ranks.reduce(0, +) / 20), "\(summary.code)")
            #expect(close(summary.meanScore, scores.reduce(0, +) / 20, relative: 1e-12) && close(summary.score5, UncertaintyKit.quantile(scores, 0.05), relative: 1e-12))
            if summary.rank95 > summary.rank5 { moved += 1 }
        }
        #expect(moved > 0, "winmax moves some ranks")
    }

    @Test("cached tail runs give the same scores as full builds: winmax, normalisation, noisy weights, geometric")
    func cachedEqualsFull() throws {
        let (spec, dataset, result) = try AuditKit.asem()
        let analysis = AnalysisSpec(inputs: UncertaintyKit.fullInputs(draws: 8), samples: 24, seed: 11)
        let u = try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis)
        #expect(u.outputs.completed == 24)
        var geometric = 0, draws = Set<Int>(), zScore = 0
        var fullRanks: [[Double]] = []
        for (r, choice) in u.choices.enumerated() {
            let edited = try UncertaintyKit.apply(choice, model: u.model, to: spec)
            let full = try IndexBuild.run(dataset, spec: edited)
            fullRanks.append(full.ranks)
            let expected = full.final.values.column(full.headline)
            let actual = Array(u.outputs.scores(ofRun: r))
            #expect(expected.allSatisfy { $0.isFinite })
            #expect(actual == expected, "sample \(r) \(choice): first difference \(zip(actual, expected).first { $0 != $1 }.map { "\($0)" } ?? "none")")
            if choice[3] == 1 { geometric += 1 }
            if choice[1] == 1 { zScore += 1 }
            draws.insert(choice[2])
        }
        #expect(geometric > 0 && geometric < 24 && zScore > 0 && draws.count > 3, "the samples cover the options: \(geometric) geometric, \(zScore) z-score, draws \(draws.sorted())")
        // The rank intervals: type-7 quantiles of the full builds' ranks.
        let codes = UncertaintyKit.unitCodes(result)
        var wide = 0
        for summary in u.units {
            let row = try #require(codes.firstIndex(of: summary.code))
            let ranks = fullRanks.map { $0[row] }
            #expect(summary.rank5 <= summary.medianRank && summary.medianRank <= summary.rank95, "\(summary.code)")
            #expect(close(summary.medianRank, UncertaintyKit.quantile(ranks, 0.5)) && close(summary.rank5, UncertaintyKit.quantile(ranks, 0.05))
                    && close(summary.rank95, UncertaintyKit.quantile(ranks, 0.95)) && close(summary.meanRank, ranks.reduce(0, +) / 24),
                    "\(summary.code): \(summary) vs \(ranks.sorted())")
            if summary.rank95 - summary.rank5 >= 5 { wide += 1 }
        }
        #expect(wide > 10, "these choices move many units by several places")
    }

    @Test("the same seed repeats the analysis exactly; another seed does not")
    func seeds() throws {
        let (spec, _, result) = try AuditKit.asem()
        let inputs = UncertaintyKit.fullInputs(draws: 8)
        let a = try UncertaintyAnalysis.run(result, spec: spec, analysis: AnalysisSpec(inputs: inputs, samples: 16, seed: 5))
        let b = try UncertaintyAnalysis.run(result, spec: spec, analysis: AnalysisSpec(inputs: inputs, samples: 16, seed: 5))
        let c = try UncertaintyAnalysis.run(result, spec: spec, analysis: AnalysisSpec(inputs: inputs, samples: 16, seed: 6))
        #expect(a.choices == b.choices && a.outputs.scores == b.outputs.scores && a.units == b.units)
        #expect(a.model.weightSets == b.model.weightSets)
        #expect(a.outputs.scores != c.outputs.scores)
        #expect(a.model.weightSets != c.model.weightSets, "the seed drives the weight draws too")
    }

    @Test("cancelled before the run: no samples, a clear error from the sensitivity analysis")
    func cancelled() throws {
        let (spec, _, result) = try AuditKit.asem()
        let analysis = AnalysisSpec(inputs: [UncertaintyKit.winmaxInput()], samples: 12, seed: 1)
        let control = RunControl()
        control.cancel()
        #expect(control.isCancelled)
        let u = try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis, control: control)
        #expect(u.outputs.cancelled && u.outputs.completed < 12 && u.outputs.completed == 0)
        #expect(u.units.count == 51 && u.units.allSatisfy { $0.medianRank.isNaN && $0.meanScore.isNaN && !$0.nominalRank.isNaN })

        let stopped = RunControl()
        stopped.cancel()
        let error = #expect(throws: IndexEngineError.self) {
            try SensitivityAnalysis.run(result, spec: spec, analysis: AnalysisSpec(inputs: [UncertaintyKit.winmaxInput()], samples: 4), control: stopped)
        }
        #expect(error?.kind == .noData && error?.message.contains("stopped after 0 of 12 runs") == true, "\(String(describing: error))")
    }

    @Test("cancelled mid-run: the summaries cover exactly the finished samples")
    func cancelledMidRun() throws {
        let (spec, dataset, result) = try AuditKit.asem()
        var scoresByOption: [[Double]] = []
        for w in UncertaintyKit.winmax {
            var edited = spec
            guard case var .treat(step) = edited.steps[3] else { Issue.record("step 3"); return }
            step.winmax = w
            edited.steps[3] = .treat(step)
            let full = try IndexBuild.run(dataset, spec: edited)
            scoresByOption.append(full.final.values.column(full.headline))
        }
        final class Holder: @unchecked Sendable { var control: RunControl? }
        let holder = Holder()
        let control = RunControl { _ in holder.control?.cancel() }
        holder.control = control
        let analysis = AnalysisSpec(inputs: [UncertaintyKit.winmaxInput()], samples: 400, seed: 2)
        let u = try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis, workers: 3, control: control)
        #expect(u.outputs.cancelled && u.outputs.completed > 0 && u.outputs.completed < 400, "completed \(u.outputs.completed)")
        let finished = u.outputs.finished.indices.filter { u.outputs.finished[$0] }
        #expect(finished.count == u.outputs.completed)
        for r in u.outputs.finished.indices {
            let scores = Array(u.outputs.scores(ofRun: r))
            if u.outputs.finished[r] {
                #expect(scores == scoresByOption[u.choices[r][0]], "finished run \(r)")
            } else {
                #expect(scores.allSatisfy { $0.isNaN }, "unfinished run \(r) has no scores")
            }
        }
        let codes = UncertaintyKit.unitCodes(result)
        for summary in u.units {
            let row = try #require(codes.firstIndex(of: summary.code))
            let scores = finished.map { scoresByOption[u.choices[$0][0]][row] }
            #expect(close(summary.meanScore, scores.reduce(0, +) / Double(scores.count), relative: 1e-12), "\(summary.code)")
        }
    }

    @Test("the number of workers does not change the results")
    func workers() throws {
        let (spec, _, result) = try AuditKit.asem()
        let analysis = AnalysisSpec(inputs: UncertaintyKit.fullInputs(draws: 6), samples: 40, seed: 9)
        let one = try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis, workers: 1)
        let three = try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis, workers: 3)
        #expect(one.outputs.scores == three.outputs.scores && one.units == three.units && one.choices == three.choices)
        #expect(one.outputs.scores.allSatisfy { $0.isFinite })
    }

    @Test("progress is reported up to the number of samples")
    func progress() throws {
        let (spec, _, result) = try AuditKit.asem()
        final class Box: @unchecked Sendable { let lock = NSLock(); var seen: [Int] = [] }
        let box = Box()
        let control = RunControl { n in box.lock.withLock { box.seen.append(n) } }
        let u = try UncertaintyAnalysis.run(result, spec: spec, analysis: AnalysisSpec(inputs: [UncertaintyKit.winmaxInput()], samples: 10), control: control)
        #expect(u.outputs.completed == 10 && control.completed == 10)
        #expect(box.seen.max() == 10 && box.seen.allSatisfy { (1...10).contains($0) })
    }

    @Test("an option that only fails when run names the sample and its choices")
    func failingSample() throws {
        // Geometric aggregation of min-max [0, 100] data meets zeros.
        let (spec, _, result) = try AuditKit.asem()
        let analysis = AnalysisSpec(inputs: [.parameter("aggregation", step: .kind("aggregate"), field: "method", values: [.string("geometric")])], samples: 2)
        let error = #expect(throws: IndexEngineError.self) { try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis) }
        #expect(error?.message.contains("aggregation = geometric") == true, "\(String(describing: error))")
    }
}
