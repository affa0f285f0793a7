/// The scores of one round: per nomination and factor, the quantitative score, the calibrated
/// narrative score and their blend; the overall score; and how much the analysts agreed.
public struct ScoreSheet: Sendable {
    /// One nomination's scores.
    public struct Row: Sendable, Codable, Equatable {
        public var nomination: String
        public var community: String
        public var country: String
        public var region: String
        /// Quantitative factor scores on 0–100 (round 1; empty in round 2).
        public var quantitative: [String: Double]
        /// Calibrated narrative factor scores on 0–100.
        public var narrative: [String: Double]
        /// Blended factor scores on 0–100.
        public var factors: [String: Double]
        /// The weighted mean of the factor scores.
        public var overall: Double
        /// The number of submitted reviews.
        public var reviews: Int
        /// Factors on which the analysts disagreed beyond the threshold.
        public var disagreements: [String]
        /// The narrative score averaged over factors, on 0–100, by each calibration method side by side.
        public var narrativeByMethod: [String: Double]
    }

    /// The rows, best overall score first.
    public var rows: [Row]
    /// Krippendorff's interval alpha of the analysts' raw scores, per factor (see `Calibration`).
    public var agreement: [String: Double]
    /// The calibration method used.
    public var calibration: CycleRules.CalibrationChoice
    /// What drawing other panels of analysts for each nomination needs, by calibration method
    /// (`rankIntervals`, `ShortlistRobustness`).
    let resamplings: [CycleRules.CalibrationChoice: ReviewResampling]
    /// The round's quantitative index, if it has one, whose own choices a robustness run may vary.
    public let quantitativeIndex: QuantitativeScores?
    /// The resampling by the cycle's own calibration method.
    var resampling: ReviewResampling { resamplings[calibration]! }

    /// Scores `nominations` from their answers and the submitted `reviews` of `round`.
    ///
    /// Factor score = w·quantitative + (1 − w)·narrative with w the cycle's quantitative weight
    /// (the narrative alone in round 2, or where a factor has no data points); overall = the
    /// factor scores' mean weighted by the factors' weights. Narrative scores are calibrated by
    /// the cycle's method and put on 0–100 from the rubric scale.
    public init(cycle: Cycle, round: Int, nominations: [Nomination], reviews: [Review]) throws(AwardsError) {
        let ids = Set(nominations.map(\.id))
        let relevant = reviews.filter { ids.contains($0.nomination) && $0.round == round && $0.state == .submitted }
        var index: QuantitativeScores?
        if round == 1, cycle.questions(round: 1).contains(where: \.isQuantitative), nominations.count >= 2 {
            index = try QuantitativeScores.score(nominations, cycle: cycle, round: 1)
        }
        quantitativeIndex = index
        let quantitative = index?.byNomination ?? [:]
        let calibration = try Calibration(
            scores: relevant.flatMap { r in r.scores.keys.sorted().compactMap { f in r.scores[f].map { Calibration.Score(analyst: r.analyst, nomination: r.nomination, factor: f, value: $0.score) } } },
            scale: Calibration.Scale(lower: cycle.rules.scaleLow, upper: cycle.rules.scaleHigh))
        let choice = cycle.rules.calibration
        let byNomination = Dictionary(uniqueKeysWithValues: calibration.nominations.map { ($0.nomination, $0) })
        let (low, high) = (cycle.rules.scaleLow, cycle.rules.scaleHigh)
        let w = cycle.rules.quantitativeWeight
        rows = nominations.map { n in
            let q = quantitative[n.id] ?? [:]
            var narrative: [String: Double] = [:]
            var factors: [String: Double] = [:]
            for f in cycle.factors {
                let nValue = calibration.score(nomination: n.id, factor: f.code).map { ($0.value(choice) - low) / (high - low) * 100 }
                if let nValue { narrative[f.code] = nValue }
                if let blended = Self.blend(quantitative: q[f.code], narrative: nValue, weight: w) { factors[f.code] = blended }
            }
            let overall = Self.overall(cycle.factors.map { factors[$0.code] }, weights: cycle.factors.map(\.weight))
            return Row(
                nomination: n.id, community: n.community, country: n.country, region: n.region, quantitative: q.filter { $0.value.isFinite },
                narrative: narrative, factors: factors, overall: overall, reviews: relevant.count { $0.nomination == n.id },
                disagreements: calibration.scores.filter { $0.nomination == n.id && $0.disagreement }.map(\.factor).sorted(),
                narrativeByMethod: Dictionary(uniqueKeysWithValues: CycleRules.CalibrationChoice.allCases.compactMap { method in
                    byNomination[n.id].map { (method.rawValue, ($0.value(method) - low) / (high - low) * 100) }
                }))
        }
        rows.sort { a, b in
            let (x, y) = (a.overall.isNaN ? -Double.infinity : a.overall, b.overall.isNaN ? -Double.infinity : b.overall)
            return x != y ? x > y : a.nomination < b.nomination
        }
        agreement = Dictionary(uniqueKeysWithValues: calibration.agreement.map { ($0.factor, $0.alpha) })
        self.calibration = choice
        var resamplings: [CycleRules.CalibrationChoice: ReviewResampling] = [:]
        for method in CycleRules.CalibrationChoice.allCases {
            resamplings[method] = ReviewResampling(
                rows: rows, factors: cycle.factors, entries: calibration.entries, choice: method,
                scale: (low, high), quantitativeWeight: w)
        }
        self.resamplings = resamplings
    }

    /// A factor's score from its quantitative and narrative parts on 0–100: w·quantitative +
    /// (1 − w)·narrative, or whichever part there is.
    static func blend(quantitative: Double?, narrative: Double?, weight w: Double) -> Double? {
        switch (quantitative.flatMap { $0.isFinite ? $0 : nil }, narrative.flatMap { $0.isFinite ? $0 : nil }) {
        case let (q?, n?): w * q + (1 - w) * n
        case let (q?, nil): q
        case let (nil, n?): n
        case (nil, nil): nil
        }
    }

    /// The mean of the factor scores there are, weighted by their factors' weights (NaN if none).
    static func overall(_ scores: [Double?], weights: [Double]) -> Double {
        var sum = 0.0, weight = 0.0
        for (score, w) in zip(scores, weights) {
            if let score {
                sum += w * score
                weight += w
            }
        }
        return weight == 0 ? .nan : sum / weight
    }

    /// The rows as shortlist candidates; the tie-break is the quantitative overall (0 without data).
    public var candidates: [Shortlist.Candidate] {
        rows.filter { $0.overall.isFinite }.map { r in
            let q = r.quantitative.keys.sorted().compactMap { r.quantitative[$0] }
            return Shortlist.Candidate(
                nomination: r.nomination, community: r.community, country: r.country, region: r.region, score: r.overall,
                tieBreakScore: q.isEmpty ? 0 : q.reduce(0, +) / Double(q.count))
        }
    }

    /// The sheet as CSV: nomination, community, country, overall, each factor's blended score, then
    /// the narrative score by each calibration method side by side.
    public func csv() -> String {
        let factors = rows.first.map { Array($0.factors.keys).sorted() } ?? []
        let methods = CycleRules.CalibrationChoice.allCases.map(\.rawValue)
        var lines = [(["nomination", "community", "country", "region", "overall", "reviews"] + factors + methods.map { "narrative_\($0)" } + ["disagreements"]).joined(separator: ",")]
        for r in rows {
            let fields = [r.nomination, quoted(r.community), quoted(r.country), quoted(r.region), number(r.overall), String(r.reviews)]
                + factors.map { number(r.factors[$0] ?? .nan) } + methods.map { number(r.narrativeByMethod[$0] ?? .nan) } + [r.disagreements.joined(separator: " ")]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The best `limit` rows as a terminal table, with the agreement per factor.
    public func table(limit: Int) -> String {
        var lines = ["rank  nomination  overall  reviews  community"]
        for (i, r) in rows.prefix(limit).enumerated() {
            lines.append("\(String(i + 1).leftPadded(4))  \(r.nomination.padded(10))  \(number(r.overall, digits: 2).leftPadded(7))  \(String(r.reviews).leftPadded(7))  \(r.community) (\(r.country))\(r.disagreements.isEmpty ? "" : "  disagreement: " + r.disagreements.joined(separator: ", "))")
        }
        lines.append("Agreement (Krippendorff's alpha, interval): " + agreement.keys.sorted().map { "\($0) \(number(agreement[$0] ?? .nan, digits: 3))" }.joined(separator: ", "))
        lines.append("Calibration: \(calibration.rawValue)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func number(_ v: Double, digits: Int? = nil) -> String {
        guard v.isFinite else { return "NA" }
        guard let digits else { return "\(v)" }
        let scale = (0..<digits).reduce(1.0) { x, _ in x * 10 }
        let rounded = (v * scale).rounded() / scale
        var text = "\(rounded)"
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        if !text.contains(".") { text += "." }
        return text + String(repeating: "0", count: max(0, digits - decimals))
    }

    private func quoted(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
