import Awards
import IndexEngine

/// A published cycle's final ranking with the parts of each finalist's final score, exactly as
/// the programme computed them when it published (`Publication.Figures`): the results page's
/// table, the CSV and the JSON download all read this one value, so none can disagree.
struct PublishedResults: Encodable, Equatable {
    /// One finalist's line.
    struct Finalist: Encodable, Equatable {
        /// The final rank (1 = Community of the Year).
        var rank: Int
        var nomination: String
        var community: String
        var country: String
        /// The finalist's record in the jury's head-to-head contests.
        var headToHead: HeadToHead
        /// The finalist's place in the jury's count (1 = first); the parts below are nil for
        /// results published before the programme kept them.
        var juryPosition: Int?
        /// The jury position as a score: (finalists − position) / (finalists − 1).
        var juryScore: Double?
        /// The Top7 score the finalist was shortlisted on.
        var top7Score: Double?
        /// The Top7 score rescaled over the finalists: (score − lowest) / (highest − lowest).
        var normalisedTop7Score: Double?
        /// juryWeight × juryScore + top7Weight × normalisedTop7Score.
        var finalScore: Double?
    }

    var year: Int
    var publishedAt: String
    /// The Community of the Year's nomination.
    var winner: String
    /// The weight of the jury score in the final score, and of the normalised Top7 score.
    var juryWeight: Double?
    var top7Weight: Double?
    /// The total weight of the ballots counted: jurors, or juror groups when groups weigh equally.
    var ballotWeight: Double?
    /// How the final score is made, in words; nil without the figures.
    var rule: String?
    /// The finalists, in final order.
    var finalists: [Finalist]
    /// How the winner and the order were decided, in one sentence.
    var explanation: String

    /// The results of the `year` cycle's `publication`, naming each nomination by `name` and
    /// `country`, the explanation and the rule in `format`'s language (English for downloads).
    init(_ publication: Publication, year: Int, name: (String) -> String, country: (String) -> String, format: PageFormat) {
        let figures = publication.figures
        self.year = year
        let standings = Dictionary((figures?.standings ?? []).map { ($0.candidate, $0) }, uniquingKeysWith: { a, _ in a })
        publishedAt = publication.publishedAt
        winner = publication.winner
        juryWeight = figures?.juryWeight
        top7Weight = figures.map { 1 - $0.juryWeight }
        ballotWeight = figures?.ballotWeight
        finalists = publication.ranking.enumerated().map { i, id in
            let s = standings[id]
            return Finalist(
                rank: i + 1, nomination: id, community: name(id), country: country(id), headToHead: publication.headToHead(id),
                juryPosition: s?.juryPosition, juryScore: s?.juryScore, top7Score: s?.score, normalisedTop7Score: s?.normalisedScore, finalScore: s?.combined)
        }
        explanation = ResultsExplanation.sentence(finalists, juryWeight: juryWeight, format: format)
        rule = juryWeight.map { Self.rule(juryWeight: $0, finalists: publication.ranking.count, format: format) }
    }

    /// How the final score of `finalists` finalists is made at `juryWeight`, in `format`'s language.
    static func rule(juryWeight: Double, finalists n: Int, format: PageFormat) -> String {
        format.translations.phrase("explanation.rule", [
            "jury": format.number(juryWeight, decimals: 2), "top7": format.number(1 - juryWeight, decimals: 2),
            "finalists": String(n), "contests": String(max(1, n - 1)),
        ], in: format.language)
    }

    /// One row per finalist, in final order, with the weights on every row so that each row
    /// reads on its own; parts not kept are empty.
    func csv() -> String {
        let header = [
            "rank", "nomination", "community", "country", "head_to_head_won", "head_to_head_lost", "head_to_head_tied",
            "jury_position", "jury_score", "top7_score", "normalised_top7_score", "jury_weight", "top7_weight", "final_score",
        ]
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
        var lines = [header.joined(separator: ",")]
        for f in finalists {
            let fields = [
                String(f.rank), f.nomination, f.community, f.country, String(f.headToHead.won), String(f.headToHead.lost), String(f.headToHead.tied),
                f.juryPosition.map(String.init) ?? "", number(f.juryScore), number(f.top7Score), number(f.normalisedTop7Score),
                number(juryWeight), number(top7Weight), number(f.finalScore),
            ]
            lines.append(fields.map(NumberFormat.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
