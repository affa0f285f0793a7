import Foundation
import Testing
@testable import IndexEngine

/// The audit's descriptive statistics and flags, each flag triggered on a constructed dataset and
/// not triggered just below its threshold (COINr's defaults).
@Suite("Audit: indicator statistics and flags")
struct AuditIndicatorStatisticsTests {
    typealias K = AuditKit

    /// Statistics of the raw stage of a build with no steps (flat framework unless nodes are given).
    static func statistics(
        _ columns: [[Double]], codes: [String], denominators: [(String, [Double])] = [], thresholds: AuditThresholds = AuditThresholds()
    ) throws -> [String: IndicatorStatistics] {
        let dataset = try K.dataset(nodes: codes.map { K.indicator($0) }, columns: columns, denominators: denominators)
        let result = try K.build(dataset, [])
        let stats = IndicatorStatistics.of(result.stages[0], in: result, thresholds: thresholds)
        #expect(stats.map(\.code) == codes)
        return Dictionary(uniqueKeysWithValues: stats.map { ($0.code, $0) })
    }

    @Test("outliers: skew 2.094 with kurtosis 5.38 flagged; skew 1.979 (kurtosis 4.92) not")
    func outliers() throws {
        let base: [Double] = [1, 2, 2, 3, 3, 3, 4, 4, 5]
        let s = try Self.statistics([base + [10.5], base + [10]], codes: ["out", "near"])
        let out = try #require(s["out"]), near = try #require(s["near"])
        // scipy.stats.skew(x, bias=False) and scipy.stats.kurtosis(x, bias=False); numpy mean, median, std(ddof=1).
        #expect(close(out.skew, 2.094099383630137, relative: 1e-12) && close(out.kurtosis, 5.376036635027635, relative: 1e-12), "\(out)")
        #expect(close(near.skew, 1.979111164680989, relative: 1e-12) && close(near.kurtosis, 4.9220329843167185, relative: 1e-12), "\(near)")
        #expect(close(out.mean, 3.75) && out.median == 3 && close(out.sd, 2.6378652985574025, relative: 1e-13))
        #expect(close(near.mean, 3.7) && near.median == 3 && close(near.sd, 2.496664441476534, relative: 1e-13))
        #expect(out.n == 10 && out.availability == 1 && out.min == 1 && out.max == 10.5 && out.zeros == 0 && out.unique == 6)
        #expect(out.flags == [.outliers])
        #expect(near.flags.isEmpty, "skew below 2: \(near.flags)")
        // Both conditions are needed: raising the kurtosis limit above 5.376 clears the flag.
        var strict = AuditThresholds()
        strict.kurtosis = 5.4
        #expect(try Self.statistics([base + [10.5]], codes: ["out"], thresholds: strict)["out"]?.flags == [])
    }

    @Test("low availability: 12 of 20 observed (0.6) flagged, 13 of 20 (0.65) not")
    func availability() throws {
        let low = (1...12).map(Double.init) + Array(repeating: .nan, count: 8)
        let ok = (1...13).map(Double.init) + Array(repeating: .nan, count: 7)
        let s = try Self.statistics([low, ok], codes: ["low", "ok"])
        #expect(s["low"]?.n == 12 && s["low"]?.availability == 0.6)
        #expect(s["ok"]?.n == 13 && s["ok"]?.availability == 0.65)
        #expect(s["low"]?.flags == [.lowAvailability])
        #expect(s["ok"]?.flags == [])
        // Statistics over the observed values only: 1…12 has mean 6.5, median 6.5, sd √13 = 3.6056.
        #expect(close(s["low"]!.mean, 6.5) && close(s["low"]!.median, 6.5) && close(s["low"]!.sd, 13.0.squareRoot()))
    }

    @Test("mostly zeros: 6 of 10 flagged, 5 of 10 not, 5 of 8 observed flagged")
    func zeros() throws {
        let six: [Double] = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4]
        let five: [Double] = [0, 0, 0, 0, 0, 1, 2, 3, 4, 5]
        let missing: [Double] = [0, 0, 0, 0, 0, 1, 2, 3, .nan, .nan]
        let s = try Self.statistics([six, five, missing], codes: ["six", "five", "missing"])
        #expect(s["six"]?.zeros == 6 && s["six"]?.flags == [.mostlyZeros])
        #expect(s["five"]?.zeros == 5 && s["five"]?.flags == [], "exactly half is not more than half")
        // The share is of observed values: 5/8 = 0.625.
        #expect(s["missing"]?.zeros == 5 && s["missing"]?.n == 8 && s["missing"]?.flags == [.mostlyZeros])
        #expect(s["six"]?.unique == 5 && s["missing"]?.unique == 4)
    }

    /// a, b under P1 (r = 0.903); c, d under P2 (r = 0.893); c = 2a + 1 sits under the other parent.
    static func collinearBuild() throws -> BuildResult {
        let a = (1...10).map(Double.init)
        let b: [Double] = [3, 1, 2, 5, 4, 8, 6, 7, 10, 9]
        let c = a.map { 2 * $0 + 1 }
        let d: [Double] = [5, 1, 7, 3, 11, 9, 15, 13, 21, 17]
        let dataset = try K.dataset(
            nodes: [K.indicator("a", parent: "P1"), K.indicator("b", parent: "P1"), K.indicator("c", parent: "P2"), K.indicator("d", parent: "P2"),
                    K.aggregate("P1", level: 2, parent: "Idx"), K.aggregate("P2", level: 2, parent: "Idx"), K.aggregate("Idx", level: 3)],
            columns: [a, b, c, d])
        return try K.build(dataset, [.aggregate(Aggregate())])
    }

    @Test("collinear siblings: r = 0.903 flagged both ways, r = 0.893 not, non-siblings never")
    func collinear() throws {
        let result = try Self.collinearBuild()
        let stats = IndicatorStatistics.of(result.stages[0], in: result)
        let s = Dictionary(uniqueKeysWithValues: stats.map { ($0.code, $0) })
        #expect(stats.count == 4, "the raw stage has the indicators only")
        // a and b are permutations of 1…10: r = 1 − 6Σd²/(n(n² − 1)) with d = b − a =
        // [2, −1, −1, 1, −1, 2, −1, −1, 1, −1], Σd² = 16, so r = 1 − 96/990 = 0.903030… (scipy.stats.pearsonr: 0.9030303030303026).
        let r = 1 - 96.0 / 990
        guard case let .collinear(with, ra)? = s["a"]?.flags.first, s["a"]?.flags.count == 1 else {
            Issue.record("a: \(s["a"]?.flags ?? [])"); return
        }
        #expect(with == "b" && close(ra, r, relative: 1e-12))
        guard case let .collinear(withB, rb)? = s["b"]?.flags.first, s["b"]?.flags.count == 1 else {
            Issue.record("b: \(s["b"]?.flags ?? [])"); return
        }
        #expect(withB == "a" && close(rb, r, relative: 1e-12))
        #expect(s["a"]!.flags[0].description == "collinear with b (r = 0.903)")
        // r(c, d) = 0.893370572567264 (scipy) is below 0.9; r(a, c) = 1 but they are not siblings.
        #expect(close(Correlation.of(result.stages[0].values.column(2), result.stages[0].values.column(3)).r, 0.893370572567264, relative: 1e-12))
        #expect(s["c"]?.flags == [] && s["d"]?.flags == [])

        // At the aggregated stage the pillars are siblings too: r(P1, P2) = 0.9524126779938554 (scipy).
        let aggregated = Dictionary(uniqueKeysWithValues: IndicatorStatistics.of(result.stages[1], in: result).map { ($0.code, $0) })
        #expect(aggregated.count == 7)
        guard case let .collinear(withP, rp)? = aggregated["P1"]?.flags.first else { Issue.record("P1: \(aggregated["P1"]?.flags ?? [])"); return }
        #expect(withP == "P2" && close(rp, 0.9524126779938554, relative: 1e-12))
        #expect(aggregated["Idx"]?.flags == [], "the top has no siblings")
    }

    @Test("denominator correlation: |r| = 0.612 flagged (negative too), 0.588 not")
    func denominators() throws {
        let pop = (1...10).map { Double($0) * 10 }
        let area: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
        // e = 11 − [5, 2, 3, 4, 1, 10, 7, 8, 9, 6]: that permutation has Σd² = 4·16 = 64 against 1…10,
        // so r(e, pop) = −(1 − 6·64/990) = −0.612121…; f = [6, 2, 3, 4, 5, 1, 10, 8, 9, 7] has
        // Σd² = 25 + 25 + 9 + 9 = 68, r(f, pop) = 1 − 6·68/990 = 0.587878…
        // scipy.stats.pearsonr: −0.6121212121212121, 0.5878787878787878; with area −0.572, −0.156.
        let e: [Double] = [6, 9, 8, 7, 10, 1, 4, 3, 2, 5]
        let f: [Double] = [6, 2, 3, 4, 5, 1, 10, 8, 9, 7]
        let s = try Self.statistics([e, f], codes: ["e", "f"], denominators: [("Area", area), ("Pop", pop)])
        guard case let .denominatorCorrelated(name, r)? = s["e"]?.flags.first, s["e"]?.flags.count == 1 else {
            Issue.record("e: \(s["e"]?.flags ?? [])"); return
        }
        #expect(name == "Pop" && close(r, -(1 - 384.0 / 990), relative: 1e-12), "\(name) \(r)")
        #expect(s["f"]?.flags == [])
        // A stricter limit catches f as well.
        var strict = AuditThresholds()
        strict.denominator = 0.58
        let t = try Self.statistics([e, f], codes: ["e", "f"], denominators: [("Area", area), ("Pop", pop)], thresholds: strict)
        guard case let .denominatorCorrelated(nameF, rf)? = t["f"]?.flags.first, t["f"]?.flags.count == 1 else {
            Issue.record("f: \(t["f"]?.flags ?? [])"); return
        }
        #expect(nameF == "Pop" && close(rf, 1 - 408.0 / 990, relative: 1e-12), "\(nameF) \(rf)")
    }
}
