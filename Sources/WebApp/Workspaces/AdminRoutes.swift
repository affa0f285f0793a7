import Awards
import Foundation
import Hummingbird

/// The organisers' workspace: cycles and their phases, assignment, calibrated scores,
/// shortlists, publication and the audit log (accounts are `AccountAdminRoutes`).
enum AdminRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, now: @escaping @Sendable () -> Date) {
        let store = platform.store
        let admin = Access.only(.admin)
        /// The programme acting for `identity` at the platform's time.
        @Sendable func acting(_ identity: Identity) -> Programme { Programme(store: store, actor: identity.actor, now: now()) }

        routes.get("/admin", access: admin, summary: "The organisers' overview of every cycle") { _, context in
            let identity = try context.requireIdentity()
            var page = Workspace.base(identity, title: pages.phrase("admin.title"))
            let stored = try await store.cycles()
            var cycles: [[String: Any]] = []
            for cycle in stored.reversed() {
                cycles.append(["year": cycle.year, "phase": pages.phrase("phases." + cycle.phase.rawValue), "nominations": try await store.nominations(cycle: cycle.year).count])
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
            // Each cycle names its own jury and visits its own finalists; the rubric carries over.
            cycle.jury = []
            cycle.siteVisitNotes = [:]
            try await acting(identity).createCycle(cycle)
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.get("/admin/cycles/{year}", access: admin, summary: "One cycle: phase, assignment, reviews, scores, shortlists, ballots") { _, context in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            return try await pages.render("admin-cycle", try Self.cyclePage(identity, year: year, store: store, pages: pages, now: now()))
        }

        routes.form("/admin/cycles/{year}/phase", access: admin, summary: "Moves a cycle to a later phase, once confirmed") { request, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            guard let phase = Phase(rawValue: try form.required("phase")) else {
                throw HTTPError(.unprocessableContent, message: "field 'phase': unknown phase")
            }
            let actions = platform.announced(identity.actor, at: now())
            return try await Confirmation.require(.setPhase(phase), year: year, form: form, path: request.uri.path, identity: identity, programme: actions.programme, pages: pages) {
                try await actions.setPhase(phase, cycle: year)
                return Respond.redirect(to: "/admin/cycles/\(year)")
            }
        }

        routes.form("/admin/cycles/{year}/schedule", access: admin, summary: "Sets when each phase starts and its submissions are due, and the cycle's time zone") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            var schedule: [Cycle.PhaseStart] = []
            for phase in Phase.allCases {
                let starts = (form["starts-\(phase.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces)
                let due = (form["due-\(phase.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces)
                guard !starts.isEmpty else {
                    if !due.isEmpty { throw HTTPError(.unprocessableContent, message: "field 'starts-\(phase.rawValue)': a due time needs the phase's start date") }
                    continue
                }
                schedule.append(Cycle.PhaseStart(phase: phase, starts: starts, due: due.isEmpty ? nil : due))
            }
            do {
                try await acting(identity).setSchedule(schedule, timeZone: try form.required("timeZone"), cycle: year)
            } catch var error as AwardsError {
                // The form's own field names: `schedule[1].due` is the field `due-smart21_scoring`.
                if let field = error.field, field.hasPrefix("schedule[") {
                    let inside = field.dropFirst("schedule[".count).prefix { $0 != "]" }
                    if let row = Int(inside), schedule.indices.contains(row) {
                        let part = field.dropFirst("schedule[".count + inside.count + 1).drop { $0 == "." }
                        error.field = "\(part.isEmpty ? "starts" : part)-\(schedule[row].phase.rawValue)"
                    }
                }
                throw error
            }
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/extensions", access: admin, summary: "Grants one person more time for a phase's submissions, with a reason") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            guard let phase = Phase(rawValue: try form.required("phase")) else {
                throw HTTPError(.unprocessableContent, message: "field 'phase': unknown phase")
            }
            let granted = DeadlineExtension(person: try form.required("person"), phase: phase, until: try form.required("until"), reason: try form.required("reason"))
            try await acting(identity).grantExtension(granted, cycle: year)
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/reminders", access: admin, summary: "Sets how many days before a due time people are reminded, and whether organisers hear who is late") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let reminders = ReminderSchedule(before: try ReminderSchedule.days(from: form["before"] ?? "", field: "before"), escalate: form["escalate"] == "yes")
            do {
                try await acting(identity).setReminders(reminders, cycle: year)
            } catch var error as AwardsError {
                // The form has one field for every day: `reminders.before[1]` is its `before`.
                if error.field?.contains("before[") == true { error.field = "before" }
                throw error
            }
            return Respond.redirect(to: "/admin/cycles/\(year)#reminders")
        }

        routes.form("/admin/cycles/{year}/carry-over", access: admin, summary: "Brings in the questionnaires still eligible from earlier cycles") { _, context, _ in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            try await acting(identity).carryOver(into: year)
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/assign", access: admin, summary: "Assigns analysts to a round by minimum-cost flow, once confirmed") { request, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            guard let round = Int(try form.required("round")), [1, 2].contains(round) else {
                throw HTTPError(.unprocessableContent, message: "field 'round': 1 or 2")
            }
            let actions = platform.announced(identity.actor, at: now())
            return try await Confirmation.require(.assign(round: round), year: year, form: form, path: request.uri.path, identity: identity, programme: actions.programme, pages: pages) {
                try await actions.assign(round: round, cycle: year)
                return Respond.redirect(to: "/admin/cycles/\(year)")
            }
        }

        routes.form("/admin/cycles/{year}/calibration", access: admin, summary: "Chooses how the analysts' narrative scores are calibrated") { _, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            guard let method = CycleRules.CalibrationChoice(rawValue: try form.required("method")) else {
                throw HTTPError(.unprocessableContent, message: "field 'method': one of \(CycleRules.CalibrationChoice.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try await acting(identity).setCalibration(method, cycle: year)
            return Respond.redirect(to: "/admin/cycles/\(year)")
        }

        routes.form("/admin/cycles/{year}/shortlist", access: admin, summary: "Names the Smart21 or the Top7 from the calibrated scores, once confirmed") { request, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let programme = acting(identity)
            let list = try form.required("list")
            guard ["smart21", "top7"].contains(list) else { throw HTTPError(.unprocessableContent, message: "field 'list': smart21 or top7") }
            return try await Confirmation.require(.shortlist(list), year: year, form: form, path: request.uri.path, identity: identity, programme: programme, pages: pages) {
                if list == "smart21" {
                    _ = try await programme.shortlistSmart21(cycle: year, robustnessSamples: ShortlistRobustness.namingSamples)
                } else {
                    _ = try await programme.shortlistTop7(cycle: year, robustnessSamples: ShortlistRobustness.namingSamples)
                }
                return Respond.redirect(to: "/admin/cycles/\(year)")
            }
        }

        routes.form("/admin/cycles/{year}/jury", access: admin, summary: "Names the cycle's jury: the juror accounts whose ballots count, with their groups, once confirmed") { request, context, form in
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
            let programme = acting(identity)
            return try await Confirmation.require(.nameJury(jury), year: year, form: form, path: request.uri.path, identity: identity, programme: programme, pages: pages) {
                try await programme.setJury(jury, cycle: year)
                return Respond.redirect(to: "/admin/cycles/\(year)")
            }
        }

        routes.form("/admin/cycles/{year}/publish", access: admin, summary: "Counts the ballots and publishes the results, once confirmed") { request, context, form in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let actions = platform.announced(identity.actor, at: now())
            return try await Confirmation.require(.publish, year: year, form: form, path: request.uri.path, identity: identity, programme: actions.programme, pages: pages) {
                try await actions.publish(cycle: year)
                return Respond.redirect(to: "/cycles/\(year)")
            }
        }

        routes.get("/admin/audit", access: admin, summary: "The audit log, newest first, filtered by actor, entity and days, 50 entries a page", query: ["actor", "entity", "from", "until", "page"]) { request, context in
            let identity = try context.requireIdentity()
            return try await pages.render("admin-audit", try await AuditLogPage(request).context(identity, store: store, pages: pages))
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
    static func cyclePage(_ identity: Identity, year: Int, store: any PlatformStore, pages: Pages, now: Date) async throws -> [String: Any] {
        let cycle = try await store.cycle(year)
        let format = pages.format
        var page = Workspace.base(identity, title: pages.phrase("admin.cycle", ["year": String(year)]))
        page["year"] = year
        page["phase"] = pages.phrase("phases." + cycle.phase.rawValue)
        page.merge(Self.schedulePart(cycle, pages: pages, now: now)) { _, new in new }
        if let next = Phase.allCases.first(where: { $0 > cycle.phase }) {
            page["next"] = ["value": next.rawValue, "moveTo": pages.phrase("admin.moveTo", ["phase": pages.phrase("phases." + next.rawValue)])]
        }
        let nominations = try await store.nominations(cycle: year)
        page["submittedWords"] = pages.phrase("admin.submitted", [
            "submitted": String(nominations.filter { $0.state == .submitted }.count), "nominations": String(nominations.count),
        ])
        let smart21 = try await store.shortlist("smart21", cycle: year)
        let top7 = try await store.shortlist("top7", cycle: year)
        var rounds: [[String: Any]] = []
        var sheets: [Int: ScoreSheet] = [:]
        for round in [1, 2] {
            let assignments = try await store.assignments(cycle: year, round: round)
            let reviews = try await store.reviews(cycle: year, round: round)
            var entry: [String: Any] = ["round": round, "heading": pages.phrase("admin.round", ["round": String(round)])]
            entry["progress"] = pages.phrase("admin.roundProgress", [
                "assigned": String(assignments.count), "submitted": String(reviews.filter { $0.state == .submitted }.count),
                "recused": String(reviews.filter { $0.state == .recused }.count),
            ])
            entry["assignLabel"] = pages.phrase("admin.assign", ["round": String(round)])
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
                entry["calibration"] = pages.phrase("calibrationMethods." + sheet.calibration.rawValue)
                entry["hasScores"] = !sheet.rows.isEmpty
                entry["scoresLink"] = pages.phrase("cockpit.scores.link", ["list": round == 1 ? "Smart21" : "Top7"])
                entry["scores"] = sheet.rows.prefix(25).map { row -> [String: Any] in
                    var cells: [String: Any] = ["nomination": row.nomination, "community": row.community, "overall": format.score(row.overall)]
                    cells["reviews"] = row.reviews
                    cells["flags"] = row.disagreements.joined(separator: ", ")
                    cells["methods"] = CycleRules.CalibrationChoice.allCases.map { format.score(row.narrativeByMethod[$0.rawValue]) }
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
                if let r = l.robustness { entry["robustness"] = Self.robustnessRows(r, names: names, pages: pages) }
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
        if let preview { page["preview"] = Self.robustnessRows(preview, names: names, pages: pages) }
        page["canCarryOver"] = CycleAction.editNomination.allowedPhases.contains(cycle.phase)
        page["canSmart21"] = CycleAction.shortlistSmart21.allowedPhases.contains(cycle.phase)
        page["canTop7"] = CycleAction.shortlistTop7.allowedPhases.contains(cycle.phase)
        page["methods"] = CycleRules.CalibrationChoice.allCases.map { method -> [String: Any] in
            ["value": method.rawValue, "title": pages.phrase("calibrationMethods." + method.rawValue), "selected": method == cycle.rules.calibration]
        }
        page["canCalibrate"] = top7 == nil
        let published = try await store.publication(cycle: year) != nil
        page["published"] = published
        let ballots = try await store.ballots(cycle: year)
        let counted = cycle.juryBallots(ballots).count
        page["ballotsWords"] = pages.phrase("admin.ballots", ["count": String(counted)])
        page["ignoredBallots"] = ballots.count - counted
        page["ignoredWords"] = pages.phrase("admin.ignoredBallots", ["count": String(ballots.count - counted)])
        page["jury"] = await Self.juryRows(cycle, accounts: try Self.jurorAccounts(store)).map { row in
            row.merging(["groupOf": pages.phrase("admin.groupOf", ["name": row["name"] as? String ?? ""])]) { _, new in new }
        }
        page["juryCount"] = cycle.jury.count
        page["canNameJury"] = !published
        // Results are published once: no button once they are.
        page["canPublish"] = CycleAction.publishResults.allowedPhases.contains(cycle.phase) && !published
        return page
    }

    /// The cycle page's schedule: the timeline, what is due now, the schedule form and the
    /// extensions granted, with the form to grant one for a phase that has a due time.
    static func schedulePart(_ cycle: Cycle, pages: Pages, now: Date) -> [String: Any] {
        var part = Timeline.context(cycle, pages: pages)
        // No person has an empty id, so this is the phase's own due time.
        part.merge(Timeline.due(cycle, in: cycle.phase, for: "", at: now, pages: pages)) { _, due in due }
        part["scheduleRows"] = Phase.allCases.map { phase -> [String: Any] in
            let entry = cycle.schedule.first { $0.phase == phase }
            let title = pages.phrase("phases." + phase.rawValue)
            return [
                "value": phase.rawValue, "title": title, "starts": entry?.starts ?? "", "due": entry?.due ?? "",
                "startsLabel": pages.phrase("admin.startsLabel", ["phase": title]), "dueLabel": pages.phrase("admin.dueLabel", ["phase": title]),
            ]
        }
        part["extensions"] = cycle.extensions.map { granted -> [String: Any] in
            var row: [String: Any] = ["person": granted.person, "phase": pages.phrase("phases." + granted.phase.rawValue), "reason": granted.reason, "until": granted.until]
            if let until = try? Deadline(granted.until, timeZone: cycle.zone, field: "until") { row["time"] = Timeline.time(until, of: cycle, pages: pages) }
            return row
        }
        part["reminderDays"] = cycle.reminders.before.sorted(by: >).map(String.init).joined(separator: ", ")
        part["hasReminderDays"] = !cycle.reminders.before.isEmpty
        part["reminderEscalates"] = cycle.reminders.escalate
        let extensionPhases = Cycle.submissionPhases.filter { cycle.deadline(of: $0) != nil }
        part["extensionPhases"] = extensionPhases.map { ["value": $0.rawValue, "title": pages.phrase("phases." + $0.rawValue)] }
        part["hasExtensionPhases"] = !extensionPhases.isEmpty
        return part
    }

    /// Samples drawn for the preview before a shortlist is named.
    static let previewSamples = 500

    /// A robustness table for the page: the nominees down to a little past the list's size.
    static func robustnessRows(_ r: ShortlistRobustness, names: [String: String], pages: Pages) -> [String: Any] {
        let shown = r.nominees.prefix(r.size + max(5, r.size / 2))
        let list = r.list == "smart21" ? "Smart21" : "Top7"
        return [
            "list": list, "howSure": pages.phrase("admin.howSure", ["list": list]), "beforeNaming": pages.phrase("admin.beforeNaming", ["list": list]),
            "cutLine": pages.phrase("admin.cutLine", ["size": String(r.size)]),
            "caption": pages.phrase("robustness.caption", [
                "list": list, "samples": String(r.samples), "drawn": RobustnessWords.drawn(r.inputs, pages: pages),
                "borderline": String(r.nominees.filter(\.borderline).count),
            ]),
            "chanceOf": pages.phrase("robustness.chanceOf", ["list": list]),
            "rows": shown.map { n -> [String: Any] in
                [
                    "rank": n.rank, "nomination": n.nomination, "community": names[n.nomination] ?? n.community,
                    "probability": pages.format.number(n.probability * 100, decimals: 0) + " %", "interval": Show.rankInterval([n.rank5, n.rank95], separator: "–") ?? "—",
                    "borderline": n.borderline, "cut": n.rank == r.size,
                ]
            },
        ]
    }
}
