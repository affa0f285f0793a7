import Testing
@testable import IndexEngine

/// `Moments`: mean, sample sd, COINr's sample-adjusted skewness (G1) and excess kurtosis (G2), median.
@Suite("Statistics: moments")
struct MomentsTests {
    // x = [1, 2, 3, 4, 10]: mean 20/5 = 4; d = x − 4 = [−3, −2, −1, 0, 6]
    // Σd² = 9+4+1+0+36 = 50, Σd³ = −27−8−1+0+216 = 180, Σd⁴ = 81+16+1+0+1296 = 1394
    // m2 = 50/5 = 10, m3 = 36, m4 = 278.8
    // sd = √(50/4) = √12.5
    // g1 = 36/10^1.5 = 3.6/√10;  G1 = g1·√(5·4)/3 = 3.6/√10·2√5/3 = 1.2·√2 = 1.697056…
    // g2 = 278.8/100 − 3 = −0.212;  G2 = (6·(−0.212) + 6)·4/(3·2) = 4.728·4/6 = 3.152
    // (scipy.stats.skew(x, bias=False) = 1.6970562748477143, kurtosis(x, bias=False) = 3.152000000000001)
    static let x: [Double] = [1, 2, 3, 4, 10]

    @Test("mean, sd, skewness and kurtosis of a small column, computed by hand")
    func handComputed() {
        StepKit.on(Self.x) { b in
            #expect(Moments.count(b) == 5)
            #expect(Moments.mean(b) == 4)
            #expect(close(Moments.standardDeviation(b), 12.5.squareRoot()))
            #expect(close(Moments.skewness(b), 1.2 * 2.0.squareRoot()))
            #expect(close(Moments.kurtosis(b), 3.152, relative: 1e-12))
            let (n, m2, m3, m4) = Moments.centralMoments(b)
            #expect(n == 5 && m2 == 10 && m3 == 36 && close(m4, 278.8))
            #expect(Moments.median(b) == 3)
            #expect(Moments.range(b)! == (1, 10))
        }
    }

    @Test("missing values are skipped by every statistic")
    func missingSkipped() {
        let withGaps: [Double] = [.nan, 1, 2, .nan, 3, 4, 10, .nan]
        StepKit.on(withGaps) { b in
            #expect(Moments.count(b) == 5)
            #expect(Moments.mean(b) == 4)
            #expect(close(Moments.standardDeviation(b), 12.5.squareRoot()))
            #expect(close(Moments.skewness(b), 1.2 * 2.0.squareRoot()))
            #expect(close(Moments.kurtosis(b), 3.152, relative: 1e-12))
            #expect(Moments.median(b) == 3)
            #expect(Moments.range(b)! == (1, 10))
        }
    }

    @Test("a less regular column agrees with scipy (bias=False) and numpy")
    func agreesWithScipy() {
        // numpy: mean 5.1875, std(ddof=1) 4.391692644723022, median (3.3+4.4)/2 = 3.85
        // scipy: skew(x, bias=False) 0.7781142657143645, kurtosis(x, bias=False) −0.5187794903283969
        let x: [Double] = [2.5, 0.3, 7.1, 4.4, 9.9, 1.2, 3.3, 12.8]
        StepKit.on(x) { b in
            #expect(close(Moments.mean(b), 5.1875))
            #expect(close(Moments.standardDeviation(b), 4.391692644723022, relative: 1e-13))
            #expect(close(Moments.skewness(b), 0.7781142657143645, relative: 1e-12))
            #expect(close(Moments.kurtosis(b), -0.5187794903283969, relative: 1e-12))
            #expect(close(Moments.median(b), 3.85))
        }
    }

    @Test("a symmetric column: skew 0; kurtosis −1.2 for 1…5 and for 1…4")
    func symmetric() {
        // [1..5]: d = −2…2, Σd² = 10, Σd⁴ = 34, m2 = 2, m4 = 6.8, g2 = 6.8/4 − 3 = −1.3
        //         G2 = (6·(−1.3) + 6)·4/(3·2) = −1.8·4/6 = −1.2
        // [1..4]: d = ±0.5, ±1.5, m2 = 5/4, m4 = 10.25/4, g2 = 2.5625/1.5625 − 3 = −1.36
        //         G2 = (5·(−1.36) + 6)·3/(2·1) = −0.8·1.5 = −1.2
        StepKit.on([1, 2, 3, 4, 5]) { b in
            #expect(Moments.skewness(b) == 0)
            #expect(close(Moments.kurtosis(b), -1.2, relative: 1e-12))
        }
        StepKit.on([4, 1, 3, 2]) { b in
            #expect(Moments.skewness(b) == 0)
            #expect(close(Moments.kurtosis(b), -1.2, relative: 1e-12))
            #expect(Moments.median(b) == 2.5, "the mean of the two middle values")
        }
    }

    @Test("skewness needs 3 values and kurtosis 4, as COINr's skew and kurt")
    func smallSamples() {
        StepKit.on([1, 2, 3]) { b in
            #expect(Moments.skewness(b) == 0, "three values: d = −1, 0, 1, Σd³ = 0")
            #expect(Moments.kurtosis(b).isNaN)
        }
        StepKit.on([1, .nan, 5]) { b in
            #expect(Moments.skewness(b).isNaN)
            #expect(Moments.kurtosis(b).isNaN)
            #expect(Moments.mean(b) == 3)
            #expect(close(Moments.standardDeviation(b), 8.0.squareRoot()), "d = ±2, Σd² = 8, divisor 1")
        }
    }

    @Test("one unit: the mean and median are its value; the sd is missing")
    func oneValue() {
        StepKit.on([.nan, 7.5]) { b in
            #expect(Moments.count(b) == 1)
            #expect(Moments.mean(b) == 7.5)
            #expect(Moments.median(b) == 7.5)
            #expect(Moments.standardDeviation(b).isNaN)
            #expect(Moments.skewness(b).isNaN && Moments.kurtosis(b).isNaN)
            #expect(Moments.range(b)! == (7.5, 7.5))
        }
    }

    @Test("a constant column: sd 0, skewness and kurtosis 0/0 = missing")
    func constant() {
        StepKit.on([5, 5, 5, 5, 5]) { b in
            #expect(Moments.mean(b) == 5)
            #expect(Moments.standardDeviation(b) == 0)
            #expect(Moments.skewness(b).isNaN)
            #expect(Moments.kurtosis(b).isNaN)
            #expect(Moments.median(b) == 5)
        }
    }

    @Test("an all-missing or empty column: everything is missing, the range is nil")
    func allMissing() {
        for x: [Double] in [[.nan, .nan, .nan], []] {
            StepKit.on(x) { b in
                #expect(Moments.count(b) == 0)
                #expect(Moments.mean(b).isNaN)
                #expect(Moments.standardDeviation(b).isNaN)
                #expect(Moments.skewness(b).isNaN)
                #expect(Moments.kurtosis(b).isNaN)
                #expect(Moments.median(b).isNaN)
                #expect(Moments.range(b) == nil)
            }
        }
    }

    @Test("the median of an odd count is the middle value, of an even count the mean of the middle two")
    func median() {
        StepKit.on([9, .nan, 1, 4]) { b in #expect(Moments.median(b) == 4) }
        StepKit.on([9, 1, 4, 2]) { b in #expect(Moments.median(b) == 3, "(2 + 4)/2") }
        StepKit.on([-3, -3, 8, 8]) { b in #expect(Moments.median(b) == 2.5, "(−3 + 8)/2") }
    }
}
