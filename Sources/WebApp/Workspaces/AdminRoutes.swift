import Awards
import Foundation
import Hummingbird

/// The organisers' workspace: cycles and their phases, assignment, calibrated scores,
/// shortlists, publication and the audit log (accounts are `AccountAdminRoutes`).
enum AdminRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let store = platform.store
        let admin = Access.only(.admin)

        routes.get("/admin", access: admin, summary: "The organisers' overview of every cycle") { _, context in
            let identity = try context.requireIdentity()
            var page = Workspace.base(identity, title: "Organisers")
            let stored = try await store.cycles()
            var cycles: [[String: Any]] = []
            for cycle in stored.reversed() {
                cycles.append(["year": cycle.year, "phase": cycle.phase.title, "nominations": try await store.nominations(cycle: cycle.year).count])
            }
            page["cycles"] = cycles
            page["nextYear"] = (stored.last?.year ?? 2026) + 1
            return try pages.render("admin", page)
        }

        routes.form("/admin/cycles", access: admin, summary: "Creates the next cycle from the latest one's questionnaire and rules") { _, context, form in
            let identity = try context.requireIdentity()
            guard let year = Int(try form.required("year")) else { throw HTTPError(.unprocessableContent, message: "field 'year': not a year") }
            guard var cycle = try await store.cycles().last else { throw HTTPError(.conflict, message: "there is no cycle to copy the questionnaire from") }
            cycle.year = year
            cycle.phase = .setup
            cycle.schedule = []
            // Each cycle names its own jury.
            cycle.jury = []
            try await Programme(store: store, actor: identity.actor).createCycle(cycle)
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.get("/admin/cycles/{year}", access: admin, summary: "One cycle: phase, assignment, reviews, scores, shortlists, ballots") { _, context in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            return try await pages.render("admin-cycle", try Self.cyclePage(identity, year: year, store: store))
        }

        routes.form("/admin/cycles/{year}/phase", access: admin, summary: "Moves a cycle to a later phase") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            guard let phase = Phase(rawValue: try form.required("phase")) else {
                throw HTTPError(.unprocessableContent, message: "field 'phase': unknown phase")
            }
            try await Programme(store: store, actor: identity.actor).setPhase(phase, cycle: year)
            await platform.notifications.afterAction("phase") { n throws(AwardsError) in try await n.phaseOpened(phase, cycle: year) }
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/carry-over", access: admin, summary: "Brings in the questionnaires still eligible from earlier cycles") { _, context, _ in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            try await Programme(store: store, actor: identity.actor).carryOver(into: year)
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/assign", access: admin, summary: "Assigns analysts to a round by minimum-cost flow") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            guard let round = Int(try form.required("round")), [1, 2].contains(round) else {
                throw HTTPError(.unprocessableContent, message: "field 'round': 1 or 2")
            }
            _ = try await Programme(store: store, actor: identity.actor).assign(round: round, cycle: year)
            await platform.notifications.afterAction("assign") { n throws(AwardsError) in try await n.workAssigned(round: round, cycle: year) }
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/calibration", access: admin, summary: "Chooses how the analysts' narrative scores are calibrated") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            guard let method = CycleRules.CalibrationChoice(rawValue: try form.required("method")) else {
                throw HTTPError(.unprocessableContent, message: "field 'method': one of \(CycleRules.CalibrationChoice.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try await Programme(store: store, actor: identity.actor).setCalibration(method, cycle: year)
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/shortlist", access: admin, summary: "Names the Smart21 or the Top7 from the calibrated scores") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let programme = Programme(store: store, actor: identity.actor)
            switch try form.required("list") {
            case "smart21": _ = try await programme.shortlistSmart21(cycle: year, robustnessSamples: Self.robustnessSamples)
            case "top7": _ = try await programme.shortlistTop7(cycle: year, robustnessSamples: Self.robustnessSamples)
            default: throw HTTPError(.unprocessableContent, message: "field 'list': smart21 or top7")
            }
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/jury", access: admin, summary: "Names the cycle's jury: the juror accounts whose ballots count, with their groups") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let jurors = try await Self.jurorAccounts(store)
            var jury: [JuryMember] = []
            for id in form.fields.filter({ $0.name == "juror" }).map(\.value) where !jury.contains(where: { $0.id == id }) {
                guard let account = jurors.first(where: { $0.subject == id }) else {
                    throw HTTPError(.unprocessableContent, message: "field 'juror': '\(id)' is not the juror of any active juror account")
                }
                let group = (form["group-\(id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                jury.append(JuryMember(id: id, name: account.name, group: group))
            }
            try await Programme(store: store, actor: identity.actor).setJury(jury, cycle: year)
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/publish", access: admin, summary: "Counts the ballots and publishes the results") { _, context, _ in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            _ = try await Programme(store: store, actor: identity.actor).publish(cycle: year)
            await platform.notifications.afterAction("publish") { n throws(AwardsError) in try await n.resultsPublished(cycle: year) }
            return Respond.redirect(to: "/cycles/\(year)")
        }

        routes.get("/admin/audit", access: admin, summary: "The audit log, newest first") { request, context in
            let identity = try context.requireIdentity()
            let entity = request.uri.queryParameters.get("entity").flatMap { $0.isEmpty ? nil : $0 }
            var page = Workspace.base(identity, title: "Audit log")
            page["entity"] = entity ?? ""
            page["entries"] = try await store.auditLog(entity: entity, limit: 200).map { entry -> [String: Any] in
                ["id": entry.id, "at": entry.at, "actor": entry.actor, "action": entry.action, "entity": entry.entity,
                 "reason": entry.reason ?? "", "after": String((entry.after ?? "").prefix(160))]
            }
            return try pages.render("admin-audit", page)
        }
    }

    /// The active accounts of jurors, each with the juror id it acts as.
    static func jurorAccounts(_ store: any AccountStore) async throws -> [Account] {
        try await store.accounts().filter { $0.role == .juror && !$0.disabled && !($0.subject ?? "").isEmpty }
    }

    /// The jury form: every juror account, ticked and with its group when on the jury, and jury
    /// members whose account is gone, so that the organiser sees whom a ballot may come from.
    static func juryRows(_ cycle: Cycle, accounts: [Account]) -> [[String: Any]] {
        var rows = accounts.map { account -> [String: Any] in
            let id = account.subject ?? ""
            let member = cycle.juryMember(id)
            return ["id": id, "name": account.name, "account": account.id, "member": member != nil, "group": member?.group ?? ""]
        }
        for member in cycle.jury where !accounts.contains(where: { $0.subject == member.id }) {
            rows.append(["id": member.id, "name": member.name, "account": "", "member": true, "group": member.group ?? ""])
        }
        return rows.sorted { ($0["id"] as? String ?? "") < ($1["id"] as? String ?? "") }
    }

    /// The cycle page: what has been done and what the phase allows next.
    static func cyclePage(_ identity: Identity, year: Int, store: any PlatformStore) async throws -> [String: Any] {
        let cycle = try await store.cycle(year)
        var page = Workspace.base(identity, title: "Cycle \(year)")
        page["year"] = year
        page["phase"] = cycle.phase.title
        if let next = Phase.allCases.first(where: { $0 > cycle.phase }) {
            page["next"] = ["value": next.rawValue, "title": next.title]
        }
        let nominations = try await store.nominations(cycle: year)
        page["nominations"] = nominations.count
        page["submitted"] = nominations.filter { $0.state == .submitted }.count
        let smart21 = try await store.shortlist("smart21", cycle: year)
        let top7 = try await store.shortlist("top7", cycle: year)
        var rounds: [[String: Any]] = []
        var sheets: [Int: ScoreSheet] = [:]
        for round in [1, 2] {
            let assignments = try await store.assignments(cycle: year, round: round)
            let reviews = try await store.reviews(cycle: year, round: round)
            var entry: [String: Any] = ["round": round, "assigned": assignments.count]
            entry["submitted"] = reviews.filter { $0.state == .submitted }.count
            entry["recused"] = reviews.filter { $0.state == .recused }.count
            entry["canAssign"] = CycleAction.assignAnalysts.allowedPhases.contains(cycle.phase) && (round == 1 || smart21 != nil)
            if reviews.contains(where: { $0.state == .submitted }) {
                // Data the scoring cannot use (an older database's extreme answers, say) are
                // reported on the page rather than failing the whole cycle page.
                let sheet: ScoreSheet
                do {
                    sheet = try await Programme(store: store, actor: identity.actor).score(round: round, cycle: year)
                } catch {
                    entry["scoreProblem"] = error.description
                    rounds.append(entry)
                    continue
                }
                sheets[round] = sheet
                entry["calibration"] = sheet.calibration.title
                entry["hasScores"] = !sheet.rows.isEmpty
                entry["scores"] = sheet.rows.prefix(25).map { row -> [String: Any] in
                    var cells: [String: Any] = ["nomination": row.nomination, "community": row.community, "overall": Show.score(row.overall)]
                    cells["reviews"] = row.reviews
                    cells["flags"] = row.disagreements.joined(separator: ", ")
                    cells["methods"] = CycleRules.CalibrationChoice.allCases.map { Show.score(row.narrativeByMethod[$0.rawValue]) }
                    return cells
                }
            }
            rounds.append(entry)
        }
        page["rounds"] = rounds
        let names = Dictionary(nominations.map { ($0.id, $0.community) }, uniquingKeysWith: { a, _ in a })
        page["shortlists"] = [("Smart21", smart21), ("Top7", top7)].compactMap { title, list -> [String: Any]? in
            list.map { l in
                var entry: [String: Any] = ["title": title, "rule": l.rule, "selected": l.selected.map { names[$0] ?? $0 }.joined(separator: "; ")]
                if let r = l.robustness { entry["robustness"] = Self.robustnessRows(r, names: names) }
                return entry
            }
        }
        // Before a list is named: how sure it would be, from the sheets above, so that the
        // organiser sees the borderline nominees. A sheet that cannot be resampled shows no preview.
        var preview: ShortlistRobustness?
        if smart21 == nil, CycleAction.shortlistSmart21.allowedPhases.contains(cycle.phase), let first = sheets[1] {
            preview = try? await ShortlistRobustness.smart21(first, rules: cycle.rules, samples: Self.previewSamples, seed: UInt64(year))
        } else if top7 == nil, let smart21, CycleAction.shortlistTop7.allowedPhases.contains(cycle.phase), let first = sheets[1], let second = sheets[2] {
            preview = try? await ShortlistRobustness.top7(
                round1: first, round2: second, smart21: smart21.selected, rules: cycle.rules, samples: Self.previewSamples, seed: UInt64(year))
        }
        if let preview { page["preview"] = Self.robustnessRows(preview, names: names) }
        page["canCarryOver"] = CycleAction.editNomination.allowedPhases.contains(cycle.phase)
        page["canSmart21"] = CycleAction.shortlistSmart21.allowedPhases.contains(cycle.phase)
        page["canTop7"] = CycleAction.shortlistTop7.allowedPhases.contains(cycle.phase)
        page["methods"] = CycleRules.CalibrationChoice.allCases.map { method -> [String: Any] in
            ["value": method.rawValue, "title": method.title, "selected": method == cycle.rules.calibration]
        }
        page["canCalibrate"] = top7 == nil
        let published = try await store.publication(cycle: year) != nil
        page["published"] = published
        let ballots = try await store.ballots(cycle: year)
        let counted = cycle.juryBallots(ballots).count
        page["ballots"] = counted
        page["ignoredBallots"] = ballots.count - counted
        page["jury"] = await Self.juryRows(cycle, accounts: try Self.jurorAccounts(store))
        page["juryCount"] = cycle.jury.count
        page["canNameJury"] = !published
        page["canPublish"] = CycleAction.publishResults.allowedPhases.contains(cycle.phase)
        return page
    }

    /// Samples recorded with a shortlist when it is named, and drawn for the preview before.
    static let robustnessSamples = 1000
    static let previewSamples = 500

    /// The inputs a robustness run drew, in words: "the analysts, the calibration method and normalisation".
    static func drawn(_ inputs: [String]) -> String {
        let words = inputs.map { ShortlistRobustness.alwaysDrawn.contains($0) ? "the " + $0 : "the index's " + $0 }
        return words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    /// A robustness table for the page: the nominees down to a little past the list's size.
    static func robustnessRows(_ r: ShortlistRobustness, names: [String: String]) -> [String: Any] {
        let shown = r.nominees.prefix(r.size + max(5, r.size / 2))
        return [
            "list": r.list == "smart21" ? "Smart21" : "Top7", "samples": r.samples, "size": r.size, "drawn": Self.drawn(r.inputs),
            "borderline": r.nominees.filter(\.borderline).count,
            "rows": shown.map { n -> [String: Any] in
                [
                    "rank": n.rank, "nomination": n.nomination, "community": names[n.nomination] ?? n.community,
                    "probability": String(format: "%.0f %%", n.probability * 100), "interval": "\(Int(n.rank5))–\(Int(n.rank95))",
                    "borderline": n.borderline, "cut": n.rank == r.size,
                ]
            },
        ]
    }
}
