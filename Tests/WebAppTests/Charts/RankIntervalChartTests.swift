import Testing
@testable import WebApp

@Suite("RankIntervalChart")
struct RankIntervalChartTests {
    let sample = RankIntervalChart(title: "Rank intervals", units: [
        .init("Alpha", rank: 1, low: 1, high: 3),
        .init("Beta", rank: 6, low: 4, high: 11),
    ], maxRank: 11)

    @Test("rank r sits at 180 + (r − 1)/(11 − 1)·300; rank 1 at the left")
    func geometry() {
        let parsed = parseSVG(sample.svg())
        let dots = parsed.all("circle")
        #expect(dots.map { $0.attributes["cx"] } == ["180", "330"])
        #expect(dots.map { $0.attributes["cy"] } == ["20", "40"])
        let intervals = parsed.all("line").filter { $0.attributes["class"] == "interval" }
        #expect(intervals.map { $0.attributes["x1"] } == ["180", "270"])
        #expect(intervals.map { $0.attributes["x2"] } == ["240", "480"])
        #expect(sample.ticks == [1, 2, 4, 6, 8, 10])
        #expect(parsed.root?.attributes["viewBox"] == "0 0 520 90")
    }

    @Test("ticks follow a 1-2-5 step")
    func ticks() {
        let units = [RankIntervalChart.Unit("a", rank: 1, low: 1, high: 2)]
        #expect(RankIntervalChart(title: "", units: units, maxRank: 51).ticks == [1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50])
        #expect(RankIntervalChart(title: "", units: units, maxRank: 7).ticks == [1, 2, 3, 4, 5, 6, 7])
        #expect(RankIntervalChart(title: "", units: units, maxRank: 1).ticks == [1])
        #expect(RankIntervalChart(title: "", units: units).axisMax == 2)
    }

    @Test("title and desc carry the ranks and say where rank 1 is")
    func words() {
        let parsed = parseSVG(sample.svg())
        #expect(parsed.title == "Rank intervals")
        #expect(parsed.desc.contains("rank 1 at the left"))
        #expect(parsed.desc.contains("Alpha: rank 1, 5th to 95th percentile rank 1 to 3."))
        #expect(parsed.desc.contains("Beta: rank 6, 5th to 95th percentile rank 4 to 11."))
        expectAccessibleSVG(sample.svg())
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
        let again = RankIntervalChart(title: "Rank intervals", units: [.init("Alpha", rank: 1, low: 1, high: 3), .init("Beta", rank: 6, low: 4, high: 11)], maxRank: 11)
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
        #expect(parsed.all("circle").map { $0.attributes["cx"] } == ["330", "292.5"])
        let intervals = parsed.all("line").filter { $0.attributes["class"] == "interval" }
        #expect(intervals.count == 1 && intervals[0].attributes["x1"] == "180" && intervals[0].attributes["x2"] == "480")
        #expect(parsed.desc.contains("Missing: no data. Unknown: rank 3, interval unknown. Swapped: rank 2.5, 5th to 95th percentile rank 1 to 5."))
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
