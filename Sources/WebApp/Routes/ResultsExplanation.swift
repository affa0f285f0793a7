/// The one sentence under a cycle's results that says how the winner and the order were decided.
///
/// It gives the winner's head-to-head record and final score, then takes the finalist whose
/// place departs most from the head-to-head records — placed above the most finalists that won
/// more contests — and says why: the jury's count ranked it above them, or its Top7 score
/// outweighed the jury's preference at the published weights. Every figure is one the programme
/// published; none is recomputed here. The sentence is built from the `explanation.*` phrases
/// of `format`'s language, its numbers written for it.
enum ResultsExplanation {
    /// The sentence for `finalists` in final order, whose final score weighs the jury score by `juryWeight`.
    static func sentence(_ finalists: [PublishedResults.Finalist], juryWeight: Double?, format: PageFormat) -> String {
        func say(_ key: String, _ values: [String: String] = [:]) -> String {
            format.translations.phrase("explanation." + key, values, in: format.language)
        }
        let score = { (value: Double?) in Self.score(value, format: format) }
        guard let winner = finalists.first else { return "" }
        guard finalists.count > 1 else { return say("only", ["winner": winner.community]) }
        let contests = String(finalists.count - 1)
        let most = finalists.map(\.headToHead.won).max() ?? 0
        var text: String
        if winner.headToHead.won == most {
            let shared = finalists.filter { $0.headToHead.won == most }.count > 1
            text = say(shared ? "mostShared" : "most", ["winner": winner.community, "most": String(most), "contests": contests])
            if let c = winner.finalScore { text += say("andHighest", ["score": score(c)]) }
        } else {
            let leader = finalists.first { $0.headToHead.won == most }?.community ?? ""
            text = say("fewer", ["winner": winner.community, "won": String(winner.headToHead.won), "contests": contests, "leader": leader, "most": String(most)])
            if let c = winner.finalScore { text += say("butHighest", ["score": score(c)]) }
        }
        let overtaking = finalists.dropFirst().map { f in (f, finalists.filter { $0.rank > f.rank && $0.headToHead.won > f.headToHead.won }) }
        guard let (x, passed) = overtaking.filter({ !$0.1.isEmpty }).max(by: { $0.1.count < $1.1.count }), let z = passed.first else {
            return text + say("agrees")
        }
        let record = x.headToHead.won == 0 && x.headToHead.tied == 0
            ? say("losingEvery") : say("winningOnly", ["won": String(x.headToHead.won), "contests": contests])
        text += say("placed", ["name": x.community, "rank": format.ordinal(x.rank), "record": record])
        guard let w = juryWeight, let px = x.juryPosition, let pz = z.juryPosition else {
            return text + say("above", ["other": z.community, "won": String(z.headToHead.won), "contests": contests])
        }
        if px < pz {
            return text + say("juryRanked", ["other": z.community, "px": String(px), "pz": String(pz)])
        }
        func parts(_ f: PublishedResults.Finalist) -> String {
            "\(score(w)) × \(score(f.juryScore)) + \(score(1 - w)) × \(score(f.normalisedTop7Score)) = \(score(f.finalScore))"
        }
        return text + say("outweighed", [
            "x": format.score(x.top7Score), "z": format.score(z.top7Score), "other": z.community, "jury": score(w), "top7": score(1 - w),
            "partsX": parts(x), "partsZ": parts(z),
        ])
    }

    /// A part of the final score, to three decimals, written for `format`'s language.
    static func score(_ value: Double?, format: PageFormat) -> String {
        value.map { format.number($0, decimals: 3) } ?? "—"
    }
}
