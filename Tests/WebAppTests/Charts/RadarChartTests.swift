import Testing
@testable import WebApp

@Suite("RadarChart")
struct RadarChartTests {
    let square = RadarChart(title: "Factors", axes: [
        .init("Broadband", 50), .init("Knowledge", 50), .init("Innovation", 50), .init("Inclusion", 50),
    ])

    @Test("four axes at 50 on 0–100 with radius 160 make a square of half-radius around (340, 240)")
    func geometry() {
        let parsed = parseSVG(square.svg())
        let series = parsed.first("polygon") { $0.attributes["class"] == "series" }
        #expect(series?.attributes["points"] == "340,160 420,240 340,320 260,240")
        let rings = parsed.all("polygon").filter { $0.attributes["class"] == nil }
        #expect(rings.count == 4)
        #expect(rings.last?.attributes["points"] == "340,80 500,240 340,400 180,240")
        #expect(rings.first?.attributes["points"] == "340,200 380,240 340,280 300,240")
        #expect(parsed.root?.attributes["viewBox"] == "0 0 680 480")
        // Spokes from the centre to the outer ring.
        #expect(parsed.all("line").count == 4)
        #expect(parsed.all("circle").count == 4)
        // Ring values along the upward axis.
        #expect(["25", "50", "75", "100"].allSatisfy(parsed.texts.contains))
    }

    @Test("three axes: the first straight up, then clockwise")
    func triangle() {
        let chart = RadarChart(title: "t", axes: [.init("a", 100), .init("b", 100), .init("c", 0)])
        let points = parseSVG(chart.svg()).first("polygon") { $0.attributes["class"] == "series" }?.attributes["points"]
        // (340 + 160·cos 30°, 240 + 160·sin 30°) = (478.56, 320); c at the centre.
        #expect(points == "340,80 478.56,320 340,240")
        let labels = parseSVG(chart.svg()).all("text").filter { $0.attributes["font-weight"] == "600" }
        #expect(labels.map { $0.attributes["text-anchor"] ?? "start" } == ["middle", "start", "end"])
    }

    @Test("title and desc carry the values; labels carry them too")
    func words() {
        let chart = RadarChart(title: "Factors", axes: [.init("Broadband", 62.25), .init("Knowledge", 48), .init("Innovation", 71)])
        let parsed = parseSVG(chart.svg())
        #expect(parsed.title == "Factors")
        #expect(parsed.desc == "Radar chart of 3 axes on a scale from 0 to 100. Broadband: 62.25. Knowledge: 48. Innovation: 71.")
        #expect(parsed.texts.contains("62.25"))
        expectAccessibleSVG(chart.svg())
        expectAccessibleSVG(square.svg())
    }

    @Test("labels are escaped")
    func escaping() {
        let chart = RadarChart(title: nastyLabel, axes: [.init(nastyLabel, 1), .init("b", 2), .init("c", 3)])
        let svg = chart.svg()
        #expect(svg.contains("Tom &amp; Jerry &lt;b&gt;") && !svg.contains("<b>"))
        #expect(parseSVG(svg).texts.contains(nastyLabel))
        expectAccessibleSVG(svg)
    }

    @Test("deterministic")
    func determinism() {
        let again = RadarChart(title: "Factors", axes: [.init("Broadband", 50), .init("Knowledge", 50), .init("Innovation", 50), .init("Inclusion", 50)])
        #expect(square.svg() == again.svg())
    }

    @Test("NaN sits at the centre and says no data; out-of-scale values are clamped")
    func edges() {
        let chart = RadarChart(title: "t", axes: [.init("a", .nan), .init("b", 150), .init("c", -20), .init("d", 50)])
        let parsed = parseSVG(chart.svg())
        #expect(parsed.first("polygon") { $0.attributes["class"] == "series" }?.attributes["points"] == "340,240 500,240 340,240 260,240")
        #expect(parsed.texts.contains("no data") && parsed.texts.contains("150") && parsed.texts.contains("-20"))
        #expect(parsed.desc.contains("a: no data. b: 150 (above the scale, drawn at 100). c: -20 (below the scale, drawn at 0)."))
        #expect(parsed.all("circle").count == 3)     // no vertex dot for the NaN
        expectAccessibleSVG(chart.svg())
    }

    @Test("fewer than three axes fall back to a bar chart")
    func fallback() {
        let two = RadarChart(title: "Two", axes: [.init("a", 50), .init("b", 20)])
        let svg = two.svg()
        #expect(svg == BarChart(title: "Two", bars: [.init("a", 50), .init("b", 20)]).svg())
        #expect(parseSVG(svg).root?.attributes["class"] == "chart chart-bar")
        #expect(parseSVG(svg).all("rect").first?.attributes["width"] == "150")
        expectAccessibleSVG(svg)
        expectAccessibleSVG(RadarChart(title: "None", axes: []).svg())
        #expect(parseSVG(RadarChart(title: "None", axes: []).svg()).texts == ["No data"])
    }
}
