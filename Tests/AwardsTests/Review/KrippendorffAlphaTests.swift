import Testing
@testable import Awards

@Suite("Krippendorff's alpha")
struct KrippendorffAlphaTests {
    private let m = Double.nan

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units.
    private var published: [[Double]] {
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
            [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m],
        ]
    }

    @Test("the published example: nominal .743, ordinal .815, interval .849, ratio .797")
    func publishedExample() throws {
        // Reference values to full precision from the `krippendorff` Python package (0.8.1),
        // which agree with the paper's three-decimal figures.
        let expected: [KrippendorffAlpha.Metric: Double] = [
            .nominal: 0.743421052631579, .ordinal: 0.8153875037548814,
            .interval: 0.8491071428571428, .ratio: 0.7974027747116121,
        ]
        for (metric, value) in expected {
            let result = try KrippendorffAlpha(reliabilityData: published, metric: metric)
            #expect(abs(result.alpha - value) < 1e-12, "\(metric): \(result.alpha)")
            #expect(result.pairableValues == 40)
        }
        #expect(abs(try KrippendorffAlpha.of(published) - 0.8491071428571428) < 1e-12)
    }

    @Test("a second data set with missing values and fractional scores matches the reference package")
    func secondDataSet() throws {
        let data: [[Double]] = [
            [3, 4, m, 2, 5, 1, m, 3, 4, 2],
            [3, 5, 2, 2, 4, m, 1, 3, 5, m],
            [m, 4, 2, 3, 5, 2, 1, m, 4, 1],
        ]
        #expect(abs(try KrippendorffAlpha.of(data, metric: .nominal) - 0.3973799126637554) < 1e-12)
        #expect(abs(try KrippendorffAlpha.of(data, metric: .ordinal) - 0.877437641723356) < 1e-12)
        #expect(abs(try KrippendorffAlpha.of(data, metric: .interval) - 0.8661493695441319) < 1e-12)
        #expect(abs(try KrippendorffAlpha.of(data, metric: .ratio) - 0.7909590897491178) < 1e-12)
        let fractional: [[Double]] = [[1.5, 2.25, m, 4.0], [1.5, 3.0, 2.0, 4.5], [2.0, m, 2.5, m]]
        #expect(abs(try KrippendorffAlpha.of(fractional) - 0.8703703703703703) < 1e-12)
    }

    @Test("perfect agreement gives 1; no variation and too little data give NaN")
    func boundaries() throws {
        #expect(try KrippendorffAlpha.of([[1, 2, 3], [1, 2, 3]]) == 1)
        #expect(try KrippendorffAlpha.of([[4, 4, 4], [4, 4, m]]).isNaN)
        let single = try KrippendorffAlpha(reliabilityData: [[1, m], [m, 2]], metric: .interval)
        #expect(single.alpha.isNaN && single.pairableValues == 0)
        #expect(try KrippendorffAlpha.of([]).isNaN)
    }

    @Test("systematic disagreement drives alpha below zero")
    func belowChance() throws {
        #expect(try KrippendorffAlpha.of([[1, 5, 1, 5], [5, 1, 5, 1]]) < 0)
    }

    @Test("ragged rows and infinite values are errors")
    func errors() {
        #expect(throws: AwardsError.self) { try KrippendorffAlpha.of([[1, 2], [1]]) }
        #expect(throws: AwardsError.self) { try KrippendorffAlpha.of([[1, .infinity], [1, 2]]) }
    }
}
