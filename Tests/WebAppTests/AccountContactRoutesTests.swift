import Awards
import Foundation
import HTTPTypes
import Hummingbird
import Testing
@testable import WebApp

/// Setting an account's e-mail address and language through the pages: by an organiser when
/// creating or editing an account, by the holder on /account; and where the address never shows.
@Suite("Account contact routes")
struct AccountContactRoutesTests {
    @Test("an organiser creates an account with an address and language, and changes them; a bad address names the field")
    func organiser() async throws {
        try await TestPlatform.with { app in
            let admin = try await app.signedIn(.admin)
            let created = try await AccountAdministrationTests.create(
                app, admin, [("username", "binh"), ("name", "Bình (synthetic)"), ("role", "admin"), ("email", "binh@example.org"), ("language", "vi")])
            #expect(created.status == .ok)
            let stored = try #require(try await app.platform.store.account("binh"))
            #expect(stored.email == "binh@example.org" && stored.language == .vi)

            let bad = try await AccountAdministrationTests.create(app, admin, [("username", "chau"), ("name", "Châu"), ("role", "admin"), ("email", "chau@example.org\r\nBcc: x@y.org")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("email"))
            #expect(try await app.platform.store.account("chau") == nil)

            let page = try await admin.get("/admin/users/binh")
            #expect(page.body.contains(#"value="binh@example.org""#))
            #expect(page.body.contains(#"<option value="vi" selected>"#))
            let changed = try await admin.post("/admin/users/binh/contact", [("email", "b.nguyen@example.org"), ("language", "fr"), ("confirm", "yes")])
            #expect(changed.status == .ok)
            #expect(try await app.platform.store.account("binh")?.email == "b.nguyen@example.org")
            #expect(try await app.platform.store.account("binh")?.language == .fr)
            let refused = try await admin.post("/admin/users/binh/contact", [("email", "b.nguyen@example.org"), ("language", "de"), ("confirm", "yes")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("language"))
            #expect(try await app.platform.store.account("binh")?.language == .fr)
            let audit = try await app.platform.store.auditLog(entity: "account:binh", limit: 5)
            #expect(audit.first?.action == "change-contact")
        }
    }

    @Test("the holder sets their own address and language; nobody else's page or the API shows it")
    func holder() async throws {
        try await TestPlatform.with { app in
            let analyst = try await app.signedIn(.analyst)
            try await analyst.get("/account")
            let saved = try await analyst.post("/account/contact", [("email", "analyst@example.org"), ("language", "fr")])
            #expect(saved.status == .ok)
            #expect(saved.body.contains(#"value="analyst@example.org""#))
            let id = app.account(.analyst).username
            #expect(try await app.platform.store.account(id)?.email == "analyst@example.org")
            #expect(try await app.platform.store.account(id)?.language == .fr)
            let bad = try await analyst.post("/account/contact", [("email", "not an address"), ("language", "fr")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("e-mail address"))
            #expect(try await app.platform.store.account(id)?.email == "analyst@example.org", "a refused change changes nothing")

            // The account's language now chooses the holder's pages; nobody else's.
            #expect(try await analyst.get("/account").body.contains(#"<html lang="fr""#))
            #expect(try await analyst.get("/").body.contains(#"<html lang="fr""#))

            let me = try await analyst.get("/api/v1/me")
            #expect(me.status == .ok)
            #expect(!me.body.contains("analyst@example.org"), "the API does not give the address out")
            let juror = try await app.signedIn(.juror)
            #expect(try await juror.get("/account").body.contains(#"<html lang="en""#))
            for path in ["/juror", "/account", "/cycles/2026", "/api/v1/cycles/2026"] {
                #expect(!(try await juror.get(path).body.contains("analyst@example.org")), "\(path)")
            }
            #expect(try await juror.get("/admin/users/\(id)").status == .forbidden)
        }
    }
}
