import Awards
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IndexEngine
import Testing
@testable import WebApp

/// The pages in English, French and Vietnamese: every phrase exists in every language, the
/// language is chosen by cookie, then `Accept-Language`, then English, and nothing but the three
/// codes gets into a page or a cookie.
@Suite("Localisation")
struct LocalisationTests {
    /// The shipped locale files, read once per test that needs them.
    static func shipped() throws -> Translations {
        try Translations(directory: URL(fileURLWithPath: PlatformRoutesTests.root).appendingPathComponent("Sources/WebApp/Locales"))
    }

    /// Every file under `folder` of the WebApp sources whose name ends in `suffix`, with its text.
    static func sources(_ folder: String, _ suffix: String) throws -> [(name: String, text: String)] {
        let directory = URL(fileURLWithPath: PlatformRoutesTests.root).appendingPathComponent("Sources/WebApp/" + folder)
        let enumerator = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
        return try enumerator.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }.map {
            ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8))
        }
    }

    /// The captures of `pattern`'s first group in `text`.
    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("a value is never read for places: a community called \"{year}\" stays so, whatever order the values come in")
    func placesFilledOnce() {
        let translations = Translations(phrases: [.en: ["k": "{name} scored in {year}", "odd": "{a{b} and {"]])
        for _ in 0..<20 {
            #expect(translations.phrase("k", ["name": "{year}", "year": "2026"], in: .en) == "{year} scored in 2026")
        }
        #expect(translations.phrase("k", ["name": "Hà Nội"], in: .fr) == "Hà Nội scored in {year}", "English for a missing language; an unknown place stays")
        #expect(translations.phrase("odd", ["b": "B"], in: .en) == "{a{b} and {")
        #expect(Placeholders.fill("{a} then {b}", ["a": "{b}", "b": "{a}"]) == "{b} then {a}")
        #expect(Placeholders.names(in: "{a}, {b} and {a}") == ["a", "b"])
    }

    @Test("every language has every English phrase, with the same placeholders, and nothing English lacks")
    func everyKeyInEveryLanguage() throws {
        let translations = try Self.shipped()
        let english = try #require(translations.phrases[.en])
        #expect(english.count > 150)
        for language in Language.allCases where language != .en {
            let phrases = try #require(translations.phrases[language])
            for (key, text) in english {
                let translated = phrases[key]
                #expect(translated != nil, "Locales/\(language.rawValue)/ lacks '\(key)'")
                if let translated {
                    // A date may be written with the month's name or number.
                    let allowed = key == "format.date" ? ["day", "month", "monthNumber", "year"] : Placeholders.names(in: text)
                    #expect(Placeholders.names(in: translated).isSubset(of: allowed), "Locales/\(language.rawValue)/ '\(key)' has placeholders English lacks")
                    #expect(key == "format.date" || Placeholders.names(in: translated) == allowed, "Locales/\(language.rawValue)/ '\(key)' drops a placeholder")
                    #expect(!translated.isEmpty, "Locales/\(language.rawValue)/ '\(key)' is empty")
                }
            }
            for key in phrases.keys where english[key] == nil { Issue.record("Locales/\(language.rawValue)/ has '\(key)', which English lacks") }
        }
    }

    @Test("every phrase the templates and the code use exists in English")
    func usedKeysExist() throws {
        let english = try #require(Self.shipped().phrases[.en])
        var used = 0
        for (name, text) in try Self.sources("Templates", ".mustache") {
            for key in try Self.matches(#"\{\{[#^/]?\s*t\.([A-Za-z0-9_.]+)\s*\}\}"#, in: text) {
                used += 1
                #expect(english[key] != nil, "\(name) uses t.\(key), which Locales/en/ lacks")
            }
        }
        // In Swift, a phrase is a string literal starting with one of the groups.
        let groups = Set(english.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        for (name, text) in try Self.sources("", ".swift") {
            for key in try Self.matches(#""([a-z]+\.[A-Za-z0-9_.]*)""#, in: text) where groups.contains(String(key.prefix { $0 != "." })) {
                used += 1
                // "roles." + role: a group completed at run time, checked below for every value.
                if key.hasSuffix(".") { continue }
                #expect(english[key] != nil, "\(name) uses '\(key)', which Locales/en/ lacks")
            }
        }
        #expect(used > 100)
        let computed = Phase.allCases.map { "phases." + $0.rawValue } + AwardStage.allCases.map { "stages." + $0.rawValue }
            + Role.allCases.map { "roles." + $0.rawValue } + ["draft", "submitted", "withdrawn"].map { "states." + $0 }
            + (1...12).map { "format.month\($0)" }
            + CycleAction.allCases.map { "cycleActions." + $0.rawValue } + CycleRules.CalibrationChoice.allCases.map { "calibrationMethods." + $0.rawValue }
            + ["schulze", "rankedPairs", "instantRunoff", "borda"].map { "votingMethods." + $0 }
            + PreviewSentence.What.allCases.map { "previews." + $0.rawValue }
            + Treat.Method.allCases.map { "methodology.steps.transforms." + $0.rawValue }
            + Normalise.Method.allCases.map { "methodology.steps.normalisation." + $0.rawValue }
            + Aggregate.Method.allCases.map { "methodology.steps.methods." + $0.rawValue }
            + [PreviewSentence.What.acceptsJury, .assignmentsReplaced, .reviewsAlreadySubmitted, .reviewsMissing, .draftsLeft].map { "previews." + $0.rawValue + "One" }
        for key in computed { #expect(english[key] != nil, "Locales/en/ lacks '\(key)'") }
    }

    @Test("a locale folder that is missing, not JSON, or gives one group in two files is refused, naming the file and group")
    func badLocaleFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("locales-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ language: Language, _ name: String, _ text: String) throws {
            let folder = root.appendingPathComponent(language.rawValue)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        func problem() -> String {
            do { _ = try Translations(directory: root); return "none" } catch { return String(describing: error) }
        }
        for language in Language.allCases { try write(language, "site.json", #"{"nav": {"home": "Home"}}"#) }
        #expect(problem() == "none")
        try write(.fr, "admin.json", #"{"nav": {"users": "Utilisateurs"}}"#)
        #expect(problem() == "Locales/fr/site.json: 'nav' is also a group of fr/admin.json")
        try write(.fr, "admin.json", "[1, 2]")
        #expect(problem() == "Locales/fr/admin.json is not a JSON object")
        try write(.fr, "admin.json", #"{"admin": {"count": 3}}"#)
        #expect(problem() == "Locales/fr/admin.json: 'admin.count' must be a text or a group of texts")
        try FileManager.default.removeItem(at: root.appendingPathComponent("vi"))
        try write(.fr, "admin.json", "{}")
        #expect(problem() == "Locales/vi/ holds no .json file")
    }

    @Test("Accept-Language: q-values decide, q=0 refuses, malformed ranges are skipped, other languages fall back", arguments: [
        ("fr-CA", Language.fr), ("fr-CA,en;q=0.5", .fr), ("en;q=0.4, vi;q=0.8", .vi), ("de, vi;q=0.1", .vi), ("de, it", nil),
        ("vi;q=0, fr;q=0.2", .fr), ("fr;q=0, fr-CA", nil), ("*", nil), ("", nil), ("fr;q=2, vi;q=0.5", .vi), ("fr;q=abc, en", .en),
        ("fr;q=0.5;x=1, vi;q=0.4", .vi), ("en;q=0.5, fr;q=0.5", .en), ("VI-vn", .vi), ("fr_CA", nil), ("f, fr;q=0.3", .fr),
        (";;;,,,=", nil), ("fr;q=1.0000", nil), ("fr;q=0.999", .fr), ("fra", nil), (String(repeating: "x,", count: 10_000) + "fr", nil),
    ] as [(String, Language?)])
    func acceptLanguage(header: String, expected: Language?) {
        #expect(Language.preferred(acceptLanguage: header) == expected, "\(header.prefix(40))")
        #expect(Language.choose(cookie: nil, acceptLanguage: header) == expected ?? .en)
    }

    @Test("the switcher's cookie comes first, then the account's language, then Accept-Language; only the three codes count")
    func order() {
        #expect(Language.choose(cookie: "vi", acceptLanguage: "fr") == .vi)
        #expect(Language.choose(stored: .en, cookie: "vi", acceptLanguage: "fr") == .vi)
        #expect(Language.choose(stored: .en, cookie: nil, acceptLanguage: "fr") == .en)
        #expect(Language.choose(stored: .vi, cookie: "de", acceptLanguage: "fr") == .vi)
        for cookie in ["VI", "vi ", "fr\"><script>", "de", "", "en;fr"] {
            #expect(Language.choose(cookie: cookie, acceptLanguage: "fr") == .fr, "cookie '\(cookie)' is ignored")
        }
    }

    @Test("numbers and dates follow the language: a decimal comma in French and Vietnamese, the date in each one's order")
    func formats() throws {
        let date = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01 00:00 UTC
        let translations = try Self.shipped()
        let en = PageFormat(language: .en, translations: translations)
        let fr = PageFormat(language: .fr, translations: translations)
        let vi = PageFormat(language: .vi, translations: translations)
        #expect(en.date(date) == "1 December 2026")
        #expect(fr.date(date) == "1 décembre 2026")
        #expect(vi.date(date) == "ngày 1 tháng 12 năm 2026")
        #expect(fr.date("2027-03-31") == "31 mars 2027" && vi.date("2027-03-31") == "ngày 31 tháng 3 năm 2027")
        #expect(fr.date("not a date") == "not a date")
        #expect(en.score(2.5) == "2.50" && fr.score(2.5) == "2,50" && vi.score(2.5) == "2,50")
        #expect(fr.count(1500) == "1500" && fr.number(-0.0, decimals: 1) == "0,0" && fr.number(.nan, decimals: 1) == "—")
        #expect(fr.number(1e300, decimals: 2) == "1e+300")
    }

    @Test("the switcher sets only en, fr or vi, goes back only to this site, and the page follows the cookie and the browser")
    func switcher() async throws {
        try await PlatformRoutesTests.withApp { client, _ in
            // The header links to the three languages, back to the page shown.
            let home = try await client.execute(uri: "/communities?q=a", method: .get)
            let html = PlatformRoutesTests.text(home)
            #expect(html.contains(#"<html lang="en">"#))
            #expect(html.contains(#"href="/language/fr?next=%2Fcommunities%3Fq%3Da""#))
            #expect(home.headers[.contentLanguage] == "en")

            let set = try await client.execute(uri: "/language/fr?next=/communities", method: .get)
            #expect(set.status == .seeOther && set.headers[.location] == "/communities")
            let cookie = try #require(set.headers[.setCookie])
            #expect(cookie.hasPrefix("lang=fr;") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))

            for (path, location) in [("/language/vi?next=https://evil.example", "/"), ("/language/vi?next=//evil.example", "/"), ("/language/vi", "/")] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.headers[.location] == location, "\(path)")
            }
            for code in ["de", "FR", "fr%22%3E%3Cscript%3E", "en;x=1"] {
                let refused = try await client.execute(uri: "/language/\(code)", method: .get)
                #expect(refused.status == .notFound && refused.headers[.setCookie] == nil, "\(code)")
            }

            // Kept public pages are kept per language.
            for (headers, lang, word) in [
                ([HTTPField.Name.cookie: "lang=fr"], "fr", "Communautés"), ([.acceptLanguage: "vi-VN,vi;q=0.9"], "vi", "Cộng đồng"),
                ([.cookie: "lang=vi", .acceptLanguage: "fr"], "vi", "Cộng đồng"), ([.cookie: "lang=\"><script>", .acceptLanguage: "de"], "en", "Communities"),
                ([:], "en", "Communities"),
            ] as [(HTTPFields, String, String)] {
                let page = try await client.execute(uri: "/communities", method: .get, headers: headers)
                let text = PlatformRoutesTests.text(page)
                #expect(text.contains(#"<html lang="\#(lang)">"#), "\(headers)")
                #expect(text.contains(#"<a href="/communities">\#(word)</a>"#), "\(headers)")
                #expect(!text.contains("<script>"))
            }
            let missing = try await client.execute(uri: "/communities/nowhere", method: .get, headers: [.cookie: "lang=fr"])
            #expect(missing.status == .notFound && PlatformRoutesTests.text(missing).contains("<h1>Page introuvable</h1>"))
        }
    }

    @Test("a broken rule on a page is explained in the reader's language, its English detail marked as English; the API keeps its JSON")
    func programmeErrors() async throws {
        try await TestPlatform.with { app in
            let admin = try await app.signedIn(.admin)
            let english = try await admin.get("/admin/cycles/1999")
            #expect(english.status == .notFound)
            #expect(english.body.contains("<p>Something named here does not exist.</p>"))
            #expect(english.body.contains(#"Details: <span id="error-detail">"#), "English needs no language mark")
            let french = try await admin.get("/admin/cycles/1999", headers: [.acceptLanguage: "fr"])
            #expect(french.status == .notFound)
            #expect(french.body.contains("<h1>Page introuvable</h1>") && french.body.contains("<p>Un élément nommé ici n’existe pas.</p>"))
            #expect(french.body.contains(#"Détails (en anglais) : <span id="error-detail" lang="en">"#) && french.body.contains("1999"))
            let vietnamese = try await admin.get("/admin/cycles/1999", headers: [.acceptLanguage: "vi"])
            #expect(vietnamese.body.contains("Một mục được nêu ở đây không tồn tại."))
            let api = try await admin.get("/api/v1/cycles/1999", headers: [.acceptLanguage: "fr"])
            #expect(api.status == .notFound && api.body.hasPrefix(#"{"error":{"message":"#) && !api.body.contains("Un élément"))
        }
    }
}
