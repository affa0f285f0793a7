import IndexEngine

/// The ranked table shown in the terminal after a build.
enum RankingTable {
    /// The top `limit` units with their rank, code, name and the scores of the top two levels.
    static func render(_ result: BuildResult, limit: Int) -> String {
        let framework = result.framework
        let top = framework.topLevel
        let columns = ([top, top - 1].filter { $0 >= 2 }).flatMap { framework.aggregates(atLevel: $0) }
        let ranks = result.ranks
        var header = ["Rank", "uCode", "uName"] + columns.map { framework.nodes[$0].code }
        if columns.isEmpty { header.append(framework.nodes[0].code) }
        var rows: [[String]] = []
        for r in result.rankedRows.prefix(limit) {
            let unit = result.dataset.units[result.final.units[r]]
            let scores = (columns.isEmpty ? [0] : columns).map { format(result.final.values[r, $0]) }
            // A rank that is not finite (or absurdly large) prints as "-" rather than trapping in Int(_:).
            let rank = ranks[r].isFinite && abs(ranks[r]) < 1e15 ? String(Int(ranks[r])) : "-"
            rows.append([rank, unit.code, String(unit.name.prefix(24))] + scores)
        }
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ fields: [String]) -> String {
            fields.enumerated().map { c, f in
                let pad = String(repeating: " ", count: widths[c] - f.count)
                return c == 1 || c == 2 ? f + pad : pad + f
            }.joined(separator: "  ")
        }
        let title = "\(framework.nodes[result.headline].name) — \(result.final.units.count) units" + (result.dataset.time.map { ", \($0)" } ?? "")
        return ([title, line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "NA" }
        let scaled = (value * 100).rounded() / 100
        var text = "\(scaled)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < 2 { text += String(repeating: "0", count: 2 - decimals) }
        } else {
            text += ".00"
        }
        return text
    }
}
