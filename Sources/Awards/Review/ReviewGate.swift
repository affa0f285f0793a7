/// Who may write which review now: the phase must be a scoring phase, the review must be of its
/// round, its analyst assigned to its nomination, and without a declared conflict with it
/// (stepping aside is allowed, that being what a conflict calls for). Built once per call from
/// the stored assignments and conflicts, then asked about each review.
struct ReviewGate {
    let cycle: Cycle
    /// The round being scored.
    let round: Int
    private let assigned: Set<String>
    private let conflicts: [String: Set<String>]

    init(cycle: Cycle, store: any AwardsStore) async throws(AwardsError) {
        try CycleAction.submitReview.check(in: cycle.phase)
        // `submitReview` is allowed only in the two scoring phases, which both have a round.
        let round = cycle.scoringRound ?? 1
        self.cycle = cycle
        self.round = round
        assigned = Set(try await store.assignments(cycle: cycle.year, round: round).map { "\($0.nomination)|\($0.analyst)" })
        conflicts = Dictionary(try await store.analysts().map { ($0.id, Set($0.conflicts)) }, uniquingKeysWith: { a, _ in a })
    }

    func check(_ review: Review) throws(AwardsError) {
        guard review.round == round else {
            throw AwardsError(.outOfPhase, "round \(review.round) reviews are not open; the cycle scores round \(round)", field: "round")
        }
        guard assigned.contains("\(review.nomination)|\(review.analyst)") else {
            throw AwardsError(.conflictOfInterest, "\(review.analyst) is not assigned to \(review.nomination) in round \(review.round)", field: "analyst")
        }
        if review.state != .recused, conflicts[review.analyst]?.contains(review.nomination) == true {
            throw AwardsError(.conflictOfInterest, "\(review.analyst) declared a conflict with \(review.nomination)", field: "analyst")
        }
    }
}
