import Testing
@testable import WebApp

@Suite("Markup")
struct MarkupTests {
    @Test("the five special characters are escaped")
    func escape() {
        #expect(Markup.escape(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }
}
