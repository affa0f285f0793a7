import Awards
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

/// The community's path in English, French and Vietnamese: signing in, the questionnaire by
/// factor with its help, ranges, progress and deadline, the review before a separate submit,
/// the feedback once published, and the certificate once the recognition is public.
@Suite("The community's path")
struct CommunityPathTests {
    static let year = DemoPlatform.walkthroughYear

    /// What each language's pages say, as a translator wrote it.
    struct Words: Sendable {
        var language: Language
        var signIn: String
        var questionnaire: String
        var review: String
        var firstQuestion: String
        var help: String
        var range: String
        var deadline: String
        /// "%d of 18 questions answered", the count to be filled in.
        var progress: String
        var outOfRange: String
        var notANumber: String
        var reviewed: String
        /// "%d required questions still need an answer", the count to be filled in.
        var missing: String
        var submit: String
        var submitted: String
    }

    static let languages: [Words] = [
        Words(
            language: .en, signIn: "<h1>Sign in</h1>", questionnaire: "<h2 id=\"questionnaire\">Questionnaire</h2>", review: "Review before submitting",
            firstQuestion: "Connect-Q1. Broadband and digital services: headline data point", help: "The main figure your community reports for this factor",
            range: "(required; from 0 to 100 per cent)", deadline: "Nominations close on 15 September 2026.", progress: "%d of 18 questions answered", outOfRange: "the answer must be from 0 to 100 per cent, not 1e300",
            notANumber: "“NaN” is not a number", reviewed: "2.50 per cent", missing: "%d required question(s) still need an answer.",
            submit: "Submit the nomination", submitted: "state: submitted"),
        Words(
            language: .fr, signIn: "<h1>Connexion</h1>", questionnaire: "<h2 id=\"questionnaire\">Questionnaire</h2>", review: "Relire avant de soumettre",
            firstQuestion: "Connect-Q1. Haut débit et services numériques : donnée principale", help: "Le chiffre principal que votre communauté déclare pour ce facteur",
            range: "(obligatoire; de 0 à 100 pour cent)", deadline: "Les candidatures ferment le 15 septembre 2026.", progress: "%d question(s) sur 18 remplie(s)", outOfRange: "la réponse doit être comprise entre 0 et 100 pour cent, et non 1e300",
            notANumber: "« NaN » n’est pas un nombre", reviewed: "2,50 pour cent", missing: "%d question(s) obligatoire(s) attendent encore une réponse.",
            submit: "Soumettre la candidature", submitted: "état : soumise"),
        Words(
            language: .vi, signIn: "<h1>Đăng nhập</h1>", questionnaire: "<h2 id=\"questionnaire\">Bảng câu hỏi</h2>", review: "Xem lại trước khi nộp",
            firstQuestion: "Connect-Q1. Băng thông rộng và dịch vụ số: số liệu chính", help: "Số liệu chính mà cộng đồng của bạn báo cáo cho tiêu chí này",
            range: "(bắt buộc; từ 0 đến 100 phần trăm)", deadline: "Hạn nhận hồ sơ đề cử: ngày 15 tháng 9 năm 2026.", progress: "Đã trả lời %d/18 câu hỏi", outOfRange: "câu trả lời phải nằm trong khoảng từ 0 đến 100 phần trăm, không phải 1e300",
            notANumber: "“NaN” không phải là một số", reviewed: "2,50 phần trăm", missing: "Còn %d câu hỏi bắt buộc chưa được trả lời.",
            submit: "Nộp hồ sơ đề cử", submitted: "trạng thái: đã nộp"),
    ]

    /// The cells of each body row of an HTML table, tags dropped.
    static func rows(_ table: String) -> [[String]] {
        let body = TestBrowser.between(table, "<tbody>", "</tbody>") ?? ""
        let cell = try! NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>")
        return body.components(separatedBy: "</tr>").map { row in
            cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).compactMap { Range($0.range(at: 1), in: row).map { String(row[$0]) } }
        }.filter { !$0.isEmpty }
    }

    /// The text of `html` with its markup's entities read back.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("a community fills, reviews and submits its questionnaire in its language", arguments: languages)
    func questionnaire(words: Words) async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let community = app.browser()
            try await community.get("/language/\(words.language.rawValue)?next=/login")
            let signIn = try await community.get("/login")
            #expect(signIn.body.contains(#"<html lang="\#(words.language.rawValue)">"#) && signIn.body.contains(words.signIn))
            try await community.signIn(app.account(.community))

            // The demo's draft holds some answers already.
            let questions = try await store.cycle(Self.year).questions(round: 1)
            let draft = try #require(try await store.nominations(cycle: Self.year).first { $0.id == "N-001" })
            let answered = questions.count { draft.answers[$0.id] != nil }
            let page = Self.text(try await community.get("/community").body)
            for expected in [words.questionnaire, words.review, words.firstQuestion, words.help, words.range, words.deadline, String(format: words.progress, answered)] {
                #expect(page.contains(expected), "\(words.language): the workspace shows '\(expected)'")
            }
            // One heading per factor, in the cycle's order, each question under its own.
            let headings = Factor.standard.map { "<legend><h3>\($0.name)</h3></legend>" }
            let positions = headings.compactMap { page.range(of: $0)?.lowerBound }
            #expect(positions.count == 6 && positions == positions.sorted())

            // Problems name the question, in the page's language; nothing is stored.
            for (typed, expected) in [("1e300", words.outOfRange), ("NaN", words.notANumber)] {
                let refused = try await community.post("/community/nomination", [("answer-Connect-Q1", typed), ("action", "draft")])
                #expect(refused.status == .unprocessableContent)
                let alert = Self.text(TestBrowser.between(refused.body, #"role="alert">"#, "</p>") ?? "")
                #expect(alert.contains("Connect-Q1") && alert.contains(expected), "\(words.language): \(alert)")
                #expect(refused.body.contains(#"aria-invalid="true" aria-errormessage="problem-Connect-Q1""#))
            }
            #expect(try await store.nominations(cycle: Self.year).first { $0.id == "N-001" } == draft, "nothing is stored")

            // A decimal comma is read in every language; the review shows the answer in the page's.
            try await community.get("/community")
            let saved = try await community.post("/community/nomination", [("answer-Connect-Q1", "2,5"), ("action", "review")])
            #expect(saved.location == "/community/review")
            let review = Self.text(try await community.get("/community/review").body)
            #expect(review.contains(#"id="review-Connect-Q1">\#(words.reviewed)</dd>"#), "\(words.language): the review shows the answer")
            // The form is saved whole: the fields left empty clear their answers.
            #expect(review.contains(String(format: words.progress, 1)) && review.contains(String(format: words.missing, 17)) && review.contains(words.submit))

            // Submitting with required answers missing names them and submits nothing.
            let early = try await community.post("/community/nomination/submit", [])
            #expect(early.status == .unprocessableContent)
            #expect(Self.text(early.body).contains("Connect-Q2") && Self.text(early.body).contains("Sustain-N1"))
            #expect(try await store.nominations(cycle: Self.year).first { $0.id == "N-001" }?.state == .draft)

            // Answered in full, then submitted from the review.
            try await community.get("/community")
            let answers = questions.map { q in ("answer-\(q.id)", q.isQuantitative ? "40" : "Fibre in every commune (synthetic).") }
            #expect(try await community.post("/community/nomination", answers + [("action", "review")]).status == .seeOther)
            try await community.get("/community/review")
            #expect(try await community.post("/community/nomination/submit", []).status == .seeOther)
            #expect(try await store.nominations(cycle: Self.year).first { $0.id == "N-001" }?.state == .submitted)
            #expect(Self.text(try await community.get("/community").body).contains(words.submitted))
        }
    }

    @Test("the review and submit are the community's own: others are sent to sign in or refused, and nothing is submitted after the deadline")
    func reviewAccess() async throws {
        try await TestPlatform.with { app in
            let anonymous = app.browser()
            #expect(try await anonymous.get("/community/review").status == .seeOther)
            for role in [Role.admin, .analyst, .juror] {
                let other = try await app.signedIn(role)
                #expect(try await other.get("/community/review").status == .forbidden, "\(role)")
                try await other.get("/account")
                #expect(try await other.post("/community/nomination/submit", []).status == .forbidden, "\(role)")
            }
            let admin = try await app.signedIn(.admin)
            try await admin.advance(to: .smart21Scoring, year: Self.year)
            let community = try await app.signedIn(.community)
            let review = try await community.get("/community/review")
            #expect(!review.body.contains("submit-nomination"), "no submit button once nominations close")
            #expect(review.body.contains("Nominations closed on 15 September 2026."))
            let late = try await community.post("/community/nomination/submit", [], csrf: TestBrowser.csrfToken(in: try await community.get("/community").body))
            #expect(late.status == .conflict && late.body.contains("nominations open"))
            #expect(try await app.platform.store.nominations(cycle: Self.year).first { $0.id == "N-001" }?.state == .draft)
        }
    }

    @Test("after publication, and only then, the community sees its scores against the Smart21 and the median nominee and the comments, never an analyst, in its language")
    func feedback() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let community = try await app.signedIn(.community)
            // Before publication: no score, comment or chart, in any language.
            for language in Language.allCases {
                let before = try await community.get("/community", headers: [.acceptLanguage: language.rawValue])
                #expect(!before.body.contains(#"id="standing""#) && !before.body.contains("<svg"), "\(language) before publication")
            }
            try await WorkspaceTests.walk(app)
            let cycle = try await store.cycle(Self.year)
            let smart21 = Set(try #require(try await store.shortlist("smart21", cycle: Self.year)).selected)
            let edition = try #require(try await app.platform.communityDirectory().index.edition(Self.year))
            let own = try #require(edition.scores.first { $0.nomination == "N-001" })
            // The oracle: medians and Smart21 minima computed here from the nominees' scores.
            func median(_ values: [Double]) -> Double {
                let sorted = values.sorted()
                return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            }
            let shortlisted = edition.scores.filter { smart21.contains($0.nomination) }
            let expected: [(String, Double, Double, Double)] = [("Overall", own.overall, shortlisted.map(\.overall).min()!, median(edition.scores.map(\.overall)))]
                + cycle.factors.map { f in (f.name, own.factors[f.code]!, shortlisted.compactMap { $0.factors[f.code] }.min()!, median(edition.scores.compactMap { $0.factors[f.code] })) }

            let analysts = try await store.analysts()
            let analystAccounts = try await store.accounts().filter { $0.role == .analyst }
            // Ids, names and the accounts' names and what they act as ("analyst", the demo account's
            // own id, is also an ordinary word of the page).
            let identities = analysts.flatMap { [$0.id, $0.name] } + analystAccounts.flatMap { [$0.name] + ($0.subject.map { [$0] } ?? []) }
            #expect(identities.count >= 4)
            for (language, overall, heading, separator) in [(Language.en, "Overall", "Your scores against the nominees", "."), (.fr, "Ensemble", "Vos notes comparées à celles des candidates", ","), (.vi, "Tổng thể", "Điểm của bạn so với các cộng đồng được đề cử", ",")] {
                let page = try await community.get("/community", headers: [.acceptLanguage: language.rawValue])
                #expect(page.body.contains(heading), "\(language)")
                let table = Self.rows(TestBrowser.between(page.body, #"id="standing""#, "</table>") ?? "")
                #expect(table.count == 7, "\(language): \(table)")
                for (row, (name, score, cutoff, middle)) in zip(table, expected) {
                    let figures = [score, cutoff, middle].map { String(format: "%.2f", $0).replacingOccurrences(of: ".", with: separator) }
                    #expect(row == [name == "Overall" ? overall : name] + figures, "\(language): \(row)")
                }
                #expect(page.body.contains("Synthetic assessment"), "the comments are shown")
                // As the browser walk reads the page: no word names an analyst as a person would.
                #expect(!(TestBrowser.between(page.body, #"<main id="main">"#, "</main>") ?? "").contains("Analyst"), "\(language)")
                for identity in identities where !identity.isEmpty {
                    #expect(!page.body.contains(identity), "\(language): the feedback names the analyst '\(identity)'")
                }
            }
        }
    }
}
