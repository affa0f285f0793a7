import Awards
import Foundation
import Hummingbird

/// The juror's workspace: a ranked ballot over the Top7 while the jury votes.
enum JurorRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let store = platform.store

        routes.get("/juror", access: .only(.juror), summary: "A juror's ballot over the Top7") { _, context in
            let identity = try context.requireIdentity()
            return try pages.render("juror", try Self.page(identity, store: store))
        }

        routes.form("/juror/ballot", access: .only(.juror), summary: "Casts or replaces a juror's ranked ballot") { _, context, form in
            let identity = try context.requireIdentity()
            guard let juror = identity.account.subject, !juror.isEmpty else {
                throw HTTPError(.forbidden, message: "this account is not linked to a juror")
            }
            guard let (cycle, top7) = try Self.openVote(store) else {
                throw HTTPError(.conflict, message: "no cycle is in its jury vote")
            }
            var entries: [Ballot.Entry] = []
            for candidate in top7.selected {
                let text = form["rank-\(candidate)"] ?? ""
                guard !text.isEmpty else { continue }
                guard let rank = Int(text) else {
                    throw HTTPError(.unprocessableContent, message: "field 'rank-\(candidate)': '\(text)' is not a rank")
                }
                entries.append(Ballot.Entry(candidate: candidate, rank: rank))
            }
            let ballot = Ballot(juror: juror, entries: entries)
            do {
                try Programme(store: store, actor: identity.actor).castBallot(ballot, cycle: cycle.year)
            } catch let error as AwardsError {
                var page = try Self.page(identity, store: store, draft: ballot)
                page["problem"] = error.description
                return try pages.render("juror", page, status: error.kind.httpStatus)
            }
            var page = try Self.page(identity, store: store)
            page["saved"] = true
            return try pages.render("juror", page)
        }
    }

    /// The latest cycle in its jury vote, with its Top7.
    static func openVote(_ store: any AwardsStore) throws -> (Cycle, Shortlist)? {
        guard let cycle = try store.cycles().last(where: { $0.phase == .juryVote }), let top7 = try store.shortlist("top7", cycle: cycle.year) else {
            return nil
        }
        return (cycle, top7)
    }

    /// The ballot page: the finalists with the juror's ranks so far.
    static func page(_ identity: Identity, store: any AwardsStore, draft: Ballot? = nil) throws -> [String: Any] {
        var page = Workspace.base(identity, title: "Your ballot")
        guard let (cycle, top7) = try openVote(store) else {
            page["closed"] = true
            return page
        }
        let stored = try store.ballots(cycle: cycle.year).first { $0.juror == identity.account.subject }
        let ballot = draft ?? stored
        let nominations = Dictionary(try store.nominations(cycle: cycle.year).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        page["year"] = cycle.year
        page["method"] = cycle.rules.votingMethod
        page["cast"] = stored != nil
        page["finalists"] = top7.selected.map { id -> [String: Any] in
            let rank = ballot?.rank(of: id)
            let ranks: [[String: Any]] = (1...top7.selected.count).map { r in ["rank": r, "selected": rank == r] }
            return ["id": id, "community": nominations[id]?.community ?? id, "country": nominations[id]?.country ?? "", "ranks": ranks]
        }
        return page
    }
}
