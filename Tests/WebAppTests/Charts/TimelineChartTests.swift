import Awards
import Testing
@testable import WebApp

@Suite("TimelineChart")
struct TimelineChartTests {
    let sample = TimelineChart(title: "Eindhoven", years: 2018...2024, stages: [
        2019: .smart21, 2020: .top7, 2021: .communityOfTheYear, 2023: .smart21,
    ])

    @Test("seven years over 420 make columns of 60; markers grow with the stage")
    func geometry() {
        let parsed = parseSVG(sample.svg())
        let markers = parsed.elements.filter { $0.name == "circle" && $0.attributes["cy"] == "24" }
        #expect(markers.count == 7)
        #expect(markers.map { $0.attributes["cx"] } == ["50", "110", "170", "230", "290", "350", "410"])
        #expect(markers.map { $0.attributes["r"] } == ["3", "5", "7", "9", "3", "5", "3"])
        #expect(markers[3].attributes["fill"] == ChartPalette.communityOfTheYear)
        #expect(markers[0].attributes["fill"] == "#ffffff" && markers[0].attributes["stroke"] == ChartPalette.faint)
        #expect(parsed.all("circle").count == 11)  // and four in the legend
        // One streak, 2019–2021, joined by a line; 2023 stands alone.
        let streaks = parsed.all("line").filter { $0.attributes["class"] == "streak" }
        #expect(streaks.count == 1)
        #expect(streaks[0].attributes["x1"] == "110" && streaks[0].attributes["x2"] == "230")
        #expect(sample.streaks(sample.rows[0]) == [2019...2021, 2023...2023])
        #expect(parsed.texts.filter { $0.hasPrefix("20") } == (2018...2024).map(String.init))
        #expect(parsed.root?.attributes["viewBox"] == "0 0 460 98")
    }

    @Test("a legend names every stage with its marker")
    func legend() {
        let parsed = parseSVG(sample.svg())
        let legend = parsed.elements.filter { $0.depth == 2 && ($0.name == "text" || $0.name == "circle") }.suffix(8)
        #expect(legend.filter { $0.name == "text" }.map(\.text) == ["Not recognised", "Smart21", "Top7", "Community of the Year"])
        #expect(legend.filter { $0.name == "circle" }.map { $0.attributes["r"] } == ["3", "5", "7", "9"])
    }

    @Test("title and desc name the stages, years and streaks")
    func words() {
        let parsed = parseSVG(sample.svg())
        #expect(parsed.title == "Eindhoven")
        #expect(parsed.desc == "Awards stages reached each year from 2018 to 2024: Smart21, then Top7, then Community of the Year (the highest). Smart21 in 2019, Top7 in 2020, Community of the Year in 2021 and Smart21 in 2023; streak of 3 years (2019–2021).")
        expectAccessibleSVG(sample.svg())
    }

    @Test("several labelled rows; labels escaped")
    func rows() {
        let chart = TimelineChart(title: nastyLabel, years: 2018...2020, rows: [
            .init(nastyLabel, stages: [2018: .top7]),
            .init("Taipei", stages: [:]),
        ])
        let svg = chart.svg()
        #expect(svg.contains("Tom &amp; Jerry &lt;b&gt;") && !svg.contains("<b>"))
        let parsed = parseSVG(svg)
        #expect(parsed.texts.contains(nastyLabel) && parsed.texts.contains("Taipei"))
        #expect(parsed.desc.contains("Tom & Jerry <b>: Top7 in 2018. Taipei: not recognised in any year."))
        // Three years over 420: columns of 140 from x = 160.
        let firstRow = parsed.elements.filter { $0.name == "circle" && $0.attributes["cy"] == "24" }
        #expect(firstRow.map { $0.attributes["cx"] } == ["230", "370", "510"])
        #expect(parsed.elements.filter { $0.name == "circle" && $0.attributes["cy"] == "56" }.count == 3)
        expectAccessibleSVG(svg)
    }

    @Test("deterministic")
    func determinism() {
        let again = TimelineChart(title: "Eindhoven", years: 2018...2024, stages: [2023: .smart21, 2021: .communityOfTheYear, 2020: .top7, 2019: .smart21])
        #expect(sample.svg() == again.svg())
    }

    @Test("edge cases: years outside the range, a single year, long ranges, no rows")
    func edges() {
        let outside = TimelineChart(title: "t", years: 2020...2021, stages: [2010: .top7, 2021: .smart21])
        #expect(parseSVG(outside.svg()).desc.contains("Smart21 in 2021; 1 recognition outside these years not shown."))
        expectAccessibleSVG(outside.svg())

        let single = TimelineChart(title: "t", years: 2024...2024, stages: [2024: .communityOfTheYear])
        #expect(parseSVG(single.svg()).all("circle").first?.attributes["cx"] == "230")
        expectAccessibleSVG(single.svg())

        let long = TimelineChart(title: "t", years: 1800...2024, stages: [2024: .smart21])
        #expect(long.shownYears == 1925...2024)
        expectAccessibleSVG(long.svg())
        let absurd = TimelineChart(title: "t", years: Int.min...Int.max, stages: [:])
        #expect(absurd.shownYears.count == 100)

        let empty = TimelineChart(title: "none", years: 2018...2024, rows: []).svg()
        expectAccessibleSVG(empty)
        #expect(parseSVG(empty).texts == ["No data"])
    }

    @Test("stages convert from the awards' stages")
    func conversion() {
        for stage in AwardStage.allCases {
            let converted = TimelineChart.Stage(rawValue: stage.rawValue)
            #expect(converted?.title(.english) == stage.title)
            #expect(converted?.order == stage.order)
        }
    }
}
