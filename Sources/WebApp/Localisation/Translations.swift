import Awards
import Foundation

/// The pages' words in every language, read once from the files of `Locales/<code>/`.
///
/// Each file is one JSON object grouped by page (`{"nav": {"rankings": "Rankings"}}`), one file
/// per area of the platform (`site.json`, `community.json`, …), so a translator edits plain files
/// without touching code and two areas never share a file. A group belongs to one file: the same
/// top-level group in two files of a language is an error. A template reads a phrase
/// through the render context's `t` object (`{{t.nav.rankings}}`); Swift code reads one with its
/// placeholders filled (`phrase("workspace.progress", ["answered": "3", "total": "18"])`). A
/// phrase missing from a language falls back to English; the localisation tests make sure none
/// is missing.
///
/// Immutable once loaded, hence `@unchecked Sendable`: the trees are `[String: Any]` because that
/// is what Mustache reads, and nothing writes to them after `init`.
final class Translations: @unchecked Sendable {
    /// Every phrase of each language under its dotted key (`nav.rankings`).
    let phrases: [Language: [String: String]]
    /// Each language's phrases as nested objects for the templates, English filling any gap.
    private let trees: [Language: [String: Any]]

    /// Reads every `.json` file of `<code>/` in `directory` for every language; a folder that is
    /// missing or empty, a file that is not JSON or holds anything but objects and strings, and a
    /// group given by two files are errors naming the file and key.
    convenience init(directory: URL) throws {
        var phrases: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let folder = directory.appendingPathComponent(language.rawValue, isDirectory: true)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted()
            guard !names.isEmpty else { throw TranslationError(file: language.rawValue + "/", key: nil, "holds no .json file") }
            var flat: [String: String] = [:]
            var owner: [String: String] = [:]
            for name in names {
                let path = language.rawValue + "/" + name
                let data: Data
                do { data = try Data(contentsOf: folder.appendingPathComponent(name)) } catch { throw TranslationError(file: path, key: nil, "cannot be read") }
                guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw TranslationError(file: path, key: nil, "is not a JSON object")
                }
                for group in object.keys {
                    if let other = owner[group] { throw TranslationError(file: path, key: group, "is also a group of \(other)") }
                    owner[group] = path
                }
                try Self.flatten(object, prefix: "", into: &flat, file: path)
            }
            phrases[language] = flat
        }
        self.init(phrases: phrases)
    }

    /// The words shipped among the module's resources, in `Locales/`.
    static func shipped() throws -> Translations {
        guard let resources = Bundle.module.resourceURL else { throw TranslationError(file: "Locales/", key: nil, "is missing from the module's resources") }
        return try Translations(directory: resources.appendingPathComponent("Locales"))
    }

    /// The phrases of each language under their dotted keys.
    init(phrases: [Language: [String: String]]) {
        self.phrases = phrases
        let english = phrases[.en] ?? [:]
        trees = phrases.mapValues { Self.tree(english.merging($0) { _, translated in translated }) }
    }

    /// The phrase `key` in `language` (English when the language lacks it, the key itself when
    /// English does too), each `{name}` replaced by `values[name]`.
    func phrase(_ key: String, _ values: [String: String] = [:], in language: Language) -> String {
        Placeholders.fill(phrases[language]?[key] ?? phrases[.en]?[key] ?? key, values)
    }

    /// The `t` object of the render context in `language`.
    func tree(_ language: Language) -> [String: Any] { trees[language] ?? [:] }

    private static func flatten(_ object: [String: Any], prefix: String, into flat: inout [String: String], file: String) throws {
        for (name, value) in object {
            let key = prefix + name
            guard !name.isEmpty, !name.contains(".") else { throw TranslationError(file: file, key: key, "is not a usable key (empty or with a dot)") }
            if let text = value as? String {
                flat[key] = text
            } else if let group = value as? [String: Any] {
                try flatten(group, prefix: key + ".", into: &flat, file: file)
            } else {
                throw TranslationError(file: file, key: key, "must be a text or a group of texts")
            }
        }
    }

    private static func tree(_ flat: [String: String]) -> [String: Any] {
        var groups: [String: [String: String]] = [:]
        var tree: [String: Any] = [:]
        for (key, text) in flat {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 { groups[parts[0], default: [:]][parts[1]] = text } else { tree[key] = text }
        }
        for (name, group) in groups { tree[name] = Self.tree(group) }
        return tree
    }
}

/// A locale file that cannot be used, naming the file and the key.
struct TranslationError: Error, CustomStringConvertible {
    let file: String
    let key: String?
    let problem: String

    init(file: String, key: String?, _ problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    var description: String { "Locales/\(file)" + (key.map { ": '\($0)'" } ?? "") + " " + problem }
}
