import Foundation
import Testing
@testable import Awards

/// An account's e-mail address and language: what is accepted, what is refused and why, and
/// that accounts stored before these fields existed still read.
@Suite("Account contact")
struct AccountContactTests {
    @Test("plain addresses are accepted, trimmed; empty means none")
    func accepted() throws {
        #expect(try EmailAddress.chosen("  ana.pham+awards@example.org ") == "ana.pham+awards@example.org")
        #expect(try EmailAddress.chosen("x@mail.co.vn") == "x@mail.co.vn")
        #expect(try EmailAddress.chosen("") == nil)
        #expect(try EmailAddress.chosen(nil) == nil)
    }

    @Test(
        "addresses that are not one, or could break a header or add a recipient, are refused naming the field",
        arguments: [
            "no-at-sign", "two@@example.org", "a@b@example.org", "@example.org", "ana@", "ana@example..org", ".ana@example.org",
            "ana@-example.org", "ana pham@example.org", "ana@example.org\r\nBcc: eve@example.org", "ana@example.org\nX: y",
            "ana,eve@example.org", "<ana@example.org>", "anh@ví-dụ.vn", "ana@exa_mple.org", String(repeating: "a", count: 65) + "@example.org",
        ])
    func refused(_ address: String) {
        #expect(throws: AwardsError.self) { try EmailAddress.chosen(address) }
        do {
            _ = try EmailAddress.chosen(address, field: "email")
        } catch {
            #expect(error.field == "email")
        }
        var account = Account(id: "ana", name: "Ana", role: .admin, passwordHash: "$2b$04$x", email: address)
        #expect(account.problems().contains { $0.field == "email" })
        #expect(throws: AwardsError.self) { try account.setContact(email: address, language: "fr") }
        #expect(account.language == nil, "nothing changes when one field is refused")
    }

    @Test("languages are en, fr and vi; empty is not chosen; anything else names the field")
    func languages() throws {
        #expect(try Language.chosen("FR") == .fr)
        #expect(try Language.chosen(" vi ") == .vi)
        #expect(try Language.chosen("") == nil)
        do {
            _ = try Language.chosen("de")
            Issue.record("German is not offered")
        } catch {
            #expect(error.field == "language")
            #expect(error.message.contains("en, fr, vi"))
        }
    }

    @Test("an account stored before addresses existed reads with none, and one with them round-trips")
    func oldAccountsDecode() throws {
        let old = #"{"disabled":false,"id":"ana","mustChangePassword":false,"name":"Ana","passwordHash":"$2b$04$x","role":"analyst","secondFactorConfirmed":false,"subject":"A-1"}"#
        let account = try StoredJSON.decode(Account.self, old)
        #expect(account.email == nil && account.language == nil)
        #expect(try StoredJSON.encode(account) == old, "an account without them is stored exactly as before")
        var changed = account
        try changed.setContact(email: "ana@example.org", language: "vi")
        let again = try StoredJSON.decode(Account.self, try StoredJSON.encode(changed))
        #expect(again.email == "ana@example.org" && again.language == .vi)
    }
}
