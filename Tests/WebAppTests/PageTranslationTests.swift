import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// Every public, account and organiser page in French and Vietnamese: the page says which
/// language it is in, shows the translated words, and shows none of the English words of the
/// locale files that the language translates otherwise.
@Suite("Pages in French and Vietnamese")
struct PageTranslationTests {
    /// The phrases of `Locales/<language>/<file>` under their dotted keys.
    static func phrases(_ language: Language, _ file: String) throws -> [String: String] {
        let url = URL(fileURLWithPath: PlatformRoutesTests.root).appendingPathComponent("Sources/WebApp/Locales/\(language.rawValue)/\(file)")
        func flatten(_ object: [String: Any], _ prefix: String) -> [String: String] {
            object.reduce(into: [:]) { flat, pair in
                if let text = pair.value as? String { flat[prefix + pair.key] = text }
                if let group = pair.value as? [String: Any] { flat.merge(flatten(group, prefix + pair.key + ".")) { a, _ in a } }
            }
        }
        return flatten(try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]), "")
    }

    /// The English phrases of `files` that a page in `language` must not show: those it
    /// translates otherwise, of two words or more and without placeholders (a single word such
    /// as "Sustainability" may be a name in an index's data, and a placeholder is filled in).
    static func english(_ files: [String], notIn language: Language) throws -> [String] {
        try files.flatMap { file -> [String] in
            let english = try phrases(.en, file), translated = try phrases(language, file)
            return english.compactMap { key, text in
                text.contains("{") || !text.contains(" ") || text.count < 10 || translated[key] == text ? nil : text
            }
        }
    }

    /// The page's main part and its `<title>`, without its charts, whose words are still English.
    static func shown(_ page: String) -> String {
        let main = (TestBrowser.between(page, "<title>", "</title>") ?? "") + (TestBrowser.between(page, #"<main id="main">"#, "</main>") ?? page)
        return main.replacingOccurrences(of: #"<svg[\s\S]*?</svg>"#, with: "", options: .regularExpression)
    }

    /// English that pages in every language still show, as data or generated in English: the
    /// hosted indices' names and descriptions, the methodology's steps, the programme's rules,
    /// the factor summaries a cycle stores (shown in the audit log) and what a confirmation says
    /// an action does (written by the Awards module, naming phases).
    static let stillEnglish: [String: Set<String>] = [
        "/": ["Intelligent Community Index", "Rank interval"], "/indices": ["Intelligent Community Index", "Rank interval"],
        "/indices/asem/methodology": ["higher is better"], "/admin/audit": ["Broadband and digital services"], "/cycles": ["Top7 score"],
        "confirm": ["nominations open", "Smart21 scoring"],
    ]

    /// Checks `page` is in `language`: `<html lang>`, each of `words`, and none of the English
    /// phrases of `files` (as written or as HTML escapes them).
    static func expect(_ page: TestBrowser.Page, in language: Language, _ words: [String], files: [String], _ path: String) throws {
        #expect(page.body.contains(#"<html lang="\#(language.rawValue)">"#), "\(path) \(language)")
        for word in words { #expect(page.body.contains(word), "\(path) \(language) lacks “\(word)”") }
        let main = shown(page.body)
        let known = stillEnglish[path.hasPrefix("/cycles/") ? "/cycles" : path] ?? []
        for phrase in try english(files, notIn: language) where !known.contains(phrase) {
            let escaped = phrase.replacingOccurrences(of: "'", with: "&#39;")
            #expect(!main.contains(phrase) && !main.contains(escaped), "\(path) \(language) shows the English “\(phrase)”")
        }
    }

    @Test("the public pages: home, indices, rankings, unit, methodology, communities, compare, search, library, case study, cycle, reminders")
    func publicPages() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            var published = 0
            for cycle in try await store.cycles() where try await store.publication(cycle: cycle.year) != nil { published = cycle.year }
            #expect(published > 0)
            let ids = try await app.platform.communityDirectory().profiles.prefix(2).map(\.community.id)
            let caseStudy = try #require(try await store.caseStudies().first { $0.state == .published })
            let files = ["public.json", "site.json", "community.json"]
            // Words of each page in French and Vietnamese, chosen among those only that page has.
            let expected: [(String, [String], [String])] = [
                ("/", ["Le programme des prix", "Les six facteurs", "Le palmarès"], ["Chương trình giải thưởng", "Sáu tiêu chí", "Thành tích giải thưởng"]),
                ("/indices", ["Les indices composites hébergés", "Méthodologie"], ["Các chỉ số tổng hợp mà nền tảng này", "Phương pháp luận"]),
                ("/indices/asem", ["Télécharger en CSV", "Notes affichées", "toutes les unités"], ["Tải CSV", "Điểm được hiển thị", "tất cả đơn vị"]),
                ("/indices/asem/units/CHE", ["Points forts et points faibles", "Médiane des pairs"], ["Điểm mạnh và điểm yếu", "Trung vị nhóm"]),
                ("/indices/asem/methodology", ["Méthodologie : ", "plus haut est meilleur", "Téléchargements"], ["Phương pháp luận: ", "càng cao càng tốt", "Tải xuống"]),
                ("/communities", ["Meilleure étape", "Trouver une communauté"], ["Vòng cao nhất", "Tìm một cộng đồng"]),
                ("/compare?communities=" + ids.joined(separator: ","), ["Comparer des communautés", "Distinctions"], ["So sánh các cộng đồng", "Các lần được ghi nhận"]),
                ("/search?q=a", ["résultat(s) pour « a »", "Communauté ou unité d’un indice"], ["kết quả cho “a”", "Cộng đồng hoặc đơn vị của chỉ số"]),
                ("/library", ["Bibliothèque des bonnes pratiques", "tous les facteurs"], ["Thư viện thực tiễn tốt", "tất cả tiêu chí"]),
                ("/library/\(caseStudy.id)", ["Retour à la bibliothèque"], ["Quay lại thư viện"]),
                ("/cycles/\(published)", ["Comment le classement final a été décidé", "Les préférences du jury, deux à deux", "Le calendrier du cycle"],
                 ["Bảng xếp hạng cuối cùng được quyết định như thế nào", "Ưu tiên theo từng cặp của hội đồng", "Lịch trình của chu kỳ"]),
                ("/reminders/stop?token=forged", ["Ce lien n’est pas valide"], ["Liên kết này không hợp lệ"]),
            ]
            for (path, french, vietnamese) in expected {
                for (language, words) in [(Language.fr, french), (.vi, vietnamese)] {
                    let page = try await app.browser().get(path, headers: [.acceptLanguage: language.rawValue])
                    #expect(page.status == .ok || path.hasPrefix("/reminders"), "\(path) \(language): \(page.status)")
                    try Self.expect(page, in: language, words, files: files, path)
                }
            }
        }
    }

    @Test("numbers on the public pages follow the language: a decimal comma in French and Vietnamese, a point in English")
    func numbers() async throws {
        try await TestPlatform.with { app in
            let view = try #require(app.platform.catalogue.indices.first { $0.slug == "asem" }?.latest?.view)
            let first = try #require(view.rows.first { $0.rank == 1 })
            let score = try #require(view.aggregates.first.flatMap { first.scores[$0.code] })
            // The score as the page writes it: two decimals, then the language's separator.
            let written = String(format: "%.2f", score)
            for (language, separator) in [(Language.en, "."), (.fr, ","), (.vi, ",")] {
                let page = try await app.browser().get("/indices/asem", headers: [.acceptLanguage: language.rawValue])
                #expect(page.body.contains(">" + written.replacingOccurrences(of: ".", with: separator) + "</td>"), "\(language): \(written)")
                if language != .en { #expect(!page.body.contains(">" + written + "</td>"), "\(language)") }
            }
        }
    }

    @Test("the due notice and the timeline: the deadline in words of the language, in the cycle's zone, inside the same <time>")
    func deadlines() async throws {
        try await TestPlatform.with { app in
            let year = DemoPlatform.walkthroughYear
            let admin = try await app.signedIn(.admin)
            try await admin.get("/admin/cycles/\(year)")
            // 20 January 2027, 23:59 in Bangkok (UTC+7) is 16:59 UTC; the clock reads 15 January 2027.
            #expect(try await admin.post("/admin/cycles/\(year)/schedule", DeadlineRoutesTests.scheduleForm(nominationsDue: "2027-01-20T23:59:00+07:00")).status == .seeOther)
            let time = #"<time class="local" datetime="2027-01-20T16:59:00Z">"#
            for (language, due, row) in [
                (Language.en, "Nominations are due by \(time)20 January 2027, 23:59 (Asia/Bangkok)</time>.",
                 "<td><strong>nominations open</strong> (now)</td><td>1 January 2027</td>"),
                (.fr, "Les candidatures sont à remettre au plus tard le \(time)20 janvier 2027 à 23:59 (Asia/Bangkok)</time>.",
                 "<td><strong>candidatures ouvertes</strong> (en cours)</td><td>1 janvier 2027</td>"),
                (.vi, "Hồ sơ đề cử phải nộp trước \(time)23:59 ngày 20 tháng 1 năm 2027 (Asia/Bangkok)</time>.",
                 "<td><strong>đang nhận hồ sơ đề cử</strong> (hiện tại)</td><td>ngày 1 tháng 1 năm 2027</td>"),
            ] {
                try await admin.get("/language/\(language.rawValue)")
                let page = try await admin.get("/admin/cycles/\(year)")
                #expect(page.body.contains(#"<p class="notice" id="due">"# + due), "\(language)")
                #expect(page.body.contains(row), "\(language)")
                let visitor = try await app.browser().get("/cycles/\(year)", headers: [.acceptLanguage: language.rawValue])
                #expect(visitor.body.contains(row), "\(language): the public timeline")
            }
            // Passed, for the community: 14:00 in Bangkok on 15 January is 07:00 UTC, an hour before the clock.
            try await admin.get("/admin/cycles/\(year)")
            #expect(try await admin.post("/admin/cycles/\(year)/schedule", DeadlineRoutesTests.scheduleForm(nominationsDue: "2027-01-15T14:00:00+07:00")).status == .seeOther)
            let community = try await app.signedIn(.community)
            try await community.get("/language/fr")
            let page = try await community.get("/community")
            #expect(page.body.contains(#"<p class="problem" id="due">Les candidatures étaient à remettre au plus tard le <time class="local" datetime="2027-01-15T07:00:00Z">15 janvier 2027 à 14:00 (Asia/Bangkok)</time> ; le délai est dépassé.</p>"#))
        }
    }

    @Test("the browser script writes times in the page's language, not the browser's")
    func script() async throws {
        #expect(LocalTime.script.contains("toLocaleString(document.documentElement.lang || undefined"))
        #expect(!LocalTime.script.contains("toLocaleString(undefined"))
    }

    @Test("the account page and the organiser's pages: accounts, one account, cycles, one cycle, a confirmation, the audit log, the outbox; the case-study form")
    func signedInPages() async throws {
        try await TestPlatform.with { app in
            let year = DemoPlatform.walkthroughYear
            let files = ["public.json", "account.json", "admin.json", "site.json"]
            let admin = try await app.signedIn(.admin)
            let community = try await app.signedIn(.community)
            let account = app.account(.community).username
            for (language, words) in [
                (Language.fr, [
                    "/account": ["Votre compte", "Jetons d’API", "Créer un jeton"],
                    "/admin": ["Organisateurs", "Créer le cycle", "Journal d’audit"],
                    "/admin/cycles/\(year)": ["Calendrier et échéances", "Enregistrer le jury", "Listes de sélection"],
                    "/admin/users": ["Nouveau compte", "Nom de connexion"],
                    "/admin/users/\(account)": ["Réinitialiser le mot de passe", "Tous les comptes"],
                    "/admin/audit": ["Entrées plus anciennes", "Ce qui a changé"],
                    "/admin/outbox": ["Boîte d’envoi", "Dernière erreur"],
                    "/community/case-studies/new": ["Facteurs concernés", "Publier dans la bibliothèque"],
                ]),
                (.vi, [
                    "/account": ["Tài khoản của bạn", "Mã truy cập API", "Tạo mã truy cập"],
                    "/admin": ["Ban tổ chức", "Tạo chu kỳ", "Nhật ký kiểm tra"],
                    "/admin/cycles/\(year)": ["Lịch trình và hạn chót", "Lưu hội đồng", "Danh sách rút gọn"],
                    "/admin/users": ["Tài khoản mới", "Tên đăng nhập"],
                    "/admin/users/\(account)": ["Đặt lại mật khẩu", "Tất cả tài khoản"],
                    "/admin/audit": ["Các mục cũ hơn", "Những gì thay đổi"],
                    "/admin/outbox": ["Hộp thư đi", "Lỗi gần nhất"],
                    "/community/case-studies/new": ["Các tiêu chí liên quan", "Đăng lên thư viện"],
                ]),
            ] as [(Language, [String: [String]])] {
                try await admin.get("/language/\(language.rawValue)")
                try await community.get("/language/\(language.rawValue)")
                for (path, words) in words {
                    let browser = path.hasPrefix("/admin") ? admin : community
                    let page = try await browser.get(path)
                    #expect(page.status == .ok, "\(path) \(language)")
                    try Self.expect(page, in: language, words, files: files, path)
                }
                // Moving to the next phase asks first, in the page's language.
                try await admin.get("/admin/cycles/\(year)")
                let confirm = try await admin.post("/admin/cycles/\(year)/phase", [("phase", Phase.smart21Scoring.rawValue)])
                try Self.expect(confirm, in: language, [language == .fr ? "Annuler et revenir" : "Hủy và quay lại"], files: files, "confirm")
            }
        }
    }
}
