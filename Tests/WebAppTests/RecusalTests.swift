import Awards
import Foundation
import HummingbirdTesting
import Testing
@testable import WebApp

/// Stepping aside is for a review not yet submitted: once submitted, a review is locked and only
/// an organiser's logged amendment changes it. Recusing afterwards once erased the scores,
/// logged as an amendment.
@Suite("Recusal after submission")
struct RecusalTests {
    static let year = DemoPlatform.walkthroughYear

    @Test("an analyst cannot step aside from a submitted review, through the programme or the route; the review and the log are untouched")
    func recuseAfterSubmitting() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await app.openFirstRound()
            let cycle = try await store.cycle(Self.year)
            let analyst = try await app.signedIn(.analyst)
            try await analyst.scoreAll(cycle: cycle, round: 1, store: store)
            let reviews = try await store.reviews(cycle: Self.year, round: 1)
            let analysts = try await store.analysts()
            let logged = try await store.auditLog(entity: nil, limit: 10_000).count
            let (first, second) = (reviews[0], reviews[1])
            #expect(first.state == .submitted && !first.scores.isEmpty)

            // Through the programme.
            let error = await AwardsFailure.of { () throws(AwardsError) in
                try await Programme(store: store, actor: "analyst").recuse(analyst: "A-101", from: first.nomination, reason: "A conflict found late.", cycle: Self.year)
            }
            #expect(error?.kind == .invalidState, "\(String(describing: error))")
            #expect(error?.message.contains("submitted") == true)

            // Through the route: 409, with the rule in words.
            try await analyst.get("/analyst/reviews/\(second.nomination)")
            let response = try await analyst.post("/analyst/reviews/\(second.nomination)/recuse", [("reason", "A conflict found late.")])
            #expect(response.status == .conflict, "\(response.status)")
            #expect(response.body.contains("submitted"))

            #expect(try await store.reviews(cycle: Self.year, round: 1) == reviews, "the reviews keep their scores and state")
            #expect(try await store.analysts() == analysts, "no conflict is added")
            #expect(try await store.auditLog(entity: nil, limit: 10_000).count == logged, "nothing is written to the audit log")
        }
    }

    @Test("stepping aside from a draft or an unstarted review still works, and is not logged as an amendment")
    func recuseDraft() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            _ = try await app.openFirstRound()
            let assignments = try await store.assignments(cycle: Self.year, round: 1)
            let analyst = try await app.signedIn(.analyst)
            let drafted = assignments[0].nomination
            try await analyst.get("/analyst/reviews/\(drafted)")
            #expect(try await analyst.post("/analyst/reviews/\(drafted)", [("score-Connect", "7"), ("comment-Connect", "Draft."), ("action", "draft")]).status == .seeOther)
            for nomination in [drafted, assignments[1].nomination] {
                try await analyst.get("/analyst/reviews/\(nomination)")
                #expect(try await analyst.post("/analyst/reviews/\(nomination)/recuse", [("reason", "I advised this city.")]).status == .seeOther)
                let review = try #require(try await store.reviews(cycle: Self.year, round: 1).first { $0.nomination == nomination })
                #expect(review.state == .recused && review.recusalReason == "I advised this city.")
                #expect(review.scores.isEmpty, "a recused review carries no scores")
            }
            let log = try await store.auditLog(entity: "review:", limit: 100)
            #expect(log.allSatisfy { $0.action != "amend" }, "stepping aside is the analyst's own save, not an organiser's amendment")
        }
    }
}
