import Awards
import Foundation
import Testing

/// The rubric's score descriptors: the defaults every cycle starts with (and older cycles read
/// back with), their words in each language, and settings refused with the field named.
@Suite("Score descriptors")
struct ScoreDescriptorTests {
    /// A valid cycle whose descriptors are `descriptors`.
    static func cycle(_ descriptors: [ScoreDescriptor]) -> Cycle {
        Cycle(year: 2027, descriptors: descriptors)
    }

    @Test("a new cycle describes the scores 2, 5 and 9 of each of the six factors, in English, French and Vietnamese")
    func defaults() throws {
        let cycle = Cycle(year: 2027)
        #expect(cycle.descriptors.count == 18, "6 factors × 3 anchors")
        let connect = cycle.descriptors(of: "Connect")
        #expect(connect.map(\.score) == [2, 5, 9])
        #expect(connect[1].text == "Sound: established programmes for broadband and digital services, with some evidence of results, reaching part of the community.")
        #expect(connect[0].text(in: "fr") == "Faible : peu de programmes pour le haut débit et les services numériques, peu de preuves et aucun résultat mesuré.")
        #expect(connect[2].text(in: "vi").hasPrefix("Xuất sắc: các chương trình về băng thông rộng và dịch vụ số"))
        #expect(connect[2].text(in: "de") == connect[2].text, "a language without a translation shows the English")
        #expect(Set(cycle.descriptors.map(\.factor)) == Set(Factor.standard.map(\.code)))
        try cycle.validate()
    }

    @Test("a cycle stored before descriptors and site-visit notes reads back with the defaults and no notes")
    func olderCycles() throws {
        var rules = CycleRules()
        rules.scaleLow = 0
        rules.scaleHigh = 4
        let stored = Cycle(year: 2024, rules: rules, siteVisitNotes: ["N-1": "Visited in March."])
        var fields = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(stored)) as? [String: Any])
        #expect(fields["descriptors"] != nil && fields["siteVisitNotes"] != nil)
        fields["descriptors"] = nil
        fields["siteVisitNotes"] = nil
        let read = try JSONDecoder().decode(Cycle.self, from: JSONSerialization.data(withJSONObject: fields))
        // On a 0–4 scale only the anchor 2 lies on the scale: one descriptor per factor.
        #expect(read.descriptors.map(\.score) == Array(repeating: 2, count: 6))
        #expect(read.descriptors == ScoreDescriptor.standard(for: Factor.standard, low: 0, high: 4))
        #expect(read.siteVisitNotes.isEmpty)
        // A cycle of factors of its own gets no invented descriptor.
        #expect(ScoreDescriptor.standard(for: [Factor(code: "Water", name: "Water")], low: 1, high: 10).isEmpty)
        // A scale that is not a range of numbers gives none and does not trap.
        #expect(ScoreDescriptor.standard(for: Factor.standard, low: .nan, high: 10).isEmpty)
    }

    @Test("descriptors and notes survive encoding as they are")
    func roundTrip() throws {
        let descriptors = [
            ScoreDescriptor(factor: "Connect", score: 1, text: "Nothing yet.", translations: ["fr": "Rien encore.", "vi": "Chưa có gì."]),
            ScoreDescriptor(factor: "Include", score: 7.5, text: "Most households reached."),
        ]
        let cycle = Cycle(year: 2027, descriptors: descriptors, siteVisitNotes: ["N-3": "Fibre in every school.\nMet the mayor."])
        let read = try JSONDecoder().decode(Cycle.self, from: JSONEncoder().encode(cycle))
        #expect(read == cycle)
        #expect(read.descriptors(of: "Include").first?.score == 7.5)
    }

    @Test("bad descriptors are refused, naming the descriptor and its field", arguments: [
        (ScoreDescriptor(factor: "Connect", score: 11, text: "Beyond"), "descriptors[0].score"),
        (ScoreDescriptor(factor: "Connect", score: 0.5, text: "Below"), "descriptors[0].score"),
        (ScoreDescriptor(factor: "Connect", score: -0.0, text: "Minus zero"), "descriptors[0].score"),
        (ScoreDescriptor(factor: "Connect", score: .nan, text: "NaN"), "descriptors[0].score"),
        (ScoreDescriptor(factor: "Connect", score: .infinity, text: "Infinity"), "descriptors[0].score"),
        (ScoreDescriptor(factor: "Connect", score: 1e300, text: "Huge"), "descriptors[0].score"),
        (ScoreDescriptor(factor: "Connect", score: 5, text: "  \n"), "descriptors[0].text"),
        (ScoreDescriptor(factor: "Water", score: 5, text: "Unknown factor"), "descriptors[0].factor"),
        (ScoreDescriptor(factor: "Connect", score: 5, text: "Fine", translations: ["fr": " "]), "descriptors[0].translations.fr"),
        (ScoreDescriptor(factor: "Connect", score: 5, text: "Fine", translations: ["French": "Bien"]), "descriptors[0].translations"),
    ])
    func refused(_ descriptor: ScoreDescriptor, _ field: String) {
        let error = #expect(throws: AwardsError.self) { try Self.cycle([descriptor]).validate() }
        #expect(error?.field == field, "\(descriptor): \(error?.description ?? "accepted")")
        #expect(error?.kind == (descriptor.factor == "Water" ? .unknownReference : .invalidValue))
    }

    @Test("one factor cannot describe the same score twice; the second is named")
    func duplicates() {
        let twice = Self.cycle([
            ScoreDescriptor(factor: "Work", score: 5, text: "One"), ScoreDescriptor(factor: "Connect", score: 5, text: "Other factor, same score"),
            ScoreDescriptor(factor: "Work", score: 5.0, text: "Two"),
        ])
        let error = #expect(throws: AwardsError.self) { try twice.validate() }
        #expect(error?.kind == .duplicate)
        #expect(error?.field == "descriptors[2].score")
        #expect(error?.description.contains("Work has two descriptors of the score 5") == true)
    }

    @Test("the scale's ends are anchors like any other; an empty rubric is allowed")
    func ends() throws {
        try Self.cycle([ScoreDescriptor(factor: "Connect", score: 1, text: "Lowest"), ScoreDescriptor(factor: "Connect", score: 10, text: "Highest")]).validate()
        try Self.cycle([]).validate()
    }
}
