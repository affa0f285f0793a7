import Awards
import Foundation
import Hummingbird

/// The juror's workspace: a ranked ballot over the Top7 while the jury votes, for the jurors the
/// organisers named to the cycle's jury; the ballot's group is the one the jury gives.
enum JurorRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/juror", access: .only(.juror), summary: "A juror's ballot over the Top7") { _, context in
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
            for candidate in finalists.map(\.nomination) {
                let text = form["rank-\(candidate)"] ?? ""
                guard !text.isEmpty else { continue }
                guard let rank = Int(text) else {
                    throw HTTPError(.unprocessableContent, message: "field 'rank-\(candidate)': '\(text)' is not a rank")
                }
                entries.append(Ballot.Entry(candidate: candidate, rank: rank))
            }
            let ballot = Ballot(juror: juror, entries: entries)
            do {
                try await Programme(store: store, actor: identity.actor, now: now()).castBallot(ballot, cycle: cycle.year)
            } catch let error as AwardsError {
                var page = try await Self.page(identity, store: store, pages: pages, now: now(), draft: ballot)
                page["problem"] = error.description
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

    /// The ballot page: the finalists, as announced (names in alphabetical order, no scores),
    /// with the juror's ranks so far and the vote's deadline as judged at `now`; a juror not on
    /// the cycle's jury is told so and gets no form.
    static func page(_ identity: Identity, store: any AwardsStore, pages: Pages, now: Date, draft: Ballot? = nil) async throws -> [String: Any] {
        var page = Workspace.base(identity, title: "Your ballot")
        guard let (cycle, finalists) = try await openVote(store) else {
            page["closed"] = true
            return page
        }
        page["year"] = cycle.year
        guard let member = cycle.juryMember(identity.account.subject ?? "") else {
            page["notOnJury"] = true
            return page
        }
        let stored = try await store.ballots(cycle: cycle.year).first { $0.juror == member.id }
        let ballot = draft ?? stored
        page.merge(Timeline.due(cycle, in: .juryVote, for: member.id, at: now, pages: pages)) { _, due in due }
        page["method"] = cycle.rules.votingMethod
        page["group"] = member.group ?? ""
        page["cast"] = stored != nil
        page["finalists"] = finalists.map { finalist -> [String: Any] in
            let rank = ballot?.rank(of: finalist.nomination)
            let ranks: [[String: Any]] = (1...finalists.count).map { r in ["rank": r, "selected": rank == r] }
            return ["id": finalist.nomination, "community": finalist.community, "country": finalist.country, "ranks": ranks]
        }
        return page
    }
}
