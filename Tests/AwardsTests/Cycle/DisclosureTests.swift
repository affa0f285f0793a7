import Foundation
import Testing
@testable import Awards

/// The announcement rule, against the programme's intent written out independently.
@Suite("Disclosure")
struct DisclosureTests {
    /// From which phase each artefact is public: the Smart21 from its announcement, the Top7
    /// from the site visits, the results and scores from their publication.
    static let firstPublic: (smart21: Phase, top7: Phase, results: Phase) = (.smart21Announced, .siteVisits, .resultsAnnounced)

    @Test("each artefact is public from its announcement on, results and scores only once published",
          arguments: Phase.allCases, [false, true])
    func rule(_ phase: Phase, _ published: Bool) {
        let disclosure = Disclosure(phase: phase, resultsPublished: published)
        let order = Phase.allCases
        func reached(_ start: Phase) -> Bool { order.firstIndex(of: phase)! >= order.firstIndex(of: start)! }
        #expect(disclosure.smart21 == reached(Self.firstPublic.smart21))
        #expect(disclosure.top7 == reached(Self.firstPublic.top7))
        #expect(disclosure.results == (published && reached(Self.firstPublic.results)))
        #expect(disclosure.scores == disclosure.results)
        #expect(disclosure.shows(.smart21) == disclosure.smart21)
        #expect(disclosure.shows(.top7) == disclosure.top7)
        #expect(disclosure.shows(.communityOfTheYear) == disclosure.results)
    }

    @Test("the jury reads the finalists' dossiers from its vote on, and never before", arguments: Phase.allCases, [false, true])
    func juryDossiers(_ phase: Phase, _ published: Bool) {
        // Written out: the vote and the results announced, nothing earlier (site visits included).
        let expected = phase == .juryVote || phase == .resultsAnnounced
        #expect(Disclosure(phase: phase, resultsPublished: published).juryDossiers == expected, "\(phase)")
    }

    @Test("the record shows a platform-run year's recognitions only as far as its cycle has announced them")
    func record() {
        let record = [
            Recognition(awardYear: 2023, stage: .communityOfTheYear, community: "Binh Duong", country: "Vietnam"),
            Recognition(awardYear: 2027, stage: .smart21, community: "A", country: "Kenya"),
            Recognition(awardYear: 2027, stage: .top7, community: "B", country: "Kenya"),
            Recognition(awardYear: 2027, stage: .communityOfTheYear, community: "C", country: "Kenya"),
        ]
        let expected: [(Phase, Bool, [String])] = [
            (.smart21Scoring, false, ["Binh Duong"]),
            (.top7Scoring, false, ["Binh Duong", "A"]),
            (.juryVote, false, ["Binh Duong", "A", "B"]),
            (.resultsAnnounced, false, ["Binh Duong", "A", "B"]),
            (.resultsAnnounced, true, ["Binh Duong", "A", "B", "C"]),
        ]
        for (phase, published, names) in expected {
            let shown = Disclosure.announced(record, by: [2027: Disclosure(phase: phase, resultsPublished: published)])
            #expect(shown.map(\.community) == names, "\(phase), published \(published)")
        }
    }
}
