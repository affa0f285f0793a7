import Testing
@testable import WebApp

@Suite("BarChart")
struct BarChartTests {
    let sample = BarChart(title: "Pillar scores", bars: [
        .init("Broadband", 50, comparison: 40),
        .init("Skills", 75.5),
    ])

    @Test("a value of 50 on 0–100 over a plot 300 wide is a bar 150 wide")
    func geometry() {
        let parsed = parseSVG(sample.svg())
        let rects = parsed.all("rect")
        #expect(rects.count == 2)
        #expect(rects[0].attributes["x"] == "180")
        #expect(rects[0].attributes["width"] == "150")
        #expect(rects[0].attributes["y"] == "16")          // top 10 + (28 − 16)/2
        #expect(rects[0].attributes["height"] == "16")
        #expect(rects[1].attributes["width"] == "226.5")    // 75.5% of 300
        #expect(rects[1].attributes["y"] == "44")
        // The value at the bar's end, 6 to the right.
        let value = parsed.first("text") { $0.attributes["class"] == "value" }
        #expect(value?.text == "50")
        #expect(value?.attributes["x"] == "336")
        // The comparison marker at 40 → x = 180 + 120.
        let marker = parsed.first("line") { $0.attributes["class"] == "comparison" }
        #expect(marker?.attributes["x1"] == "300" && marker?.attributes["x2"] == "300")
        #expect(parsed.all("line").filter { $0.attributes["class"] == "comparison" }.count == 1)
        #expect(parsed.root?.attributes["viewBox"] == "0 0 590 116")
        #expect(parsed.texts.contains("Peer median"))
        #expect(sample.barWidth(50) == 150)
    }

    @Test("a value is printed past the comparison marker when the marker lies beyond the bar")
    func valuePastMarker() {
        let chart = BarChart(title: "t", bars: [.init("Skills", 75.5, comparison: 80)])
        let value = parseSVG(chart.svg()).first("text") { $0.attributes["class"] == "value" }
        // Marker at 180 + 240 = 420, 3 wide: the value starts at 420 + 1.5 + 6.
        #expect(value?.attributes["x"] == "427.5")
    }

    @Test("title and desc carry the values")
    func words() {
        let parsed = parseSVG(sample.svg())
        #expect(parsed.title == "Pillar scores")
        #expect(parsed.desc == "Horizontal bar chart on a scale from 0 to 100. Broadband: 50; peer median 40. Skills: 75.5.")
        expectAccessibleSVG(sample.svg())
    }

    @Test("labels are escaped")
    func escaping() {
        let chart = BarChart(title: nastyLabel, bars: [.init(nastyLabel, 10)], comparisonLabel: nastyLabel)
        let svg = chart.svg()
        #expect(svg.contains("Tom &amp; Jerry &lt;b&gt;"))
        #expect(!svg.contains("<b>"))
        let parsed = parseSVG(svg)
        #expect(parsed.title == nastyLabel)
        #expect(parsed.texts.contains(nastyLabel))
        #expect(parsed.desc.contains("Tom & Jerry <b>: 10"))
        expectAccessibleSVG(svg)
    }

    @Test("the same input gives the same bytes; other input another id")
    func determinism() {
        let again = BarChart(title: "Pillar scores", bars: [.init("Broadband", 50, comparison: 40), .init("Skills", 75.5)])
        #expect(sample.svg() == again.svg())
        #expect(sample.svg() == sample.svg())
        let other = BarChart(title: "Pillar scores", bars: [.init("Broadband", 51)])
        let id = { (s: String) in parseSVG(s).root?.attributes["aria-labelledby"] }
        #expect(id(sample.svg()) != id(other.svg()))
        let named = BarChart(title: "x", bars: [.init("a", 1)], id: "pillars")
        #expect(id(named.svg()) == "pillars-title pillars-desc")
    }

    @Test("NaN shows no data and no bar; its comparison still shows")
    func nan() {
        let chart = BarChart(title: "t", bars: [.init("Inclusion", .nan, comparison: 60)])
        let parsed = parseSVG(chart.svg())
        #expect(parsed.all("rect").isEmpty)
        #expect(parsed.texts.contains("no data"))
        #expect(parsed.desc.contains("Inclusion: no data; peer median 60."))
        #expect(parsed.first("line") { $0.attributes["class"] == "comparison" }?.attributes["x1"] == "360")
        let nanComparison = parseSVG(BarChart(title: "t", bars: [.init("a", 10, comparison: .nan)]).svg())
        #expect(nanComparison.first("line") { $0.attributes["class"] == "comparison" } == nil)
        #expect(!nanComparison.texts.contains("Peer median"))
        expectAccessibleSVG(chart.svg())
        expectAccessibleSVG(BarChart(title: "t", bars: [.init("a", .infinity)]).svg())
    }

    @Test("values outside the scale are clamped and printed as they are")
    func clamping() {
        let chart = BarChart(title: "t", bars: [.init("Low", -5), .init("High", 120), .init("Zero", 0)])
        let parsed = parseSVG(chart.svg())
        let rects = parsed.all("rect")
        #expect(rects.count == 1)                             // no zero-width bars
        #expect(rects[0].attributes["width"] == "300")
        let values = parsed.all("text").filter { $0.attributes["class"] == "value" }
        #expect(values.map(\.text) == ["-5", "120", "0"])
        #expect(values[0].attributes["x"] == "186")
        #expect(values[1].attributes["x"] == "486")
        #expect(parsed.desc.contains("Low: -5 (below the scale, drawn at 0)."))
        #expect(parsed.desc.contains("High: 120 (above the scale, drawn at 100)."))
        expectAccessibleSVG(chart.svg())
    }

    @Test("other scales and layouts")
    func scales() {
        let chart = BarChart(title: "z", bars: [.init("a", 0)], scale: -2...2, plotWidth: 400)
        #expect(parseSVG(chart.svg()).all("rect").first?.attributes["width"] == "200")
        let degenerate = BarChart(title: "d", bars: [.init("a", 5)], scale: 5...5)
        expectAccessibleSVG(degenerate.svg())
        let long = BarChart(title: "l", bars: [.init(String(repeating: "x", count: 40), 5)])
        let parsed = parseSVG(long.svg())
        #expect(parsed.texts.contains(String(repeating: "x", count: 23) + "…"))
        #expect(parsed.first("title") { $0.depth > 1 }?.text == String(repeating: "x", count: 40))
    }

    @Test("no bars: a valid chart saying no data")
    func empty() {
        let svg = BarChart(title: "Nothing", bars: []).svg()
        expectAccessibleSVG(svg)
        let parsed = parseSVG(svg)
        #expect(parsed.texts == ["No data"])
        #expect(parsed.desc == "No data.")
        #expect(parsed.title == "Nothing")
        #expect(parseSVG(BarChart(title: "", bars: []).svg()).title == "Bar chart")
    }
}
