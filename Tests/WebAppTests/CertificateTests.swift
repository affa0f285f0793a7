import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// The certificate of recognition: one A4 page, in the reader's language, for a recognition the
/// public record holds — and for nothing else, nor before it is announced.
@Suite("Certificates")
struct CertificateTests {
    static let year = DemoPlatform.walkthroughYear

    @Test("Binh Duong's certificate as Community of the Year 2023 reads in English, French and Vietnamese; other addresses are 404")
    func binhDuong() async throws {
        try await TestPlatform.with { app in
            let browser = app.browser()
            for (language, heading, named) in [
                (Language.en, "Certificate of recognition", "as the Community of the Year 2023"),
                (.fr, "Certificat de distinction", "comme Communauté de l’année 2023"),
                (.vi, "Giấy chứng nhận", "là Cộng đồng của năm 2023"),
            ] {
                let page = try await browser.get("/communities/binh-duong--vietnam/certificates/2023", headers: [.acceptLanguage: language.rawValue])
                #expect(page.status == .ok)
                #expect(page.body.contains(#"<html lang="\#(language.rawValue)">"#))
                #expect(page.body.contains("<h1 id=\"certificate-heading\">\(heading)</h1>"), "\(language)")
                #expect(page.body.contains("<p class=\"certificate-name\">Binh Duong</p>") && page.body.contains(named), "\(language)")
            }
            let smart21 = try await browser.get("/communities/binh-duong--vietnam/certificates/2019")
            #expect(smart21.status == .ok && smart21.body.contains("as a member of the Smart21 of 2019"))
            // The profile links each recognised year to its certificate.
            let profile = try await browser.get("/communities/binh-duong--vietnam")
            #expect(profile.body.contains(#"href="/communities/binh-duong--vietnam/certificates/2023""#))
            #expect(!profile.body.contains(#"href="/communities/binh-duong--vietnam/certificates/2018""#))
            for path in [
                "/communities/binh-duong--vietnam/certificates/2018", "/communities/binh-duong--vietnam/certificates/2024",
                "/communities/binh-duong--vietnam/certificates/abc", "/communities/binh-duong--vietnam/certificates/99999999999999999999",
                "/communities/binh-duong--vietnam/certificates/-2023", "/communities/nowhere/certificates/2023",
            ] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }
        }
    }

    @Test("a cycle's certificates exist only from each stage's announcement", arguments: Phase.allCases)
    func followsAnnouncements(_ phase: Phase) async throws {
        try await TestPlatform.with { app in
            let facts = try await DisclosureRoutesTests.drive(app.platform.store, to: phase)
            let intent = try #require(DisclosureRoutesTests.intended[phase])
            #expect(!facts.smart21.isEmpty || phase < .smart21Scoring)
            for candidate in facts.smart21 {
                let stage = facts.stage(of: candidate.nomination)
                let shown: AwardStage? = switch stage {
                case .communityOfTheYear?: intent.results ? .communityOfTheYear : intent.top7 ? .top7 : intent.smart21 ? .smart21 : nil
                case .top7?: intent.top7 ? .top7 : intent.smart21 ? .smart21 : nil
                case .smart21?: intent.smart21 ? .smart21 : nil
                case nil: nil
                }
                let path = "/communities/\(Community.id(name: candidate.community, country: candidate.country))/certificates/\(Self.year)"
                let page = try await app.browser().get(path)
                if let shown {
                    #expect(page.status == .ok, "\(phase): \(path)")
                    let named = shown == .communityOfTheYear ? "as the Community of the Year \(Self.year)" : "as a member of the \(shown.title) of \(Self.year)"
                    #expect(page.body.contains(named), "\(phase): \(path) names the stage announced")
                } else {
                    #expect(page.status == .notFound, "\(phase): \(path) exists before its announcement")
                }
            }
        }
    }

    @Test("the certificate prints on one A4 page with the community, the stage and the year, without the site's navigation")
    func prints() async throws {
        let missing = PrintedProfileTests.missingPrerequisites()
        guard missing.isEmpty else {
            Issue.record("The print test needs \(missing.joined(separator: ", ")): run `bash .ci/run` (as root) to install them.")
            return
        }
        try await BrowserWalkthroughTests.withLivePlatform { port, _, _ in
            let printed = try await PrintedProfileTests.print(port, "/communities/binh-duong--vietnam/certificates/2023")
            #expect(printed.pages == 1, "the certificate prints on \(printed.pages) pages")
            for text in ["Certificate of recognition", "Binh Duong", "as the Community of the Year 2023", "Civic Index"] {
                #expect(printed.text.contains(text), "the printed certificate lacks '\(text)':\n\(printed.text)")
            }
            for screenOnly in ["Skip to content", "Sign in", "Tiếng Việt", "open data and open methods", "To keep it, print this page"] {
                #expect(!printed.text.contains(screenOnly), "the printed certificate shows '\(screenOnly)'")
            }
        }
    }
}
