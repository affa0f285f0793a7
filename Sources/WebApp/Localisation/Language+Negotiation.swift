import Foundation
import Awards

/// How a page's language is negotiated among the platform's `Language`s.
///
/// Only the three codes are ever taken from a `lang` cookie or a switcher link; anything else is
/// ignored, so neither can put text of its own into a page or a header.
extension Language {
    /// The language of a tag such as `fr`, `fr-CA` or `VI-vn`: its primary subtag, if it is one
    /// of ours; nil for anything else (`*`, `de`, `f`, `fr_CA`).
    public init?(tag: some StringProtocol) {
        let primary = tag.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard primary.count == 2 || primary.count == 3, primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        self.init(rawValue: primary.lowercased())
    }

    /// The language a page is shown in, from the first of these that names one of ours:
    /// - `cookie`, the `lang` cookie the header's switcher sets: exactly `en`, `fr` or `vi` (a
    ///   person who switches language sees the page switch);
    /// - `stored`, the signed-in person's own preference, their account's language;
    /// - `acceptLanguage`, the browser's `Accept-Language` header, by its q-values;
    /// - English.
    public static func choose(stored: Language? = nil, cookie: String?, acceptLanguage: String?) -> Language {
        cookie.flatMap(Language.init(rawValue:)) ?? stored ?? acceptLanguage.flatMap(preferred(acceptLanguage:)) ?? .en
    }

    /// The language `header` (RFC 9110 `Accept-Language`) prefers most among ours, nil when it
    /// names none of them acceptably.
    ///
    /// Each range may carry `;q=` from 0 to 1 with up to three decimals; `q=0` means "not this
    /// one", a malformed range (a bad tag, a q-value out of range or not a number) is skipped,
    /// a language refused anywhere is refused (`fr;q=0, fr-CA` is no French), and among equal
    /// q-values the one listed first wins. Only the first 64 ranges are read. `*` names no language in particular,
    /// so it leaves the choice to the next rule.
    public static func preferred(acceptLanguage header: String) -> Language? {
        var candidates: [(language: Language, q: Double)] = []
        for range in header.split(separator: ",").prefix(64) {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { continue }
            var q: Double? = 1
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                q = pair.count == 2 && pair[0].lowercased() == "q" ? qValue(pair[1]) : nil
                if q == nil { break }
            }
            guard let q, let language = Language(tag: tag) else { continue }
            candidates.append((language, q))
        }
        let refused = Set(candidates.filter { $0.q == 0 }.map(\.language))
        // `max(by:)` keeps the first of equal elements: the one listed first.
        return candidates.filter { !refused.contains($0.language) }.max { $0.q < $1.q }?.language
    }

    /// An RFC 9110 `qvalue`: `0`, `1` or `0.` and up to three digits, `1.` and up to three zeros.
    private static func qValue(_ text: String) -> Double? {
        let valid = text.range(of: #"^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$"#, options: .regularExpression) != nil
        return valid ? Double(text) : nil
    }
}
