/// The one sentence under a cycle's results that says how the winner and the order were decided.
///
/// It gives the winner's head-to-head record and final score, then takes the finalist whose
/// place departs most from the head-to-head records — placed above the most finalists that won
/// more contests — and says why: the jury's count ranked it above them, or its Top7 score
/// outweighed the jury's preference at the published weights. Every figure is one the programme
/// published; none is recomputed here.
enum ResultsExplanation {
    /// The sentence for `finalists` in final order, whose final score weighs the jury score by `juryWeight`.
    static func sentence(_ finalists: [PublishedResults.Finalist], juryWeight: Double?) -> String {
        guard let winner = finalists.first else { return "" }
        guard finalists.count > 1 else { return "\(winner.community) was the only finalist." }
        let contests = finalists.count - 1
        let most = finalists.map(\.headToHead.won).max() ?? 0
        var text: String
        if winner.headToHead.won == most {
            let shared = finalists.filter { $0.headToHead.won == most }.count > 1
            text = "\(winner.community) won \(shared ? "as many head-to-head contests as any finalist" : "the most head-to-head contests") (\(most) of \(contests))"
            if let c = winner.finalScore { text += " and has the highest final score (\(Self.score(c)))" }
        } else {
            let leader = finalists.first { $0.headToHead.won == most }?.community ?? ""
            text = "\(winner.community) won \(winner.headToHead.won) of \(contests) head-to-head contests, fewer than \(leader)'s \(most)"
            if let c = winner.finalScore { text += ", but has the highest final score (\(Self.score(c)))" }
        }
        let overtaking = finalists.dropFirst().map { f in (f, finalists.filter { $0.rank > f.rank && $0.headToHead.won > f.headToHead.won }) }
        guard let (x, passed) = overtaking.filter({ !$0.1.isEmpty }).max(by: { $0.1.count < $1.1.count }), let z = passed.first else {
            return text + "; the other finalists follow in the order of their final scores, which agrees with their head-to-head records."
        }
        let record = x.headToHead.won == 0 && x.headToHead.tied == 0 ? "losing every head-to-head vote" : "winning only \(x.headToHead.won) of \(contests) head-to-head contests"
        text += "; \(x.community) placed \(ChartFormat.ordinal(x.rank)) despite \(record)"
        guard let w = juryWeight, let px = x.juryPosition, let pz = z.juryPosition else {
            return text + ", above \(z.community) (\(z.headToHead.won) of \(contests))."
        }
        if px < pz {
            return text + " because the jury's count ranked it above \(z.community) (jury position \(px) against \(pz))."
        }
        func parts(_ f: PublishedResults.Finalist) -> String {
            "\(Self.score(w)) × \(Self.score(f.juryScore)) + \(Self.score(1 - w)) × \(Self.score(f.normalisedTop7Score)) = \(Self.score(f.finalScore))"
        }
        return text + " because its Top7 score (\(Show.score(x.top7Score)) against \(Show.score(z.top7Score)) for \(z.community)) outweighed the jury's preference for \(z.community)"
            + " at weights \(Self.score(w)) for the jury and \(Self.score(1 - w)) for the Top7 score: \(parts(x)) against \(parts(z))."
    }

    /// A part of the final score, to three decimals.
    static func score(_ value: Double?) -> String {
        value.map { Show.fixed($0, decimals: 3) } ?? "—"
    }
}
