/// A language the platform writes to people in: its pages and the messages it sends.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case fr
    case vi

    /// The language's name in itself, as a person choosing it looks for it (and the pages'
    /// switcher shows it).
    public var name: String {
        switch self {
        case .en: "English"
        case .fr: "Français"
        case .vi: "Tiếng Việt"
        }
    }

    /// The language written in a form or on the command line: empty is "not chosen"; anything
    /// else but a known code is an error naming `field`.
    public static func chosen(_ text: String?, field: String = "language") throws(AwardsError) -> Language? {
        let code = (text ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if code.isEmpty { return nil }
        guard let language = Language(rawValue: code) else {
            throw AwardsError(.invalidValue, "'\(code)' is not a language: one of \(allCases.map(\.rawValue).joined(separator: ", ")), or empty", field: field)
        }
        return language
    }
}
