import Awards
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

/// Behind a trusted proxy, sign-in limits count the client the proxy names, and nobody else's
/// `X-Forwarded-For` is believed.
@Suite("Clients behind a proxy")
struct ForwardedClientTests {
    @Test("the client is the last address before the trusted proxies; anything else, or no trusted peer, gives no client")
    func reading() {
        let trusted: Set<String> = ["10.0.0.2", "10.0.0.3"]
        func client(_ values: [String]) -> String? { ForwardedClient<PlatformContext>.client(forwardedFor: values, trusted: trusted) }
        #expect(client(["203.0.113.9"]) == "203.0.113.9")
        #expect(client(["198.51.100.1, 203.0.113.9"]) == "203.0.113.9", "what the client wrote itself comes first and is passed over")
        #expect(client(["203.0.113.9, 10.0.0.3"]) == "203.0.113.9", "a chain of trusted proxies is walked back")
        #expect(client(["198.51.100.1", "203.0.113.9"]) == "203.0.113.9", "several headers are one list")
        #expect(client(["2001:db8::1"]) == "2001:db8::1")
        #expect(client(["not-an-address"]) == nil)
        #expect(client(["203.0.113.9, "]) == "203.0.113.9")
        #expect(client(["10.0.0.2"]) == nil && client([]) == nil)
    }

    /// Five failed sign-ins of one account from `attacker`, then one with the right password from
    /// `victim`; the victim's status.
    static func victimAfterAttack(trusting proxies: Set<String>, attacker: String, victim: String) async throws -> HTTPResponse.Status {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("civic-proxy-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let platform = try Platform.load(WebConfiguration(database: database, indices: [PlatformRoutesTests.root + "/Examples/asem/asem.json"], analysis: nil))
        _ = try await AccountProvisioning.create(
            id: "ana", name: "Ana", role: .admin, subject: nil, password: "a long enough password", bcryptCost: 4, in: platform.store, by: "system")
        // The test client has no peer address: the router sees "local" as the peer.
        let policy = SecurityPolicy(bcryptCost: 4, trustedProxies: proxies.isEmpty ? [] : ["local"])
        let (router, _) = makeRouter(platform: platform, pages: try await Pages.load(), policy: policy)
        return try await Application(router: router).test(.router) { client in
            func signIn(_ password: String, from address: String) async throws -> HTTPResponse.Status {
                let form = try await client.execute(uri: "/login", method: .get)
                let page = String(buffer: form.body)
                let csrf = try #require(page.range(of: #"name="csrf" value="[^"]*""#, options: .regularExpression).map {
                    String(page[$0].dropFirst(#"name="csrf" value=""#.count).dropLast())
                })
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Forwarded-For")!: address]
                if let cookie = form.headers[.setCookie]?.split(separator: ";").first { headers[.cookie] = String(cookie) }
                let body = "username=ana&password=\(password.replacingOccurrences(of: " ", with: "+"))&csrf=\(csrf)"
                return try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: body)).status
            }
            for _ in 1...5 { _ = try await signIn("wrong", from: attacker) }
            #expect(try await signIn("wrong", from: attacker).code == 423, "the attacker's address is locked")
            return try await signIn("a long enough password", from: victim)
        }
    }

    @Test("behind a trusted proxy, an attacker's failures lock out the attacker's address, not the account's other users")
    func trustedProxy() async throws {
        let status = try await Self.victimAfterAttack(trusting: ["local"], attacker: "203.0.113.9", victim: "198.51.100.7")
        #expect(status == .seeOther, "the victim signs in from another address")
    }

    @Test("with no trusted proxy, X-Forwarded-For is ignored: a client cannot dodge its lock by naming another address")
    func untrustedHeader() async throws {
        let status = try await Self.victimAfterAttack(trusting: [], attacker: "203.0.113.9", victim: "198.51.100.7")
        #expect(status.code == 423, "the same peer is still locked whatever address it names")
    }
}
