/// Saltelli's sampling design for estimating the Sobol' indices of a model of `inputs` inputs.
///
/// The base matrices A and B (N × d) are the first and last d coordinates of the first N points of
/// a 2d-dimensional Sobol' sequence; A_B^(i) is A with column i taken from B. The design's
/// N·(d + 2) runs are in a fixed order: the rows of A, the rows of B, then A_B^(1) … A_B^(d), each
/// block in base-row order, every point in [0, 1)^d. Scrambled (with a seed), the design starts at
/// the sequence's point 0, because dropping it spoils the balance of the power-of-two blocks
/// (Owen, "On dropping the first Sobol' point", 2022); unscrambled it starts at point 1, since
/// point 0 is the origin, a corner that maps to the edge of every input's range. With a seed and a
/// power of two for N, the base sample is a whole balanced net, which suits the estimators best.
public struct SensitivityDesign: Sendable {
    /// The role of a run: a row of A, of B, or of A_B^(i) (0-based i).
    public enum Block: Sendable, Hashable {
        /// A row of A.
        case a
        /// A row of B.
        case b
        /// A row of A_B^(i), A with column i (0-based) from B.
        case ab(Int)
    }

    /// The most inputs a design can have: the Sobol' sequence's dimensions, halved.
    public static let maxInputs = SobolSequence.maxDimensions / 2

    /// d, the number of model inputs.
    public let inputs: Int
    /// N, the number of base rows.
    public let baseSamples: Int
    /// The Sobol' scrambling seed, `nil` for the unscrambled sequence.
    public let seed: UInt64?

    private let sequence: SobolSequence

    /// A design for `inputs` inputs (1…32) and `baseSamples` base rows (at least 2), scrambled by
    /// `seed` unless it is `nil`.
    public init(inputs: Int, baseSamples: Int, seed: UInt64?) throws(IndexEngineError) {
        guard (1...Self.maxInputs).contains(inputs) else {
            throw IndexEngineError(.invalidParameter, "a sensitivity design has 1 to \(Self.maxInputs) inputs, not \(inputs)")
        }
        guard baseSamples >= 2 else {
            throw IndexEngineError(.invalidParameter, "a sensitivity design needs at least 2 base samples, not \(baseSamples)")
        }
        // Room for N·(d + 2) runs and, unscrambled, for the skipped point 0.
        guard !baseSamples.multipliedReportingOverflow(by: inputs + 2).overflow, baseSamples < SobolSequence.capacity - 1 else {
            throw IndexEngineError(.invalidParameter, "a sensitivity design of \(baseSamples) base samples is too large")
        }
        self.inputs = inputs
        self.baseSamples = baseSamples
        self.seed = seed
        self.sequence = try SobolSequence(dimensions: 2 * inputs, seed: seed)
    }

    /// N·(d + 2), the number of model runs.
    public var runCount: Int { baseSamples * (inputs + 2) }

    /// The index in the Sobol' sequence of base row 0.
    public var firstSequenceIndex: Int { seed == nil ? 1 : 0 }

    /// The block a run belongs to and its base row.
    public func location(ofRun run: Int) -> (block: Block, row: Int) {
        precondition((0..<runCount).contains(run), "no run \(run) in a design of \(runCount)")
        let (block, row) = run.quotientAndRemainder(dividingBy: baseSamples)
        switch block {
        case 0: return (.a, row)
        case 1: return (.b, row)
        default: return (.ab(block - 2), row)
        }
    }

    /// The run of a block's base row.
    public func run(_ block: Block, row: Int) -> Int {
        precondition((0..<baseSamples).contains(row), "no base row \(row)")
        switch block {
        case .a: return row
        case .b: return baseSamples + row
        case .ab(let i):
            precondition((0..<inputs).contains(i), "no input \(i)")
            return (2 + i) * baseSamples + row
        }
    }

    /// The point of one run, computed on its own.
    public func point(run: Int) -> [Double] {
        let (block, row) = location(ofRun: run)
        let index = firstSequenceIndex + row
        return (0..<inputs).map { c in
            let fromB: Bool
            switch block {
            case .a: fromB = false
            case .b: fromB = true
            case .ab(let i): fromB = c == i
            }
            return sequence.coordinate(fromB ? inputs + c : c, at: index)
        }
    }

    /// Every run's point, in run order.
    public func rows() -> [[Double]] {
        var all: [[Double]] = []
        all.reserveCapacity(runCount)
        forEachPoint { all.append($0) }
        return all
    }

    /// The model's output at every run, in run order, evaluating the runs one by one in that order.
    public func evaluate<E: Error>(_ model: ([Double]) throws(E) -> Double) throws(E) -> [Double] {
        var outputs: [Double] = []
        outputs.reserveCapacity(runCount)
        try forEachPoint { (point) throws(E) in outputs.append(try model(point)) }
        return outputs
    }

    /// Calls `body` with every run's point in run order, from the base sample generated once.
    private func forEachPoint<E: Error>(_ body: ([Double]) throws(E) -> Void) throws(E) {
        let (n, d) = (baseSamples, inputs)
        // A and B row-major, N × d each: the only storage, 2/(d + 2) of the whole design.
        var a = [Double](repeating: 0, count: n * d)
        var b = [Double](repeating: 0, count: n * d)
        var walker = sequence
        walker.seek(to: firstSequenceIndex)
        var point = [Double](repeating: 0, count: 2 * d)
        for r in 0..<n {
            walker.next(into: &point)
            for c in 0..<d {
                a[r * d + c] = point[c]
                b[r * d + c] = point[d + c]
            }
        }
        for r in 0..<n { try body(Array(a[r * d..<(r + 1) * d])) }
        for r in 0..<n { try body(Array(b[r * d..<(r + 1) * d])) }
        for i in 0..<d {
            for r in 0..<n {
                var row = Array(a[r * d..<(r + 1) * d])
                row[i] = b[r * d + i]
                try body(row)
            }
        }
    }
}
