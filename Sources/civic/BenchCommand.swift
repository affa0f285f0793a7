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

    @Option(help: "Which benchmarks to run: asem, synthetic or all.")
    var only: String = "all"

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1.") }
        guard units >= 2, indicators >= 1, levels >= 2 else { throw ValidationError("--units must be at least 2, --indicators at least 1, --levels at least 2.") }
        guard ["asem", "synthetic", "all"].contains(only) else { throw ValidationError("--only must be asem, synthetic or all.") }
    }

    func run() throws {
        do throws(IndexEngineError) {
            if only != "synthetic" { try asem() }
            if only != "asem" { try synthetic() }
        } catch {
            throw reportFailure(error)
        }
    }

    private func asem() throws(IndexEngineError) {
        let spec = try BuildSpec.read(path: self.spec)
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: (self.spec as NSString).deletingLastPathComponent)
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

    /// The peak resident set size of this process so far, in bytes.
    private func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
