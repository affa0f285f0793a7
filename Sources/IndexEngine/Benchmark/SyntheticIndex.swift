/// A synthetic index of any size, for benchmarks: skewed indicators with some missing values,
/// grouped evenly into a hierarchy of the requested depth.
public enum SyntheticIndex {
    /// Makes a dataset of `units` × `indicators` with `levels` levels (indicators are level 1).
    ///
    /// Each level above the first has a tenth of the nodes of the level below (at least one), and
    /// the top level has a single index. Values are drawn from a seeded generator, so the same
    /// arguments always give the same data; about 2% are missing and every 50th indicator has a
    /// heavy right tail so that outlier treatment has work to do.
    public static func dataset(units: Int, indicators: Int, levels: Int, seed: UInt64 = 42) throws(IndexEngineError) -> Dataset {
        var nodes: [FrameworkNode] = []
        var below = (0..<indicators).map { "I\($0)" }
        for i in 0..<indicators {
            nodes.append(FrameworkNode(code: below[i], name: "Indicator \(i)", level: 1, parent: nil, kind: .indicator, direction: i % 7 == 0 ? -1 : 1))
        }
        for level in 2...max(2, levels) {
            let count = level == max(2, levels) ? 1 : max(1, below.count / 10)
            let codes = (0..<count).map { "L\(level)_\($0)" }
            for (i, code) in below.enumerated() {
                if let n = nodes.firstIndex(where: { $0.code == code }) { nodes[n].parent = codes[i * count / below.count] }
            }
            for code in codes { nodes.append(FrameworkNode(code: code, name: code, level: level, parent: nil, kind: .aggregate)) }
            below = codes
        }
        let framework = try Framework(nodes: nodes)
        var generator = SplitMix64(seed: seed)
        var values = Matrix(rows: units, columns: indicators)
        values.storage.withUnsafeMutableBufferPointer { buffer in
            for c in 0..<indicators {
                let heavy = c % 50 == 0
                for r in 0..<units {
                    let u = generator.nextUnit()
                    var v = heavy ? 1 / (1 - u * 0.999) : u * 100
                    if generator.nextUnit() < 0.02 { v = .nan }
                    buffer[c * units + r] = v
                }
            }
        }
        let unitList = (0..<units).map { Unit(code: "U\($0)", name: "Unit \($0)") }
        return Dataset(units: unitList, framework: framework, values: values)
    }
}

/// A small, fast, seedable generator (SplitMix64), so that synthetic data is reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
