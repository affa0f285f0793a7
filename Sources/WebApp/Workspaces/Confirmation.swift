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
        var page = Workspace.base(identity, title: preview.title)
        page["year"] = year
        page["effect"] = preview.effect
        page["blockers"] = preview.blockers
        page["warnings"] = preview.warnings
        page["hasBlockers"] = !preview.blockers.isEmpty
        page["hasWarnings"] = !preview.warnings.isEmpty
        page["canProceed"] = preview.canProceed
        page["action"] = path
        page["fields"] = form.fields.filter { $0.name != "csrf" && $0.name != field }.map { ["name": $0.name, "value": $0.value] }
        return try pages.render("admin-confirm", page)
    }
}
