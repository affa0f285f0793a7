/// The awards stage reached in each year of a range, for one community or a few (one row each):
/// a marker per year whose size and colour grow with the stage, consecutive recognised years joined
/// by a line so streaks stand out, and a legend.
///
/// Geometry (viewBox units): the years are columns of equal width `plotWidth / yearCount`
/// starting at x = `labelWidth` (0 when the chart has a single unlabelled row); year y's marker is
/// at the middle of its column, x = `labelWidth + (y − first + 0.5) · plotWidth / yearCount`.
/// Marker radii: none 3 (hollow), Smart21 5, Top7 7, Community of the Year 9.
///
/// Edge cases: years outside the range are ignored (and the desc says how many); ranges longer
/// than 100 years keep their last 100; no rows give a valid chart saying "No data".
struct TimelineChart: Sendable {
    /// The stage reached in a year. Raw values match `Awards.AwardStage` (so
    /// `TimelineChart.Stage(rawValue: stage.rawValue)` converts), plus `none`.
    enum Stage: String, Sendable, Hashable, CaseIterable, Comparable {
        case none
        case smart21
        case top7
        case communityOfTheYear = "community_of_the_year"

        var order: Int {
            switch self {
            case .none: 0
            case .smart21: 1
            case .top7: 2
            case .communityOfTheYear: 3
            }
        }

        /// Its name in `words`' language.
        func title(_ words: ChartWords) -> String { words.say("awardsTimeline.stages." + rawValue) }

        var radius: Double {
            switch self {
            case .none: 3
            case .smart21: 5
            case .top7: 7
            case .communityOfTheYear: 9
            }
        }

        var colour: String {
            switch self {
            case .none: ChartPalette.faint
            case .smart21: ChartPalette.smart21
            case .top7: ChartPalette.top7
            case .communityOfTheYear: ChartPalette.communityOfTheYear
            }
        }

        static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.order < rhs.order }
    }

    /// One row: a label (a community's name) and the stage reached by year; missing years are `none`.
    struct Row: Sendable, Hashable {
        var label: String
        var stages: [Int: Stage]

        init(_ label: String, stages: [Int: Stage]) {
            self.label = label
            self.stages = stages
        }
    }

    var title: String
    var years: ClosedRange<Int>
    var rows: [Row]
    var labelWidth: Double
    var plotWidth: Double
    var rowHeight: Double
    var id: String?
    /// The language of its legend and description.
    var words: ChartWords

    init(
        title: String, years: ClosedRange<Int>, rows: [Row], labelWidth: Double = 160, plotWidth: Double = 420, rowHeight: Double = 32, id: String? = nil,
        words: ChartWords = .english
    ) {
        self.words = words
        self.title = title
        self.years = years
        self.rows = rows
        self.labelWidth = labelWidth
        self.plotWidth = plotWidth
        self.rowHeight = rowHeight
        self.id = id
    }

    /// One community's timeline, without a row label.
    init(title: String, years: ClosedRange<Int>, stages: [Int: Stage], plotWidth: Double = 420, id: String? = nil, words: ChartWords = .english) {
        self.init(title: title, years: years, rows: [Row("", stages: stages)], labelWidth: 20, plotWidth: plotWidth, id: id, words: words)
    }

    static let top: Double = 8
    static let rightMargin: Double = 20
    static let maxYears = 100

    /// The years drawn: the range, or its last 100 years.
    var shownYears: ClosedRange<Int> {
        let (gap, overflow) = years.upperBound.subtractingReportingOverflow(years.lowerBound)
        return overflow || gap >= Self.maxYears ? (years.upperBound - Self.maxYears + 1)...years.upperBound : years
    }

    /// The x coordinate of `year`'s marker.
    func x(year: Int) -> Double {
        let span = shownYears
        return labelWidth + (Double(year - span.lowerBound) + 0.5) * plotWidth / Double(span.count)
    }

    /// Runs of consecutive recognised years in `row` within the shown range.
    func streaks(_ row: Row) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var start: Int?
        for year in shownYears {
            let reached = (row.stages[year] ?? .none) != .none
            if reached, start == nil { start = year }
            if !reached, let s = start {
                result.append(s...(year - 1))
                start = nil
            }
        }
        if let s = start { result.append(s...shownYears.upperBound) }
        return result
    }

    var description: String {
        let span = shownYears
        let stages = Stage.allCases.dropFirst().map { $0.title(words) }.joined(separator: words.say("awardsTimeline.then"))
        var parts = [words.say("awardsTimeline.description", ["from": String(span.lowerBound), "to": String(span.upperBound), "stages": stages])]
        for row in rows {
            var reached: [String] = []
            for year in span {
                let stage = row.stages[year] ?? .none
                if stage != .none { reached.append(words.say("awardsTimeline.stageIn", ["stage": stage.title(words), "year": String(year)])) }
            }
            var sentence = reached.isEmpty ? words.say("awardsTimeline.never") : words.list(reached)
            let runs = streaks(row).filter { $0.count > 1 }
            if !runs.isEmpty {
                let listed = words.list(runs.map { words.say("awardsTimeline.run", ["count": String($0.count), "from": String($0.lowerBound), "to": String($0.upperBound)]) })
                sentence += words.say(runs.count == 1 ? "awardsTimeline.streak" : "awardsTimeline.streaks", ["runs": listed])
            }
            let outside = row.stages.filter { $0.value != .none && !span.contains($0.key) }.count
            if outside > 0 {
                sentence += words.say(outside == 1 ? "awardsTimeline.outsideOne" : "awardsTimeline.outside", ["count": String(outside)])
            }
            parts.append(row.label.isEmpty ? words.say("awardsTimeline.sentence", ["text": sentence]) : words.say("awardsTimeline.named", ["name": row.label, "text": sentence]))
        }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? words.say("awardsTimeline.title") : title }

    private static func marker(_ stage: Stage, x: Double, y: Double) -> String {
        let c = ChartFormat.coordinate
        if stage == .none {
            return #"<circle cx="\#(c(x))" cy="\#(c(y))" r="\#(c(stage.radius))" fill="\#(ChartPalette.white)" stroke="\#(stage.colour)" stroke-width="1.5"/>"#
        }
        return #"<circle cx="\#(c(x))" cy="\#(c(y))" r="\#(c(stage.radius))" fill="\#(stage.colour)"/>"#
    }

    func svg() -> String {
        let id = ChartSVG.id(explicit: id, prefix: "timeline", seed: "timeline|\(resolvedTitle)|\(description)|\(labelWidth)|\(plotWidth)|\(rowHeight)")
        let width = labelWidth + plotWidth + Self.rightMargin
        guard !rows.isEmpty else {
            return ChartSVG.empty(id: id, kind: "timeline", title: resolvedTitle, message: words.say("noData"), width: width)
        }
        let span = shownYears
        let step = plotWidth / Double(span.count)
        let plotBottom = Self.top + Double(rows.count) * rowHeight
        let legendY = plotBottom + 42
        let height = legendY + 16
        var out = ChartSVG.open(id: id, kind: "timeline", width: width, height: height, title: resolvedTitle, description: description)

        // Year labels; thinned when the columns get narrow.
        let every = step >= 32 ? 1 : (step >= 14 ? 2 : (step >= 6 ? 5 : 10))
        out += #"<g class="years" aria-hidden="true">"#
        for year in span where (year - span.lowerBound) % every == 0 {
            out += ChartSVG.text(x: x(year: year), y: plotBottom + 16, String(year), anchor: "middle", fill: ChartPalette.muted)
        }
        out += "</g>"

        for (i, row) in rows.enumerated() {
            let y = Self.top + (Double(i) + 0.5) * rowHeight
            out += #"<g class="row">"#
            if !row.label.isEmpty {
                let shown = ChartFormat.truncate(row.label, to: ChartFormat.labelLimit(forWidth: labelWidth))
                if shown != row.label { out += "<title>\(Markup.escape(row.label))</title>" }
                out += ChartSVG.text(x: labelWidth - 10, y: y + 4, shown, anchor: "end")
            }
            for run in streaks(row) where run.count > 1 {
                out += ChartSVG.line(x(year: run.lowerBound), y, x(year: run.upperBound), y, stroke: ChartPalette.muted, width: 3, extra: #"class="streak" stroke-linecap="round""#)
            }
            for year in span {
                let stage = row.stages[year] ?? .none
                out += Self.marker(stage, x: x(year: year), y: y)
            }
            out += "</g>"
        }

        // Legend: the four markers with their names.
        out += #"<g class="legend">"#
        var lx = max(labelWidth, 10)
        for stage in Stage.allCases {
            out += Self.marker(stage, x: lx + 9, y: legendY - 4)
            let name = stage.title(words)
            out += ChartSVG.text(x: lx + 22, y: legendY, name)
            lx += 22 + Double(name.count) * 6.8 + 16
        }
        out += "</g>"
        return out + "</svg>"
    }
}
