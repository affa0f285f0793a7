import Foundation

/// The first- and total-order Sobol' indices of one input, with their bootstrap confidence intervals.
public struct SobolIndex: Sendable, Equatable {
    /// S_i, the share of the output variance due to the input alone.
    public var first: Double
    /// ST_i, the share of the output variance due to the input and all its interactions.
    public var total: Double
    /// The lower end of the confidence interval of `first`.
    public var firstLow: Double
    /// The upper end of the confidence interval of `first`.
    public var firstHigh: Double
    /// The lower end of the confidence interval of `total`.
    public var totalLow: Double
    /// The upper end of the confidence interval of `total`.
    public var totalHigh: Double

    /// Creates the indices of one input.
    public init(first: Double, total: Double, firstLow: Double, firstHigh: Double, totalLow: Double, totalHigh: Double) {
        self.first = first
        self.total = total
        self.firstLow = firstLow
        self.firstHigh = firstHigh
        self.totalLow = totalLow
        self.totalHigh = totalHigh
    }
}

/// Sobol' sensitivity indices estimated from the outputs of a `SensitivityDesign`'s runs.
///
/// First-order indices use Saltelli's 2010 estimator, S_i = mean(f(B)·(f(A_B^i) − f(A))) / V, and
/// total-order indices Jansen's 1999 estimator, ST_i = mean((f(A) − f(A_B^i))²) / (2V), where V is
/// the variance (divisor 2N) of the outputs of A and B together. The outputs are first centred on
/// the mean of A and B, which leaves the first-order estimator's expectation unchanged and its
/// variance smaller for outputs far from zero. Confidence intervals are percentile intervals over
/// bootstrap resamples of the N base rows.
///
/// When the outputs of A and B are all equal there is no variance to apportion: every index and
/// interval bound is then `NaN`, not an error, since a constant output (a rank that never moves,
/// say) is a legitimate result. A bootstrap resample with constant outputs is likewise left out
/// of the intervals.
public struct SobolIndices: Sendable {
    /// One entry per input, in input order.
    public let indices: [SobolIndex]
    /// V, the variance of the outputs of A and B together (0 for a constant output).
    public let variance: Double
    /// The confidence level of the intervals.
    public let confidence: Double
    /// The number of bootstrap resamples behind the intervals.
    public let resamples: Int

    /// The indices of input `input` (0-based).
    public subscript(input: Int) -> SobolIndex { indices[input] }

    /// Estimates the indices from `outputs`, the model's output at each of `design`'s runs in run
    /// order, with `resamples` bootstrap resamples drawn from `seed` (0 leaves the intervals `NaN`).
    public init(outputs: [Double], design: SensitivityDesign, resamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 42) throws(IndexEngineError) {
        try self.init(outputs: outputs, inputs: design.inputs, baseSamples: design.baseSamples, resamples: resamples, confidence: confidence, seed: seed)
    }

    /// Estimates the indices from the N·(d + 2) outputs of a design of `inputs` inputs and
    /// `baseSamples` base rows, in the design's run order.
    public init(outputs: [Double], inputs: Int, baseSamples: Int, resamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 42) throws(IndexEngineError) {
        guard inputs >= 1, baseSamples >= 2 else {
            throw IndexEngineError(.invalidParameter, "Sobol' indices need at least 1 input and 2 base samples")
        }
        let (runs, overflow) = baseSamples.multipliedReportingOverflow(by: inputs + 2)
        guard !overflow, outputs.count == runs else {
            throw IndexEngineError(.invalidParameter, "a design of \(inputs) inputs and \(baseSamples) base samples does not have \(outputs.count) runs")
        }
        if let run = outputs.firstIndex(where: { !$0.isFinite }) {
            throw IndexEngineError(.nonFinite, "the model output of run \(run) is \(outputs[run])")
        }
        guard resamples >= 0, !inputs.multipliedReportingOverflow(by: resamples).overflow else {
            throw IndexEngineError(.invalidParameter, "the number of bootstrap resamples must be 0 or more and not absurdly large, not \(resamples)")
        }
        guard confidence > 0, confidence < 1 else {
            throw IndexEngineError(.invalidParameter, "the confidence level must lie strictly between 0 and 1, not \(confidence)")
        }
        let estimator = SobolEstimator(outputs: outputs, inputs: inputs, baseSamples: baseSamples)
        let rows = Array(0..<baseSamples)
        let point = estimator.estimate(rows: rows)

        // Replicate-major: firstDraws[i * resamples + r].
        // Offset from the seed so that one seed can both scramble a design and resample its runs
        // without the two drawing the same stream; each resample has its own stream, so the
        // resamples can run on all cores and still give the same draws.
        let draws = DrawBuffer(count: 2 * inputs * resamples)
        DispatchQueue.concurrentPerform(iterations: resamples) { r in
            // Hashing the resample's number into its seed starts each stream at an unrelated point.
            var seeding = SplitMix64(seed: (seed ^ 0xB007_5B7A_9E5A_3C01) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(r))
            var generator = SplitMix64(seed: seeding.next())
            var picked = [Int](repeating: 0, count: baseSamples)
            for k in 0..<baseSamples { picked[k] = Self.uniformIndex(below: baseSamples, using: &generator) }
            let replicate = estimator.estimate(rows: picked)
            for i in 0..<inputs {
                draws.set(i * resamples + r, replicate.first[i])
                draws.set((inputs + i) * resamples + r, replicate.total[i])
            }
        }
        let firstDraws = Array(draws.values[0..<(inputs * resamples)])
        let totalDraws = Array(draws.values[(inputs * resamples)...])
        let tail = (1 - confidence) / 2
        self.indices = (0..<inputs).map { i in
            let firsts = firstDraws[i * resamples..<(i + 1) * resamples]
            let totals = totalDraws[i * resamples..<(i + 1) * resamples]
            let (firstLow, firstHigh) = Self.percentiles(firsts, tail: tail)
            let (totalLow, totalHigh) = Self.percentiles(totals, tail: tail)
            return SobolIndex(first: point.first[i], total: point.total[i], firstLow: firstLow, firstHigh: firstHigh, totalLow: totalLow, totalHigh: totalHigh)
        }
        self.variance = point.variance
        self.confidence = confidence
        self.resamples = resamples
    }

    /// A uniform integer in 0..<n by multiply-high, written out so that the same seed gives the same
    /// resamples on every toolchain (the standard library's algorithm is not promised).
    private static func uniformIndex(below n: Int, using generator: inout SplitMix64) -> Int {
        Int(generator.next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// The `tail` and 1 − `tail` quantiles (linear interpolation between order statistics) of the
    /// finite draws, `NaN` when there are none.
    private static func percentiles(_ draws: ArraySlice<Double>, tail: Double) -> (Double, Double) {
        let sorted = draws.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return (.nan, .nan) }
        func quantile(_ p: Double) -> Double {
            let h = p * Double(sorted.count - 1)
            let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }
        return (quantile(tail), quantile(1 - tail))
    }
}

/// The point estimates over a chosen multiset of base rows; O(N·d) per estimate.
struct SobolEstimator {
    let outputs: [Double]
    let inputs: Int
    let baseSamples: Int

    /// First- and total-order indices and V over `rows` (base rows, repeats allowed).
    func estimate(rows: [Int]) -> (first: [Double], total: [Double], variance: Double) {
        let n = baseSamples
        return outputs.withUnsafeBufferPointer { f in
            rows.withUnsafeBufferPointer { rows in
                let count = Double(rows.count)
                var sum = 0.0, lowest = Double.infinity, highest = -Double.infinity
                for k in rows {
                    let a = f[k], b = f[n + k]
                    sum += a + b
                    lowest = min(lowest, a, b)
                    highest = max(highest, a, b)
                }
                // Exactly equal outputs can still leave rounding residue in a computed variance.
                guard lowest < highest else {
                    return ([Double](repeating: .nan, count: inputs), [Double](repeating: .nan, count: inputs), 0)
                }
                let mean = sum / (2 * count)
                var squares = 0.0
                for k in rows {
                    let a = f[k] - mean, b = f[n + k] - mean
                    squares += a * a + b * b
                }
                let variance = squares / (2 * count)
                var first = [Double](repeating: 0, count: inputs)
                var total = [Double](repeating: 0, count: inputs)
                for i in 0..<inputs {
                    let base = (2 + i) * n
                    var s = 0.0, st = 0.0
                    for k in rows {
                        let a = f[k], ab = f[base + k]
                        s += (f[n + k] - mean) * (ab - a)
                        st += (a - ab) * (a - ab)
                    }
                    first[i] = s / count / variance
                    total[i] = st / count / (2 * variance)
                }
                return (first, total, variance)
            }
        }
    }
}

/// Bootstrap draws that parallel resamples write, each to its own slots.
private final class DrawBuffer: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Double>
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: .nan)
    }
    deinit { storage.deallocate() }
    func set(_ index: Int, _ value: Double) { storage[index] = value }
    var values: [Double] { Array(storage) }
}
