import Foundation
import IndexEngine

/// The awards programme's workflow: every action of a cycle, with its rules, over a store.
///
/// Each method checks the phase and the programme's rules before it changes anything, and every
/// change goes through the store, which logs it with `actor`.
public struct Programme: Sendable {
    /// Where the data live.
    public let store: any AwardsStore
    /// Who is acting, for the audit log.
    public let actor: String
    /// The time the action happens at: deadlines are judged and publications dated by it, never
    /// by the wall clock inside a rule, so that a server's clock or a test's can be given.
    public let now: Date

    /// A workflow acting as `actor` on `store` at `now`.
    public init(store: any AwardsStore, actor: String, now: Date = Date()) {
        self.store = store
        self.actor = actor
        self.now = now
    }

    // MARK: Cycles

    /// Creates a cycle after checking its settings.
    public func createCycle(_ cycle: Cycle) async throws(AwardsError) {
        try cycle.validate()
        try await store.createCycle(cycle, by: actor)
    }

    /// Moves a cycle to `phase`; phases only move forward.
    public func setPhase(_ phase: Phase, cycle year: Int) async throws(AwardsError) {
        var cycle = try await store.cycle(year)
        guard phase >= cycle.phase else {
            throw AwardsError(.invalidState, "the cycle is in \(cycle.phase.title); it cannot go back to \(phase.title)", field: "phase")
        }
        cycle.phase = phase
        try await store.updateCycle(cycle, by: actor)
    }

    /// Chooses how narrative scores are calibrated; only until the Top7 are named, after which
    /// the results rest on the method in force.
    public func setCalibration(_ method: CycleRules.CalibrationChoice, cycle year: Int) async throws(AwardsError) {
        var cycle = try await store.cycle(year)
        guard try await store.shortlist("top7", cycle: year) == nil else {
            throw AwardsError(.invalidState, "the Top7 have been named; the calibration can no longer change", field: "rules.calibration")
        }
        cycle.rules.calibration = method
        try await store.updateCycle(cycle, by: actor)
    }

    /// Sets when each phase starts and its submissions are due, and the cycle's time zone, after
    /// checking them as new settings are checked (each error names the schedule's row and field).
    public func setSchedule(_ schedule: [Cycle.PhaseStart], timeZone: String, cycle year: Int) async throws(AwardsError) {
        var cycle = try await store.cycle(year)
        cycle.schedule = schedule
        cycle.timeZone = timeZone
        try cycle.validateSchedule()
        try await store.updateCycle(cycle, by: actor)
    }

    /// Sets when the people who still owe a phase's submissions are reminded, and whether the
    /// organisers are told who is late; refused, naming `reminders.before[i]`, for a day outside
    /// 1–60 or given twice.
    public func setReminders(_ reminders: ReminderSchedule, cycle year: Int) async throws(AwardsError) {
        try reminders.validate()
        var cycle = try await store.cycle(year)
        cycle.reminders = reminders
        try await store.updateCycle(cycle, by: actor)
    }

    /// Grants `person` more time for `phase`'s submissions, replacing an extension they had for
    /// it. The phase must have a due time, the new one must be later, the reason given, and the
    /// person one who submits in that phase: a community of the cycle (or of the network) for
    /// nominations, an analyst for reviews, a juror on the jury for ballots.
    public func grantExtension(_ granted: DeadlineExtension, cycle year: Int) async throws(AwardsError) {
        var cycle = try await store.cycle(year)
        guard let due = cycle.deadline(of: granted.phase) else {
            throw AwardsError(.invalidValue, "\(granted.phase.title) has no due time to extend", field: "phase")
        }
        let until = try Deadline(granted.until, timeZone: cycle.zone, field: "until")
        guard until.instant > due.instant else {
            throw AwardsError(.invalidValue, "an extension must end after the due time (\(cycle.words(due)))", field: "until")
        }
        guard !granted.reason.allSatisfy(\.isWhitespace) else { throw AwardsError(.invalidValue, "an extension needs a reason", field: "reason") }
        let known: Bool
        switch granted.phase {
        case .nominationsOpen:
            let communities = try await store.nominations(cycle: year).map(\.communityID) + (try await store.communities().map(\.id))
            known = communities.contains(granted.person)
        case .smart21Scoring, .top7Scoring:
            known = try await store.analysts().contains { $0.id == granted.person && (cycle.panel?.contains($0.id) ?? true) }
        case .juryVote:
            known = cycle.juryMember(granted.person) != nil
        default:
            throw AwardsError(.invalidValue, "nothing is submitted during \(granted.phase.title)", field: "phase")
        }
        guard known else {
            throw AwardsError(.unknownReference, "'\(granted.person)' submits no \(Cycle.submissions(in: granted.phase)) in \(year)", field: "person")
        }
        cycle.extensions.removeAll { $0.person == granted.person && $0.phase == granted.phase }
        cycle.extensions.append(granted)
        try cycle.validateSchedule()
        try await store.updateCycle(cycle, by: actor)
    }

    // MARK: The network

    /// Adds or replaces communities after checking each record; the first problem names the community and the field.
    public func saveCommunities(_ communities: [Community]) async throws(AwardsError) {
        for c in communities {
            if let problem = c.problems().first {
                throw AwardsError(problem.kind, "community \(c.name) (\(c.country)): \(problem.message)", field: problem.field)
            }
        }
        try await store.saveCommunities(communities, by: actor)
    }

    /// Loads the public record of recognitions and the communities it names (keeping richer
    /// records already stored for the same communities).
    public func importRecord(_ recognitions: [Recognition]) async throws(AwardsError) {
        try await store.replaceRecognitions(recognitions, by: actor)
        let known = Set(try await store.communities().map(\.id))
        try await store.saveCommunities(Community.all(from: recognitions).filter { !known.contains($0.id) }, by: actor)
    }

    // MARK: Nominations

    /// Saves nominations (new or edited) while nominations are open; submitted ones are checked
    /// question by question, drafts and withdrawn ones for their numbers (each within its
    /// question's range), and the first problem names the nomination and the question.
    ///
    /// The store checks them against the cycle as it stands when they are written, so that a
    /// phase or questionnaire changed meanwhile, on any server, is not missed.
    public func saveNominations(_ nominations: [Nomination], cycle year: Int) async throws(AwardsError) {
        try await store.saveNominations(nominations, cycle: year, by: actor) { cycle throws(AwardsError) in
            try CycleAction.editNomination.check(in: cycle.phase)
            var seen: Set<String> = []
            for n in nominations {
                guard seen.insert(n.id).inserted else { throw AwardsError(.duplicate, "the nomination \(n.id) appears twice", field: n.id) }
                let problems = n.state == .submitted ? n.problems(against: cycle.questions) : n.numberProblems(against: cycle.questions)
                if let problem = problems.first {
                    throw AwardsError(problem.kind, "nomination \(n.id) (\(n.community)): \(problem.message)", field: problem.field)
                }
            }
        }
    }

    /// Saves a nomination for a community account bound to the community `community` (a
    /// `Community.id`): only that community's own nomination of the cycle, under the name,
    /// country, region and questionnaire year it already has. A community cannot rename itself or
    /// speak for another; the organisers correct names through `saveNominations`.
    ///
    /// A community with no nomination in the cycle yet may start one; its name, country and
    /// region are then those of its record in the network, or of its latest earlier nomination.
    public func saveOwnNomination(_ nomination: Nomination, community: String, cycle year: Int) async throws(AwardsError) {
        var nomination = nomination
        let present = try await store.nominations(cycle: year)
        let bound: Nomination
        if let existing = present.first(where: { $0.id == nomination.id }) {
            // Another community's nomination reads as missing, so that ids cannot be probed.
            guard existing.communityID == community else {
                throw AwardsError(.unknownReference, "your community has no nomination '\(nomination.id)' in \(year)", field: "id")
            }
            bound = existing
        } else {
            if let own = present.first(where: { $0.communityID == community }) {
                throw AwardsError(.duplicate, "your community's nomination in \(year) is '\(own.id)'", field: "id")
            }
            bound = try await newNomination(id: nomination.id, community: community, year: year)
        }
        for (field, sent, kept) in [("community", nomination.community, bound.community), ("country", nomination.country, bound.country), ("region", nomination.region, bound.region)]
        where sent != kept {
            throw AwardsError(.invalidValue, "a community cannot change its \(field) ('\(kept)'); the organisers can", field: field)
        }
        guard nomination.year == bound.year else {
            throw AwardsError(.invalidValue, "the questionnaire's year is \(bound.year)", field: "year")
        }
        if nomination.state == .submitted {
            try await store.cycle(year).checkDeadline(.nominationsOpen, person: community, at: now)
        }
        nomination.communityID = community
        try await saveNominations([nomination], cycle: year)
    }

    /// A new, empty nomination `id` of the community `community` in the cycle of `year`, named as
    /// the network or the community's latest nomination knows it.
    private func newNomination(id: String, community: String, year: Int) async throws(AwardsError) -> Nomination {
        if let record = try await store.communities().first(where: { $0.id == community }) {
            return Nomination(id: id, community: record.name, country: record.country, region: record.region, year: year, communityID: community)
        }
        for cycle in try await store.cycles().reversed() {
            if let earlier = try await store.nominations(cycle: cycle.year).first(where: { $0.communityID == community }) {
                return Nomination(id: id, community: earlier.community, country: earlier.country, region: earlier.region, year: year, communityID: community)
            }
        }
        throw AwardsError(.unknownReference, "the community '\(community)' is not in the network; ask the organisers", field: "community")
    }

    /// Brings into the cycle of `year` the questionnaires still eligible from earlier cycles:
    /// submitted within the cycle's eligibility window, not opted out, from communities that have
    /// no nomination in this cycle yet. Each keeps its answers and its year (so that it ages out
    /// on time) under the id `<year>-<id>`; running it again adds nothing twice. Returns the ids
    /// added.
    @discardableResult
    public func carryOver(into year: Int) async throws(AwardsError) -> [String] {
        let cycle = try await store.cycle(year)
        try CycleAction.editNomination.check(in: cycle.phase)
        let present = try await store.nominations(cycle: year)
        var communities = Set(present.map(\.communityID))
        var carried: [Nomination] = []
        for earlier in try await store.cycles().filter({ $0.year < year }).sorted(by: { $0.year > $1.year }) {
            for nomination in try await store.nominations(cycle: earlier.year)
            where nomination.isEligible(inCycle: year, years: cycle.rules.eligibilityYears) {
                // The latest questionnaire of a community wins: cycles are visited newest first.
                guard communities.insert(nomination.communityID).inserted else { continue }
                var copy = nomination
                copy.id = "\(nomination.year)-\(nomination.id)"
                carried.append(copy)
            }
        }
        if !carried.isEmpty { try await store.saveNominations(carried, cycle: year, by: actor) }
        return carried.map(\.id)
    }

    /// The nominations a round considers: round 1 every eligible submitted one, round 2 the Smart21.
    public func nominations(round: Int, cycle year: Int) async throws(AwardsError) -> [Nomination] {
        let cycle = try await store.cycle(year)
        let all = try await store.nominations(cycle: year).filter { $0.isEligible(inCycle: year, years: cycle.rules.eligibilityYears) }
        guard round == 2 else { return all }
        guard let smart21 = try await store.shortlist("smart21", cycle: year) else {
            throw AwardsError(.invalidState, "the Smart21 have not been named yet", field: "round")
        }
        let chosen = Set(smart21.selected)
        return all.filter { chosen.contains($0.id) }
    }

    // MARK: Analysts

    /// Adds or replaces analysts.
    public func saveAnalysts(_ analysts: [Analyst]) async throws(AwardsError) {
        for a in analysts {
            guard a.load >= 1 else { throw AwardsError(.invalidValue, "the load of \(a.id) must be at least 1", field: a.id) }
            try await store.saveAnalyst(a, by: actor)
        }
    }

    /// Assigns analysts to the nominations of `round` by minimum-cost flow and stores the plan.
    ///
    /// `forced` and `forbidden` pairs are the organisers' manual overrides; they are recorded
    /// with the assignments (`manual`).
    public func assign(round: Int, cycle year: Int, forced: [Assignment] = [], forbidden: [Assignment] = []) async throws(AwardsError) -> AssignmentPlan {
        let cycle = try await store.cycle(year)
        try CycleAction.assignAnalysts.check(in: cycle.phase)
        let nominations = try await self.nominations(round: round, cycle: year)
        let analysts = try await store.analysts().filter { cycle.panel?.contains($0.id) ?? true }
        guard !nominations.isEmpty, !analysts.isEmpty else {
            throw AwardsError(.invalidState, "assignment needs nominations and analysts (have \(nominations.count) and \(analysts.count))", field: "round")
        }
        let problem = AnalystAssignment(
            nominations: nominations.map { .init(id: $0.id, community: $0.community, country: $0.country, region: $0.region) },
            analysts: analysts.map {
                .init(id: $0.id, country: $0.country, affiliation: $0.affiliation, loadCap: $0.load, declaredConflicts: Set($0.conflicts))
            },
            analystsPerNomination: cycle.rules.analystsPerNomination,
            conflictRules: .init(sameCountry: cycle.rules.sameCountryConflict),
            overrides: .init(
                forced: forced.map { .init(nomination: $0.nomination, analyst: $0.analyst) },
                forbidden: forbidden.map { .init(nomination: $0.nomination, analyst: $0.analyst) }),
            // A small rising cost per extra nomination spreads the work instead of filling some analysts first.
            loadBalancingCost: 0.01)
        let plan = try problem.solve()
        let manual = Set(forced.map { "\($0.nomination)|\($0.analyst)" })
        try await store.replaceAssignments(
            plan.pairs.map { Assignment(nomination: $0.nomination, analyst: $0.analyst, manual: manual.contains("\($0.nomination)|\($0.analyst)")) },
            cycle: year, round: round, by: actor)
        return plan
    }

    // MARK: Reviews

    /// Records an analyst's review: only for an assigned pair, only in a scoring phase, locked once submitted.
    public func submitReview(_ review: Review, cycle year: Int) async throws(AwardsError) {
        try await submitReviews([review], cycle: year)
    }

    /// Records reviews, all or none, each checked as `submitReview` checks one.
    public func submitReviews(_ reviews: [Review], cycle year: Int) async throws(AwardsError) {
        let gate = try await ReviewGate(cycle: try await store.cycle(year), store: store)
        var checked: [Review] = []
        for review in reviews {
            try gate.check(review)
            if review.state != .recused {
                try gate.cycle.checkDeadline(review.round == 2 ? .top7Scoring : .smart21Scoring, person: review.analyst, at: now)
            }
            var submitted = review
            // Scores on the scale, confidences 1 to 5: a recusal's leftover scores too.
            let problem = review.state == .recused ? review.draftProblems(in: gate.cycle).first : review.problems(in: gate.cycle).first
            if let problem {
                throw AwardsError(problem.kind, "review of \(review.nomination) by \(review.analyst): \(problem.message)", field: problem.field)
            }
            if review.state != .recused {
                submitted.state = .draft
                try submitted.submit(in: gate.cycle)
            }
            checked.append(submitted)
        }
        try await store.saveReviews(checked, cycle: year, by: actor, reason: nil)
    }

    /// Saves an analyst's unfinished review: same phase, assignment and conflict checks as a
    /// submission, but incomplete scores are allowed (the scores given must still be on the
    /// cycle's scale, with a confidence of 1 to 5 or none yet); a submitted review cannot go back
    /// to draft.
    public func saveDraft(_ review: Review, cycle year: Int) async throws(AwardsError) {
        let gate = try await ReviewGate(cycle: try await store.cycle(year), store: store)
        try gate.check(review)
        if let problem = review.draftProblems(in: gate.cycle).first { throw problem }
        if let existing = try await store.reviews(cycle: year, round: review.round).first(where: { $0.nomination == review.nomination && $0.analyst == review.analyst }),
            existing.state != .draft
        {
            throw AwardsError(.invalidState, "the review is \(existing.state.rawValue); a submitted review is changed only by an admin, with a reason", field: "state")
        }
        var draft = review
        draft.state = .draft
        try await store.saveReview(draft, cycle: year, by: actor, reason: nil)
    }

    /// An analyst steps aside from a nomination: the review is recorded as recused with the
    /// reason (any draft scores dropped), and the conflict joins the analyst's declared
    /// conflicts, so that no later assignment gives them the nomination again.
    ///
    /// Only a review not yet submitted can be stepped away from: a submitted review is locked,
    /// and only an organiser's logged amendment changes it. The recusal is saved as the analyst's
    /// own write, never as an amendment, so the store's lock on submitted reviews holds as well.
    public func recuse(analyst id: String, from nomination: String, reason: String, cycle year: Int) async throws(AwardsError) {
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw AwardsError(.invalidValue, "stepping aside needs a reason", field: "reason")
        }
        let gate = try await ReviewGate(cycle: try await store.cycle(year), store: store)
        var review = try await store.reviews(cycle: year, round: gate.round).first { $0.nomination == nomination && $0.analyst == id }
            ?? Review(nomination: nomination, analyst: id, round: gate.round)
        try review.recuse(reason: reason)
        review.scores = [:]
        try gate.check(review)
        guard var analyst = try await store.analysts().first(where: { $0.id == id }) else {
            throw AwardsError(.unknownReference, "there is no analyst \(id)", field: "analyst")
        }
        try await store.saveReview(review, cycle: year, by: actor, reason: nil)
        if !analyst.conflicts.contains(nomination) {
            analyst.conflicts.append(nomination)
            try await store.saveAnalyst(analyst, by: actor)
        }
    }

    /// An admin's change to a submitted review, with the reason logged.
    public func amendReview(_ review: Review, reason: String, cycle year: Int) async throws(AwardsError) {
        let cycle = try await store.cycle(year)
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw AwardsError(.invalidValue, "changing a submitted review needs a reason", field: "reason")
        }
        if let problem = review.problems(in: cycle).first { throw problem }
        try await store.saveReview(review, cycle: year, by: actor, reason: reason)
    }

    // MARK: Scoring and shortlists

    /// Scores the nominations of `round`: quantitative answers through the index engine,
    /// narrative scores calibrated by the cycle's method, blended per factor.
    public func score(round: Int, cycle year: Int) async throws(AwardsError) -> ScoreSheet {
        let cycle = try await store.cycle(year)
        let nominations = try await self.nominations(round: round, cycle: year).filter { $0.state == .submitted }
        let reviews = try await store.reviews(cycle: year, round: round).filter { $0.state == .submitted }
        return try ScoreSheet(cycle: cycle, round: round, nominations: nominations, reviews: reviews)
    }

    /// Names the Smart21 from the round-1 scores and records the shortlist with its inputs and
    /// rule, and with its robustness over `robustnessSamples` samples (seeded by the year) when
    /// that is above 0.
    public func shortlistSmart21(cycle year: Int, robustnessSamples: Int = 0) async throws(AwardsError) -> Shortlist {
        let cycle = try await store.cycle(year)
        try CycleAction.shortlistSmart21.check(in: cycle.phase)
        let sheet = try await score(round: 1, cycle: year)
        var list = try Self.smart21(from: sheet, rules: cycle.rules)
        if robustnessSamples > 0 {
            list.robustness = try await ShortlistRobustness.smart21(sheet, rules: cycle.rules, samples: robustnessSamples, seed: UInt64(year))
        }
        try await store.saveShortlist(list, name: "smart21", cycle: year, by: actor)
        return list
    }

    /// Names the Top7 from the Smart21 by first- and second-round scores, weighted by the cycle's
    /// rule, with its robustness as `shortlistSmart21` records it.
    public func shortlistTop7(cycle year: Int, robustnessSamples: Int = 0) async throws(AwardsError) -> Shortlist {
        let cycle = try await store.cycle(year)
        try CycleAction.shortlistTop7.check(in: cycle.phase)
        let smart21 = try await namedSmart21(cycle: year)
        let second = try await score(round: 2, cycle: year)
        var list = try Self.top7(from: second, smart21: smart21, rules: cycle.rules)
        if robustnessSamples > 0 {
            list.robustness = try await ShortlistRobustness.top7(
                round1: try await score(round: 1, cycle: year), round2: second, smart21: smart21.selected, rules: cycle.rules,
                samples: robustnessSamples, seed: UInt64(year))
        }
        try await store.saveShortlist(list, name: "top7", cycle: year, by: actor)
        return list
    }

    /// The shortlist of `round` (1: the Smart21, 2: the Top7) as the cycle's rule names it from
    /// the scores as they stand, without recording it: what the organiser weighs before naming it.
    public func provisionalShortlist(round: Int, from sheet: ScoreSheet, cycle year: Int) async throws(AwardsError) -> Shortlist {
        let cycle = try await store.cycle(year)
        if round == 1 { return try Self.smart21(from: sheet, rules: cycle.rules) }
        return try Self.top7(from: sheet, smart21: try await namedSmart21(cycle: year), rules: cycle.rules)
    }

    /// The Smart21 already named; an error saying so when it is not.
    private func namedSmart21(cycle year: Int) async throws(AwardsError) -> Shortlist {
        guard let smart21 = try await store.shortlist("smart21", cycle: year) else {
            throw AwardsError(.invalidState, "the Smart21 have not been named yet", field: "smart21")
        }
        return smart21
    }

    /// The Smart21 by the cycle's rule from the round-1 `sheet`.
    static func smart21(from sheet: ScoreSheet, rules: CycleRules) throws(AwardsError) -> Shortlist {
        try Shortlist.select(sheet.candidates, size: rules.smart21Size, maxPerCountry: rules.maxPerCountry, minPerRegion: rules.minPerRegion, name: "Smart21")
    }

    /// The Top7 by the cycle's rule from the Smart21 and the round-2 `sheet`: the first- and
    /// second-round scores weighted by the rule, ties broken by the round-2 score.
    static func top7(from second: ScoreSheet, smart21: Shortlist, rules: CycleRules) throws(AwardsError) -> Shortlist {
        let first = Dictionary(uniqueKeysWithValues: smart21.candidates.map { ($0.nomination, $0.score) })
        let w = rules.firstRoundWeight
        let candidates = second.candidates.filter { first[$0.nomination] != nil }.map { c -> Shortlist.Candidate in
            var combined = c
            combined.tieBreakScore = c.score
            combined.score = w * (first[c.nomination] ?? 0) + (1 - w) * c.score
            return combined
        }
        let missing = smart21.selected.filter { id in !candidates.contains { $0.nomination == id } }
        guard missing.isEmpty else {
            throw AwardsError(.invalidState, "no second-round reviews yet for \(missing.joined(separator: ", "))", field: "reviews")
        }
        var list = try Shortlist.select(candidates, size: rules.top7Size, name: "Top7")
        list.rule += "; score = \(w) × round 1 + \(1 - w) × round 2, ties broken by the round-2 score"
        return list
    }

    /// How sure the Smart21 (`list` "smart21") or the Top7 ("top7") is before it is named: each
    /// nominee's probability of being on it and rank interval over `samples` draws of the
    /// analysts, the calibration method and the quantitative index's own choices (`analysis`, or
    /// the cycle's `quantitativeAnalysis`; see `ShortlistRobustness`), the same for a seed.
    public func robustness(
        list: String, cycle year: Int, samples: Int = 1000, seed: UInt64 = 1, analysis: AnalysisSpec? = nil, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws(AwardsError) -> ShortlistRobustness {
        let cycle = try await store.cycle(year)
        switch list {
        case "smart21":
            return try await ShortlistRobustness.smart21(
                try await score(round: 1, cycle: year), rules: cycle.rules, samples: samples, seed: seed, analysis: analysis, progress: progress)
        case "top7":
            guard let smart21 = try await store.shortlist("smart21", cycle: year) else {
                throw AwardsError(.invalidState, "the Smart21 have not been named yet", field: "smart21")
            }
            return try await ShortlistRobustness.top7(
                round1: try await score(round: 1, cycle: year), round2: try await score(round: 2, cycle: year), smart21: smart21.selected,
                rules: cycle.rules, samples: samples, seed: seed, analysis: analysis, progress: progress)
        default:
            throw AwardsError(.invalidValue, "'\(list)' is not a shortlist: smart21 or top7", field: "list")
        }
    }

    // MARK: Jury

    /// Names the cycle's jury: the jurors whose ballots count, with their groups. The jury may
    /// change until the results are published; ballots of jurors taken off it are no longer counted.
    public func setJury(_ jury: [JuryMember], cycle year: Int) async throws(AwardsError) {
        try await changeUnpublished(cycle: year, what: "the jury", field: "jury") { cycle throws(AwardsError) in
            cycle.jury = jury
            try cycle.validateJury()
        }
    }

    /// Changes the cycle of `year` with `change` and stores it, unless its results are published
    /// (then `what` — "the jury" — can no longer change, and the error names `field`).
    func changeUnpublished(cycle year: Int, what: String, field: String, _ change: (inout Cycle) throws(AwardsError) -> Void) async throws(AwardsError) {
        var cycle = try await store.cycle(year)
        guard try await store.publication(cycle: year) == nil else {
            throw AwardsError(.invalidState, "the \(year) results are published; \(what) can no longer change", field: field)
        }
        try change(&cycle)
        try await store.updateCycle(cycle, by: actor)
    }

    /// Records a juror's ballot over the Top7, in the jury phase: only from a juror on the
    /// cycle's jury, with the group the jury gives them.
    public func castBallot(_ ballot: Ballot, cycle year: Int) async throws(AwardsError) {
        try await castBallots([ballot], cycle: year)
    }

    /// Records ballots, each checked as `castBallot` checks one; none is recorded unless all pass.
    public func castBallots(_ ballots: [Ballot], cycle year: Int) async throws(AwardsError) {
        let cycle = try await store.cycle(year)
        try CycleAction.castBallot.check(in: cycle.phase)
        guard let top7 = try await store.shortlist("top7", cycle: year) else {
            throw AwardsError(.invalidState, "the Top7 have not been named yet", field: "top7")
        }
        var admitted: [Ballot] = []
        for ballot in ballots {
            let counted = try cycle.admit(ballot)
            try cycle.checkDeadline(.juryVote, person: ballot.juror, at: now)
            try counted.validate(candidates: Set(top7.selected))
            admitted.append(counted)
        }
        for ballot in admitted { try await store.saveBallot(ballot, cycle: year, by: actor) }
    }

    /// Counts the ballots by the cycle's method and combines the jury's ranking with the Top7 scores.
    public func tally(cycle year: Int) async throws(AwardsError) -> (jury: JuryResult, final: FinalResult) {
        let cycle = try await store.cycle(year)
        try CycleAction.tallyBallots.check(in: cycle.phase)
        return try await count(cycle)
    }

    /// The count `tally` and `publish` share, each after its own phase check: publishing is
    /// also allowed once the cycle was moved on to results announced.
    private func count(_ cycle: Cycle) async throws(AwardsError) -> (jury: JuryResult, final: FinalResult) {
        let year = cycle.year
        guard let top7 = try await store.shortlist("top7", cycle: year) else {
            throw AwardsError(.invalidState, "the Top7 have not been named yet", field: "top7")
        }
        // Only the jury's ballots count, whatever else was stored.
        let ballots = cycle.juryBallots(try await store.ballots(cycle: year))
        guard !ballots.isEmpty else { throw AwardsError(.invalidState, "no juror on the jury has cast a ballot", field: "ballots") }
        guard let method = VoteCount.Method(rawValue: cycle.rules.votingMethod) else {
            throw AwardsError(.invalidValue, "unknown voting method \(cycle.rules.votingMethod)", field: "rules.votingMethod")
        }
        let scores = Dictionary(uniqueKeysWithValues: top7.candidates.map { ($0.nomination, $0.score) })
        let jury = try VoteCount(method: method).count(
            ballots: ballots, candidates: top7.selected, tieBreak: top7.selected,
            groupWeighting: cycle.rules.equalJurorGroups ? .equalGroups : .perJuror)
        let final = try FinalResult(jury: jury, scores: scores.filter { top7.selected.contains($0.key) }, juryWeight: cycle.rules.juryWeight)
        return (jury, final)
    }

    /// Counts the ballots, records the publication and moves the cycle to results announced.
    ///
    /// Results are published once: publishing again would replace the announced winner and its
    /// date. A vote without a single ballot from the jury has nothing to count.
    public func publish(cycle year: Int) async throws(AwardsError) -> Publication {
        let cycle = try await store.cycle(year)
        if let earlier = try await store.publication(cycle: year) {
            throw AwardsError(.invalidState, "the \(year) results were already published (\(earlier.publishedAt)); they are published only once", field: "publication")
        }
        try CycleAction.publishResults.check(in: cycle.phase)
        let voted = cycle.juryBallots(try await store.ballots(cycle: year)).count
        guard voted > 0 else {
            throw AwardsError(.invalidState, "no ballots to count: 0 of \(cycle.jury.count) jurors on the jury have voted", field: "ballots")
        }
        guard let smart21 = try await store.shortlist("smart21", cycle: year), let top7 = try await store.shortlist("top7", cycle: year) else {
            throw AwardsError(.invalidState, "both shortlists must be named before publishing", field: "shortlists")
        }
        let (jury, final) = try await count(cycle)
        func table(_ candidates: [String], _ value: (String, String) -> Double?) -> [String: [String: Double]] {
            Dictionary(uniqueKeysWithValues: candidates.map { a in (a, Dictionary(uniqueKeysWithValues: candidates.compactMap { b in value(a, b).map { (b, $0) } })) })
        }
        let ballots = cycle.juryBallots(try await store.ballots(cycle: year))
        let publication = Publication(
            smart21: smart21.selected, top7: top7.selected, ranking: final.ranking, winner: final.ranking[0],
            rules: [smart21.rule, top7.rule, "Jury: \(jury.method.rawValue) count of \(ballots.count) ballots; final = \(cycle.rules.juryWeight) × jury position score + \(1 - cycle.rules.juryWeight) × normalised Top7 score"],
            pairwise: table(jury.pairwise.candidates) { jury.pairwise[$0, $1] },
            strongestPaths: jury.strongestPaths.map { paths in table(paths.candidates) { paths[$0, $1] } },
            publishedAt: ISO8601DateFormatter().string(from: now),
            figures: Publication.Figures(juryWeight: final.juryWeight, ballotWeight: jury.pairwise.totalWeight, standings: final.standings))
        try await store.savePublication(publication, cycle: year, by: actor)
        if cycle.phase != .resultsAnnounced { try await setPhase(.resultsAnnounced, cycle: year) }
        return publication
    }
}
