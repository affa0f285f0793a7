/// What of a cycle is public at its phase: the one rule every page, API and workspace outside the
/// organisers' applies before it shows a shortlist, a stage, a score or a result.
///
/// Each artefact has its announcement, and before it nobody but the organisers sees it — not the
/// public, not the jurors, analysts or communities it concerns:
/// - the Smart21 (names and countries) from *Smart21 announced* on;
/// - the Top7 from *site visits* on: the phase after Top7 scoring, when the Top7 are visited, is
///   their announcement (and the jury ranks them in the next phase);
/// - the results — the Community of the Year, the final ranking, the jury's pairwise matrix — and
///   every score (shortlist scores, the analysts' feedback) only once the results are published,
///   which moves the cycle to *results announced*; a cycle moved there by hand without a
///   publication shows no score.
///
/// Until the results, shortlists are shown in name order, since their rank order would tell the
/// scores.
///
/// One audience sees more, and only for the finalists: from the *jury vote* on, the jurors read
/// each finalist's dossier (`FinalistDossier`) with its calibrated factor scores of the Top7 round
/// — what they weigh in ranking them — but never a shortlist score or rank, the first round's
/// scores, an analyst's own scores or comments, or another juror's ballot.
public struct Disclosure: Sendable, Equatable {
    /// The cycle's phase.
    public let phase: Phase
    /// Whether the cycle's results have been published.
    public let resultsPublished: Bool

    /// The disclosure of a cycle in `phase`, whose results are published or not.
    public init(phase: Phase, resultsPublished: Bool) {
        self.phase = phase
        self.resultsPublished = resultsPublished
    }

    /// Whether the Smart21's names and countries are public.
    public var smart21: Bool { phase >= .smart21Announced }
    /// Whether the Top7's names and countries are public.
    public var top7: Bool { phase >= .siteVisits }
    /// Whether the winner, the final ranking and the jury's count are public.
    public var results: Bool { resultsPublished && phase >= .resultsAnnounced }
    /// Whether any score is public: shortlist scores and the analysts' feedback.
    public var scores: Bool { results }
    /// Whether the jurors may read the finalists' dossiers, with their Top7-round factor scores.
    public var juryDossiers: Bool { top7 && phase >= .juryVote }

    /// Whether reaching `stage` this cycle is public.
    public func shows(_ stage: AwardStage) -> Bool {
        switch stage {
        case .smart21: smart21
        case .top7: top7
        case .communityOfTheYear: results
        }
    }
}

extension Disclosure {
    /// The disclosure of each cycle on the platform, by year.
    public static func byYear(_ store: any AwardsStore) async throws(AwardsError) -> [Int: Disclosure] {
        var result: [Int: Disclosure] = [:]
        for cycle in try await store.cycles() {
            result[cycle.year] = Disclosure(phase: cycle.phase, resultsPublished: try await store.publication(cycle: cycle.year) != nil)
        }
        return result
    }

    /// The recognitions the public may see: every one of a year run outside the platform (the
    /// record of past years), and of a year whose cycle is on the platform only those whose stage
    /// that cycle has announced.
    public static func announced(_ recognitions: [Recognition], by disclosures: [Int: Disclosure]) -> [Recognition] {
        recognitions.filter { disclosures[$0.awardYear]?.shows($0.stage) ?? true }
    }
}
