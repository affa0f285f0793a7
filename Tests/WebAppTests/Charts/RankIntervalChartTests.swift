import Testing
@testable import WebApp

@Suite("RankIntervalChart")
struct RankIntervalChartTests {
    let sample = RankIntervalChart(title: "Rank intervals", units: [
        .init("Alpha", rank: 1, low: 1, high: 3, median: 2),
        .init("Beta", rank: 6, low: 4, high: 11, median: 7.5),
    ], maxRank: 11)

    @Test("rank r sits at 180 + (r − 1)/(11 − 1)·300; rank 1 at the left")
    func geometry() {
        let parsed = parseSVG(sample.svg())
        let dots = parsed.all("circle").filter { $0.attributes["class"] == "rank" }
        #expect(dots.map { $0.attributes["cx"] } == ["180", "330"])
        #expect(dots.map { $0.attributes["cy"] } == ["20", "40"])
        let intervals = parsed.all("line").filter { $0.attributes["class"] == "interval" }
        #expect(intervals.map { $0.attributes["x1"] } == ["180", "270"])
        #expect(intervals.map { $0.attributes["x2"] } == ["240", "480"])
        #expect(sample.ticks == [1, 2, 4, 6, 8, 10])
        // Two rows of 20 from y = 10 end at 50; the legend's baseline is 56 below, the chart 10 below that.
        #expect(parsed.root?.attributes["viewBox"] == "0 0 520 116")
        // The legend shows one of each mark, apart from the data's.
        #expect(parsed.all("circle").filter { $0.attributes["class"] == "key" }.count == 1)
        #expect(parsed.all("polygon").filter { $0.attributes["class"] == "key" }.count == 1)
    }

    @Test("the median is a diamond of half-diagonal 6 at its rank: 2 → x 210, 7.5 → x 375; none when NaN")
    func median() {
        // x(2) = 180 + 1/10·300 = 210; x(7.5) = 180 + 6.5/10·300 = 375; rows at y 20 and 40.
        let medians = parseSVG(sample.svg()).all("polygon").filter { $0.attributes["class"] == "median" }
        #expect(medians.map { $0.attributes["points"] } == ["210,14 216,20 210,26 204,20", "375,34 381,40 375,46 369,40"])
        let without = RankIntervalChart(title: "t", units: [.init("A", rank: 1, low: 1, high: 3), .init("B", rank: 2, low: 1, high: 3, median: .infinity)], maxRank: 3)
        let parsed = parseSVG(without.svg())
        #expect(parsed.all("polygon").filter { $0.attributes["class"] == "median" }.isEmpty)
        #expect(parsed.all("circle").filter { $0.attributes["class"] == "rank" }.count == 2)
    }

    @Test("ordinals: 1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 101st 111th 112th 113th 121st; fractional ranks round")
    func ordinals() {
        let expected = [1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 10: "10th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd",
                        101: "101st", 111: "111th", 112: "112th", 113: "113th", 121: "121st", 1011: "1011th", 0: "0th"]
        for (n, text) in expected { #expect(ChartFormat.ordinal(n) == text, "\(n)") }
        #expect(ChartFormat.ordinal(rank: 11.5) == "12th")
        #expect(ChartFormat.ordinal(rank: 2.4) == "2nd")
        for bad in [Double.nan, .infinity, -.infinity, 0, -0.0, -3, 1e300] { #expect(ChartFormat.ordinal(rank: bad) == nil, "\(bad)") }
    }

    @Test("ticks follow a 1-2-5 step")
    func ticks() {
        let units = [RankIntervalChart.Unit("a", rank: 1, low: 1, high: 2)]
        #expect(RankIntervalChart(title: "", units: units, maxRank: 51).ticks == [1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50])
        #expect(RankIntervalChart(title: "", units: units, maxRank: 7).ticks == [1, 2, 3, 4, 5, 6, 7])
        #expect(RankIntervalChart(title: "", units: units, maxRank: 1).ticks == [1])
        #expect(RankIntervalChart(title: "", units: units).axisMax == 2)
    }

    @Test("the desc summarises: the most uncertain units with ordinal intervals and medians, and the least uncertain")
    func words() {
        let parsed = parseSVG(sample.svg())
        #expect(parsed.title == "Rank intervals")
        #expect(parsed.desc.contains("rank 1 at the left"))
        // Beta's interval (4–11) is wider than Alpha's (1–3).
        #expect(parsed.desc.contains("Ranks are most uncertain for Beta (4th–11th, median 8th) and Alpha (1st–3rd, median 2nd)."))
        expectAccessibleSVG(sample.svg())

        let many = RankIntervalChart(title: "t", units: [
            .init("A", rank: 1, low: 1, high: 1, median: 1), .init("B", rank: 2, low: 2, high: 12, median: 3),
            .init("C", rank: 3, low: 1, high: 22, median: 11), .init("D", rank: 4, low: 3, high: 5), .init("E", rank: 5, low: 5, high: 29, median: 12),
        ], maxRank: 30)
        #expect(many.description.hasSuffix("Ranks are most uncertain for E (5th–29th, median 12th), C (1st–22nd, median 11th) and B (2nd–12th, median 3rd). They are least uncertain for A (always 1st)."))
        let fixed = RankIntervalChart(title: "t", units: [.init("A", rank: 1, low: 1, high: 1), .init("B", rank: 2, low: 2, high: 2)])
        #expect(fixed.description.hasSuffix("Every unit keeps its rank in every run."))
    }

    @Test("labels are escaped")
    func escaping() {
        let svg = RankIntervalChart(title: nastyLabel, units: [.init(nastyLabel, rank: 2, low: 1, high: 3)]).svg()
        #expect(svg.contains("Tom &amp; Jerry &lt;b&gt;") && !svg.contains("<b>"))
        #expect(parseSVG(svg).texts.contains(nastyLabel))
        expectAccessibleSVG(svg)
    }

    @Test("deterministic")
    func determinism() {
        let again = RankIntervalChart(title: "Rank intervals", units: [.init("Alpha", rank: 1, low: 1, high: 3, median: 2), .init("Beta", rank: 6, low: 4, high: 11, median: 7.5)], maxRank: 11)
        #expect(sample.svg() == again.svg())
    }

    @Test("NaN rank, unknown interval, swapped percentiles, a single rank, no units")
    func edges() {
        let chart = RankIntervalChart(title: "t", units: [
            .init("Missing", rank: .nan, low: 1, high: 2),
            .init("Unknown", rank: 3, low: .nan, high: 5),
            .init("Swapped", rank: 2.5, low: 5, high: 1),
        ], maxRank: 5)
        let parsed = parseSVG(chart.svg())
        #expect(parsed.texts.contains("no data"))
        #expect(parsed.all("circle").filter { $0.attributes["class"] == "rank" }.map { $0.attributes["cx"] } == ["330", "292.5"])
        let intervals = parsed.all("line").filter { $0.attributes["class"] == "interval" }
        #expect(intervals.count == 1 && intervals[0].attributes["x1"] == "180" && intervals[0].attributes["x2"] == "480")
        #expect(parsed.desc.contains("Ranks are most uncertain for Swapped (1st–5th)."))
        #expect(parsed.desc.hasSuffix("No data for Missing. Interval unknown for Unknown."))
        expectAccessibleSVG(chart.svg())

        let one = RankIntervalChart(title: "one", units: [.init("Only", rank: 1, low: 1, high: 1)])
        #expect(parseSVG(one.svg()).all("circle").first?.attributes["cx"] == "180")
        expectAccessibleSVG(one.svg())

        let empty = RankIntervalChart(title: "none", units: []).svg()
        expectAccessibleSVG(empty)
        #expect(parseSVG(empty).texts == ["No data"])

        let huge = RankIntervalChart(title: "huge", units: [.init("x", rank: 1e300, low: 1, high: .infinity)])
        expectAccessibleSVG(huge.svg())
    }
}
