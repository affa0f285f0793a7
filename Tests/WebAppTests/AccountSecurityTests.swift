import Awards
import Foundation
import HTTPTypes
import Hummingbird
import Testing
@testable import WebApp

/// The account defects, each through the real routes or the sign-in steps: codes from an
/// independent TOTP implementation, what an API token may reach, what ends on a password
/// change, lock-out by address and the password rules.
@Suite("Account security")
struct AccountSecurityTests {
    @Test("the demo organiser signs in with a code computed by Debian's oathtool from the secret shown")
    func oathtoolCodeSignsIn() async throws {
        try await TestPlatform.with { app in
            let admin = app.account(.admin)
            let secret = try #require(admin.totpSecret)
            let code = try Oathtool.code(secret, at: app.clock.now)
            let browser = app.browser()
            try await browser.get("/login")
            let afterPassword = try await browser.post("/login", [("username", admin.username), ("password", admin.password)])
            #expect(afterPassword.location?.hasPrefix("/login/code") == true)
            try await browser.get("/login/code")
            let done = try await browser.post("/login/code", [("code", code)])
            #expect(done.status == .seeOther, "oathtool's code \(code) is accepted")
            #expect(done.location == "/workspace")
            #expect(try await browser.get("/admin").status == .ok)
        }
    }

    @Test("an organiser's API token cannot create accounts, mint tokens or open pages, even with a forged CSRF cookie")
    func tokenCannotManageAccounts() async throws {
        try await TestPlatform.with { app in
            let token = try await AccountProvisioning.issueToken(
                for: "admin", label: "scripts", scopes: TokenScope.allCases, at: app.clock.now, in: app.platform.store, by: "admin")
            let before = try await app.platform.store.accounts().count
            let headers: HTTPFields = [
                .authorization: "Bearer \(token)", .cookie: "civic_csrf=forged", .contentType: "application/x-www-form-urlencoded",
            ]
            let create = "username=mallory&name=M&role=admin&password=long-enough-password&csrf=forged"
            let created = try await app.client.execute(uri: "/admin/users", method: .post, headers: headers, body: ByteBuffer(string: create)) { $0.status }
            #expect(created == .forbidden)
            #expect(try await app.platform.store.accounts().count == before)
            let minted = try await app.client.execute(uri: "/account/tokens", method: .post, headers: headers, body: ByteBuffer(string: "label=more&csrf=forged")) { $0.status }
            #expect(minted == .forbidden)
            #expect(try await app.platform.store.tokens(account: "admin").count == 1)
            let page = try await app.client.execute(uri: "/admin/users", method: .get, headers: [.authorization: "Bearer \(token)"]) { $0.status }
            #expect(page == .forbidden)
        }
    }

    @Test("changing the password revokes the account's API tokens")
    func passwordChangeRevokesTokens() async throws {
        try await TestPlatform.with { app in
            let community = app.account(.community)
            let token = try await AccountProvisioning.issueToken(
                for: "community", label: "scripts", scopes: [.read], at: app.clock.now, in: app.platform.store, by: "community")
            let browser = try await app.signedIn(.community)
            try await browser.get("/account")
            let changed = try await browser.post("/account/password", [("current", community.password), ("new", "a brand new passphrase")])
            #expect(changed.status == .ok)
            #expect(try await app.platform.store.tokens(account: "community").isEmpty)
            #expect(try await app.browser().get("/api/v1/me", headers: [.authorization: "Bearer \(token)"]).status == .unauthorized)
        }
    }

    @Test("five failures from one address lock that address out of the account, not its owner at another address")
    func lockOutByAddress() async throws {
        try await TestPlatform.with { app in
            let community = app.account(.community)
            let signIn = SignIn(store: app.platform.store, policy: SecurityPolicy(bcryptCost: 4, now: { app.clock.now }))
            for _ in 1...4 {
                await #expect(throws: SignIn.Refusal.wrongCredentials) {
                    _ = try await signIn.password(username: "community", password: "wrong", client: "203.0.113.9")
                }
            }
            await #expect(throws: SignIn.Refusal.locked) {
                _ = try await signIn.password(username: "community", password: "wrong", client: "203.0.113.9")
            }
            await #expect(throws: SignIn.Refusal.locked, "the attacker's address stays locked, even with the right password") {
                _ = try await signIn.password(username: "community", password: community.password, client: "203.0.113.9")
            }
            let owner = try await signIn.password(username: "community", password: community.password, client: "198.51.100.7")
            #expect(owner.session.account == "community")
        }
    }

    @Test("an open session cannot be used to guess the password: wrong current passwords count toward the lock-out")
    func currentPasswordGuesses() async throws {
        try await TestPlatform.with { app in
            let community = app.account(.community)
            let browser = try await app.signedIn(.community)
            let before = try #require(try await app.platform.store.account("community")?.passwordHash)
            for _ in 1...4 {
                try await browser.get("/account")
                let wrong = try await browser.post("/account/password", [("current", "a wrong guess"), ("new", "a brand new long password")])
                #expect(wrong.status == .unauthorized)
                #expect(wrong.body.contains("The current password is wrong."))
            }
            try await browser.get("/account")
            let fifth = try await browser.post("/account/password", [("current", "a wrong guess"), ("new", "a brand new long password")])
            #expect(fifth.status.code == 423)
            try await browser.get("/account")
            let right = try await browser.post("/account/password", [("current", community.password), ("new", "a brand new long password")])
            #expect(right.status.code == 423, "locked for this address, even with the right password")
            #expect(try await app.platform.store.account("community")?.passwordHash == before)
        }
    }

    @Test("passwords of only spaces, or longer than bcrypt reads (72 bytes), are refused with the field named")
    func passwordRules() async throws {
        let (store, path) = try await AccountProvisioningTests.store()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        for password in [String(repeating: " ", count: 12), String(repeating: "ä", count: 37), String(repeating: "x", count: 73)] {
            let refused = await #expect(throws: AwardsError.self) {
                _ = try await AccountProvisioning.create(id: "c1", name: "C", role: .community, subject: "N-001", password: password, bcryptCost: 4, in: store, by: "admin")
            }
            #expect(refused?.field == "password")
        }
        _ = try await AccountProvisioning.create(
            id: "c1", name: "C", role: .community, subject: "N-001", password: String(repeating: "x", count: 72), bcryptCost: 4, in: store, by: "admin")
        #expect(try await store.accounts().map(\.id) == ["c1"])
    }
}

/// Debian's `oathtool`, an implementation of RFC 6238 independent of ours.
enum Oathtool {
    static let path = "/usr/bin/oathtool"

    /// The 6-digit TOTP code of the base32 `secret` at `date`, as `oathtool --totp -b` computes it.
    static func code(_ secret: String, at date: Date, digits: Int = 6) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BrowserTestError("\(path) is missing: install Debian's oathtool (`apt-get install oathtool`) to check TOTP codes against it")
        }
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--totp", "-b", "-d", String(digits), "-N", "@\(Int(date.timeIntervalSince1970))", secret]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BrowserTestError("oathtool failed with status \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
