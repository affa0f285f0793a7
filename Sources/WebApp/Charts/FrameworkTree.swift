/// An index's framework as an indented tree: the index, then its sub-indices and pillars, then
/// their indicators, each on its own row, indented by depth and joined to its parent by elbow
/// lines, with each element's share of its parent's weight in a column on the right.
///
/// An indented tree rather than a spreading one: it stays narrow however many indicators there
/// are, so labels are never squeezed, and it reads top to bottom like the table below it.
///
/// Geometry (viewBox units): rows are numbered from 0 in depth-first order under a header row;
/// row i's centre is at y = `top + (i + 0.5) · rowHeight` and a node of depth d has its dot at
/// x = `left + d · indent`, its label 10 further right. A parent's connector runs down from its dot
/// to its last child's row, with a tick across to each child's dot.
struct FrameworkTree: Sendable {
    /// One element of the framework.
    struct Node: Sendable {
        var label: String
        /// Its share of its parent's weight (0…1), if known; none for the index itself.
        var share: Double?
        var children: [Node]

        init(_ label: String, share: Double? = nil, children: [Node] = []) {
            self.label = label
            self.share = share
            self.children = children
        }
    }

    var title: String
    var root: Node
    var rowHeight: Double
    /// The width of the label column at depth 0 (deeper labels get less).
    var labelWidth: Double
    var id: String?
    /// The language of its header and description.
    var words: ChartWords

    init(title: String, root: Node, rowHeight: Double = 22, labelWidth: Double = 400, id: String? = nil, words: ChartWords = .english) {
        self.words = words
        self.title = title
        self.root = root
        self.rowHeight = rowHeight
        self.labelWidth = labelWidth
        self.id = id
    }

    static let top: Double = 24
    static let left: Double = 10
    static let indent: Double = 20
    static let shareWidth: Double = 70

    /// A node placed on its row.
    struct Placed: Sendable {
        var node: Node
        var depth: Int
        var row: Int
        /// The rows of its children.
        var childRows: [Int]
    }

    /// Every node in depth-first order with its depth, row and its children's rows.
    var placed: [Placed] {
        var out: [Placed] = []
        func visit(_ node: Node, depth: Int) {
            let row = out.count
            out.append(Placed(node: node, depth: depth, row: row, childRows: []))
            for child in node.children {
                out[row].childRows.append(out.count)
                visit(child, depth: depth + 1)
            }
        }
        visit(root, depth: 0)
        return out
    }

    func x(depth: Int) -> Double { Self.left + Double(depth) * Self.indent }
    func y(row: Int) -> Double { Self.top + (Double(row) + 0.5) * rowHeight }

    private func share(_ value: Double?) -> String? {
        guard let value, value.isFinite else { return nil }
        return words.number(value * 100, decimals: 1) + " %"
    }

    var description: String {
        let all = placed
        let leaves = all.filter { $0.node.children.isEmpty }.count
        let aggregates = all.count - leaves - 1
        var parts = [words.say("tree.description", [
            "root": root.label, "aggregates": words.say(aggregates == 1 ? "tree.aggregatesOne" : "tree.aggregates", ["count": String(aggregates)]),
            "indicators": words.say(leaves == 1 ? "tree.indicatorsOne" : "tree.indicators", ["count": String(leaves)]),
        ])]
        for p in all where !p.node.children.isEmpty {
            let children = p.node.children.map { c in c.label + (share(c.share).map { " (\($0))" } ?? "") }
            parts.append(words.say("tree.children", ["parent": p.node.label, "children": words.list(children)]))
        }
        return parts.joined(separator: " ")
    }

    private var resolvedTitle: String { title.isEmpty ? words.say("tree.title") : title }

    func svg() -> String {
        let all = placed
        let width = Self.left + labelWidth + Self.shareWidth
        let height = y(row: all.count - 1) + rowHeight / 2 + 8
        let id = ChartSVG.id(explicit: id, prefix: "tree", seed: "tree|\(resolvedTitle)|\(description)|\(rowHeight)|\(labelWidth)")
        var out = ChartSVG.open(id: id, kind: "tree", width: width, height: height, title: resolvedTitle, description: description)
        out += #"<g class="header" aria-hidden="true">"#
        out += ChartSVG.text(x: Self.left, y: 14, words.say("tree.element"), fill: ChartPalette.muted)
        out += ChartSVG.text(x: width - 6, y: 14, words.say("tree.share"), anchor: "end", fill: ChartPalette.muted)
        out += "</g>"

        out += #"<g class="links" aria-hidden="true">"#
        for p in all {
            guard let last = p.childRows.last else { continue }
            let spine = x(depth: p.depth)
            out += ChartSVG.line(spine, y(row: p.row), spine, y(row: last), stroke: ChartPalette.faint)
            for row in p.childRows { out += ChartSVG.line(spine, y(row: row), x(depth: p.depth + 1), y(row: row), stroke: ChartPalette.faint) }
        }
        out += "</g>"

        for p in all {
            let (cx, cy) = (x(depth: p.depth), y(row: p.row))
            let isAggregate = !p.node.children.isEmpty
            out += #"<g class="\#(isAggregate ? "aggregate" : "indicator")">"#
            let room = labelWidth - Double(p.depth) * Self.indent - 10
            let shown = ChartFormat.truncate(p.node.label, to: ChartFormat.labelLimit(forWidth: room))
            if shown != p.node.label { out += "<title>\(Markup.escape(p.node.label))</title>" }
            out += #"<circle cx="\#(ChartFormat.coordinate(cx))" cy="\#(ChartFormat.coordinate(cy))" r="\#(isAggregate ? "4.5" : "3")" fill="\#(isAggregate ? ChartPalette.primary : ChartPalette.text)"/>"#
            out += ChartSVG.text(x: cx + 10, y: cy + 4, shown, weight: isAggregate ? "600" : nil)
            if let text = share(p.node.share) {
                out += ChartSVG.text(x: width - 6, y: cy + 4, text, anchor: "end", extra: #"class="share""#)
            }
            out += "</g>"
        }
        return out + "</svg>"
    }
}
