import Awards
import Foundation

/// A cycle's schedule for pages: each phase with its start and due time, the current phase
/// marked, and the deadline that holds for one person, in the page's language.
///
/// Times are written in the cycle's time zone inside `<time datetime="…UTC…">`, so that a page
/// reads right without scripts; `/assets/local-time.js` rewrites them to the viewer's zone, in
/// the page's language.
enum Timeline {
    /// The `timeline` partial's context: the rows and the caption naming the time zone they are
    /// written in, the zone itself, and `localTime`, which has the footer load the script (only pages with times
    /// load it).
    static func context(_ cycle: Cycle, pages: Pages) -> [String: Any] {
        [
            "timeline": rows(cycle, pages: pages), "timeZone": cycle.timeZone,
            "timelineCaption": pages.phrase("timeline.caption", ["zone": cycle.timeZone]), "localTime": true,
        ]
    }

    /// One row per phase of the cycle's programme, in order. Nothing here depends on the time of
    /// the request, so that a kept public page stays right until the cycle changes.
    static func rows(_ cycle: Cycle, pages: Pages) -> [[String: Any]] {
        Phase.allCases.map { phase -> [String: Any] in
            let starts = cycle.schedule.first { $0.phase == phase }?.starts ?? ""
            var row: [String: Any] = ["phase": pages.phrase("phases." + phase.rawValue), "current": phase == cycle.phase, "starts": pages.format.date(starts)]
            if let due = cycle.deadline(of: phase) { row["dueAt"] = time(due, of: cycle, pages: pages) }
            return row
        }
    }

    /// The `due` partial's context: what is due of `person` while the cycle is in `phase`
    /// (nothing in any other phase, and nothing when the phase has no due time) — its time
    /// (their extension's when they have one), whether it has passed at `now`, and whether it is
    /// an extension — with `localTime` for the footer's script; empty when nothing is due.
    static func due(_ cycle: Cycle, in phase: Phase, for person: String, at now: Date, pages: Pages) -> [String: Any] {
        guard cycle.phase == phase, let deadline = cycle.deadline(of: phase, for: person) else { return [:] }
        var due = time(deadline, of: cycle, pages: pages)
        due["what"] = Cycle.submissionPhases.contains(phase)
            ? pages.phrase("due.what." + phase.rawValue) : pages.phrase("due.whatOther", ["phase": pages.phrase("phases." + phase.rawValue)])
        due["passed"] = deadline.hasPassed(at: now)
        due["extended"] = cycle.extensionGranted(to: person, in: cycle.phase) != nil
        return ["due": due, "localTime": true]
    }

    /// A due time as the pages show it, in `cycle`'s time zone.
    static func time(_ deadline: Deadline, of cycle: Cycle, pages: Pages) -> [String: Any] {
        ["utc": deadline.utc, "words": pages.format.time(deadline.instant, in: cycle.zone, called: cycle.timeZone)]
    }
}
