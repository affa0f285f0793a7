import Testing
@testable import IndexEngine

/// The Sobol' sequence: the published points, stratification and seeded scrambling.
@Suite("Sobol' sequence")
struct SensitivitySobolSequenceTests {
    @Test("the unscrambled sequence starts with the known points in dimensions 1 to 3")
    func firstPoints() throws {
        // scipy.stats.qmc.Sobol(3, scramble=False).random(8)
        let expected: [[Double]] = [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ]
        var sequence = try SobolSequence(dimensions: 3)
        for (n, point) in expected.enumerated() {
            #expect(sequence.index == n)
            #expect(sequence.next() == point, "point \(n)")
        }
    }

    @Test("points deep in high dimensions match the reference", arguments: [
        // scipy.stats.qmc.Sobol(64, scramble=False, bits=52): dimensions 4, 10, 33 and 64
        (1000, [0.6767578125, 0.0693359375, 0.2958984375, 0.4462890625]),
        (1365, [0.16064453125, 0.83349609375, 0.23974609375, 0.41748046875]),
        (2047, [0.35107421875, 0.44580078125, 0.07470703125, 0.98876953125]),
    ])
    func deepPoints(index: Int, expected: [Double]) throws {
        let sequence = try SobolSequence(dimensions: 64)
        let point = sequence.point(at: index)
        #expect([point[3], point[9], point[32], point[63]] == expected)
    }

    @Test("each dimension's first 2^k points are a permutation of the k-bit grid", arguments: [nil, 7] as [UInt64?])
    func stratification(seed: UInt64?) throws {
        var sequence = try SobolSequence(dimensions: SobolSequence.maxDimensions, seed: seed)
        let points = (0..<1024).map { _ in sequence.next() }
        for k in 1...10 {
            let cells = 1 << k
            for j in 0..<SobolSequence.maxDimensions {
                let scaled = points.prefix(cells).map { $0[j] * Double(cells) }
                if seed == nil { #expect(scaled.allSatisfy { $0 == $0.rounded(.down) }, "dimension \(j + 1) on the grid") }
                let strata = Set(scaled.map { Int($0) })
                #expect(strata.count == cells && strata.allSatisfy { (0..<cells).contains($0) }, "dimension \(j + 1), k = \(k)")
            }
        }
    }

    @Test("dimensions 1 and 2 put one of the first 2^k points in every elementary box", arguments: [nil, 11] as [UInt64?])
    func twoDimensionalNet(seed: UInt64?) throws {
        var sequence = try SobolSequence(dimensions: 2, seed: seed)
        let k = 8
        let points = (0..<(1 << k)).map { _ in sequence.next() }
        for a in 0...k {
            let boxes = Set(points.map { p in Int(p[0] * Double(1 << a)) * (1 << (k - a)) + Int(p[1] * Double(1 << (k - a))) })
            #expect(boxes.count == 1 << k, "boxes of 2^-\(a) × 2^-\(k - a)")
        }
    }

    @Test("scrambled points are deterministic by seed, differ between seeds and lie in [0, 1)")
    func scrambling() throws {
        func points(_ seed: UInt64) throws -> [[Double]] {
            var sequence = try SobolSequence(dimensions: 5, seed: seed)
            return (0..<256).map { _ in sequence.next() }
        }
        let first = try points(1), again = try points(1), other = try points(2)
        #expect(first == again)
        #expect(first != other)
        #expect(first[0] != [0, 0, 0, 0, 0], "the origin is scrambled away")
        for p in first + other { #expect(p.allSatisfy { $0 >= 0 && $0 < 1 }) }
        let plain = try SobolSequence(dimensions: 5).point(at: 17)
        #expect(first[17] != plain)
    }

    @Test("a prefix of the dimensions scrambles the same whatever the total")
    func prefixDimensions() throws {
        let few = try SobolSequence(dimensions: 3, seed: 99)
        let many = try SobolSequence(dimensions: 20, seed: 99)
        for n in [0, 1, 2, 100, 4095] { #expect(Array(many.point(at: n).prefix(3)) == few.point(at: n)) }
    }

    @Test("random access and seeking agree with walking the sequence", arguments: [nil, 5] as [UInt64?])
    func randomAccess(seed: UInt64?) throws {
        var walker = try SobolSequence(dimensions: 12, seed: seed)
        let fixed = walker
        for n in 0..<3000 {
            let point = walker.next()
            #expect(fixed.point(at: n) == point)
            #expect(fixed.coordinate(11, at: n) == point[11])
        }
        var jumper = fixed
        jumper.seek(to: 1234)
        #expect(jumper.next() == fixed.point(at: 1234))
        #expect(jumper.index == 1235)
        #expect(jumper.next() == fixed.point(at: 1235))
    }

    @Test("dimensions outside 1 to 64 are refused", arguments: [0, -1, 65])
    func invalidDimensions(_ dimensions: Int) {
        #expect(throws: IndexEngineError.self) { try SobolSequence(dimensions: dimensions) }
    }
}
