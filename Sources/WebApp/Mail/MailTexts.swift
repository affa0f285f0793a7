import Awards
import Foundation

/// The texts of the platform's messages in every language, from `Messages/mail.json`: one object
/// per language code, each mapping a key (`results.subject`) to its text, with `{name}`-style
/// places for the values. Translators edit that file alone; a test fails when a language lacks
/// a key, or uses places the English text does not.
struct MailTexts: Sendable {
    let texts: [Language: [String: String]]

    /// The texts shipped with the platform.
    static let shipped: MailTexts = {
        guard let url = Bundle.module.url(forResource: "mail", withExtension: "json", subdirectory: "Messages"),
            let data = try? Data(contentsOf: url), let decoded = try? JSONDecoder().decode([String: [String: String]].self, from: data)
        else { preconditionFailure("the resource Messages/mail.json is missing or is not an object of objects of texts") }
        return MailTexts(texts: Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, decoded[$0.rawValue] ?? [:]) }))
    }()

    /// The text of `key` in `language` (English when a translation lacks it, the key itself when
    /// English does too), each `{place}` replaced by its value.
    func text(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        Placeholders.fill(texts[language]?[key] ?? texts[.en]?[key] ?? key, values)
    }
}
