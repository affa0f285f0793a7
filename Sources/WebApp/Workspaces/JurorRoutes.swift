import Awards
import Foundation
import Hummingbird

/// The juror's workspace: a ranked ballot over the Top7 while the jury votes, for the jurors the
/// organisers named to the cycle's jury, beside each finalist's dossier; the ballot's group is
/// the one the jury gives.
///
/// The ballot is a table of labelled selects (each named "Rank of <finalist>" for assistive
/// technology, with no helper text on screen), so it works from the keyboard alone; a rank that
/// cannot be read comes back as an alert naming the finalist, the control marked invalid.
enum JurorRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/juror", access: .only(.juror), summary: "A juror's ballot over the Top7, beside each finalist's dossier") { _, context in
            let identity = try context.requireIdentity()
            return try await pages.render("juror", try Self.page(identity, store: store, pages: pages, now: now()))
        }

        routes.form("/juror/ballot", access: .only(.juror), summary: "Casts or replaces a juror's ranked ballot") { _, context, form in
            let identity = try context.requireIdentity()
            guard let juror = identity.account.subject, !juror.isEmpty else {
                throw HTTPError(.forbidden, message: "this account is not linked to a juror")
            }
            guard let (cycle, finalists) = try await Self.openVote(store) else {
                throw HTTPError(.conflict, message: "no cycle is in its jury vote")
            }
            var entries: [Ballot.Entry] = []
            var unreadable: (candidate: String, problem: String)?
            for finalist in finalists {
                let text = (form["rank-\(finalist.nomination)"] ?? "").trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard let rank = Int(text), (1...finalists.count).contains(rank) else {
                    unreadable = unreadable ?? (finalist.nomination, pages.phrase("juror.notARank", [
                        "community": finalist.community, "typed": text, "count": String(finalists.count),
                    ]))
                    continue
                }
                entries.append(Ballot.Entry(candidate: finalist.nomination, rank: rank))
            }
            let ballot = Ballot(juror: juror, entries: entries)
            if let unreadable {
                var page = try await Self.page(identity, store: store, pages: pages, now: now(), draft: ballot, invalid: unreadable.candidate)
                page["problem"] = unreadable.problem
                return try pages.render("juror", page, status: .unprocessableContent)
            }
            do {
                try await Programme(store: store, actor: identity.actor, now: now()).castBallot(ballot, cycle: cycle.year)
            } catch let error as AwardsError {
                var page = try await Self.page(identity, store: store, pages: pages, now: now(), draft: ballot)
                page["problem"] = pages.problem(error)
                return try pages.render("juror", page, status: error.kind.httpStatus)
            }
            var page = try await Self.page(identity, store: store, pages: pages, now: now())
            page["saved"] = true
            return try pages.render("juror", page)
        }
    }

    /// The latest cycle in its jury vote, with its finalists as announced.
    static func openVote(_ store: any AwardsStore) async throws -> (Cycle, [CycleAnnouncement.Entry])? {
        guard let cycle = try await store.cycles().last(where: { $0.phase == .juryVote }) else { return nil }
        let finalists = try await CycleAnnouncement(cycle: cycle, store: store).top7
        return finalists.isEmpty ? nil : (cycle, finalists)
    }

    /// The ballot page in the page's language: the finalists, as announced (names in
    /// alphabetical order, no shortlist score), with the juror's ranks so far — or `draft`, the
    /// ranks just sent, with `invalid` the finalist whose rank could not be read — each
    /// finalist's dossier, and the vote's deadline as judged at `now`; a juror not on the
    /// cycle's jury is told so and gets neither form nor dossiers.
    static func page(
        _ identity: Identity, store: any AwardsStore, pages: Pages, now: Date, draft: Ballot? = nil, invalid: String? = nil
    ) async throws -> [String: Any] {
        var page = Workspace.base(identity, title: pages.phrase("juror.title"))
        guard let (cycle, finalists) = try await openVote(store) else {
            page["closed"] = true
            return page
        }
        page["year"] = cycle.year
        guard let member = cycle.juryMember(identity.account.subject ?? "") else {
            page["notOnJury"] = pages.phrase("juror.notOnJury", ["year": String(cycle.year)])
            return page
        }
        let stored = try await store.ballots(cycle: cycle.year).first { $0.juror == member.id }
        let ballot = draft ?? stored
        page.merge(Timeline.due(cycle, in: .juryVote, for: member.id, at: now, pages: pages)) { _, due in due }
        page["intro"] = pages.phrase("juror.intro", ["year": String(cycle.year), "method": pages.phrase("votingMethods." + cycle.rules.votingMethod)])
        if let group = member.group, !group.isEmpty { page["groupLine"] = pages.phrase("juror.group", ["group": group]) }
        page["cast"] = stored != nil
        page["finalists"] = finalists.map { finalist -> [String: Any] in
            let rank = ballot?.rank(of: finalist.nomination)
            let ranks: [[String: Any]] = (1...finalists.count).map { r in ["rank": r, "selected": rank == r] }
            return [
                "id": finalist.nomination, "community": finalist.community, "country": finalist.country, "ranks": ranks,
                "rankLabel": pages.phrase("juror.rankOf", ["community": finalist.community]), "invalid": finalist.nomination == invalid,
            ]
        }
        page["dossiers"] = try await Self.dossiers(cycle, store: store, pages: pages)
        return page
    }

    /// Each finalist's dossier as the page shows it: the narrative answers under their
    /// questions, the factor scores by factor name, the site-visit notes.
    static func dossiers(_ cycle: Cycle, store: any AwardsStore, pages: Pages) async throws -> [[String: Any]] {
        let language = pages.language.rawValue
        return try await FinalistDossier.jury(cycle: cycle, store: store).map { dossier -> [String: Any] in
            var entry: [String: Any] = ["id": dossier.finalist.nomination, "community": dossier.finalist.community, "country": dossier.finalist.country]
            entry["summary"] = dossier.summary.map { ["question": $0.question.wording(in: language).text, "answer": $0.answer] }
            let scores = cycle.factors.compactMap { factor -> [String: Any]? in
                dossier.factorScores[factor.code].map { ["factor": FactorWords.name(factor, pages), "score": pages.format.number($0, decimals: 1)] }
            }
            entry["scores"] = scores
            entry["hasScores"] = !scores.isEmpty
            entry["note"] = dossier.siteVisitNote
            return entry
        }
    }
}
