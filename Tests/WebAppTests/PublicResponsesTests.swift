import Awards
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import PostgresNIO
@testable import PostgresStorage
import Synchronization
import Testing
@testable import WebApp

/// Public responses are kept only while the store is listened to, and dropped on every change —
/// also a change made through another server on the same PostgreSQL database.
@Suite("Public responses")
struct PublicResponsesTests {
    @Test("a kept value is computed when nothing is kept, an optional one included, and kept only while listening")
    func values() async throws {
        let responses = PublicResponses()
        let first: Int? = try await responses.value("k") { 5 }
        #expect(first == 5, "an optional value is computed, not taken for a kept nil")
        let unkept: Int = try await responses.value("n") { 1 }
        #expect(unkept == 1)
        #expect(try await responses.value("n") { 2 } == 2, "nothing is kept before the store is listened to")
        responses.note(.listening)
        #expect(try await responses.value("n") { 3 } == 3)
        #expect(try await responses.value("n") { 4 } == 3, "kept while listening")
        responses.note(.changed)
        #expect(try await responses.value("n") { 5 } == 5, "dropped on a change")
    }

    @Test("requests that ask for a value while it is computed share that one computation; after a change they compute again")
    func sharedComputation() async throws {
        let responses = PublicResponses()
        responses.note(.listening)
        let computations = Counter()
        let make: @Sendable () async throws -> Int = {
            let n = computations.increment()
            try await Task.sleep(for: .milliseconds(200))
            return n
        }
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await responses.value("directory", make: make) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(computations.value == 1, "eight requests, one computation")
        #expect(values == Array(repeating: 1, count: 8))
        responses.note(.changed)
        #expect(try await responses.value("directory", make: make) == 2, "a change drops the value: computed again")
    }

    /// A count shared by concurrent computations.
    final class Counter: Sendable {
        private let count = Mutex(0)
        func increment() -> Int { count.withLock { $0 += 1; return $0 } }
        var value: Int { count.withLock { $0 } }
    }

    static let render = HTTPField.Name("X-Render")!

    /// A response that names the render that made it.
    static func page(_ text: String) -> Response {
        Response(status: .ok, headers: [render: text])
    }

    static func text(_ response: Response) async throws -> String { response.headers[render] ?? "" }

    @Test("nothing is kept before listening or after the link is lost; a change drops what was kept")
    func keeping() async throws {
        let responses = PublicResponses()
        var renders = 0
        _ = try await responses.response("a") { renders += 1; return Self.page("1") }
        _ = try await responses.response("a") { renders += 1; return Self.page("2") }
        #expect(renders == 2 && responses.count == 0, "not listening yet: each request is rendered")

        responses.note(.listening)
        _ = try await responses.response("a") { renders += 1; return Self.page("3") }
        let kept = try await responses.response("a") { renders += 1; return Self.page("4") }
        #expect(renders == 3 && responses.count == 1)
        #expect(try await Self.text(kept) == "3")

        responses.note(.changed)
        #expect(responses.count == 0)
        let fresh = try await responses.response("a") { renders += 1; return Self.page("5") }
        #expect(try await Self.text(fresh) == "5")

        // A change while a response is being rendered: served, not kept.
        let during = try await responses.response("b") { responses.note(.changed); return Self.page("old") }
        #expect(try await Self.text(during) == "old")
        #expect(responses.count == 0)

        responses.note(.lost)
        _ = try await responses.response("a") { Self.page("6") }
        #expect(responses.count == 0, "while changes cannot be heard nothing is kept")

        // A failed render is not kept either.
        responses.note(.listening)
        await #expect(throws: HTTPError.self) { _ = try await responses.response("c") { throw HTTPError(.notFound) } }
        #expect(responses.count == 0)
    }

    @Test("two servers on one PostgreSQL schema: a change through one is shown at once by the other, which kept the page")
    func twoServers() async throws {
        let root = PlatformRoutesTests.root
        let url = (ProcessInfo.processInfo.environment["CIVIC_TEST_POSTGRES"] ?? "postgres://civic:civic@127.0.0.1:5432/civic_test")
            + "?schema=shared_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        func load() throws -> Platform {
            try Platform.load(WebConfiguration(database: url, indices: [root + "/Examples/asem/asem.json"], analysis: nil))
        }
        let (first, second) = (try load(), try load())
        let pages = try await Pages.load()
        try await withThrowingTaskGroup(of: Void.self) { group in
            defer { group.cancelAll() }
            for platform in [first, second] {
                for service in platform.services { group.addTask { try await service.run() } }
            }
            try await first.prepare()
            try await second.prepare()
            group.addTask { await first.store.observeChanges { first.responses.note($0) } }
            try await first.store.createCycle(Cycle(year: 2031, phase: .nominationsOpen), by: "admin")

            let (router, _) = makeRouter(platform: first, pages: pages)
            try await Application(router: router).test(.router) { client in
                func cyclePage() async throws -> String {
                    String(buffer: try await client.execute(uri: "/api/v1/cycles/2031", method: .get).body)
                }
                // Wait until the first server listens, then let it keep the page.
                for _ in 0..<100 where first.responses.count == 0 {
                    _ = try await cyclePage()
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(first.responses.count == 1)
                #expect(try await cyclePage().contains(Phase.nominationsOpen.title))

                try await Programme(store: second.store, actor: "admin").setPhase(.smart21Scoring, cycle: 2031)
                var shown = ""
                for _ in 0..<100 {
                    shown = try await cyclePage()
                    if shown.contains(Phase.smart21Scoring.title) { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(shown.contains(Phase.smart21Scoring.title), "the kept page was dropped when the other server changed the phase")
            }
            let location = try PostgresLocation(url: url)
            try await (first.store as? PostgresPlatformStore)?.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(location.quotedSchema) CASCADE"))
        }
    }
}
