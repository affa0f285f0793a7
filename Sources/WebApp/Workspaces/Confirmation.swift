import Awards
import Hummingbird

/// The confirmation step of the organisers' irreversible forms (phase, assignment, shortlists,
/// jury, publication).
///
/// A form sent without `confirm=yes` acts on nothing: it is answered with a page saying what the
/// action will do, what blocks it and what the organiser should know, and, when nothing blocks
/// it, a form that sends the same fields again with `confirm=yes` (and the session's CSRF token,
/// as every form). Only that second form acts, and a blocker found then still refuses it, so a
/// stale confirmation page cannot publish twice.
enum Confirmation {
    /// The form field that confirms an action.
    static let field = "confirm"

    /// Answers the confirmation page for `action`, or, when `form` confirms it and nothing blocks
    /// it, runs `act`.
    static func require(
        _ action: OrganiserAction, year: Int, form: Form, path: String, identity: Identity, programme: Programme, pages: Pages,
        act: () async throws -> Response
    ) async throws -> Response {
        let preview = try await programme.preview(action, cycle: year)
        if form[field] == "yes" {
            try preview.check()
            return try await act()
        }
        var page = Workspace.base(identity, title: title(action, year: year, pages: pages))
        page["year"] = year
        page["effect"] = words(preview.effect, pages: pages)
        page["blockers"] = preview.blockers.map { words($0, pages: pages) }
        page["warnings"] = preview.warnings.map { words($0, pages: pages) }
        page["hasBlockers"] = !preview.blockers.isEmpty
        page["hasWarnings"] = !preview.warnings.isEmpty
        page["canProceed"] = preview.canProceed
        page["action"] = path
        page["fields"] = form.fields.filter { $0.name != "csrf" && $0.name != field }.map { ["name": $0.name, "value": $0.value] }
        return try pages.render("admin-confirm", page)
    }

    /// The action's heading in the page's language.
    static func title(_ action: OrganiserAction, year: Int, pages: Pages) -> String {
        switch action {
        case let .setPhase(phase): pages.phrase("previews.titles.setPhase", ["year": String(year), "phase": pages.phrase("phases." + phase.rawValue)])
        case let .assign(round): pages.phrase("previews.titles.assign", ["round": String(round)])
        case let .shortlist(list): pages.phrase("previews.titles.shortlist", ["list": list == "top7" ? "Top7" : "Smart21"])
        case .nameJury: pages.phrase("previews.titles.nameJury", ["year": String(year)])
        case .publish: pages.phrase("previews.titles.publish", ["year": String(year)])
        }
    }

    /// A sentence of the preview in the page's language, the phases, actions and methods it
    /// names in that language too.
    static func words(_ sentence: PreviewSentence, pages: Pages) -> String {
        let values = sentence.values.mapValues { value -> String in
            switch value {
            case let .text(text): text
            case let .number(n): String(n)
            case let .phase(phase): pages.phrase("phases." + phase.rawValue)
            case let .phases(phases): phases.map { pages.phrase("phases." + $0.rawValue) }.joined(separator: ", ")
            case let .action(action): pages.phrase("cycleActions." + action.rawValue)
            case let .votingMethod(method): pages.phrase("votingMethods." + method)
            }
        }
        return pages.phrase("previews." + sentence.what.rawValue + (sentence.isSingular ? "One" : ""), values)
    }
}
