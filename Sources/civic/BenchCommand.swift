import ArgumentParser
import Foundation
import IndexEngine

/// `civic bench`: times the engine on the ASEM example and on a large synthetic index.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark index builds: the ASEM example and a synthetic index.",
        discussion: "Build with `swift build -c release` first; debug builds are many times slower.")

    @Option(help: "The ASEM example spec.")
    var spec: String = "Examples/asem/asem.json"

    @Option(help: "How many ASEM builds to time.")
    var repetitions: Int = 2000

    @Option(help: "Units of the synthetic index.")
    var units: Int = 10_000

    @Option(help: "Indicators of the synthetic index.")
    var indicators: Int = 500

    @Option(help: "Levels of the synthetic index (indicators are level 1).")
    var levels: Int = 4

    @Option(help: "The ASEM analysis file of the sensitivity benchmark.")
    var analysis: String = "Examples/asem/sensitivity.json"

    @Option(help: "Which benchmarks to run: asem, synthetic, sensitivity, scale or all.")
    var only: String = "all"

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1.") }
        guard units >= 2, indicators >= 1, levels >= 2 else { throw ValidationError("--units must be at least 2, --indicators at least 1, --levels at least 2.") }
        guard ["asem", "synthetic", "sensitivity", "scale", "all"].contains(only) else {
            throw ValidationError("--only must be asem, synthetic, sensitivity, scale or all.")
        }
    }

    func run() throws {
        do throws(IndexEngineError) {
            if only == "asem" || only == "all" { try asem() }
            if only == "synthetic" || only == "all" { try synthetic() }
            if only == "sensitivity" || only == "all" { try sensitivity() }
            if only == "scale" || only == "all" { try scale() }
        } catch {
            throw reportFailure(error)
        }
    }

    private func asem() throws(IndexEngineError) {
        let spec = try BuildSpec.read(path: ShippedExamples.resolve(self.spec))
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: (ShippedExamples.resolve(self.spec) as NSString).deletingLastPathComponent)
        for _ in 0..<50 { _ = try IndexBuild.run(dataset, spec: spec, retention: .finalOnly) }
        var times: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try IndexBuild.run(dataset, spec: spec, retention: .finalOnly)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        times.sort()
        print(String(format: "asem build (51 units x 49 indicators, 6 steps): median %.1f µs, p10 %.1f µs, p90 %.1f µs over %d builds",
                     times[times.count / 2], times[times.count / 10], times[times.count * 9 / 10], repetitions))
    }

    private func synthetic() throws(IndexEngineError) {
        let before = peakResidentBytes()
        let dataset = try SyntheticIndex.dataset(units: units, indicators: indicators, levels: levels)
        let spec = BuildSpec(inputs: .native(units: "", indicators: "", values: ""), steps: [
            .impute(Impute(method: .mean)),
            .treat(Treat()),
            .normalise(Normalise(method: .minMax, range: [0, 100])),
            .aggregate(Aggregate()),
        ])
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try IndexBuild.run(dataset, spec: spec, retention: .finalOnly)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let matrixBytes = Double(units * indicators * MemoryLayout<Double>.size)
        let peak = Double(peakResidentBytes() - before)
        print(String(format: "synthetic build (%d units x %d indicators, %d levels, 4 steps): %.3f s; peak memory %.1f MB = %.2f x the value matrix (%.1f MB)",
                     units, indicators, levels, seconds, peak / 1e6, peak / matrixBytes, matrixBytes / 1e6))
        _ = result.final.units.count
    }

    /// COINr's vignette problem on ASEM: four uncertain inputs, N = 100 (600 builds) and N = 10,000.
    private func sensitivity() throws(IndexEngineError) {
        let spec = try BuildSpec.read(path: ShippedExamples.resolve(self.spec))
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: (ShippedExamples.resolve(self.spec) as NSString).deletingLastPathComponent)
        let result = try IndexBuild.run(dataset, spec: spec)
        var analysis = try AnalysisSpec.read(path: ShippedExamples.resolve(self.analysis))
        analysis.samples = 100
        var uncertaintyTimes: [Double] = []
        for _ in 0..<21 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try UncertaintyAnalysis.run(result, spec: spec, analysis: analysis)
            uncertaintyTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        uncertaintyTimes.sort()
        print(String(format: "asem uncertainty, 4 inputs, N = 100 (100 builds): median %.4f s over 21 runs", uncertaintyTimes[10]))
        for samples in [100, 10_000] {
            analysis.samples = samples
            var times: [Double] = []
            for _ in 0..<(samples == 100 ? 21 : 3) {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try SensitivityAnalysis.run(result, spec: spec, analysis: analysis)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            times.sort()
            print(String(format: "asem sensitivity, 4 inputs, N = %d (%d builds, %d bootstrap resamples): median %.3f s over %d runs",
                         samples, samples * (analysis.inputs.count + 2), analysis.bootstrap, times[times.count / 2], times.count))
        }
    }

    /// A large case: 2,000 units x 300 indicators, 6 uncertain inputs, N = 1,024.
    private func scale() throws(IndexEngineError) {
        let dataset = try SyntheticIndex.dataset(units: 2000, indicators: 300, levels: 4)
        let spec = BuildSpec(inputs: .native(units: "", indicators: "", values: ""), steps: [
            .impute(Impute(method: .mean)),
            .treat(Treat()),
            .normalise(Normalise(method: .minMax, range: [1, 100])),
            .aggregate(Aggregate()),
        ])
        let result = try IndexBuild.run(dataset, spec: spec)
        let analysis = AnalysisSpec(inputs: [
            .parameter("imputation", step: .kind("impute"), field: "method", values: [.string("mean"), .string("median")]),
            .parameter("winmax", step: .kind("treat"), field: "winmax", values: (1...5).map { .number(Double($0)) }),
            .alternatives("normalisation", step: .kind("normalise"), [
                ["method": .string("minMax"), "range": .array([.number(1), .number(100)])],
                ["method": .string("rank")],
            ]),
            .noisyWeights("weights", noise: 0.25, levels: [2, 3], draws: 100),
            .parameter("aggregation", step: .kind("aggregate"), field: "method", values: [.string("arithmetic"), .string("geometric")]),
            .parameter("threshold", step: .kind("aggregate"), field: "threshold", values: [.number(0), .number(0.5)]),
        ], samples: 1024)
        let start = DispatchTime.now().uptimeNanoseconds
        let sa = try SensitivityAnalysis.run(result, spec: spec, analysis: analysis)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "scale sensitivity, 2000 units x 300 indicators, 6 inputs, N = 1024 (%d builds): %.2f s", sa.runs, seconds))
    }

    /// The peak resident set size of this process so far, in bytes.
    private func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
