import Foundation

extension Programme {
    /// The longest site-visit note kept, in characters: a few pages of text, enough for a
    /// visit's report and short enough that the jury's page stays quick.
    public static let siteVisitNoteLimit = 20_000

    /// Records the organisers' notes from a finalist's site visit, for the jury's dossier; an
    /// empty text removes them. Only for a nomination on the Top7, once named and until the
    /// results are published; the change is logged like every change of the cycle.
    public func setSiteVisitNote(_ text: String, nomination: String, cycle year: Int) async throws(AwardsError) {
        guard let top7 = try await store.shortlist("top7", cycle: year) else {
            throw AwardsError(.invalidState, "the Top7 have not been named yet; site visits follow them", field: "nomination")
        }
        guard top7.selected.contains(nomination) else {
            throw AwardsError(.unknownReference, "'\(nomination)' is not a finalist of \(year)", field: "nomination")
        }
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= Self.siteVisitNoteLimit else {
            throw AwardsError(.invalidValue, "a site-visit note holds at most \(Self.siteVisitNoteLimit) characters, not \(note.count)", field: "note")
        }
        try await changeUnpublished(cycle: year, what: "the dossiers", field: "note") { cycle in
            cycle.siteVisitNotes[nomination] = note.isEmpty ? nil : note
        }
    }
}
