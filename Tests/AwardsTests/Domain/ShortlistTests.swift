import Testing
@testable import Awards

@Suite("Shortlist selection")
struct ShortlistSelectionTests {
    typealias Candidate = Shortlist.Candidate

    static func candidate(_ id: String, _ community: String, _ country: String, _ region: String, _ score: Double, _ tieBreak: Double = 0) -> Candidate {
        Candidate(nomination: id, community: community, country: country, region: region, score: score, tieBreakScore: tieBreak)
    }

    static func failure(_ body: () throws(AwardsError) -> Shortlist) -> AwardsError? {
        DomainKit.error { () throws(AwardsError) in _ = try body() }
    }

    /// Ties on score, and on score and tie-break score, listed out of order.
    static let tied: [Candidate] = [
        candidate("n-e", "Eindhoven", "Netherlands", "Europe", 70, 99),
        candidate("n-d", "Dubuque", "United States", "North America", 80, 60),
        candidate("n-a", "Aarhus", "Denmark", "Europe", 80, 50),
        candidate("n-b", "Bristol", "United Kingdom", "Europe", 90, 40),
        candidate("n-c", "Curitiba", "Brazil", "Latin America", 80, 60),
    ]

    @Test("the top N by score, ties broken by the tie-break score, then by community name")
    func tieBreak() throws {
        let shortlist = try Shortlist.select(Self.tied, size: 3, name: "Smart21")
        #expect(shortlist.candidates.map(\.community) == ["Bristol", "Curitiba", "Dubuque", "Aarhus", "Eindhoven"])
        #expect(shortlist.selected == ["n-b", "n-c", "n-d"])
        #expect(shortlist.passedOver.isEmpty)
        let four = try Shortlist.select(Self.tied, size: 4, name: "Smart21")
        #expect(four.selected == ["n-b", "n-c", "n-d", "n-a"])
    }

    @Test("the selection does not depend on the order of the input")
    func orderIndependent() throws {
        let forward = try Shortlist.select(Self.tied, size: 3, name: "Smart21")
        let backward = try Shortlist.select(Self.tied.reversed(), size: 3, name: "Smart21")
        #expect(forward == backward)
    }

    @Test("the same community name falls back to the nomination id")
    func sameName() {
        let ranked = Shortlist.ranked([
            Self.candidate("n-2", "Springfield", "United States", "North America", 50, 5),
            Self.candidate("n-1", "Springfield", "Australia", "Oceania", 50, 5),
        ])
        #expect(ranked.map(\.nomination) == ["n-1", "n-2"])
    }

    @Test("a size larger than the candidate count selects all, in rank order")
    func sizeLargerThanCount() throws {
        let shortlist = try Shortlist.select(Self.tied, size: 21, name: "Smart21")
        #expect(shortlist.selected == ["n-b", "n-c", "n-d", "n-a", "n-e"])
        #expect(shortlist.rule.hasPrefix("Smart21: the top 21 by score"))
    }

    @Test("a shortlist needs a place", arguments: [0, -1])
    func noPlaces(_ size: Int) throws {
        let error = try #require(Self.failure { () throws(AwardsError) in try Shortlist.select(Self.tied, size: size, name: "Smart21") })
        #expect(error.kind == .invalidValue)
        #expect(error.field == "size")
    }

    @Test("no candidates, no selection")
    func empty() throws {
        let shortlist = try Shortlist.select([], size: 7, name: "Top7")
        #expect(shortlist.selected.isEmpty)
        #expect(shortlist.candidates.isEmpty)
    }

    @Test("a score that is not finite is an error naming the nomination", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteScore(_ score: Double) throws {
        var candidates = Self.tied
        candidates[2].score = score
        let error = try #require(Self.failure { () throws(AwardsError) in try Shortlist.select(candidates, size: 3, name: "Smart21") })
        #expect(error.kind == .invalidValue)
        #expect(error.field == "n-a")
        #expect(error.message == "Aarhus has no score")
    }

    @Test("a tie-break score that is not finite is an error naming the nomination", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteTieBreak(_ tieBreak: Double) throws {
        var candidates = Self.tied
        candidates[1].tieBreakScore = tieBreak
        let error = try #require(Self.failure { () throws(AwardsError) in try Shortlist.select(candidates, size: 3, name: "Smart21") })
        #expect(error.kind == .invalidValue)
        #expect(error.field == "n-d")
        #expect(error.message == "Dubuque has no tie-break score")
    }

    // MARK: Country cap

    static let canadaHeavy: [Candidate] = [
        candidate("n1", "Stratford", "Canada", "North America", 95),
        candidate("n2", "Edmonton", "Canada", "North America", 90),
        candidate("n3", "Markham", "Canada", "North America", 85),
        candidate("n4", "Taoyuan", "Taiwan", "Asia", 80),
        candidate("n5", "Columbus", "United States", "North America", 75),
        candidate("n6", "Winnipeg", "Canada", "North America", 70),
    ]

    @Test("maxPerCountry skips a candidate and records why")
    func countryCap() throws {
        let shortlist = try Shortlist.select(Self.canadaHeavy, size: 3, maxPerCountry: 2, name: "Smart21")
        #expect(shortlist.selected == ["n1", "n2", "n4"])
        #expect(shortlist.passedOver == ["n3": "Canada already has 2 place(s)"])
    }

    @Test("maxPerCountry skips every candidate of a full country met before the list is full")
    func countryCapMany() throws {
        let shortlist = try Shortlist.select(Self.canadaHeavy, size: 5, maxPerCountry: 1, name: "Smart21")
        #expect(shortlist.selected == ["n1", "n4", "n5"])
        #expect(shortlist.passedOver == [
            "n2": "Canada already has 1 place(s)", "n3": "Canada already has 1 place(s)", "n6": "Canada already has 1 place(s)",
        ])
    }

    @Test("without a cap a country may take every place")
    func noCap() throws {
        let shortlist = try Shortlist.select(Self.canadaHeavy, size: 3, name: "Smart21")
        #expect(shortlist.selected == ["n1", "n2", "n3"])
        #expect(shortlist.passedOver.isEmpty)
    }

    // MARK: Regional minimums

    static let europeHeavy: [Candidate] = [
        candidate("e1", "Tallinn", "Estonia", "Europe", 92),
        candidate("e2", "Espoo", "Finland", "Europe", 90),
        candidate("e3", "Lisbon", "Portugal", "Europe", 88),
        candidate("e4", "Gdansk", "Poland", "Europe", 86),
        candidate("f2", "Nairobi", "Kenya", "Africa", 60),
        candidate("f1", "Kigali", "Rwanda", "Africa", 75),
        candidate("a1", "Taichung", "Taiwan", "Asia", 70),
    ]

    @Test("minPerRegion pulls in the best candidate of an under-represented region")
    func regionalMinimum() throws {
        let shortlist = try Shortlist.select(Self.europeHeavy, size: 3, minPerRegion: ["Africa": 1], name: "Smart21")
        #expect(shortlist.selected == ["e1", "e2", "f1"])
        let two = try Shortlist.select(Self.europeHeavy, size: 4, minPerRegion: ["Africa": 1, "Asia": 1], name: "Smart21")
        #expect(two.selected == ["e1", "e2", "f1", "a1"])
    }

    @Test("a region already in the top N takes no extra place")
    func regionalMinimumAlreadyMet() throws {
        let shortlist = try Shortlist.select(Self.europeHeavy, size: 3, minPerRegion: ["Europe": 2], name: "Smart21")
        #expect(shortlist.selected == ["e1", "e2", "e3"])
    }

    @Test("a region with too few candidates makes the selection infeasible, naming the region")
    func regionalMinimumInfeasible() throws {
        let error = try #require(Self.failure { () throws(AwardsError) in
            try Shortlist.select(Self.europeHeavy, size: 5, minPerRegion: ["Asia": 2], name: "Smart21")
        })
        #expect(error.kind == .infeasible)
        #expect(error.field == "minPerRegion.Asia")
        #expect(error.message == "Asia needs 2 place(s) but only 1 eligible candidate(s) can take one")
        let absent = try #require(Self.failure { () throws(AwardsError) in
            try Shortlist.select(Self.europeHeavy, size: 5, minPerRegion: ["Oceania": 1], name: "Smart21")
        })
        #expect(absent.kind == .infeasible)
        #expect(absent.field == "minPerRegion.Oceania")
    }

    @Test("a country cap can make a regional minimum infeasible")
    func regionalMinimumCapped() throws {
        let candidates = Self.europeHeavy + [Self.candidate("a2", "Kaohsiung", "Taiwan", "Asia", 65)]
        let error = try #require(Self.failure { () throws(AwardsError) in
            try Shortlist.select(candidates, size: 5, maxPerCountry: 1, minPerRegion: ["Asia": 2], name: "Smart21")
        })
        #expect(error.kind == .infeasible)
        #expect(error.field == "minPerRegion.Asia")
        let uncapped = try Shortlist.select(candidates, size: 5, minPerRegion: ["Asia": 2], name: "Smart21")
        #expect(uncapped.selected == ["e1", "e2", "e3", "a1", "a2"])
    }

    @Test("regional minimums that need more places than the shortlist has are infeasible")
    func regionalMinimumsTooMany() throws {
        let error = try #require(Self.failure { () throws(AwardsError) in
            try Shortlist.select(Self.europeHeavy, size: 2, minPerRegion: ["Africa": 1, "Asia": 1, "Europe": 1], name: "Smart21")
        })
        #expect(error.kind == .infeasible)
        #expect(error.field == "minPerRegion")
        #expect(error.message == "the regional minimums need 3 places but the shortlist has 2")
    }

    @Test("a country cap and a regional minimum together")
    func capAndMinimum() throws {
        let candidates = [
            Self.candidate("c1", "Stratford", "Canada", "North America", 95),
            Self.candidate("c2", "Edmonton", "Canada", "North America", 94),
            Self.candidate("c3", "Markham", "Canada", "North America", 93),
            Self.candidate("u1", "Columbus", "United States", "North America", 80),
            Self.candidate("f1", "Kigali", "Rwanda", "Africa", 50),
        ]
        let shortlist = try Shortlist.select(candidates, size: 4, maxPerCountry: 2, minPerRegion: ["Africa": 1], name: "Smart21")
        #expect(shortlist.selected == ["c1", "c2", "u1", "f1"])
        #expect(shortlist.passedOver == ["c3": "Canada already has 2 place(s)"])
    }

    // MARK: The rule

    @Test("the rule states every rule applied")
    func ruleText() throws {
        let plain = try Shortlist.select(Self.europeHeavy, size: 3, name: "Smart21 2026")
        #expect(plain.rule == "Smart21 2026: the top 3 by score; ties broken by the tie-break score, then by community name")
        let balanced = try Shortlist.select(Self.europeHeavy, size: 4, maxPerCountry: 2, minPerRegion: ["Asia": 1, "Africa": 1], name: "Smart21 2026")
        #expect(balanced.rule == "Smart21 2026: the top 4 by score; ties broken by the tie-break score, then by community name; at most 2 per country; at least 1 from Africa, 1 from Asia")
        let capped = try Shortlist.select(Self.europeHeavy, size: 7, maxPerCountry: 1, name: "Top7")
        #expect(capped.rule == "Top7: the top 7 by score; ties broken by the tie-break score, then by community name; at most 1 per country")
    }

    @Test("the shortlist records its inputs in rank order")
    func recordsInputs() throws {
        let shortlist = try Shortlist.select(Self.europeHeavy, size: 3, minPerRegion: ["Africa": 1], name: "Smart21")
        #expect(shortlist.candidates.map(\.nomination) == ["e1", "e2", "e3", "e4", "f1", "a1", "f2"])
        #expect(shortlist.candidates.map(\.score) == [92, 90, 88, 86, 75, 70, 60])
    }
}
