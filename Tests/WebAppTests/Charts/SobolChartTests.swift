import Foundation
import IndexEngine
import Testing
@testable import WebApp

@Suite("SobolChart")
struct SobolChartTests {
    let sample = SobolChart(title: "Sensitivity", inputs: [
        .init("Weights", SobolIndex(first: 0.25, total: 0.5, firstLow: 0.1, firstHigh: 0.4, totalLow: 0.45, totalHigh: 0.6)),
        .init("Normalisation method", SobolIndex(first: -0.02, total: 1.04, firstLow: -0.1, firstHigh: 0.05, totalLow: 0.9, totalHigh: 1.2)),
        .init("Aggregation method", SobolIndex(first: .nan, total: .nan, firstLow: .nan, firstHigh: .nan, totalLow: .nan, totalHigh: .nan)),
    ])

    @Test("a value v sits at 200 + 300·v: bars from x 200, first order at rowTop + 6, total order at rowTop + 20")
    func geometry() {
        let parsed = parseSVG(sample.svg())
        // Weights: 0.25 → 75 wide, 0.5 → 150; Normalisation: −0.02 drawn at 0 (width 0), 1.04 drawn at 1 (300).
        let first = parsed.all("rect").filter { $0.attributes["class"] == "first" }
        let total = parsed.all("rect").filter { $0.attributes["class"] == "total" }
        #expect(first.map { $0.attributes["width"] } == ["75", "0"])
        #expect(total.map { $0.attributes["width"] } == ["150", "300"])
        #expect(first.map { $0.attributes["y"] } == ["16", "56"])
        #expect(total.map { $0.attributes["y"] } == ["30", "70"])
        #expect(Set((first + total).map { $0.attributes["x"] }) == ["200"])
        // Error bars: Weights first 0.1…0.4 → 230…320; Normalisation total 0.9…1.2 → 470…500 (clamped).
        let ci = parsed.all("line").filter { $0.attributes["class"] == "ci" }
        #expect(ci.count == 4)
        #expect(ci.map { "\($0.attributes["x1"] ?? "")–\($0.attributes["x2"] ?? "")" } == ["230–320", "335–380", "200–215", "470–500"])
        #expect(ci.first?.attributes["y1"] == "22")
        // Three rows of 40 from y 10 end at 130; the legend's baseline is at 186, the chart 196 high.
        #expect(parsed.root?.attributes["viewBox"] == "0 0 550 196")
        expectAccessibleSVG(sample.svg())
    }

    @Test("values off the axis keep their true figures in the tooltips and the description; NaN says no data")
    func noise() {
        let parsed = parseSVG(sample.svg())
        #expect(parsed.desc.contains("Normalisation method: first order -0.02 (drawn at 0) (95 % interval -0.1 to 0.05); total order 1.04 (drawn at 1) (95 % interval 0.9 to 1.2)."))
        #expect(parsed.desc.contains("Aggregation method: first order no data; total order no data."))
        #expect(parsed.all("title").map(\.text).contains("Normalisation method, total order: 1.04 (drawn at 1) (95 % interval 0.9 to 1.2)"))
        #expect(parsed.texts.filter { $0 == "no data" }.count == 2)
    }

    @Test("no inputs give the shared empty chart; labels are escaped; output is deterministic")
    func edges() {
        let empty = SobolChart(title: "none", inputs: []).svg()
        expectAccessibleSVG(empty)
        #expect(parseSVG(empty).texts == ["No data"])
        let nasty = SobolChart(title: nastyLabel, inputs: [.init(nastyLabel, SobolIndex(first: 1e300, total: -.infinity, firstLow: 0, firstHigh: .infinity, totalLow: 0, totalHigh: 1))]).svg()
        expectAccessibleSVG(nasty)
        #expect(parseSVG(nasty).texts.contains(nastyLabel))
        #expect(sample.svg() == SobolChart(title: "Sensitivity", inputs: sample.inputs).svg())
    }

    @Test("inputs are called as readers call them, from the step and field they change")
    func titles() throws {
        func input(_ json: String) throws -> UncertainInput { try JSONDecoder().decode(UncertainInput.self, from: Data(json.utf8)) }
        #expect(try input(#"{"name": "winmax", "step": "treat", "field": "winmax", "values": [1, 2]}"#).title(stepKind: "treat") == "Outlier treatment: most points winsorised")
        #expect(try input(#"{"name": "n", "step": "normalise", "alternatives": [{"method": "minMax"}]}"#).title(stepKind: "normalise") == "Normalisation method")
        #expect(try input(#"{"name": "w", "noise": 0.25}"#).title(stepKind: "aggregate") == "Weights")
        #expect(try input(#"{"name": "a", "step": "aggregate", "field": "method", "values": ["arithmetic"]}"#).title(stepKind: "aggregate") == "Aggregation method")
        #expect(try input(#"{"name": "odd", "step": "impute", "field": "zeta", "values": [1]}"#).title(stepKind: "impute") == "Imputation: zeta")
    }
}
