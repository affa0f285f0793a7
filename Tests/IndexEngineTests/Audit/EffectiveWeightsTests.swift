import Testing
@testable import IndexEngine

/// Effective weights of hand-made frameworks, computed by hand.
@Suite("Audit: effective weights")
struct AuditEffectiveWeightsTests {
    /// Index ← P1 (2), P2 (1), P3 (1); P1 ← i1 (3), i2 (1); P2 ← i3 (1), i4 (1), i5 (2); P3 ← i6 (5).
    static func framework() throws -> Framework {
        typealias K = AuditKit
        return try Framework(nodes: [
            K.indicator("i1", parent: "P1", weight: 3), K.indicator("i2", parent: "P1", weight: 1),
            K.indicator("i3", parent: "P2", weight: 1), K.indicator("i4", parent: "P2", weight: 1), K.indicator("i5", parent: "P2", weight: 2),
            K.indicator("i6", parent: "P3", weight: 5),
            K.aggregate("P1", level: 2, parent: "Index", weight: 2), K.aggregate("P2", level: 2, parent: "Index", weight: 1),
            K.aggregate("P3", level: 2, parent: "Index", weight: 1),
            K.aggregate("Index", level: 3, weight: 7),
        ])
    }

    static func byCode(_ framework: Framework, _ weights: [Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(framework.nodes.map(\.code), weights))
    }

    @Test("a three-level framework with unequal weights")
    func threeLevels() throws {
        let f = try Self.framework()
        let w = Self.byCode(f, EffectiveWeights.of(f, weights: f.weights))
        // The index carries everything (its own weight 7 is normalised away): 1.
        // Pillars: 2/4, 1/4, 1/4 = 0.5, 0.25, 0.25.
        // P1's children: 0.5·3/4 = 0.375, 0.5·1/4 = 0.125.
        // P2's children: 0.25·1/4 = 0.0625, 0.0625, 0.25·2/4 = 0.125.
        // P3's only child: 0.25·5/5 = 0.25.
        let expected: [String: Double] = [
            "Index": 1, "P1": 0.5, "P2": 0.25, "P3": 0.25,
            "i1": 0.375, "i2": 0.125, "i3": 0.0625, "i4": 0.0625, "i5": 0.125, "i6": 0.25,
        ]
        for (code, e) in expected { #expect(close(w[code] ?? .nan, e, relative: 1e-15), "\(code): \(w[code] ?? .nan) vs \(e)") }
        // The indicators' effective weights add up to 1: 0.375 + 0.125 + 0.0625 + 0.0625 + 0.125 + 0.25.
        #expect(close(f.indicators.map { w[$0.code]! }.reduce(0, +), 1, relative: 1e-15))
    }

    @Test("weights other than the metadata's: a zero pillar passes nothing down")
    func otherWeights() throws {
        let f = try Self.framework()
        var weights = f.weights
        weights[f.index(of: "P3")!] = 0
        weights[f.index(of: "i2")!] = 3
        let w = Self.byCode(f, EffectiveWeights.of(f, weights: weights))
        // Pillars: 2/3, 1/3, 0. P1 ← i1, i2 now 3:3 → 1/3 each. P2's children: (1/3)·[1/4, 1/4, 2/4].
        let expected: [String: Double] = [
            "P1": 2.0 / 3, "P2": 1.0 / 3, "P3": 0, "i1": 1.0 / 3, "i2": 1.0 / 3,
            "i3": 1.0 / 12, "i4": 1.0 / 12, "i5": 1.0 / 6, "i6": 0,
        ]
        for (code, e) in expected { #expect(close(w[code] ?? .nan, e, relative: 1e-14), "\(code): \(w[code] ?? .nan) vs \(e)") }
    }

    @Test("several top-level nodes share the whole between them")
    func severalRoots() throws {
        let f = try Framework(nodes: [
            AuditKit.indicator("a", parent: "R1", weight: 1), AuditKit.indicator("b", parent: "R1", weight: 4),
            AuditKit.indicator("c", parent: "R2", weight: 2),
            AuditKit.aggregate("R1", level: 2, weight: 3), AuditKit.aggregate("R2", level: 2, weight: 1),
        ])
        let w = Self.byCode(f, EffectiveWeights.of(f, weights: f.weights))
        // R1: 3/4, R2: 1/4; a: 0.75·1/5 = 0.15, b: 0.75·4/5 = 0.6, c: 0.25.
        for (code, e) in ["R1": 0.75, "R2": 0.25, "a": 0.15, "b": 0.6, "c": 0.25] {
            #expect(close(w[code] ?? .nan, e, relative: 1e-14), "\(code): \(w[code] ?? .nan) vs \(e)")
        }
        // A flat framework: the indicators themselves are the roots.
        let flat = try Framework(nodes: [AuditKit.indicator("x", weight: 1), AuditKit.indicator("y", weight: 3)])
        #expect(EffectiveWeights.of(flat, weights: flat.weights) == [0.25, 0.75])
    }
}
