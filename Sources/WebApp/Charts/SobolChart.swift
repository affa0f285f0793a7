import IndexEngine

/// A sensitivity analysis's Sobol indices as paired horizontal bars: for each uncertain input its
/// first-order index (the share of the output's variance it causes alone) above its total-order
/// index (alone and through its interactions), each with its bootstrap confidence interval as an
/// error bar.
///
/// Geometry (viewBox units): the axis runs from 0 at x = `labelWidth` to 1 at
/// `labelWidth + plotWidth`, so a value v sits at `labelWidth + v · plotWidth`; each input takes a
/// row of `rowHeight` with the first-order bar at `rowTop + 6` and the total-order bar at
/// `rowTop + 6 + barHeight + 2`.
///
/// Estimates are noisy: an index can come out slightly below 0 or above 1. Such a value (and an
/// interval end) is drawn clamped to the axis, and its true figure is kept in the bar's tooltip
/// and the description, as in the page's table. A NaN index (an output that never varied) draws no
/// bar and prints "no data".
struct SobolChart: Sendable {
    /// One uncertain input and its indices.
    struct Input: Sendable {
        var label: String
        var index: SobolIndex

        init(_ label: String, _ index: SobolIndex) {
            self.label = label
            self.index = index
        }
    }

    var title: String
    var inputs: [Input]
    /// The confidence level of the intervals (0.95 for 95 %).
    var confidence: Double
    var labelWidth: Double
    var plotWidth: Double
    var id: String?
    /// The language of its legend and description.
    var words: ChartWords

    init(
        title: String, inputs: [Input], confidence: Double = 0.95, labelWidth: Double = 200, plotWidth: Double = 300, id: String? = nil,
        words: ChartWords = .english
    ) {
        self.words = words
        self.title = title
        self.inputs = inputs
        self.confidence = confidence
        self.labelWidth = labelWidth
        self.plotWidth = plotWidth
        self.id = id
    }

    static let top: Double = 10
    static let rowHeight: Double = 40
    static let barHeight: Double = 12
    static let rightMargin: Double = 50
    /// The two orders' colours: first order in the main colour, total order in the accent.
    static let firstColour = ChartPalette.primary
    static let totalColour = ChartPalette.accent

    /// The x coordinate of `value`, clamped to the axis 0…1.
    func x(_ value: Double) -> Double {
        labelWidth + min(max(value.isNaN ? 0 : value, 0), 1) * plotWidth
    }

    private var level: String { words.number(confidence * 100, decimals: 1) + " %" }

    /// `value` with three decimals, saying where it is drawn when it is off the axis.
    private func figure(_ value: Double) -> String {
        let text = words.number(value, decimals: 3)
        if value < 0 { return words.say("sobol.drawnAt0", ["value": text]) }
        if value > 1 { return words.say("sobol.drawnAt1", ["value": text]) }
        return text
    }

    /// One order's estimate in words: "0.412 (95 % interval 0.3 to 0.52)".
    private func estimate(_ value: Double, _ low: Double, _ high: Double) -> String {
        guard value.isFinite else { return words.say("noDataMark") }
        guard low.isFinite && high.isFinite else { return figure(value) }
        return words.say("sobol.estimate", ["value": figure(value), "level": level, "low": words.number(low, decimals: 3), "high": words.number(high, decimals: 3)])
    }

    var description: String {
        var parts = [inputs.count == 1 ? words.say("sobol.descriptionOne", ["level": level]) : words.say("sobol.description", ["count": String(inputs.count), "level": level])]
        for input in inputs {
            let i = input.index
            parts.append(words.say("sobol.input", [
                "input": input.label, "first": estimate(i.first, i.firstLow, i.firstHigh), "total": estimate(i.total, i.totalLow, i.totalHigh),
            ]))
        }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? words.say("sobol.title") : title }

    func svg() -> String {
        let id = ChartSVG.id(explicit: id, prefix: "sobol", seed: "sobol|\(resolvedTitle)|\(description)|\(labelWidth)|\(plotWidth)")
        let width = labelWidth + plotWidth + Self.rightMargin
        guard !inputs.isEmpty else { return ChartSVG.empty(id: id, kind: "sobol", title: resolvedTitle, message: words.say("noData"), width: width) }
        let plotBottom = Self.top + Double(inputs.count) * Self.rowHeight
        let legendY = plotBottom + 56
        var out = ChartSVG.open(id: id, kind: "sobol", width: width, height: legendY + 10, title: resolvedTitle, description: description)

        out += #"<g class="grid" aria-hidden="true">"#
        for k in 0...4 {
            let value = Double(k) / 4
            out += ChartSVG.line(x(value), Self.top - 4, x(value), plotBottom, stroke: ChartPalette.grid)
            out += ChartSVG.text(x: x(value), y: plotBottom + 15, words.number(value, decimals: 2), anchor: "middle", fill: ChartPalette.muted)
        }
        out += ChartSVG.text(x: labelWidth + plotWidth / 2, y: plotBottom + 32, words.say("sobol.axis"), anchor: "middle", fill: ChartPalette.muted)
        out += "</g>"

        for (row, input) in inputs.enumerated() {
            let rowTop = Self.top + Double(row) * Self.rowHeight
            let i = input.index
            out += #"<g class="input">"#
            let shown = ChartFormat.truncate(input.label, to: ChartFormat.labelLimit(forWidth: labelWidth))
            if shown != input.label { out += "<title>\(Markup.escape(input.label))</title>" }
            out += ChartSVG.text(x: labelWidth - 8, y: rowTop + Self.barHeight + 8, shown, anchor: "end")
            out += bar("first", words.say("sobol.firstInTooltip"), i.first, i.firstLow, i.firstHigh, y: rowTop + 6, colour: Self.firstColour, label: input.label)
            out += bar("total", words.say("sobol.totalInTooltip"), i.total, i.totalLow, i.totalHigh, y: rowTop + 8 + Self.barHeight, colour: Self.totalColour, label: input.label)
            out += "</g>"
        }

        out += #"<g class="legend">"#
        var lx = max(labelWidth - 120, 8)
        for (name, colour) in [(words.say("sobol.first"), Self.firstColour), (words.say("sobol.total"), Self.totalColour)] {
            out += #"<rect class="key" x="\#(ChartFormat.coordinate(lx))" y="\#(ChartFormat.coordinate(legendY - 10))" width="12" height="12" fill="\#(colour)"/>"#
            out += ChartSVG.text(x: lx + 18, y: legendY, name)
            lx += max(110, 18 + Double(name.count) * 6.8 + 12)
        }
        out += Self.errorBar(from: lx, to: lx + 24, y: legendY - 4, role: "key")
        out += ChartSVG.text(x: lx + 30, y: legendY, words.say("sobol.interval", ["level": level]))
        out += "</g>"
        return out + "</svg>"
    }

    /// One order's bar (from 0 to the clamped value) with its error bar, and its true figure as a tooltip.
    private func bar(_ order: String, _ name: String, _ value: Double, _ low: Double, _ high: Double, y: Double, colour: String, label: String) -> String {
        let c = ChartFormat.coordinate
        guard value.isFinite else {
            return ChartSVG.text(x: labelWidth + 4, y: y + Self.barHeight - 2, words.say("noDataMark"), fill: ChartPalette.muted, extra: #"class="\#(order)" font-style="italic""#)
        }
        var out = #"<rect class="\#(order)" x="\#(c(labelWidth))" y="\#(c(y))" width="\#(c(x(value) - labelWidth))" height="\#(c(Self.barHeight))" fill="\#(colour)">"#
        out += "<title>\(Markup.escape(words.say("sobol.tooltip", ["input": label, "order": name, "estimate": estimate(value, low, high)])))</title></rect>"
        if low.isFinite && high.isFinite {
            out += Self.errorBar(from: x(min(low, high)), to: x(max(low, high)), y: y + Self.barHeight / 2, role: "ci")
        }
        return out
    }

    /// An interval: a dark line with end caps, visible over either bar colour.
    private static func errorBar(from x1: Double, to x2: Double, y: Double, role: String) -> String {
        ChartSVG.line(x1, y, x2, y, stroke: ChartPalette.text, width: 1.5, extra: #"class="\#(role)""#)
            + ChartSVG.line(x1, y - 4, x1, y + 4, stroke: ChartPalette.text, width: 1.5)
            + ChartSVG.line(x2, y - 4, x2, y + 4, stroke: ChartPalette.text, width: 1.5)
    }
}

extension SobolChart {
    /// The chart of `analysis`, its inputs called as readers call them, with a label column wide
    /// enough for the longest name (within 120–320 units) so that names are not cut.
    init(title: String, analysis: SensitivityAnalysis, words: ChartWords = .english) {
        let titles = analysis.uncertainty.model.titles
        let inputs = analysis.indices.indices.enumerated().map { k, index in Input(titles.indices.contains(k) ? titles[k] : analysis.inputs[k], index) }
        self.init(
            title: title, inputs: inputs, confidence: analysis.indices.confidence, labelWidth: ChartFormat.labelWidth(fitting: inputs.map(\.label)), words: words)
    }
}
