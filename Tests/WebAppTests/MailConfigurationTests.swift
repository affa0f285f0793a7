import Foundation
import Testing
@testable import WebApp

/// The mail settings read like every other: flag over `CIVIC_…` variable over file over default;
/// a bad value names the setting, and the relay's password is never repeated.
@Suite("Mail configuration")
struct MailConfigurationTests {
    @Test("the default sender is what `--mail-from` would read from its text")
    func standardSender() throws {
        #expect(try MailSender("Civic Index <no-reply@localhost>") == .standard)
        #expect(MailSender.standard.description == "Civic Index <no-reply@localhost>")
    }

    @Test("no relay by default; CIVIC_SMTP_URL, CIVIC_MAIL_FROM and CIVIC_PUBLIC_URL set them; flags win")
    func settings() async throws {
        let plain = try await WebConfiguration.load(environment: [:])
        #expect(plain.smtpURL == nil)
        #expect(plain.mailFrom == "Civic Index <no-reply@localhost>")
        #expect(plain.linkBase == "http://127.0.0.1:8080")
        #expect(try MailSettings(plain).relay == nil)

        let environment = [
            "CIVIC_SMTP_URL": "smtp://civic:s3cret@relay.example.org:2525", "CIVIC_MAIL_FROM": "Prix Civic <prix@example.org>",
            "CIVIC_PUBLIC_URL": "https://awards.example.org/",
        ]
        let configured = try await WebConfiguration.load(environment: environment)
        let mail = try MailSettings(configured)
        #expect(mail.relay?.host == "relay.example.org" && mail.relay?.port == 2525 && mail.relay?.password == "s3cret")
        #expect(mail.sender.address == "prix@example.org")
        #expect(mail.links == "https://awards.example.org")

        let flagged = try await WebConfiguration.load(flags: .init(smtpURL: "smtp://127.0.0.1:25", mailFrom: "a@example.org"), environment: environment)
        #expect(flagged.smtpURL == "smtp://127.0.0.1:25" && flagged.mailFrom == "a@example.org")
    }

    @Test("a bad relay URL, sender or public address names the setting; the URL's password is not repeated")
    func refused() async throws {
        let relay = await ConfigurationLoadingTests.error(environment: ["CIVIC_SMTP_URL": "smtps://civic:s3cret@relay:465"])
        #expect(relay?.key == "smtpUrl")
        #expect(relay?.description.contains("s3cret") == false)
        #expect(relay?.description.contains("CIVIC_SMTP_URL") == true)
        let sender = await ConfigurationLoadingTests.error(environment: ["CIVIC_MAIL_FROM": "Civic <nobody>"])
        #expect(sender?.key == "mailFrom")
        let link = await ConfigurationLoadingTests.error(flags: .init(publicURL: "awards.example.org"), environment: [:])
        #expect(link?.key == "publicUrl")
    }
}
