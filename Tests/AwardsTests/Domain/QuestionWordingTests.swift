import Foundation
import Testing
@testable import Awards

/// A question's words in several languages: older cycles read back without help or
/// translations, a language without a translation shows the English, and new settings
/// declare translations under language codes with a text.
@Suite("Question wording")
struct QuestionWordingTests {
    static let question = Question(
        id: "C1", factor: "Connect", text: "Homes on fibre", help: "A share of all homes.",
        translations: ["fr": .init(text: "Foyers raccordés à la fibre", unit: "pour cent"), "vi": .init(text: "Hộ gia đình có cáp quang", help: "Tỷ lệ trên tổng số hộ.")],
        kind: .quantitative(indicator: "c1", unit: "per cent", direction: 1), min: 0, max: 100)

    @Test("a question stored before help and translations reads back without them, and is written back as it was")
    func olderQuestionDecodes() throws {
        let stored = #"{"id":"C1","factor":"Connect","text":"Homes on fibre","kind":{"narrative":{"rubric":"1–10"}},"round":1,"required":true}"#
        let question = try JSONDecoder().decode(Question.self, from: Data(stored.utf8))
        #expect(question.help == nil && question.translations == nil)
        #expect(question.wording(in: "fr") == Question.Wording(text: "Homes on fibre"))
        let written = String(decoding: try JSONEncoder().encode(question), as: UTF8.self)
        #expect(!written.contains("help") && !written.contains("translations"))
    }

    @Test("each language shows its translation, falling back to the English text, help and unit")
    func fallback() throws {
        let q = Self.question
        #expect(q.wording(in: "en") == .init(text: "Homes on fibre", help: "A share of all homes.", unit: "per cent"))
        #expect(q.wording(in: "fr") == .init(text: "Foyers raccordés à la fibre", help: "A share of all homes.", unit: "pour cent"))
        #expect(q.wording(in: "vi") == .init(text: "Hộ gia đình có cáp quang", help: "Tỷ lệ trên tổng số hộ.", unit: "per cent"))
        #expect(q.wording(in: "de").text == "Homes on fibre")
        let roundTrip = try JSONDecoder().decode(Question.self, from: JSONEncoder().encode(q))
        #expect(roundTrip == q)
    }

    @Test("new settings refuse translations under something other than a language code, or without a text, naming the field", arguments: [
        (["FR": Question.Wording(text: "x")], "questions[0].translations"), (["fr-CA": .init(text: "x")], "questions[0].translations"),
        (["fr": .init(text: "  ")], "questions[0].translations.fr.text"), (["<b>": .init(text: "x")], "questions[0].translations"),
    ])
    func validation(translations: [String: Question.Wording], field: String) {
        var question = Self.question
        question.translations = translations
        let cycle = Cycle(year: 2027, questions: [question])
        #expect(throws: AwardsError.self) { try cycle.validate() }
        do { try cycle.validate() } catch { #expect(error.field == field) }
        question.translations = ["fr": .init(text: "Foyers raccordés")]
        #expect(throws: Never.self) { try Cycle(year: 2027, questions: [question]).validate() }
    }
}
