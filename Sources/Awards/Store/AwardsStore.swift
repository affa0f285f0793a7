/// Where the programme keeps its data; every rule of the programme works through this protocol.
///
/// Implementations must make each call atomic, append one `AuditEntry` per change in the same
/// transaction, and report failures as `AwardsError` (`.unknownReference` for a missing object,
/// `.duplicate` for an existing one, `.storage` when the database fails).
public protocol AwardsStore: Sendable {
    /// Adds a cycle.
    func createCycle(_ cycle: Cycle, by actor: String) async throws(AwardsError)
    /// Replaces a cycle's settings or phase.
    func updateCycle(_ cycle: Cycle, by actor: String) async throws(AwardsError)
    /// The cycle of `year`.
    func cycle(_ year: Int) async throws(AwardsError) -> Cycle
    /// Every cycle, by year.
    func cycles() async throws(AwardsError) -> [Cycle]

    /// Adds or replaces nominations of a cycle, all or none.
    func saveNominations(_ nominations: [Nomination], cycle: Int, by actor: String) async throws(AwardsError)
    /// Adds or replaces nominations of a cycle, all or none, if `check` accepts the cycle as it
    /// stands when they are written (its error is thrown otherwise, and nothing is written);
    /// `.unknownReference` when there is no such cycle. `check` may be called more than once,
    /// when the cycle changes meanwhile.
    func saveNominations(
        _ nominations: [Nomination], cycle: Int, by actor: String, checking check: @Sendable (Cycle) throws(AwardsError) -> Void
    ) async throws(AwardsError)
    /// The nominations of a cycle, by id.
    func nominations(cycle: Int) async throws(AwardsError) -> [Nomination]

    /// Adds or replaces an analyst.
    func saveAnalyst(_ analyst: Analyst, by actor: String) async throws(AwardsError)
    /// Every analyst, by id.
    func analysts() async throws(AwardsError) -> [Analyst]

    /// Replaces the assignments of a round.
    func replaceAssignments(_ assignments: [Assignment], cycle: Int, round: Int, by actor: String) async throws(AwardsError)
    /// The assignments of a round.
    func assignments(cycle: Int, round: Int) async throws(AwardsError) -> [Assignment]

    /// Adds or replaces reviews, all or none; `reason` is required when a submitted review changes.
    func saveReviews(_ reviews: [Review], cycle: Int, by actor: String, reason: String?) async throws(AwardsError)
    /// The reviews of a round.
    func reviews(cycle: Int, round: Int) async throws(AwardsError) -> [Review]

    /// Records a shortlist (`smart21`, `top7`) with its inputs and rule.
    func saveShortlist(_ shortlist: Shortlist, name: String, cycle: Int, by actor: String) async throws(AwardsError)
    /// A recorded shortlist.
    func shortlist(_ name: String, cycle: Int) async throws(AwardsError) -> Shortlist?

    /// Adds or replaces a juror's ballot.
    func saveBallot(_ ballot: Ballot, cycle: Int, by actor: String) async throws(AwardsError)
    /// The ballots of a cycle, by juror.
    func ballots(cycle: Int) async throws(AwardsError) -> [Ballot]

    /// Records the published results.
    func savePublication(_ publication: Publication, cycle: Int, by actor: String) async throws(AwardsError)
    /// The published results, if any.
    func publication(cycle: Int) async throws(AwardsError) -> Publication?

    /// Adds or replaces communities of the network, all or none.
    func saveCommunities(_ communities: [Community], by actor: String) async throws(AwardsError)
    /// Every community, by name.
    func communities() async throws(AwardsError) -> [Community]

    /// Replaces the public record of past recognitions.
    func replaceRecognitions(_ recognitions: [Recognition], by actor: String) async throws(AwardsError)
    /// The public record.
    func recognitions() async throws(AwardsError) -> [Recognition]

    /// The entries of the audit log that `query` selects, newest first, a page at a time, with
    /// how many match in all.
    func auditLog(_ query: AuditQuery) async throws(AwardsError) -> AuditPage
}

extension AwardsStore {
    /// Reads the cycle, checks it, then saves: a store that can check the cycle within the
    /// write itself does.
    public func saveNominations(
        _ nominations: [Nomination], cycle year: Int, by actor: String, checking check: @Sendable (Cycle) throws(AwardsError) -> Void
    ) async throws(AwardsError) {
        try check(try await cycle(year))
        try await saveNominations(nominations, cycle: year, by: actor)
    }

    /// The newest `limit` entries of the audit log, newest first; only those whose entity starts
    /// with `entity` when given.
    public func auditLog(entity: String?, limit: Int) async throws(AwardsError) -> [AuditEntry] {
        try await auditLog(AuditQuery(entity: entity, limit: limit)).entries
    }

    /// Adds or replaces one nomination.
    public func saveNomination(_ nomination: Nomination, cycle: Int, by actor: String) async throws(AwardsError) {
        try await saveNominations([nomination], cycle: cycle, by: actor)
    }

    /// Adds or replaces one review.
    public func saveReview(_ review: Review, cycle: Int, by actor: String, reason: String?) async throws(AwardsError) {
        try await saveReviews([review], cycle: cycle, by: actor, reason: reason)
    }
}
