import Awards
import Foundation
import Testing
@testable import WebApp

/// Two real `civic serve` processes on one PostgreSQL database behind a real nginx act as one
/// platform: what one server records — a session, a published result, a lock-out, a TOTP code
/// used — holds on the other; and when one server dies mid-write, nginx answers from the other
/// and no write it acknowledged is lost. The oracles are outside the platform's code: HTTP
/// through nginx and to each server directly, codes from Debian's oathtool, rows counted by psql.
@Suite("Two servers behind nginx", .serialized)
struct TwoInstanceDeploymentTests {
    @Test("a session, a published result, a lock-out and a used TOTP code recorded by one server hold on the other")
    func serversActAsOne() async throws {
        guard Self.prerequisitesPresent() else { return }
        try await TwoInstanceDeployment.with { deployment in
            let (first, second) = (deployment.ports[0], deployment.ports[1])
            let year = TwoInstanceDeployment.unpublishedYear

            // Signed in through nginx, each step answered by whichever server nginx picks; the
            // session cookie then opens the organiser's pages on each server directly.
            let organiser = LiveBrowser()
            let admin = deployment.account(.admin)
            let signedIn = try await Self.signIn(organiser, admin, via: deployment.proxy, code: try Oathtool.code(try #require(admin.totpSecret), at: Date()))
            #expect(signedIn.status == 303 && signedIn.location == "/workspace", "signed in through nginx: \(signedIn.status) \(signedIn.body)")
            #expect(organiser.cookieJar["civic_session"] != nil)
            for port in deployment.ports {
                #expect(try await organiser.get(port, "/admin/cycles/\(year)").status == 200, "the session works on the server at \(port)")
                let stranger = try await LiveBrowser().get(port, "/admin/cycles/\(year)")
                #expect(stranger.status != 200, "and the page is closed without it")
            }

            // Published through the first server, the result shows on both: the winner the
            // database holds, by the API and on the page.
            for port in deployment.ports {
                #expect(!(try Self.json(try await LiveBrowser().get(port, "/api/v1/cycles/\(year)"))["publication"] is [String: Any]), "nothing published yet")
            }
            try await organiser.get(first, "/admin/cycles/\(year)")
            let published = try await organiser.post(first, "/admin/cycles/\(year)/publish", [("confirm", "yes")])
            #expect(published.status == 303, "published: \(published.status) \(published.body)")
            let winner = try #require(try await deployment.sql(
                "SELECT body::json->>'winner' FROM \(deployment.schema).publication WHERE cycle = \(year)").first)
            let winnerName = try #require(try await deployment.sql(
                "SELECT body::json->>'community' FROM \(deployment.schema).nomination WHERE cycle = \(year) AND id = '\(winner)'").first)
            for port in deployment.ports {
                let results = try Self.json(try await LiveBrowser().get(port, "/api/v1/cycles/\(year)"))
                #expect((results["publication"] as? [String: Any])?["winner"] as? String == winner, "the API of the server at \(port)")
                let page = try await LiveBrowser().get(port, "/cycles/\(year)")
                #expect(page.status == 200 && page.body.contains(Self.escaped(winnerName)), "the results page of the server at \(port) names \(winnerName)")
            }

            // Five wrong passwords on the first server lock the account on the second, where the
            // right one worked before.
            let community = deployment.account(.community)
            #expect(try await Self.signIn(LiveBrowser(), community, via: second).status == 303, "the right password works at first")
            var refusals: [String] = []
            for _ in 1...5 {
                refusals.append(try await Self.signIn(LiveBrowser(), community, password: "not the password", via: first).body)
            }
            #expect(refusals.prefix(4).allSatisfy { $0.contains("The name or password is wrong.") })
            #expect(refusals.last?.contains("locked for a while") == true)
            let afterLockOut = try await Self.signIn(LiveBrowser(), community, via: second)
            #expect(afterLockOut.status == 423 && afterLockOut.body.contains("locked for a while"), "the right password is refused on the other server")
            #expect(try await deployment.sql(
                "SELECT locked_until > extract(epoch FROM now()) FROM \(deployment.schema).sign_in_failure WHERE account = 'community'") == ["t"],
                "the database holds the lock")

            // A TOTP code that signed in on the first server is refused on the second.
            let analyst = deployment.account(.analyst)
            let code = try Oathtool.code(try #require(analyst.totpSecret), at: Date())
            let used = try await Self.signIn(LiveBrowser(), analyst, via: first, code: code)
            #expect(used.status == 303 && used.location == "/workspace", "the code signs in once: \(used.status) \(used.body)")
            let replayer = LiveBrowser()
            let replayed = try await Self.signIn(replayer, analyst, via: second, code: code)
            #expect(replayed.status == 401 && replayed.body.contains("The code is wrong or has been used."), "and is refused on the other server")
            #expect(try await replayer.get(second, "/workspace").status != 200)
        }
    }

    @Test("kill -9 of one server under concurrent writes: nginx answers from the other, and every acknowledged write is in the database exactly once")
    func killOneServerUnderWrites() async throws {
        guard Self.prerequisitesPresent() else { return }
        try await TwoInstanceDeployment.with { deployment in
            let victim = deployment.servers[0]
            let ledger = WriteLedger(total: 1_200, killAfter: 300)
            await withTaskGroup(of: Void.self) { writers in
                for _ in 0..<16 {
                    writers.addTask {
                        while let write = await ledger.next() {
                            let outcome = await Self.submit(write.id, token: deployment.organiserToken, via: deployment.proxy)
                            if await ledger.record(write, outcome) {
                                victim.killAtOnce()
                                await ledger.markKilled()
                            }
                        }
                    }
                }
            }
            #expect(!victim.isRunning, "the first server was killed")
            let outcomes = await ledger.outcomes
            let acknowledged = Set(outcomes.filter { $0.value.status == 201 }.keys)
            let failed = outcomes.filter { $0.value.status != 201 }

            // Once nginx has answered a write sent after the kill, every later write succeeds:
            // the dead server refuses connections, and nginx sends them to the live one.
            let afterKill = await ledger.startedAfterSettling
            #expect(afterKill.count >= 300, "writes went on after the kill (\(afterKill.count))")
            let failedAfterKill = afterKill.filter { outcomes[$0]?.status != 201 }.sorted()
            #expect(failedAfterKill.isEmpty, "writes sent after the kill failed: \(failedAfterKill.prefix(5)) \(failedAfterKill.prefix(5).map { outcomes[$0]?.detail ?? "" })")

            // Counted by SQL: every acknowledged write is stored once; a failed one at most once
            // (it may have been committed before its server died); nothing else.
            let rows = try await deployment.sql(
                "SELECT id, count(*) FROM \(deployment.schema).nomination WHERE cycle = 2027 AND id LIKE 'K-%' GROUP BY id")
            var stored: [String: Int] = [:]
            for row in rows {
                let columns = row.split(separator: "|")
                stored[String(columns[0])] = Int(columns[1])
            }
            let lost = acknowledged.filter { stored[$0] != 1 }.sorted()
            #expect(lost.isEmpty, "acknowledged but not stored once: \(lost.prefix(10))")
            #expect(stored.values.allSatisfy { $0 == 1 }, "no write is stored twice")
            #expect(Set(stored.keys).isSubset(of: Set(outcomes.keys)), "nothing stored that was not sent")
            #expect(acknowledged.count + failed.count == 1_200)
            let failedStored = failed.keys.filter { stored[$0] != nil }.count
            print("kill test: 1200 writes, \(acknowledged.count) acknowledged (all stored), \(failed.count) failed at the kill (\(failedStored) of them stored), \(afterKill.count) sent after it, all acknowledged")

            // The platform still answers, through nginx and from the live server.
            for _ in 0..<4 { #expect(try await LiveBrowser().get(deployment.proxy, "/api/v1/indices/asem/rankings").status == 200) }
            #expect(try await LiveBrowser().get(deployment.ports[1], "/health").status == 200)
        }
    }

    /// Whether the deployment can run here; records an issue naming what is missing when not.
    static func prerequisitesPresent() -> Bool {
        let missing = TwoInstanceDeployment.missingPrerequisites()
        if !missing.isEmpty {
            Issue.record("The deployment test needs \(missing.joined(separator: ", ")): run `bash .ci/run` (as root) to install them.")
        }
        return missing.isEmpty
    }

    /// Signs `account` in through `port`: the password step and, given a code, the code step;
    /// returns the last step's answer.
    static func signIn(
        _ browser: LiveBrowser, _ account: DemoPlatform.DemoAccount, password: String? = nil, via port: Int, code: String? = nil
    ) async throws -> LiveBrowser.Page {
        try await browser.get(port, "/login")
        let afterPassword = try await browser.post(port, "/login", [("username", account.username), ("password", password ?? account.password)])
        guard let code, afterPassword.location?.hasPrefix("/login/code") == true else { return afterPassword }
        try await browser.get(port, "/login/code")
        return try await browser.post(port, "/login/code", [("code", code)])
    }

    /// Saves the draft nomination `id` of the open 2027 cycle through the API.
    static func submit(_ id: String, token: String, via port: Int) async -> WriteLedger.Outcome {
        let body = #"{"id":"\#(id)","community":"Kill test \#(id) (synthetic)","country":"Kenya","region":"Africa","year":2027,"#
            + #""answers":{},"evidence":[],"state":"draft","optOut":false}"#
        do {
            let (page, _) = try await LiveBrowser.exchange(
                port, "/api/v1/cycles/2027/nominations", method: "POST",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"], body: Data(body.utf8))
            return WriteLedger.Outcome(status: page.status, detail: String(page.body.prefix(200)))
        } catch {
            return WriteLedger.Outcome(status: nil, detail: "\(error)")
        }
    }

    /// A JSON object answer.
    static func json(_ page: LiveBrowser.Page) throws -> [String: Any] {
        try #require(page.status == 200, "\(page.status) \(page.body)")
        return try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    /// `text` as the pages' templates escape it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}

/// The writes of the kill test: hands out unique ids to concurrent writers, keeps each one's
/// outcome, says when to kill (once `killAfter` writes are acknowledged), and tells apart the
/// writes sent once nginx had answered a write sent after the kill.
actor WriteLedger {
    struct Outcome: Sendable {
        /// The HTTP status, or `nil` when no answer came.
        var status: Int?
        var detail: String
    }

    struct Write: Sendable {
        var id: String
        /// Whether it was sent after the kill.
        var afterKill: Bool
    }

    private let total: Int
    private let killAfter: Int
    private var issued = 0
    private var acknowledged = 0
    private var killed = false
    private var settled = false
    private(set) var outcomes: [String: Outcome] = [:]
    private(set) var startedAfterSettling: [String] = []

    init(total: Int, killAfter: Int) {
        self.total = total
        self.killAfter = killAfter
    }

    /// The next write to send, if any are left.
    func next() -> Write? {
        guard issued < total else { return nil }
        issued += 1
        let id = String(format: "K-%05d", issued)
        if settled { startedAfterSettling.append(id) }
        return Write(id: id, afterKill: killed)
    }

    /// Records an outcome; `true` for the one write whose acknowledgement calls for the kill.
    func record(_ write: Write, _ outcome: Outcome) -> Bool {
        outcomes[write.id] = outcome
        if write.afterKill { settled = true }
        guard outcome.status == 201 else { return false }
        acknowledged += 1
        return acknowledged == killAfter
    }

    /// The kill is done: the server is gone.
    func markKilled() { killed = true }
}
