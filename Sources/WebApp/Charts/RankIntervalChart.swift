/// The uncertainty analysis's rank intervals as dots and whiskers: one row per unit, a dot at its
/// nominal rank, a hollow diamond at its median rank over the runs and a whisker from its 5th to
/// its 95th percentile rank.
///
/// Orientation: **rank 1 is at the left** and ranks grow to the right; units are rows from top to
/// bottom in the order given (pass them in nominal-rank order for the usual reading).
///
/// Geometry (viewBox units): rank r sits at x = `labelWidth + (r − 1)/(maxRank − 1) · plotWidth`
/// (at `labelWidth` when `maxRank` is 1), where `maxRank` is the number of ranked units if given,
/// else the largest rank in the data. Ranks beyond 1…maxRank are drawn clamped and described as
/// they are.
///
/// The description summarises rather than lists (a screen reader should not read 51 rows): the
/// units whose ranks are most uncertain, with their intervals as ordinals, and the least uncertain.
///
/// Edge cases: a NaN nominal rank prints "no data" and draws nothing; a NaN percentile draws the dot
/// only ("interval unknown"); a NaN median draws no diamond; percentiles given the wrong way round
/// are swapped; no units give a valid chart saying "No data".
struct RankIntervalChart: Sendable {
    /// One unit's ranks.
    struct Unit: Sendable, Hashable {
        var label: String
        /// The nominal rank (1 = best).
        var rank: Double
        /// The 5th percentile rank over the uncertainty runs.
        var low: Double
        /// The 95th percentile rank.
        var high: Double
        /// The median rank over the runs; NaN when unknown.
        var median: Double

        init(_ label: String, rank: Double, low: Double, high: Double, median: Double = .nan) {
            self.label = label
            self.rank = rank
            self.low = low
            self.high = high
            self.median = median
        }

        /// The 5th and 95th percentile ranks in order, when both are known.
        var interval: (low: Double, high: Double)? {
            guard rank.isFinite, low.isFinite, high.isFinite else { return nil }
            return low <= high ? (low, high) : (high, low)
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
    /// The language of its legend and description.
    var words: ChartWords

    init(
        title: String, units: [Unit], maxRank: Int? = nil, labelWidth: Double = 180, plotWidth: Double = 300, rowHeight: Double = 20, id: String? = nil,
        words: ChartWords = .english
    ) {
        self.words = words
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
    /// The nominal rank's dot radius and the median diamond's half diagonal.
    static let dotRadius: Double = 4
    static let diamondSize: Double = 6
    /// How many of the most uncertain units the description names.
    static let summarised = 3

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

    /// A unit's interval in words: "5th–29th, median 12th", or "always 1st".
    private func intervalWords(_ unit: Unit, _ interval: (low: Double, high: Double)) -> String {
        let low = words.ordinal(rank: interval.low) ?? words.say("rankInterval.unknownRank")
        let high = words.ordinal(rank: interval.high) ?? words.say("rankInterval.unknownRank")
        if low == high { return words.say("rankInterval.unitAlways", ["unit": unit.label, "rank": low]) }
        guard let median = words.ordinal(rank: unit.median) else { return words.say("rankInterval.unitInterval", ["unit": unit.label, "low": low, "high": high]) }
        return words.say("rankInterval.unitIntervalMedian", ["unit": unit.label, "low": low, "high": high, "median": median])
    }

    var description: String {
        let last = words.number(axisMax, decimals: 2)
        var parts = [units.count == 1 ? words.say("rankInterval.descriptionOne", ["last": last]) : words.say("rankInterval.description", ["count": String(units.count), "last": last])]
        // Widest first; among equals, the better nominal rank first, so the summary is stable.
        let known = units.compactMap { u in u.interval.map { (unit: u, interval: $0) } }
            .sorted { a, b in
                let (wa, wb) = (a.interval.high - a.interval.low, b.interval.high - b.interval.low)
                return wa != wb ? wa > wb : a.unit.rank < b.unit.rank
            }
        if let widest = known.first, widest.interval.high > widest.interval.low {
            let most = known.prefix(Self.summarised).filter { $0.interval.high > $0.interval.low }
            parts.append(words.say("rankInterval.mostUncertain", ["units": words.list(most.map { intervalWords($0.unit, $0.interval) })]))
            if let least = known.last, known.count > most.count {
                parts.append(words.say("rankInterval.leastUncertain", ["unit": intervalWords(least.unit, least.interval)]))
            }
        } else if !known.isEmpty {
            parts.append(words.say("rankInterval.allSame"))
        }
        let missing = units.filter { !$0.rank.isFinite }.map(\.label)
        if !missing.isEmpty { parts.append(words.say("rankInterval.noDataFor", ["units": words.list(missing)])) }
        let unknown = units.filter { $0.rank.isFinite && $0.interval == nil }.map(\.label)
        if !unknown.isEmpty { parts.append(words.say("rankInterval.intervalUnknownFor", ["units": words.list(unknown)])) }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? words.say("rankInterval.title") : title }

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
            return ChartSVG.empty(id: id, kind: "rank-interval", title: resolvedTitle, message: words.say("noData"), width: width)
        }
        let plotBottom = Self.top + Double(units.count) * rowHeight
        let legendY = plotBottom + 56
        let height = legendY + 10
        var out = ChartSVG.open(id: id, kind: "rank-interval", width: width, height: height, title: resolvedTitle, description: description)

        out += #"<g class="grid" aria-hidden="true">"#
        for t in ticks {
            let x = x(rank: Double(t))
            out += ChartSVG.line(x, Self.top - 4, x, plotBottom, stroke: ChartPalette.grid)
            out += ChartSVG.text(x: x, y: plotBottom + 15, String(t), anchor: "middle", fill: ChartPalette.muted)
        }
        out += ChartSVG.text(x: labelWidth + plotWidth / 2, y: plotBottom + 32, words.say("rankInterval.axis"), anchor: "middle", fill: ChartPalette.muted)
        out += "</g>"

        for (i, unit) in units.enumerated() {
            let y = Self.top + (Double(i) + 0.5) * rowHeight
            out += #"<g class="unit">"#
            let shown = ChartFormat.truncate(unit.label, to: ChartFormat.labelLimit(forWidth: labelWidth))
            if shown != unit.label { out += "<title>\(Markup.escape(unit.label))</title>" }
            out += ChartSVG.text(x: labelWidth - 8, y: y + 4, shown, anchor: "end")
            if unit.rank.isFinite {
                if let interval = unit.interval {
                    out += Self.whisker(from: x(rank: interval.low), to: x(rank: interval.high), y: y)
                }
                if unit.median.isFinite { out += Self.diamond(x: x(rank: unit.median), y: y) }
                out += Self.dot(x: x(rank: unit.rank), y: y)
            } else {
                out += ChartSVG.text(x: labelWidth + 4, y: y + 4, words.say("noDataMark"), fill: ChartPalette.muted, extra: #"font-style="italic""#)
            }
            out += "</g>"
        }

        // The legend: each mark beside its meaning.
        out += #"<g class="legend">"#
        var lx = max(labelWidth - 100, 8)
        // Each key moves the next one along by its text's width, so longer words do not overlap.
        let nominal = words.say("rankInterval.nominal"), median = words.say("rankInterval.median")
        out += Self.dot(x: lx + 5, y: legendY - 4, role: "key")
        out += ChartSVG.text(x: lx + 14, y: legendY, nominal)
        lx += max(110, 14 + Double(nominal.count) * 6.8 + 12)
        out += Self.diamond(x: lx + 6, y: legendY - 4, role: "key")
        out += ChartSVG.text(x: lx + 16, y: legendY, median)
        lx += max(105, 16 + Double(median.count) * 6.8 + 12)
        out += Self.whisker(from: lx, to: lx + 24, y: legendY - 4, role: "key")
        out += ChartSVG.text(x: lx + 30, y: legendY, words.say("rankInterval.percentiles"))
        out += "</g>"
        return out + "</svg>"
    }

    // The marks take the class of what they show (`rank`, `median`, `interval`), or `key` in the
    // legend, so that the marks of the data can be counted apart from the legend's.

    /// The nominal rank's mark: a filled dot.
    private static func dot(x: Double, y: Double, role: String = "rank") -> String {
        #"<circle class="\#(role)" cx="\#(ChartFormat.coordinate(x))" cy="\#(ChartFormat.coordinate(y))" r="\#(ChartFormat.coordinate(dotRadius))" fill="\#(ChartPalette.text)"/>"#
    }

    /// The median rank's mark: a hollow diamond, larger than the dot so that both show when they
    /// coincide.
    private static func diamond(x: Double, y: Double, role: String = "median") -> String {
        let c = ChartFormat.coordinate
        let d = Self.diamondSize
        return #"<polygon class="\#(role)" points="\#(c(x)),\#(c(y - d)) \#(c(x + d)),\#(c(y)) \#(c(x)),\#(c(y + d)) \#(c(x - d)),\#(c(y))" fill="\#(ChartPalette.white)" stroke="\#(ChartPalette.primary)" stroke-width="2"/>"#
    }

    /// The 5th–95th percentile interval: a line with end caps.
    private static func whisker(from x1: Double, to x2: Double, y: Double, role: String = "interval") -> String {
        ChartSVG.line(x1, y, x2, y, stroke: ChartPalette.primary, width: 2, extra: #"class="\#(role)""#)
            + ChartSVG.line(x1, y - 4, x1, y + 4, stroke: ChartPalette.primary, width: 2)
            + ChartSVG.line(x2, y - 4, x2, y + 4, stroke: ChartPalette.primary, width: 2)
    }
}
