/// Small multiples of scores over the years: one panel per series (the overall score, then each
/// factor), each with a line per community of its score per year on 0–100 and the median
/// nominee's as a dashed line for comparison.
///
/// A year without a score leaves a gap in the line (and a missing dot); one year alone is a dot.
/// Every panel shares the scale and the years, so panels compare at a glance. Up to five
/// communities are told apart by colour, named in the legend.
struct TrendChart: Sendable {
    /// One panel: a name, each community's values per year (NaN where none), the medians.
    struct Series: Sendable {
        var name: String
        var lines: [[Double]]
        var medians: [Double]
    }

    var title: String
    var years: [Int]
    /// The communities drawn, in the order of each series' lines.
    var communities: [String]
    var series: [Series]
    var id: String?
    /// What the dashed line is, in the legend and the description.
    var medianLabel = "Median nominee"
    /// The language of its tooltips and description.
    var words: ChartWords = .english

    static let colours = [ChartPalette.primary, ChartPalette.accent, ChartPalette.smart21, ChartPalette.communityOfTheYear, ChartPalette.text]

    static let panelWidth = 170.0, panelHeight = 120.0, columns = 4
    private static let left = 30.0, right = 12.0, top = 22.0, bottom = 22.0

    func svg() -> String {
        let id = ChartSVG.id(explicit: id, prefix: "trend", seed: title + years.map(String.init).joined())
        guard !years.isEmpty, !series.isEmpty else { return ChartSVG.empty(id: id, kind: "trend", title: title, message: words.say("noData")) }
        let columns = min(Self.columns, series.count)
        let rows = (series.count + columns - 1) / columns
        let width = Double(columns) * Self.panelWidth, height = Double(rows) * Self.panelHeight + 22
        var out = ChartSVG.open(id: id, kind: "trend", width: width, height: height, title: title, description: description)
        for (i, s) in series.enumerated() {
            let x0 = Double(i % columns) * Self.panelWidth, y0 = Double(i / columns) * Self.panelHeight
            out += panel(s, x0: x0, y0: y0)
        }
        let legendY = height - 6
        var x = 8.0
        for (i, name) in communities.enumerated() {
            let label = ChartFormat.truncate(name, to: 28)
            out += ChartSVG.line(x, legendY - 4, x + 20, legendY - 4, stroke: Self.colours[i % Self.colours.count], width: 2)
            out += ChartSVG.text(x: x + 24, y: legendY, label)
            x += 40 + Double(label.count) * 6.8
        }
        out += ChartSVG.line(x, legendY - 4, x + 20, legendY - 4, stroke: ChartPalette.muted, width: 1.5, extra: #"stroke-dasharray="4 3""#)
        out += ChartSVG.text(x: x + 24, y: legendY, medianLabel)
        return out + "</svg>"
    }

    private func panel(_ s: Series, x0: Double, y0: Double) -> String {
        let plotLeft = x0 + Self.left, plotRight = x0 + Self.panelWidth - Self.right
        let plotTop = y0 + Self.top, plotBottom = y0 + Self.panelHeight - Self.bottom
        func x(_ i: Int) -> Double { years.count == 1 ? (plotLeft + plotRight) / 2 : plotLeft + Double(i) / Double(years.count - 1) * (plotRight - plotLeft) }
        func y(_ v: Double) -> Double { plotBottom - min(max(v, 0), 100) / 100 * (plotBottom - plotTop) }
        var out = ChartSVG.text(x: x0 + 8, y: y0 + 14, ChartFormat.truncate(s.name, to: 24), weight: "600")
        for tick in [0.0, 50, 100] {
            out += ChartSVG.line(plotLeft, y(tick), plotRight, y(tick), stroke: ChartPalette.grid)
            out += ChartSVG.text(x: plotLeft - 4, y: y(tick) + 4, words.number(tick, decimals: 0), anchor: "end", fill: ChartPalette.muted)
        }
        for (i, year) in years.enumerated() where i == 0 || i == years.count - 1 || years.count <= 4 {
            out += ChartSVG.text(x: x(i), y: plotBottom + 15, String(year), anchor: "middle", fill: ChartPalette.muted)
        }
        out += path(s.medians, x: x, y: y, stroke: ChartPalette.muted, width: 1.5, extra: #" stroke-dasharray="4 3""#)
        for (k, values) in s.lines.enumerated() {
            let colour = Self.colours[k % Self.colours.count]
            out += path(values, x: x, y: y, stroke: colour, width: 2, extra: "")
            let who = communities.indices.contains(k) ? communities[k] + ", " : ""
            for (i, v) in values.enumerated() where v.isFinite && years.indices.contains(i) {
                let point = "\(who)\(s.name), \(years[i]): \(words.number(v, decimals: 1))"
                out += #"<circle cx="\#(ChartFormat.coordinate(x(i)))" cy="\#(ChartFormat.coordinate(y(v)))" r="3" fill="\#(colour)"><title>\#(Markup.escape(point))</title></circle>"#
            }
        }
        return out
    }

    /// The line through consecutive finite values; a missing year breaks it.
    private func path(_ values: [Double], x: (Int) -> Double, y: (Double) -> Double, stroke: String, width: Double, extra: String) -> String {
        var d = "", open = false
        for (i, v) in values.enumerated() {
            guard v.isFinite else {
                open = false
                continue
            }
            d += (open ? " L" : " M") + ChartFormat.coordinate(x(i)) + " " + ChartFormat.coordinate(y(v))
            open = true
        }
        guard !d.isEmpty else { return "" }
        return #"<path d="\#(d.dropFirst())" fill="none" stroke="\#(stroke)" stroke-width="\#(ChartFormat.coordinate(width))"\#(extra)/>"#
    }

    /// A summary for screen readers: per community, the first and latest score of each series,
    /// with the median nominee's latest.
    var description: String {
        communities.enumerated().map { k, name in
            let parts = series.map { s -> String in
                let values = s.lines.indices.contains(k) ? s.lines[k] : []
                let scored = values.indices.filter { values[$0].isFinite && years.indices.contains($0) }
                guard let first = scored.first, let last = scored.last else { return words.say("trend.noScores", ["series": s.name]) }
                let value = { (i: Int) in words.number(values[i], decimals: 1) }
                var text = first == last
                    ? words.say("trend.one", ["series": s.name, "value": value(last), "year": String(years[last])])
                    : words.say("trend.change", [
                        "series": s.name, "from": value(first), "first": String(years[first]), "to": value(last), "last": String(years[last]),
                    ])
                if s.medians.indices.contains(last), s.medians[last].isFinite {
                    text = words.say("trend.median", ["text": text, "label": medianLabel.lowercased(), "median": words.number(s.medians[last], decimals: 1)])
                }
                return text
            }
            return words.say("trend.community", ["name": name, "series": parts.joined(separator: "; ")])
        }.joined(separator: " ")
    }
}
