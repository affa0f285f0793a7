import Awards
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The server-rendered pages: Mustache templates shipped with the module, in the request's
/// language (`PageLanguage.current`) with the words of `Locales/`.
public struct Pages: Sendable {
    let library: MustacheLibrary
    let translations: Translations

    /// Loads the templates and the translations from the module's resources.
    static func load() async throws -> Pages {
        guard let resources = Bundle.module.resourceURL else {
            throw HTTPError(.internalServerError, message: "the page templates are missing")
        }
        return Pages(
            library: try await MustacheLibrary(directory: resources.appendingPathComponent("Templates").path),
            translations: try Translations.shipped())
    }

    /// The language of the page being made.
    var language: Language { PageLanguage.current.language }

    /// Numbers and dates for the page being made.
    var format: PageFormat { PageFormat(language: language, translations: translations) }

    /// The words of the page's charts, in its language.
    var chartWords: ChartWords { ChartWords(format: format) }

    /// The phrase `key` in the page's language, its `{placeholders}` filled from `values`.
    func phrase(_ key: String, _ values: [String: String] = [:]) -> String {
        translations.phrase(key, values, in: language)
    }

    /// Renders `template` with `context` as an HTML response in the page's language: the
    /// context gains `t` (the words), `lang`, the header's language links, the sentence naming
    /// who is signed in and the date for the printed page's header.
    func render(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        let page = PageLanguage.current
        var context = context
        context["t"] = translations.tree(page.language)
        context["lang"] = page.language.rawValue
        context["languages"] = Language.allCases.map { language -> [String: Any] in
            let next = page.here.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2F"
            return ["code": language.rawValue, "name": language.name, "href": "/language/\(language.rawValue)?next=\(next)", "current": language == page.language]
        }
        if let name = context["viewerName"] as? String, let role = context["viewerRole"] as? String {
            context["signedInAs"] = phrase("common.signedInAs", ["name": name, "role": phrase("roles." + role)])
        }
        context["printedOn"] = format.date(Date())
        guard let html = library.render(context, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "the page template \(template) is missing")
        }
        // Kept answers differ by language, so caches must tell them apart.
        let headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .contentLanguage: page.language.rawValue, .vary: "Cookie, Accept-Language"]
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Number formatting shared by the pages: one place, and none of it can trap.
///
/// A stored number may be anything a double holds (an old database may have `1e300`, `-0` or
/// `1e-320`), so nothing here converts a double to an integer without checking that it fits;
/// magnitudes from 10^15 up are written as Swift writes them (`1e+300`), and `-0` as `0`.
enum Show {
    /// From this magnitude up, numbers are written in exponent form: whole doubles below it are
    /// exact and fit any integer type.
    static let exactLimit = 1e15

    /// A score with two decimals, or an em dash when missing.
    static func score(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return fixed(value, decimals: 2)
    }

    /// A (possibly weighted) count: whole numbers without decimals.
    static func count(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return integer(exactly: value).map(String.init) ?? fixed(value, decimals: 2)
    }

    /// A rank (1 = best), whole; an em dash when unknown.
    static func rank(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return integer(value).map(String.init) ?? fixed(value, decimals: 0)
    }

    /// A 5th–95th percentile rank interval, `low` and `high` joined by `separator`; nil when it
    /// is missing or either end is unknown.
    static func rankInterval(_ interval: [Double]?, separator: String) -> String? {
        guard let interval, interval.count == 2, interval.allSatisfy(\.isFinite) else { return nil }
        return rank(interval[0]) + separator + rank(interval[1])
    }

    /// `value` as an integer, truncated toward zero as `Int(_:)` does, when it is finite and
    /// below `exactLimit` in magnitude; nil otherwise, where `Int(_:)` could trap.
    static func integer(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < exactLimit else { return nil }
        return Int(value)
    }

    /// `value` as an integer when it is a whole number below `exactLimit` in magnitude (`-0` is 0).
    static func integer(exactly value: Double) -> Int? {
        guard abs(value) < exactLimit else { return nil }
        return Int(exactly: value)
    }

    /// `value` with `decimals` places (`%.2f`), or in exponent form from `exactLimit` up; never
    /// `-0.00`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        guard abs(value) < exactLimit else { return "\(value)" }
        let text = String(format: "%.\(max(0, min(decimals, 6)))f", value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }
}
