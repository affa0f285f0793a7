import Awards
import Foundation
import HTTPTypes
import Testing
@testable import WebApp

/// The audit log page on the demo platform (hundreds of entries): 50 a page with links,
/// filtered by actor, entity and days, each entry's changed fields in words.
@Suite("Audit log page")
struct AuditLogRoutesTests {
    static func rows(_ body: String) -> Int { body.components(separatedBy: #"<tr><td class="num">"#).count - 1 }

    @Test("the log is paged 50 at a time with links that keep the filters")
    func paging() async throws {
        try await TestPlatform.with { app in
            let admin = try await app.signedIn(.admin)
            // Read after signing in, which is logged too.
            let total = try await app.platform.store.auditLog(AuditQuery(limit: 1)).total
            #expect(total > 500)
            let pages = (total + 49) / 50
            let first = try await admin.get("/admin/audit")
            #expect(first.status == .ok)
            #expect(Self.rows(first.body) == 50)
            #expect(first.body.contains("\(total) entries · page 1 of \(pages) · <a href=\"/admin/audit?page=2\" rel=\"next\">"))
            let last = try await admin.get("/admin/audit?page=\(pages)")
            #expect(Self.rows(last.body) == total - (pages - 1) * 50)
            #expect(last.body.contains("<a href=\"/admin/audit?page=\(pages - 1)\" rel=\"prev\">"))
            #expect(!last.body.contains("rel=\"next\""))
            let newest = try #require(try await app.platform.store.auditLog(AuditQuery(limit: 1)).entries.first)
            #expect(first.body.contains("<tr><td class=\"num\">\(newest.id)</td>"))

            for bad in ["page=0", "page=-1", "page=two", "page=1e3"] {
                #expect(try await admin.get("/admin/audit?\(bad)").status == .badRequest, "\(bad)")
            }
            let badDay = try await admin.get("/admin/audit?from=2027-02-30")
            #expect(badDay.status == .unprocessableContent)
            #expect(badDay.body.contains("field &#39;from&#39;"))
            #expect(try await app.signedIn(.analyst).get("/admin/audit").status == .forbidden)
        }
    }

    @Test("filters by actor, entity and days, and shows what changed field by field")
    func filtersAndChanges() async throws {
        try await TestPlatform.with { app in
            let store = app.platform.store
            let cycle = try await store.cycle(DemoPlatform.walkthroughYear)
            let community = try await app.signedIn(.community)
            try await community.get("/community")
            var answers: [(String, String)] = cycle.questions(round: 1).map { q in ("answer-\(q.id)", q.isQuantitative ? "55.5" : "Our programme (synthetic).") }
            answers += [("evidence", "https://example.org/evidence")]
            #expect(try await community.post("/community/nomination", answers).status == .seeOther)
            #expect(try await community.post("/community/nomination/submit", []).status == .seeOther)

            let admin = try await app.signedIn(.admin)
            let page = try await admin.get("/admin/audit?actor=community&entity=nomination%3A")
            // Two entries: the answers saved as a draft, then the submission after the review.
            #expect(page.body.contains("2 entries · page 1 of 1"))
            #expect(page.body.contains("<td>community</td><td>save</td><td>nomination:N-001</td>"))
            #expect(page.body.contains("<strong>state</strong>: draft → submitted"))
            #expect(page.body.contains("<strong>evidence</strong>:"))
            #expect(!page.body.contains("<strong>community</strong>:"), "unchanged fields are not listed")
            #expect(page.body.contains(#"<input type="text" id="actor" name="actor" value="community">"#))

            // The store's clock is the wall clock: today's entries are found, tomorrow's range is empty.
            let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
            #expect(try await admin.get("/admin/audit?actor=community&entity=nomination%3A&from=\(today)&until=\(today)").body.contains("2 entries ·"))
            #expect(try await admin.get("/admin/audit?actor=community&entity=nomination%3A&until=2000-01-01").body.contains("0 entries · page 1 of 1"))
        }
    }
}
