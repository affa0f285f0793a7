/// Sobol' low-discrepancy points in [0, 1)^d, plain or scrambled, in Gray-code order.
///
/// Dimension 1 is the van der Corput sequence and dimensions 2 to 64 use Joe and Kuo's
/// `new-joe-kuo-6.21201` direction numbers, held to 52 bits so that every coordinate is an exact
/// double below 1. Point 0 is part of the sequence and is not skipped: unscrambled it is the
/// origin, so a caller that cannot use the origin starts at index 1 (as the unscrambled
/// `SensitivityDesign` does). Scrambled with a seed, each dimension's generator matrix is
/// multiplied by a random lower-triangular binary matrix (Matoušek's linear matrix scramble) and its
/// points XORed with a random digital shift; both keep every aligned block of 2^m points a
/// (t, m, s)-net, and the same seed always gives the same points.
public struct SobolSequence: Sendable {
    /// The most dimensions the direction-number table provides.
    public static let maxDimensions = SobolDirectionNumbers.rows.count + 1
    /// The number of points the sequence holds (2^52).
    public static let capacity = 1 << bits

    /// The bits of every coordinate; 52 makes `x · 2^-52` exact and below 1.
    static let bits = 52
    static let mask: UInt64 = (1 << UInt64(bits)) - 1

    /// The number of coordinates of each point.
    public let dimensions: Int
    /// The scrambling seed, `nil` for the unscrambled sequence.
    public let seed: UInt64?
    /// The index of the point the next call to `next()` returns.
    public private(set) var index: Int = 0

    /// Direction numbers, `bits` per dimension (dimension-major); entry k is flipped in when bit k
    /// of the Gray code changes.
    private let directions: [UInt64]
    /// Each dimension's digital shift (zero when unscrambled), the integer coordinates of point 0.
    private let shifts: [UInt64]
    /// The integer coordinates of the point at `index`.
    private var state: [UInt64]

    /// The sequence in `dimensions` dimensions (1…64), scrambled when a `seed` is given.
    public init(dimensions: Int, seed: UInt64? = nil) throws(IndexEngineError) {
        guard (1...Self.maxDimensions).contains(dimensions) else {
            throw IndexEngineError(.invalidParameter, "a Sobol' sequence has 1 to \(Self.maxDimensions) dimensions, not \(dimensions)")
        }
        var directions = [UInt64](repeating: 0, count: dimensions * Self.bits)
        var shifts = [UInt64](repeating: 0, count: dimensions)
        var generator = seed.map { SplitMix64(seed: $0) }
        for j in 0..<dimensions {
            var v = Self.unscrambledDirections(dimension: j)
            // Drawn dimension by dimension, so a prefix of the dimensions scrambles the same
            // whatever the total.
            if var g = generator {
                v = Self.scrambled(v, using: &g)
                shifts[j] = g.next() & Self.mask
                generator = g
            }
            directions.replaceSubrange(j * Self.bits..<(j + 1) * Self.bits, with: v)
        }
        self.dimensions = dimensions
        self.seed = seed
        self.directions = directions
        self.shifts = shifts
        self.state = shifts
    }

    /// Returns the point at `index` and moves to the next one.
    public mutating func next() -> [Double] {
        var point = [Double](repeating: 0, count: dimensions)
        next(into: &point)
        return point
    }

    /// Writes the point at `index` into `point` (which must have `dimensions` elements) and moves on.
    public mutating func next(into point: inout [Double]) {
        precondition(point.count == dimensions, "the point needs \(dimensions) coordinates")
        precondition(index < Self.capacity, "the Sobol' sequence is exhausted")
        // Going from point n to n + 1 changes one bit of the Gray code: bit ctz(n + 1).
        let flip = (index + 1).trailingZeroBitCount
        let bits = Self.bits
        directions.withUnsafeBufferPointer { v in
            state.withUnsafeMutableBufferPointer { x in
                point.withUnsafeMutableBufferPointer { out in
                    for j in 0..<x.count {
                        out[j] = Double(x[j]) * 0x1p-52
                        if flip < bits { x[j] ^= v[j * bits + flip] }
                    }
                }
            }
        }
        index += 1
    }

    /// Moves to the point at `index`, so that `next()` returns it.
    public mutating func seek(to index: Int) {
        precondition((0..<Self.capacity).contains(index), "no Sobol' point at index \(index)")
        for j in 0..<dimensions { state[j] = integerCoordinate(j, at: index) }
        self.index = index
    }

    /// The point at `index`, without moving.
    public func point(at index: Int) -> [Double] {
        precondition((0..<Self.capacity).contains(index), "no Sobol' point at index \(index)")
        return (0..<dimensions).map { Double(integerCoordinate($0, at: index)) * 0x1p-52 }
    }

    /// Coordinate `dimension` (0-based) of the point at `index`, without moving.
    public func coordinate(_ dimension: Int, at index: Int) -> Double {
        precondition((0..<dimensions).contains(dimension), "no dimension \(dimension)")
        precondition((0..<Self.capacity).contains(index), "no Sobol' point at index \(index)")
        return Double(integerCoordinate(dimension, at: index)) * 0x1p-52
    }

    /// The coordinate as a 52-bit integer: the shift XOR the directions of the Gray code's set bits.
    private func integerCoordinate(_ dimension: Int, at index: Int) -> UInt64 {
        var gray = UInt64(index ^ (index >> 1))
        var x = shifts[dimension]
        let base = dimension * Self.bits
        while gray != 0 {
            x ^= directions[base + gray.trailingZeroBitCount]
            gray &= gray - 1
        }
        return x
    }

    /// The 52 direction numbers v_k = m_k / 2^k of 0-based `dimension`, scaled by 2^52.
    static func unscrambledDirections(dimension: Int) -> [UInt64] {
        var v = [UInt64](repeating: 0, count: bits)
        guard dimension > 0 else {
            // van der Corput: every m_k is 1.
            for k in 0..<bits { v[k] = 1 << UInt64(bits - 1 - k) }
            return v
        }
        let row = SobolDirectionNumbers.rows[dimension - 1]
        let s = row.degree
        for k in 0..<min(s, bits) { v[k] = UInt64(row.initial[k]) << UInt64(bits - 1 - k) }
        if s < bits {
            // The primitive polynomial's recurrence (Bratley and Fox), with a₁ the top bit of `a`.
            for k in s..<bits {
                var x = v[k - s] ^ (v[k - s] >> UInt64(s))
                for i in 1..<s where (row.coefficients >> (s - 1 - i)) & 1 == 1 { x ^= v[k - i] }
                v[k] = x
            }
        }
        return v
    }

    /// The direction numbers multiplied by a random lower-triangular binary matrix with a unit
    /// diagonal, digit 1 being the most significant bit.
    static func scrambled(_ v: [UInt64], using generator: inout SplitMix64) -> [UInt64] {
        // Row t of the matrix: the diagonal bit, and random bits on the digits above it.
        let rows = (0..<bits).map { t -> UInt64 in
            let diagonal: UInt64 = 1 << UInt64(bits - 1 - t)
            let above = mask & ~(diagonal << 1 &- 1)
            return diagonal | (generator.next() & above)
        }
        return v.map { column in
            var out: UInt64 = 0
            for (t, row) in rows.enumerated() where (row & column).nonzeroBitCount & 1 == 1 {
                out |= 1 << UInt64(bits - 1 - t)
            }
            return out
        }
    }
}
