/// What a juror reads of one finalist beside the ballot: the community's own account of itself
/// (the narrative answers of its nomination), its calibrated factor scores of the Top7 round,
/// and the organisers' notes from its site visit.
///
/// Dossiers are made only as `Disclosure.juryDossiers` allows — from the jury vote on, for the
/// announced Top7 — and hold nothing else: no shortlist score or rank, no first-round score, no
/// analyst's own score or comment, no ballot.
public struct FinalistDossier: Sendable {
    /// One narrative answer of the nomination, with its question.
    public struct Statement: Sendable {
        public var question: Question
        public var answer: String
    }

    /// The finalist as announced.
    public var finalist: CycleAnnouncement.Entry
    /// The nomination's narrative answers of both rounds, in the questionnaire's order.
    public var summary: [Statement]
    /// The calibrated factor scores of the Top7 round on 0–100, by factor code; empty when the
    /// round's reviews cannot be scored.
    public var factorScores: [String: Double]
    /// The organisers' notes from the site visit; nil before they are written.
    public var siteVisitNote: String?

    /// The dossiers of `cycle`'s finalists, in the announcement's (name) order; none while the
    /// disclosure keeps them from the jury.
    public static func jury(cycle: Cycle, store: any AwardsStore) async throws(AwardsError) -> [FinalistDossier] {
        let announcement = try await CycleAnnouncement(cycle: cycle, store: store)
        guard announcement.disclosure.juryDossiers, !announcement.top7.isEmpty else { return [] }
        let nominations = Dictionary(try await store.nominations(cycle: cycle.year).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Scoring the round reads only the stored reviews; a round that cannot be scored (no
        // reviews yet) leaves the scores out rather than the dossier.
        let sheet = try? await Programme(store: store, actor: "jury dossier").score(round: 2, cycle: cycle.year)
        let rows = Dictionary((sheet?.rows ?? []).map { ($0.nomination, $0) }, uniquingKeysWith: { a, _ in a })
        return announcement.top7.map { finalist in
            let answers = nominations[finalist.nomination]?.answers ?? [:]
            let summary = cycle.questions.compactMap { question -> Statement? in
                guard !question.isQuantitative, case let .text(text)? = answers[question.id], !text.isEmpty else { return nil }
                return Statement(question: question, answer: text)
            }
            return FinalistDossier(
                finalist: finalist, summary: summary, factorScores: rows[finalist.nomination]?.factors ?? [:],
                siteVisitNote: cycle.siteVisitNotes[finalist.nomination])
        }
    }
}
