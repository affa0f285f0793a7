import IndexEngine

/// A realistic, clearly synthetic awards cycle for demonstrations and tests.
///
/// Every community, analyst and juror is invented (names are built from syllables and marked
/// "(synthetic)"); the data have the shape of a real cycle: about 400 nominations from many
/// countries, 40 analysts with declared conflicts and lenient or harsh habits, a jury of 12 in
/// three groups. The same seed always gives the same cycle.
public struct DemoCycle: Sendable {
    /// The cycle, in the nominations-open phase.
    public var cycle: Cycle
    /// Submitted nominations.
    public var nominations: [Nomination]
    /// The analysts.
    public var analysts: [Analyst]
    /// The jurors: the cycle's jury.
    public var jurors: [JuryMember] {
        get { cycle.jury }
        set { cycle.jury = newValue }
    }
    /// Each nomination's hidden quality, from which answers and scores are drawn.
    public var quality: [String: Double]
    /// Each analyst's hidden leniency, added to their scores.
    public var leniency: [String: Double]
    /// How many robustness samples are recorded with each shortlist when the cycle is run (none
    /// by default: tests that run many cycles need not pay for them).
    public var robustnessSamples = 0
    private var seed: UInt64

    /// The countries and regions demo communities come from.
    static let places: [(country: String, region: String)] = [
        ("Canada", "North America"), ("United States", "North America"), ("Brazil", "Latin America"), ("Mexico", "Latin America"),
        ("Colombia", "Latin America"), ("Finland", "Europe"), ("Estonia", "Europe"), ("France", "Europe"), ("United Kingdom", "Europe"),
        ("Portugal", "Europe"), ("Kenya", "Africa"), ("Nigeria", "Africa"), ("South Africa", "Africa"), ("India", "Asia"),
        ("Vietnam", "Asia"), ("Taiwan", "Asia"), ("Japan", "Asia"), ("Philippines", "Asia"), ("Australia", "Oceania"), ("New Zealand", "Oceania"),
    ]

    /// Builds the demo cycle of `year` from `seed`.
    public init(year: Int = 2026, nominations count: Int = 400, analysts analystCount: Int = 40, jurors jurorCount: Int = 12, seed: UInt64 = 2026) {
        self.seed = seed
        var random = SplitMix64(seed: seed)
        var questions: [Question] = []
        for factor in Factor.standard {
            let code = factor.code
            let words = DemoWording(factor)
            // Both data points are shares, in per cent: 0 to 100.
            questions.append(Question(
                id: "\(code)-Q1", factor: code, text: "\(factor.summary): headline data point", help: words.headline["en"],
                translations: words.translations(words.headlineText, words.headline, unit: true),
                kind: .quantitative(indicator: "\(code)_1", unit: "per cent", direction: 1), min: 0, max: 100))
            questions.append(Question(
                id: "\(code)-Q2", factor: code, text: "\(factor.summary): gap to close", help: words.gap["en"],
                translations: words.translations(words.gapText, words.gap, unit: true),
                kind: .quantitative(indicator: "\(code)_2", unit: "per cent", direction: -1), min: 0, max: 100))
            questions.append(Question(
                id: "\(code)-N1", factor: code, text: "Describe your programmes for \(factor.summary.lowercased()).", help: words.programmes["en"],
                translations: words.translations(words.programmesText, words.programmes), kind: .narrative(rubric: "1–10: reach, evidence, results")))
            questions.append(Question(
                id: "\(code)-N2", factor: code, text: "Since the Smart21: what changed in \(factor.summary.lowercased())?",
                translations: words.translations(words.changedText, [:]), kind: .narrative(rubric: "1–10: progress and evidence"), round: 2))
        }
        var cycle = Cycle(
            year: year, questions: questions,
            schedule: [
                .init(phase: .nominationsOpen, starts: "\(year - 1)-06-01"), .init(phase: .smart21Scoring, starts: "\(year - 1)-09-15"),
                .init(phase: .smart21Announced, starts: "\(year - 1)-10-20"), .init(phase: .top7Questionnaire, starts: "\(year - 1)-11-01"),
                .init(phase: .top7Scoring, starts: "\(year)-01-10"), .init(phase: .siteVisits, starts: "\(year)-02-01"),
                .init(phase: .juryVote, starts: "\(year)-04-15"), .init(phase: .resultsAnnounced, starts: "\(year)-06-10"),
            ],
            phase: .nominationsOpen,
            rules: CycleRules(analystLoad: max(3, (count * 3 + analystCount - 1) / max(1, analystCount) + 6)))

        var names = Set<String>()
        var nominations: [Nomination] = []
        var quality: [String: Double] = [:]
        for i in 0..<count {
            var name = Self.placeName(&random)
            while names.contains(name) { name = Self.placeName(&random) }
            names.insert(name)
            let place = Self.places[Int(random.nextUnit() * Double(Self.places.count))]
            let id = "N-\(threeDigits(i + 1))"
            let q = random.nextUnit()
            quality[id] = q
            nominations.append(Self.nomination(
                id: id, community: "\(name) (synthetic)", country: place.country, region: place.region, year: year,
                quality: q, questions: questions, random: &random))
        }
        var analysts: [Analyst] = []
        var leniency: [String: Double] = [:]
        let affiliations = ["University", "Consultancy", "Foundation", "Ministry", "Think tank"]
        for i in 0..<analystCount {
            let id = "A-\(threeDigits(i + 1))"
            let place = Self.places[i % Self.places.count]
            var conflicts: [String] = []
            if random.nextUnit() < 0.3 { conflicts.append(nominations[Int(random.nextUnit() * Double(count))].id) }
            analysts.append(Analyst(
                id: id, name: "Analyst \(Self.personName(&random)) (synthetic)", country: place.country,
                affiliation: "\(affiliations[i % affiliations.count]) \(i % 7 + 1)", load: cycle.rules.analystLoad, conflicts: conflicts))
            leniency[id] = (random.nextUnit() - 0.5) * 2
        }
        let groups = ["industry", "academia", "government"]
        cycle.jury = (0..<jurorCount).map { i in
            JuryMember(id: "J-\(threeDigits(i + 1))", name: "Juror \(Self.personName(&random)) (synthetic)", group: groups[i % groups.count])
        }
        self.cycle = cycle
        self.nominations = nominations
        self.analysts = analysts
        self.quality = quality
        self.leniency = leniency
    }

    /// A submitted nomination whose answers are drawn from its hidden `quality` (0–1): each data
    /// point near where that quality puts it, with noise.
    private static func nomination(
        id: String, community: String, country: String, region: String, year: Int, quality q: Double, questions: [Question], random: inout SplitMix64
    ) -> Nomination {
        var answers: [String: Nomination.Answer] = [:]
        for question in questions where question.round == 1 {
            switch question.kind {
            case let .quantitative(_, _, direction):
                let base = direction > 0 ? 20 + 70 * q : 60 - 50 * q
                answers[question.id] = .number(((base + 15 * (random.nextUnit() - 0.5)) * 10).rounded() / 10)
            case .narrative:
                answers[question.id] = .text("\(community) describes its work on \(question.factor.lowercased()).")
            }
        }
        let slug = community.replacingOccurrences(of: " (synthetic)", with: "").lowercased().split(separator: " ").joined(separator: "-")
        return Nomination(
            id: id, community: community, country: country, region: region, year: year,
            answers: answers, evidence: ["https://example.org/\(slug)"], state: .submitted)
    }

    /// The cycle of an earlier `year` with `count` of `later`'s communities (drawn by `seed`),
    /// each as it stood then: its quality `later.year − year` years of its own trend back, so
    /// that most communities improve over the years and some decline. The analysts and jury are
    /// `later`'s; the nominations are numbered afresh.
    public static func earlier(year: Int, from later: DemoCycle, nominations count: Int, seed: UInt64) -> DemoCycle {
        var demo = later
        var random = SplitMix64(seed: seed)
        demo.seed = seed
        demo.cycle.year = year
        demo.cycle.schedule = later.cycle.schedule.map { entry in
            var moved = entry
            let parts = entry.starts.split(separator: "-", maxSplits: 1)
            if let y = Int(parts[0]) { moved.starts = "\(y - (later.cycle.year - year))-\(parts[1])" }
            return moved
        }
        demo.cycle.phase = .nominationsOpen
        var pool = later.nominations
        for i in pool.indices.reversed() { pool.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        demo.nominations = []
        demo.quality = [:]
        for (i, n) in pool.prefix(count).enumerated() {
            let id = "N-\(threeDigits(i + 1))"
            let trend = (random.nextUnit() - 0.35) * 0.12
            let q = min(1, max(0, (later.quality[n.id] ?? 0.5) - trend * Double(later.cycle.year - year)))
            demo.quality[id] = q
            demo.nominations.append(Self.nomination(
                id: id, community: n.community, country: n.country, region: n.region, year: year,
                quality: q, questions: later.cycle.questions, random: &random))
        }
        return demo
    }

    /// The review an analyst would write: the nomination's quality on the scale, the analyst's
    /// leniency, and noise, clipped to the scale.
    public func review(of nomination: String, by analyst: String, round: Int) -> Review {
        var random = SplitMix64(seed: seed ^ Self.hash(nomination + "|" + analyst + "|\(round)"))
        let (low, high) = (cycle.rules.scaleLow, cycle.rules.scaleHigh)
        var scores: [String: Review.FactorScore] = [:]
        for factor in cycle.factors {
            let true_ = low + (high - low) * (quality[nomination] ?? 0.5)
            let raw = true_ + (leniency[analyst] ?? 0) + (random.nextUnit() - 0.5) * 2
            let score = min(high, max(low, (raw * 2).rounded() / 2))
            scores[factor.code] = Review.FactorScore(score: score, comment: "Synthetic assessment of \(factor.name).", confidence: 1 + Int(random.nextUnit() * 5))
        }
        return Review(nomination: nomination, analyst: analyst, round: round, scores: scores, state: .submitted)
    }

    /// A juror's ranked ballot over `finalists`: their quality seen through the juror's own noise.
    public func ballot(of juror: JuryMember, over finalists: [String]) -> Ballot {
        var random = SplitMix64(seed: seed ^ Self.hash(juror.id))
        let order = finalists.map { ($0, (quality[$0] ?? 0.5) + (random.nextUnit() - 0.5) * 0.3) }.sorted { $0.1 > $1.1 }.map(\.0)
        return Ballot(juror: juror.id, group: juror.group, order: order)
    }

    /// This cycle with `samples` robustness samples recorded with each shortlist.
    public func recordingRobustness(_ samples: Int) -> DemoCycle {
        var demo = self
        demo.robustnessSamples = samples
        return demo
    }

    /// Runs the cycle through every phase to its published winner, reviews and ballots drawn as
    /// `review(of:by:round:)` and `ballot(of:over:)` draw them.
    ///
    /// - Parameter publishing: whether the count is published; without it the cycle stops in the
    ///   jury vote with every ballot cast, for an organiser to publish.
    public func run(programme: Programme, publishing: Bool = true) async throws(AwardsError) {
        let store = programme.store
        let year = cycle.year
        try await programme.createCycle(cycle)
        try await programme.saveNominations(nominations, cycle: year)
        try await programme.saveAnalysts(analysts)
        _ = try await programme.assign(round: 1, cycle: year)
        try await programme.setPhase(.smart21Scoring, cycle: year)
        try await programme.submitReviews(try await store.assignments(cycle: year, round: 1).map { review(of: $0.nomination, by: $0.analyst, round: 1) }, cycle: year)
        _ = try await programme.shortlistSmart21(cycle: year, robustnessSamples: robustnessSamples)
        try await programme.setPhase(.top7Questionnaire, cycle: year)
        _ = try await programme.assign(round: 2, cycle: year)
        try await programme.setPhase(.top7Scoring, cycle: year)
        try await programme.submitReviews(try await store.assignments(cycle: year, round: 2).map { review(of: $0.nomination, by: $0.analyst, round: 2) }, cycle: year)
        let top7 = try await programme.shortlistTop7(cycle: year, robustnessSamples: robustnessSamples)
        try await programme.setPhase(.juryVote, cycle: year)
        for juror in jurors { try await programme.castBallot(ballot(of: juror, over: top7.selected), cycle: year) }
        if publishing { _ = try await programme.publish(cycle: year) }
    }

    private static func placeName(_ random: inout SplitMix64) -> String {
        let first = ["Nor", "Val", "Ash", "Bel", "Cor", "Dun", "Elm", "Fal", "Gra", "Har", "Ivy", "Kel", "Lum", "Mar", "Oak", "Pel", "Riv", "Sel", "Tor", "Wyn"]
        let second = ["vale", "ford", "bridge", "haven", "port", "field", "stead", "wick", "mere", "ton", "brook", "crest", "dale", "moor", "gate"]
        let a = first[Int(random.nextUnit() * Double(first.count))], b = second[Int(random.nextUnit() * Double(second.count))]
        return random.nextUnit() < 0.25 ? "\(a)\(b) County" : a + b
    }

    private static func personName(_ random: inout SplitMix64) -> String {
        let given = ["Ada", "Ben", "Chioma", "Dara", "Emil", "Farah", "Goran", "Hana", "Ines", "Jun", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya"]
        let family = ["Arden", "Brandt", "Castell", "Duarte", "Eklund", "Fonseca", "Greer", "Halloran", "Iqbal", "Jansen", "Kovac", "Lindqvist"]
        return "\(given[Int(random.nextUnit() * Double(given.count))]) \(family[Int(random.nextUnit() * Double(family.count))])"
    }

    /// A stable 64-bit hash of a string (FNV-1a), so generated reviews do not depend on run order.
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return h
    }
}

/// A number written with at least three digits (`007`).
func threeDigits(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
}
