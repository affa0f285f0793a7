import Awards
import Foundation
import IndexEngine

/// A shortlist's robustness for people (a table) and for programs (CSV).
enum RobustnessReport {
    static func table(_ r: ShortlistRobustness, limit: Int) -> String {
        var lines = ["\(r.list == "smart21" ? "Smart21" : "Top7") robustness: \(r.size) places, \(r.samples) samples, seed \(r.seed)",
                     "Drawn: " + r.inputs.joined(separator: ", "),
                     "rank  probability  rank interval  nomination  community"]
        for n in r.nominees.prefix(limit) {
            let p = String(format: "%10.1f%%", n.probability * 100)
            let interval = String(format: "%6.0f–%-6.0f", n.rank5, n.rank95)
            lines.append(String(format: "%4d  ", n.rank) + p + "  " + interval + "  " + n.nomination.padding(toLength: 10, withPad: " ", startingAt: 0) + "  \(n.community) (\(n.country))" + (n.borderline ? "  borderline" : ""))
        }
        let borderline = r.nominees.filter(\.borderline).count
        lines.append("\(borderline) nominee(s) borderline (between 10 % and 90 %).")
        return lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ r: ShortlistRobustness) -> String {
        var lines = ["nomination,community,country,rank,probability,median_rank,rank_5,rank_95,borderline"]
        for n in r.nominees {
            lines.append([n.nomination, NumberFormat.field(n.community), NumberFormat.field(n.country), String(n.rank), "\(n.probability)", "\(n.medianRank)", "\(n.rank5)", "\(n.rank95)", String(n.borderline)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
