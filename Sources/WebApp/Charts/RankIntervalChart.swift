/// The uncertainty analysis's rank intervals: one row per unit, a dot at its nominal rank and a
/// line from its 5th to its 95th percentile rank.
///
/// Orientation: **rank 1 is at the left** and ranks grow to the right; units are rows from top to
/// bottom in the order given (pass them in nominal-rank order for the usual reading).
///
/// Geometry (viewBox units): rank r sits at x = `labelWidth + (r − 1)/(maxRank − 1) · plotWidth`
/// (at `labelWidth` when `maxRank` is 1), where `maxRank` is the number of ranked units if given,
/// else the largest rank in the data. Ranks beyond 1…maxRank are drawn clamped and described as
/// they are.
///
/// Edge cases: a NaN nominal rank prints "no data" and draws nothing; a NaN percentile draws the dot
/// only ("interval unknown"); percentiles given the wrong way round are swapped; no units give a
/// valid chart saying "No data".
struct RankIntervalChart: Sendable, Hashable {
    /// One unit's ranks.
    struct Unit: Sendable, Hashable {
        var label: String
        /// The nominal rank (1 = best).
        var rank: Double
        /// The 5th percentile rank over the uncertainty runs.
        var low: Double
        /// The 95th percentile rank.
        var high: Double

        init(_ label: String, rank: Double, low: Double, high: Double) {
            self.label = label
            self.rank = rank
            self.low = low
            self.high = high
        }
    }

    var title: String
    var units: [Unit]
    /// The number of ranked units (the axis runs 1…maxRank); the largest rank present when nil.
    var maxRank: Int?
    var labelWidth: Double
    var plotWidth: Double
    var rowHeight: Double
    var id: String?

    init(title: String, units: [Unit], maxRank: Int? = nil, labelWidth: Double = 180, plotWidth: Double = 300, rowHeight: Double = 20, id: String? = nil) {
        self.title = title
        self.units = units
        self.maxRank = maxRank
        self.labelWidth = labelWidth
        self.plotWidth = plotWidth
        self.rowHeight = rowHeight
        self.id = id
    }

    static let top: Double = 10
    static let rightMargin: Double = 40

    /// The last rank on the axis (between 1 and a million).
    var axisMax: Double {
        if let maxRank, maxRank >= 1 { return Double(min(maxRank, 1_000_000)) }
        let finite = units.flatMap { [$0.rank, $0.low, $0.high] }.filter(\.isFinite)
        return min(max(1, (finite.max() ?? 1).rounded(.up)), 1_000_000)
    }

    /// The x coordinate of `rank`, clamped to the axis.
    func x(rank: Double) -> Double {
        let top = axisMax
        guard top > 1 else { return labelWidth }
        return labelWidth + (min(max(rank, 1), top) - 1) / (top - 1) * plotWidth
    }

    private func rankText(_ r: Double) -> String { ChartFormat.fixed(r, decimals: 2) }

    var description: String {
        var parts = ["Rank intervals from the uncertainty analysis for \(units.count) unit\(units.count == 1 ? "" : "s"), ranks 1 to \(rankText(axisMax)), rank 1 at the left. Each unit shows its nominal rank and the range from its 5th to its 95th percentile rank."]
        for unit in units {
            guard unit.rank.isFinite else {
                parts.append("\(unit.label): no data.")
                continue
            }
            var sentence = "\(unit.label): rank \(rankText(unit.rank))"
            if unit.low.isFinite && unit.high.isFinite {
                let (a, b) = unit.low <= unit.high ? (unit.low, unit.high) : (unit.high, unit.low)
                sentence += ", 5th to 95th percentile rank \(rankText(a)) to \(rankText(b))"
            } else {
                sentence += ", interval unknown"
            }
            parts.append(sentence + ".")
        }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? "Rank intervals" : title }

    /// Axis ticks: 1 and multiples of a 1-2-5 step, at most about ten.
    var ticks: [Int] {
        let top = Int(axisMax)
        var step = 1
        let steps = [1, 2, 5]
        var scale = 1
        search: while true {
            for s in steps where top / (s * scale) <= 10 {
                step = s * scale
                break search
            }
            scale *= 10
        }
        var result = [1]
        var t = step
        while t <= top {
            if t > 1 { result.append(t) }
            t += step
        }
        return result
    }

    func svg() -> String {
        let id = ChartSVG.id(explicit: id, prefix: "rank", seed: "rank|\(resolvedTitle)|\(description)|\(labelWidth)|\(plotWidth)|\(rowHeight)")
        let width = labelWidth + plotWidth + Self.rightMargin
        guard !units.isEmpty else {
            return ChartSVG.empty(id: id, kind: "rank-interval", title: resolvedTitle, width: width)
        }
        let c = ChartFormat.coordinate
        let plotBottom = Self.top + Double(units.count) * rowHeight
        let height = plotBottom + 40
        var out = ChartSVG.open(id: id, kind: "rank-interval", width: width, height: height, title: resolvedTitle, description: description)

        out += #"<g class="grid" aria-hidden="true">"#
        for t in ticks {
            let x = x(rank: Double(t))
            out += ChartSVG.line(x, Self.top - 4, x, plotBottom, stroke: ChartPalette.grid)
            out += ChartSVG.text(x: x, y: plotBottom + 15, String(t), anchor: "middle", fill: ChartPalette.muted, size: 11)
        }
        out += ChartSVG.text(x: labelWidth + plotWidth / 2, y: plotBottom + 32, "Rank (1 = best), 5th–95th percentile", anchor: "middle", fill: ChartPalette.muted, size: 11)
        out += "</g>"

        for (i, unit) in units.enumerated() {
            let y = Self.top + (Double(i) + 0.5) * rowHeight
            out += #"<g class="unit">"#
            let shown = ChartFormat.truncate(unit.label, to: ChartFormat.labelLimit(forWidth: labelWidth))
            if shown != unit.label { out += "<title>\(Markup.escape(unit.label))</title>" }
            out += ChartSVG.text(x: labelWidth - 8, y: y + 4, shown, anchor: "end")
            if unit.rank.isFinite {
                if unit.low.isFinite && unit.high.isFinite {
                    let x1 = x(rank: min(unit.low, unit.high))
                    let x2 = x(rank: max(unit.low, unit.high))
                    out += ChartSVG.line(x1, y, x2, y, stroke: ChartPalette.primary, width: 2, extra: #"class="interval""#)
                    out += ChartSVG.line(x1, y - 4, x1, y + 4, stroke: ChartPalette.primary, width: 2)
                    out += ChartSVG.line(x2, y - 4, x2, y + 4, stroke: ChartPalette.primary, width: 2)
                }
                out += #"<circle class="rank" cx="\#(c(x(rank: unit.rank)))" cy="\#(c(y))" r="4.5" fill="\#(ChartPalette.text)"/>"#
            } else {
                out += ChartSVG.text(x: labelWidth + 4, y: y + 4, "no data", fill: ChartPalette.muted, extra: #"font-style="italic""#)
            }
            out += "</g>"
        }
        return out + "</svg>"
    }
}
