/// Names a shortlist — the Smart21 or the Top7 — from scores, by a stated rule, and records it.
public struct Shortlist: Sendable, Codable, Equatable {
    /// One candidate for the shortlist.
    public struct Candidate: Sendable, Codable, Equatable {
        public var nomination: String
        public var community: String
        public var country: String
        public var region: String
        /// The score the shortlist is made on.
        public var score: Double
        /// The score that breaks ties (for the Smart21, the quantitative score).
        public var tieBreakScore: Double

        public init(nomination: String, community: String, country: String, region: String, score: Double, tieBreakScore: Double) {
            self.nomination = nomination
            self.community = community
            self.country = country
            self.region = region
            self.score = score
            self.tieBreakScore = tieBreakScore
        }
    }

    /// The candidates considered, in rank order.
    public var candidates: [Candidate]
    /// The rule applied, in words.
    public var rule: String
    /// The nominations selected, in rank order.
    public var selected: [String]
    /// Candidates passed over for a balance rule, with the reason.
    public var passedOver: [String: String]
    /// How sure the list was when it was named: each nominee's probability of being on it.
    public var robustness: ShortlistRobustness?

    /// The rank order: higher score first, then higher tie-break score, then community name.
    public static func ranked(_ candidates: [Candidate]) -> [Candidate] {
        candidates.sorted {
            if $0.score != $1.score { return $0.score > $1.score }
            if $0.tieBreakScore != $1.tieBreakScore { return $0.tieBreakScore > $1.tieBreakScore }
            return ($0.community, $0.nomination) < ($1.community, $1.nomination)
        }
    }

    /// Selects `size` candidates by rank, at most `maxPerCountry` per country, and at least
    /// `minPerRegion[r]` from each listed region when the region has enough candidates.
    ///
    /// Regional minimums are met first with each region's best candidates; the remaining places
    /// go down the ranking, skipping candidates whose country is full.
    public static func select(
        _ candidates: [Candidate], size: Int, maxPerCountry: Int? = nil, minPerRegion: [String: Int] = [:], name: String
    ) throws(AwardsError) -> Shortlist {
        guard size >= 1 else { throw AwardsError(.invalidValue, "a shortlist needs at least one place", field: "size") }
        if let bad = candidates.first(where: { !$0.score.isFinite }) {
            throw AwardsError(.invalidValue, "\(bad.community) has no score", field: bad.nomination)
        }
        if let bad = candidates.first(where: { !$0.tieBreakScore.isFinite }) {
            throw AwardsError(.invalidValue, "\(bad.community) has no tie-break score", field: bad.nomination)
        }
        let order = ranked(candidates)
        var chosen: [Int] = []
        var perCountry: [String: Int] = [:]
        var passedOver: [String: String] = [:]
        func fits(_ c: Candidate) -> Bool { maxPerCountry.map { (perCountry[c.country] ?? 0) < $0 } ?? true }
        func take(_ i: Int) {
            chosen.append(i)
            perCountry[order[i].country, default: 0] += 1
        }
        for region in minPerRegion.keys.sorted() {
            let needed = minPerRegion[region] ?? 0
            var got = 0
            for (i, c) in order.enumerated() where got < needed && c.region == region && !chosen.contains(i) && fits(c) {
                take(i)
                got += 1
            }
            if got < needed {
                throw AwardsError(.infeasible, "\(region) needs \(needed) place(s) but only \(got) eligible candidate(s) can take one", field: "minPerRegion.\(region)")
            }
        }
        for (i, c) in order.enumerated() where chosen.count < size && !chosen.contains(i) {
            if fits(c) { take(i) } else { passedOver[c.nomination] = "\(c.country) already has \(maxPerCountry ?? 0) place(s)" }
        }
        if chosen.count > size {
            throw AwardsError(.infeasible, "the regional minimums need \(chosen.count) places but the shortlist has \(size)", field: "minPerRegion")
        }
        let selected = chosen.sorted().map { order[$0].nomination }
        var rule = "\(name): the top \(size) by score; ties broken by the tie-break score, then by community name"
        if let maxPerCountry { rule += "; at most \(maxPerCountry) per country" }
        if !minPerRegion.isEmpty {
            rule += "; at least " + minPerRegion.keys.sorted().map { "\(minPerRegion[$0] ?? 0) from \($0)" }.joined(separator: ", ")
        }
        return Shortlist(candidates: order, rule: rule, selected: selected, passedOver: passedOver)
    }
}
