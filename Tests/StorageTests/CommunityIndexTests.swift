import Awards
import Foundation
import Testing
@testable import Storage

/// The Intelligent Community Index built from the store's cycles, and the directory around it.
@Suite("Intelligent Community Index")
struct CommunityIndexTests {
    @Test("a cycle's scores are public from its results' announcement, not before")
    func disclosure() async throws {
        try await withStore { store, _ in
            let programme = Programme(store: store, actor: "admin")
            let demo = DemoCycle(nominations: 12, analysts: 6, jurors: 3)
            try await demo.run(programme: programme, publishing: false)
            // Smart21 and Top7 named, every ballot cast: still no score in public.
            #expect(try await CommunityIndex.load(store).editions.isEmpty)
            let directory = try await CommunityDirectory.load(store)
            #expect(directory.profiles.allSatisfy { $0.scores.isEmpty })

            _ = try await programme.publish(cycle: 2026)
            let index = try await CommunityIndex.load(store)
            let edition = try #require(index.edition(2026))
            let sheet = try await programme.score(round: 1, cycle: 2026)
            #expect(edition.scores.count == 12)
            #expect(edition.scores.map(\.nomination) == sheet.rows.map(\.nomination))
            #expect(edition.scores.map(\.rank) == Array(1...12))
            #expect(zip(edition.scores, edition.scores.dropFirst()).allSatisfy { $0.overall >= $1.overall })
            for score in edition.scores {
                #expect(score.rankInterval[0] <= score.rankInterval[1])
                #expect(score.rankInterval[0] >= 1 && score.rankInterval[1] <= 12)
                #expect(score.nominees == 12)
            }
            // The median nominee, computed here by sorting.
            let overall = edition.scores.map(\.overall).sorted()
            #expect(edition.medians["overall"] == (overall[5] + overall[6]) / 2)
            // Stages from the publication: one winner, the Top7 and the Smart21 marked.
            let publication = try #require(try await store.publication(cycle: 2026))
            #expect(edition.scores.filter { $0.stage == .communityOfTheYear }.map(\.nomination) == [publication.winner])
            #expect(edition.scores.filter { $0.stage != nil }.count == publication.smart21.count)
        }
    }

    @Test("a community nominated in two cycles has a score per year, and its profile joins record, scores and peers")
    func panel() async throws {
        try await withStore { store, _ in
            let programme = Programme(store: store, actor: "admin")
            let later = DemoCycle(nominations: 16, analysts: 6, jurors: 3)
            let earlier = DemoCycle.earlier(year: 2025, from: later, nominations: 10, seed: 2025)
            try await programme.saveCommunities([Community(name: "Bình Dương", country: "Vietnam", kind: .province, population: 2_800_000)])
            try await earlier.run(programme: programme)
            try await later.run(programme: programme)

            let directory = try await CommunityDirectory.load(store)
            #expect(directory.index.editions.map(\.year) == [2025, 2026])
            let both = directory.profiles.filter { $0.scores.count == 2 }
            #expect(both.count == 10, "every community of 2025 came back in 2026")
            for profile in both {
                #expect(profile.scores.map(\.year) == [2025, 2026])
                #expect(profile.synthetic)
                #expect(profile.history?.smart21Years.isEmpty == false || profile.scores.allSatisfy { $0.stage == nil })
            }
            // Peers come from the same region.
            let someone = both[0]
            for peer in directory.peers(of: someone.community.id) {
                #expect(peer.community.region == someone.community.region)
                #expect(peer.community.id != someone.community.id)
            }
            // Search ignores accents and case; a community without scores is found too.
            #expect(directory.search("binh duong").map(\.community.name) == ["Bình Dương"])
            #expect(directory.profile(Community.id(name: "Bình Dương", country: "Vietnam"))?.scores.isEmpty == true)
            #expect(directory.search("").isEmpty)
        }
    }

    @Test("an earlier demo cycle reuses the later one's communities, with their qualities moved along their trends")
    func earlierDemo() {
        let later = DemoCycle(nominations: 40, analysts: 12, jurors: 5)
        let earlier = DemoCycle.earlier(year: 2025, from: later, nominations: 25, seed: 2025)
        #expect(earlier.cycle.year == 2025)
        #expect(earlier.nominations.count == 25)
        #expect(Set(earlier.nominations.map(\.community)).isSubset(of: Set(later.nominations.map(\.community))))
        #expect(earlier.nominations.allSatisfy { $0.year == 2025 && $0.community.hasSuffix("(synthetic)") })
        #expect(earlier.cycle.schedule.first?.starts == "2024-06-01")
        #expect(earlier.quality.values.allSatisfy { (0...1).contains($0) })
        #expect(DemoCycle.earlier(year: 2025, from: later, nominations: 25, seed: 2025).nominations == earlier.nominations)
    }
}

/// A shortlist named with its robustness keeps the figures in the store.
@Suite("Shortlist robustness recorded")
struct ShortlistRobustnessRecordTests {
    @Test("naming the Smart21 and the Top7 records each nominee's chance, and the selected are the likeliest")
    func recorded() async throws {
        try await withStore { store, _ in
            let programme = Programme(store: store, actor: "admin")
            let demo = DemoCycle(nominations: 30, analysts: 9, jurors: 3)
            try await programme.createCycle(demo.cycle)
            try await programme.saveNominations(demo.nominations, cycle: 2026)
            try await programme.saveAnalysts(demo.analysts)
            _ = try await programme.assign(round: 1, cycle: 2026)
            try await programme.setPhase(.smart21Scoring, cycle: 2026)
            try await programme.submitReviews(try await store.assignments(cycle: 2026, round: 1).map { demo.review(of: $0.nomination, by: $0.analyst, round: 1) }, cycle: 2026)
            let named = try await programme.shortlistSmart21(cycle: 2026, robustnessSamples: 200)
            let stored = try #require(try await store.shortlist("smart21", cycle: 2026))
            let robustness = try #require(stored.robustness)
            #expect(stored == named)
            #expect(robustness.samples == 200 && robustness.seed == 2026 && robustness.size == 21)
            #expect(robustness.nominees.count == 30)
            // Over all samples exactly 21 places are filled: the chances add up to the list's size.
            #expect(abs(robustness.nominees.reduce(0) { $0 + $1.probability } - 21) < 1e-9)
            #expect(robustness.nominees.map(\.rank) == Array(1...30))
            // The figures are the same when the analysis is run again with the same seed.
            #expect(try await programme.robustness(list: "smart21", cycle: 2026, samples: 200, seed: 2026) == robustness)
            await #expect(throws: AwardsError.self) { try await programme.robustness(list: "top8", cycle: 2026) }
        }
    }
}
