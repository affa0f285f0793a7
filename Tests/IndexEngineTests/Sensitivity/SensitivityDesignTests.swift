import Testing
@testable import IndexEngine

/// Saltelli's design: its run order, its base matrices and its random access.
@Suite("Saltelli design")
struct SensitivityDesignTests {
    @Test("runs are A, B, then A with each column from B, from a 2d-dimensional sequence", arguments: [nil, 3] as [UInt64?])
    func layout(seed: UInt64?) throws {
        let (d, n) = (4, 64)
        let design = try SensitivityDesign(inputs: d, baseSamples: n, seed: seed)
        let rows = design.rows()
        #expect(design.runCount == n * (d + 2))
        #expect(rows.count == design.runCount)
        let sequence = try SobolSequence(dimensions: 2 * d, seed: seed)
        for r in 0..<n {
            let base = sequence.point(at: design.firstSequenceIndex + r)
            let a = Array(base[0..<d]), b = Array(base[d..<(2 * d)])
            #expect(rows[r] == a)
            #expect(rows[n + r] == b)
            for i in 0..<d {
                var ab = a
                ab[i] = b[i]
                #expect(rows[(2 + i) * n + r] == ab, "A_B^(\(i + 1)) row \(r)")
            }
        }
        for row in rows { #expect(row.count == d && row.allSatisfy { $0 >= 0 && $0 < 1 }) }
    }

    @Test("the unscrambled design skips the origin; the scrambled one keeps point 0")
    func firstIndex() throws {
        let plain = try SensitivityDesign(inputs: 2, baseSamples: 8, seed: nil)
        #expect(plain.firstSequenceIndex == 1)
        #expect(plain.point(run: 0) == [0.5, 0.5])
        #expect(plain.point(run: 8) == [0.5, 0.5])
        let scrambled = try SensitivityDesign(inputs: 2, baseSamples: 8, seed: 1)
        #expect(scrambled.firstSequenceIndex == 0)
        #expect(scrambled.point(run: 0) == Array(try SobolSequence(dimensions: 4, seed: 1).point(at: 0).prefix(2)))
    }

    @Test("one run's point equals its row in the whole design, and runs map to blocks and back")
    func randomAccess() throws {
        let design = try SensitivityDesign(inputs: 5, baseSamples: 128, seed: 2024)
        let rows = design.rows()
        for run in 0..<design.runCount {
            #expect(design.point(run: run) == rows[run])
            let (block, row) = design.location(ofRun: run)
            #expect(design.run(block, row: row) == run)
        }
        #expect(design.location(ofRun: 0).block == .a)
        #expect(design.location(ofRun: 128).block == .b)
        #expect(design.location(ofRun: 2 * 128 + 3 * 128 + 7) == (.ab(3), 7))
    }

    @Test("evaluating a model visits the runs in run order")
    func evaluate() throws {
        let design = try SensitivityDesign(inputs: 3, baseSamples: 32, seed: 9)
        let outputs = design.evaluate { $0[0] + 10 * $0[1] + 100 * $0[2] }
        #expect(outputs == design.rows().map { $0[0] + 10 * $0[1] + 100 * $0[2] })
        struct Failure: Error {}
        #expect(throws: Failure.self) { try design.evaluate { (_: [Double]) throws(Failure) -> Double in throw Failure() } }
    }

    @Test("designs outside the sequence's reach are refused", arguments: [(0, 8), (33, 8), (2, 1), (2, 0)])
    func invalid(inputs: Int, baseSamples: Int) {
        #expect(throws: IndexEngineError.self) { try SensitivityDesign(inputs: inputs, baseSamples: baseSamples, seed: 1) }
    }
}
