/// Horizontal bars for labelled values on a fixed scale (factor or pillar scores on 0–100, say),
/// each with an optional comparison marker (the peer median, say) and its value printed at the
/// bar's end.
///
/// Layout (viewBox units): labels right-aligned in a column of `labelWidth`, the plot area
/// `plotWidth` wide starting at x = `labelWidth`, one row of `rowHeight` per bar, tick labels along
/// the bottom and, when any bar has a comparison, a legend below them. A bar's width is
/// `(value − low) / (high − low) · plotWidth`.
///
/// Edge cases: a NaN (or infinite) value draws no bar and prints "no data"; a value outside the
/// scale is drawn clamped to it and printed as it is, with the desc saying so; a non-finite
/// comparison draws no marker; no bars at all give a valid chart saying "No data"; a scale whose
/// low end is not below its high end is widened to `low…low + 1`.
struct BarChart: Sendable {
    /// One labelled value.
    struct Bar: Sendable, Hashable {
        var label: String
        var value: Double
        /// Where the comparison marker goes (the peer median, say), if anywhere.
        var comparison: Double?

        init(_ label: String, _ value: Double, comparison: Double? = nil) {
            self.label = label
            self.value = value
            self.comparison = comparison
        }
    }

    var title: String
    var bars: [Bar]
    var scale: ClosedRange<Double>
    /// What the comparison marker stands for, in the legend and the desc.
    var comparisonLabel: String
    /// Decimal places for printed values (trailing zeros dropped).
    var decimals: Int
    var labelWidth: Double
    var plotWidth: Double
    var rowHeight: Double
    /// The id prefix of the title and desc; derived from the data when nil.
    var id: String?
    /// The language of its description.
    var words: ChartWords

    init(
        title: String,
        bars: [Bar],
        scale: ClosedRange<Double> = 0...100,
        comparisonLabel: String = "Peer median",
        decimals: Int = 2,
        labelWidth: Double = 180,
        plotWidth: Double = 300,
        rowHeight: Double = 28,
        id: String? = nil,
        words: ChartWords = .english
    ) {
        self.words = words
        self.title = title
        self.bars = bars
        self.scale = scale
        self.comparisonLabel = comparisonLabel
        self.decimals = decimals
        self.labelWidth = labelWidth
        self.plotWidth = plotWidth
        self.rowHeight = rowHeight
        self.id = id
    }

    /// Layout constants shared with the tests.
    static let barHeight: Double = 16
    static let top: Double = 10
    static let valueGap: Double = 6
    static let rightMargin: Double = 110

    private var low: Double { scale.lowerBound.isFinite ? scale.lowerBound : 0 }
    private var high: Double {
        let h = scale.upperBound
        return h.isFinite && h > low ? h : low + 1
    }

    /// The bar's width in viewBox units for `value` (clamped to the scale; 0 for non-finite).
    func barWidth(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        let fraction = (min(max(value, low), high) - low) / (high - low)
        return fraction * plotWidth
    }

    /// The chart's description: the scale and every value in words.
    var description: String {
        let f = { (x: Double) in words.number(x, decimals: decimals) }
        var parts = [words.say("bar.description", ["low": f(low), "high": f(high)])]
        for bar in bars {
            let value = words.value(bar.value, low: low, high: high, decimals: decimals)
            if let c = bar.comparison, c.isFinite {
                parts.append(words.say("bar.valueAndComparison", ["label": bar.label, "value": value, "comparison": comparisonLabel.lowercased(), "figure": f(c)]))
            } else {
                parts.append(words.say("bar.value", ["label": bar.label, "value": value]))
            }
        }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? words.say("bar.title") : title }

    private var elementID: String {
        ChartSVG.id(explicit: id, prefix: "bar", seed: "bar|\(resolvedTitle)|\(description)|\(labelWidth)|\(plotWidth)|\(rowHeight)")
    }

    func svg() -> String {
        let id = elementID
        guard !bars.isEmpty else {
            return ChartSVG.empty(id: id, kind: "bar", title: resolvedTitle, message: words.say("noData"), width: labelWidth + plotWidth + Self.rightMargin)
        }
        let c = ChartFormat.coordinate
        let width = labelWidth + plotWidth + Self.rightMargin
        let plotBottom = Self.top + Double(bars.count) * rowHeight
        let hasComparison = bars.contains { ($0.comparison ?? .nan).isFinite }
        let height = plotBottom + 24 + (hasComparison ? 26 : 0)
        var out = ChartSVG.open(id: id, kind: "bar", width: width, height: height, title: resolvedTitle, description: description)

        // Grid and ticks: quarters of the scale.
        out += #"<g class="grid" aria-hidden="true">"#
        for k in 0...4 {
            let value = low + (high - low) * Double(k) / 4
            let x = labelWidth + plotWidth * Double(k) / 4
            out += ChartSVG.line(x, Self.top - 4, x, plotBottom, stroke: ChartPalette.grid)
            out += ChartSVG.text(x: x, y: plotBottom + 16, words.number(value, decimals: decimals), anchor: "middle", fill: ChartPalette.muted)
        }
        out += "</g>"

        for (i, bar) in bars.enumerated() {
            let rowTop = Self.top + Double(i) * rowHeight
            let barY = rowTop + (rowHeight - Self.barHeight) / 2
            let midY = rowTop + rowHeight / 2 + 4
            out += #"<g class="bar">"#
            let shown = ChartFormat.truncate(bar.label, to: ChartFormat.labelLimit(forWidth: labelWidth))
            if shown != bar.label { out += "<title>\(Markup.escape(bar.label))</title>" }
            out += ChartSVG.text(x: labelWidth - 8, y: midY, shown, anchor: "end")
            // The value goes after the bar's end, or after the marker when that is further right.
            let markerX = bar.comparison.flatMap { $0.isFinite ? labelWidth + barWidth($0) : nil }
            if bar.value.isFinite {
                let w = barWidth(bar.value)
                if w > 0 {
                    out += #"<rect x="\#(c(labelWidth))" y="\#(c(barY))" width="\#(c(w))" height="\#(c(Self.barHeight))" fill="\#(ChartPalette.primary)"/>"#
                }
                let textX = max(labelWidth + w, (markerX ?? 0) + 1.5) + Self.valueGap
                out += ChartSVG.text(x: textX, y: midY, words.number(bar.value, decimals: decimals), extra: #"class="value""#)
            } else {
                out += ChartSVG.text(x: labelWidth + Self.valueGap, y: midY, words.say("noDataMark"), fill: ChartPalette.muted, extra: #"class="value" font-style="italic""#)
            }
            if let x = markerX {
                out += ChartSVG.line(x, barY - 4, x, barY + Self.barHeight + 4, stroke: ChartPalette.text, width: 3, extra: #"class="comparison""#)
            }
            out += "</g>"
        }

        if hasComparison {
            let y = plotBottom + 38
            out += #"<g class="legend">"#
            out += ChartSVG.line(labelWidth, y - 12, labelWidth, y + 2, stroke: ChartPalette.text, width: 3)
            out += ChartSVG.text(x: labelWidth + 8, y: y, comparisonLabel)
            out += "</g>"
        }
        return out + "</svg>"
    }
}
