import Foundation

/// A polygon over n ≥ 3 axes on a fixed scale, with grid rings and axis labels (each axis label
/// carries its value underneath).
///
/// Geometry (viewBox units): centre (340, 240) in a 680 × 480
/// box — and outer radius `radius`; axis i points at angle −90° + 360°·i/n (the first axis straight
/// up, then clockwise) and a value v sits at distance `(v − low)/(high − low) · radius`.
///
/// Edge cases: fewer than 3 axes render the same data as a `BarChart`; a NaN (or infinite) value is
/// drawn at the centre and labelled "no data"; values outside the scale are drawn clamped to it
/// and labelled with their true value.
struct RadarChart: Sendable {
    /// One axis and its value.
    struct Axis: Sendable, Hashable {
        var label: String
        var value: Double

        init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }

    var title: String
    var axes: [Axis]
    var scale: ClosedRange<Double>
    /// How many grid rings (evenly spaced up to the outer edge).
    var rings: Int
    var decimals: Int
    var id: String?
    /// The language of its values and description.
    var words: ChartWords

    init(
        title: String, axes: [Axis], scale: ClosedRange<Double> = 0...100, rings: Int = 4, decimals: Int = 2, id: String? = nil, words: ChartWords = .english
    ) {
        self.words = words
        self.title = title
        self.axes = axes
        self.scale = scale
        self.rings = rings
        self.decimals = decimals
        self.id = id
    }

    static let width: Double = 680
    static let height: Double = 480
    static let radius: Double = 160
    static let centre = (x: 340.0, y: 240.0)
    static let labelLimit = 20

    private var low: Double { scale.lowerBound.isFinite ? scale.lowerBound : 0 }
    private var high: Double {
        let h = scale.upperBound
        return h.isFinite && h > low ? h : low + 1
    }

    /// The bar chart shown instead when there are fewer than three axes.
    var fallback: BarChart {
        BarChart(title: title, bars: axes.map { BarChart.Bar($0.label, $0.value) }, scale: scale, decimals: decimals, id: id, words: words)
    }

    /// The point for `value` on axis `index`, in viewBox units.
    func point(axis index: Int, value: Double) -> (x: Double, y: Double) {
        let fraction = value.isFinite ? (min(max(value, low), high) - low) / (high - low) : 0
        return Self.polar(index: index, count: axes.count, distance: fraction * Self.radius)
    }

    private static func polar(index: Int, count: Int, distance: Double) -> (x: Double, y: Double) {
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
        return (centre.x + distance * cos(angle), centre.y + distance * sin(angle))
    }

    private static func points(_ list: [(x: Double, y: Double)]) -> String {
        list.map { "\(ChartFormat.coordinate($0.x)),\(ChartFormat.coordinate($0.y))" }.joined(separator: " ")
    }

    var description: String {
        let f = { (x: Double) in words.number(x, decimals: decimals) }
        var parts = [words.say("radar.description", ["count": String(axes.count), "low": f(low), "high": f(high)])]
        for axis in axes {
            parts.append(words.say("bar.value", ["label": axis.label, "value": words.value(axis.value, low: low, high: high, decimals: decimals)]))
        }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? words.say("radar.title") : title }

    func svg() -> String {
        guard axes.count >= 3 else { return fallback.svg() }
        let n = axes.count
        let id = ChartSVG.id(explicit: id, prefix: "radar", seed: "radar|\(resolvedTitle)|\(description)|\(rings)")
        var out = ChartSVG.open(id: id, kind: "radar", width: Self.width, height: Self.height, title: resolvedTitle, description: description)

        // Rings and spokes.
        let ringCount = max(1, min(rings, 20))
        out += #"<g class="grid" aria-hidden="true" fill="none" stroke="\#(ChartPalette.grid)">"#
        for k in 1...ringCount {
            let distance = Self.radius * Double(k) / Double(ringCount)
            out += #"<polygon points="\#(Self.points((0..<n).map { Self.polar(index: $0, count: n, distance: distance) }))"/>"#
        }
        for i in 0..<n {
            let end = Self.polar(index: i, count: n, distance: Self.radius)
            let c = ChartFormat.coordinate
            out += #"<line x1="\#(c(Self.centre.x))" y1="\#(c(Self.centre.y))" x2="\#(c(end.x))" y2="\#(c(end.y))"/>"#
        }
        out += "</g>"
        // Ring values along the first (upward) axis.
        out += #"<g class="ticks" aria-hidden="true">"#
        for k in 1...ringCount {
            let value = low + (high - low) * Double(k) / Double(ringCount)
            let y = Self.centre.y - Self.radius * Double(k) / Double(ringCount)
            out += ChartSVG.text(x: Self.centre.x + 4, y: y + 11, words.number(value, decimals: decimals), fill: ChartPalette.muted)
        }
        out += "</g>"

        // The data polygon and its vertices.
        let vertices = axes.enumerated().map { point(axis: $0.offset, value: $0.element.value) }
        out += #"<polygon class="series" points="\#(Self.points(vertices))" fill="\#(ChartPalette.primary)" fill-opacity="0.2" stroke="\#(ChartPalette.primary)" stroke-width="2" stroke-linejoin="round"/>"#
        for (i, v) in vertices.enumerated() where axes[i].value.isFinite {
            out += #"<circle cx="\#(ChartFormat.coordinate(v.x))" cy="\#(ChartFormat.coordinate(v.y))" r="3.5" fill="\#(ChartPalette.primary)"/>"#
        }

        // Axis labels just beyond the outer ring, anchored away from the centre.
        out += #"<g class="labels">"#
        for (i, axis) in axes.enumerated() {
            let at = Self.polar(index: i, count: n, distance: Self.radius + 16)
            let dx = at.x - Self.centre.x
            let dy = at.y - Self.centre.y
            let anchor = dx > 8 ? "start" : (dx < -8 ? "end" : "middle")
            // Labels above the centre grow upwards, those below downwards.
            let baseY = dy < -8 ? at.y - 12 : (dy > 8 ? at.y + 10 : at.y - 2)
            let shown = ChartFormat.truncate(axis.label, to: Self.labelLimit)
            out += "<g>"
            if shown != axis.label { out += "<title>\(Markup.escape(axis.label))</title>" }
            out += ChartSVG.text(x: at.x, y: baseY, shown, anchor: anchor, weight: "600")
            let valueText = axis.value.isFinite ? words.number(axis.value, decimals: decimals) : words.say("noDataMark")
            out += ChartSVG.text(x: at.x, y: baseY + 14, valueText, anchor: anchor, fill: ChartPalette.muted, extra: #"class="value""#)
            out += "</g>"
        }
        out += "</g>"
        return out + "</svg>"
    }
}
