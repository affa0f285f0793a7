import Awards

/// The JSON of one community: its record, its index scores by year, its case studies and peers.
struct CommunityDocument: Encodable {
    var community: Community
    var synthetic: Bool
    var stages: [String: String]
    var firstYear: Int?
    var longestSmart21Streak: Int
    var winningYears: [Int]
    /// Intelligent Community Index scores, one per year scored, oldest first.
    var scores: [CommunityScore]
    var caseStudies: [String]
    var peers: [String]

    init(_ profile: CommunityDirectory.Profile, caseStudies: [CaseStudy], peers: [CommunityDirectory.Profile]) {
        community = profile.community
        synthetic = profile.synthetic
        let history = profile.history
        stages = Dictionary(uniqueKeysWithValues: (history?.stages ?? [:]).map { (String($0.key), $0.value.rawValue) })
        firstYear = history?.firstYear
        longestSmart21Streak = history?.longestStreak?.length ?? 0
        winningYears = history?.winningYears ?? []
        scores = profile.scores
        self.caseStudies = caseStudies.map(\.id)
        self.peers = peers.map(\.community.id)
    }
}

/// One community in the directory's JSON: who it is, its record in brief and its latest score.
struct CommunitySummaryDocument: Encodable {
    var community: Community
    var synthetic: Bool
    var stages: [String: String]
    var latestScore: CommunityScore?

    init(_ profile: CommunityDirectory.Profile) {
        community = profile.community
        synthetic = profile.synthetic
        stages = Dictionary(uniqueKeysWithValues: (profile.history?.stages ?? [:]).map { (String($0.key), $0.value.rawValue) })
        latestScore = profile.latest
    }
}
