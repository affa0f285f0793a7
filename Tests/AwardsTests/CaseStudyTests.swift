import Foundation
import Testing
@testable import Awards

@Suite("Library: case studies, search queries, snippets and the demo library")
struct CaseStudyTests {
    static func caseStudy(
        title: String = "A fibre co-operative owned by its subscribers", body: String = "Residents bought shares.\n\nThe network is open to every provider.",
        factors: [String] = ["Connect", "Include"], state: CaseStudy.State = .published, published: String? = "2025-03-01"
    ) -> CaseStudy {
        CaseStudy(
            id: "fibre-co-operative", communityName: "Norvale (synthetic)", country: "Canada", title: title,
            summary: "A co-operative laid open-access fibre.", body: body, factors: factors, year: 2025, state: state,
            published: published, author: "editor")
    }

    static func fields(_ caseStudy: CaseStudy) -> [String?] { caseStudy.problems().map(\.field) }

    // MARK: Validation

    @Test("a complete case study has no problems, and its community id follows the network's scheme")
    func complete() {
        let study = Self.caseStudy()
        #expect(study.problems().isEmpty)
        #expect(study.community == Community.id(name: "Norvale (synthetic)", country: "Canada"))
        #expect(study.community == "norvale-(synthetic)--canada")
    }

    @Test("the title is required and at most 200 characters")
    func title() {
        #expect(Self.caseStudy(title: "  ").problems() == [AwardsError(.invalidValue, "the title is required", field: "title")])
        #expect(Self.caseStudy(title: String(repeating: "x", count: 200)).problems().isEmpty)
        #expect(Self.caseStudy(title: String(repeating: "x", count: 201)).problems()
            == [AwardsError(.invalidValue, "the title is longer than 200 characters", field: "title")])
    }

    @Test("the body is required")
    func body() {
        #expect(Self.caseStudy(body: "\n\n \t").problems() == [AwardsError(.invalidValue, "the body is required", field: "body")])
    }

    @Test("factors must be codes of the standard framework, each once")
    func factors() {
        #expect(Self.caseStudy(factors: ["Connect", "Broadband"]).problems()
            == [AwardsError(.unknownReference, "there is no factor 'Broadband'", field: "factors")])
        #expect(Self.caseStudy(factors: ["connect"]).problems().map(\.kind) == [.unknownReference], "codes are case-sensitive")
        #expect(Self.caseStudy(factors: ["Work", "Work"]).problems()
            == [AwardsError(.invalidValue, "the factor 'Work' is named twice", field: "factors")])
        #expect(Self.caseStudy(factors: []).problems().isEmpty)
    }

    @Test("a published case study needs a real date of publication; a draft may have none")
    func publication() {
        #expect(Self.fields(Self.caseStudy(published: nil)) == ["published"])
        #expect(Self.fields(Self.caseStudy(published: "2025-02-30")) == ["published"])
        #expect(Self.fields(Self.caseStudy(published: "1 March 2025")) == ["published"])
        #expect(Self.caseStudy(state: .draft, published: nil).problems().isEmpty)
    }

    @Test("the id, author, year, community and text are checked field by field")
    func otherFields() {
        var study = Self.caseStudy()
        study.id = "Fibre Co-op"
        study.author = ""
        study.year = 1850
        study.community = ""
        study.summary = "Bell\u{7} rings"
        #expect(Self.fields(study) == ["id", "community", "summary", "year", "author"])
        for bad in ["", "-fibre", "fibre-", "fibre--coop", "fibré", "fibre/coop", String(repeating: "a", count: 121)] {
            study = Self.caseStudy()
            study.id = bad
            #expect(Self.fields(study) == ["id"], "\(bad)")
        }
    }

    @Test("text may not hold control characters, which the search uses as match marks")
    func controlCharacters() {
        #expect(Self.fields(Self.caseStudy(body: "Before \u{2}marked\u{3} after")) == ["body"])
        #expect(Self.fields(Self.caseStudy(title: "Tab\tand more")).isEmpty, "tabs are text")
        #expect(Self.caseStudy(body: "Line one\r\nline two\n\nNext").problems().isEmpty, "line breaks are text")
    }

    @Test("publishing sets the state and date after checking them")
    func publish() throws {
        var study = Self.caseStudy(state: .draft, published: nil)
        let error = #expect(throws: AwardsError.self) { try study.publish(on: "2025-13-01") }
        #expect(error?.field == "published")
        #expect(study.state == .draft, "a refused publication changes nothing")
        try study.publish(on: "2025-04-02")
        #expect(study.state == .published)
        #expect(study.published == "2025-04-02")
    }

    @Test("the body's paragraphs are separated by blank lines; lines inside a paragraph join")
    func paragraphs() {
        let study = Self.caseStudy(body: "\n First line\nsecond line \n\n\n  \t\nThird\r\n\r\nFourth\n")
        #expect(study.paragraphs == ["First line second line", "Third", "Fourth"])
    }

    @Test("a slug folds accents and case and joins words with single dashes")
    func slug() {
        #expect(CaseStudy.slug("São Paulo: Fibre for All!") == "sao-paulo-fibre-for-all")
        #expect(CaseStudy.slug("  Norvale (synthetic) -- 3D printing  ") == "norvale-synthetic-3d-printing")
        #expect(CaseStudy.isSlug(CaseStudy.slug("Ünïcödé & more — 2025")))
        #expect(CaseStudy.slug("東京") == "")
    }

    @Test("a case study survives a JSON round trip")
    func codable() throws {
        let study = Self.caseStudy()
        let data = try JSONEncoder().encode(study)
        #expect(try JSONDecoder().decode(CaseStudy.self, from: data) == study)
    }

    // MARK: Queries

    @Test("words become quoted FTS5 strings that must all match; a trailing * makes a prefix")
    func queryTerms() throws {
        let query = try LibraryQuery("fibre broad* co-operative")
        #expect(query.terms == [.init("fibre"), .init("broad", prefix: true), .init("co"), .init("operative")])
        #expect(query.fts5Expression == #""fibre" "broad"* "co" "operative""#)
        #expect(query.text == "fibre broad* co operative")
        #expect(try LibraryQuery("Fibre fibre FIBRE fibre*").terms == [.init("Fibre"), .init("fibre", prefix: true), .init("FIBRE")])
    }

    /// FTS5 syntax that user text must never produce: only quoted words, optionally prefixed.
    static func isSafe(_ expression: String) -> Bool {
        let tokens = expression.split(separator: " ", omittingEmptySubsequences: false)
        return !tokens.isEmpty && tokens.allSatisfy { token in
            var body = Substring(token)
            if body.hasSuffix("*") { body = body.dropLast() }
            guard body.count >= 3, body.first == "\"", body.last == "\"" else { return false }
            return body.dropFirst().dropLast().allSatisfy { LibraryQuery.isWordCharacter($0) }
        }
    }

    @Test(
        "hostile input becomes plain words, never FTS5 syntax",
        arguments: [
            (#"fibre" OR "x"#, [#""fibre""#, #""OR""#, #""x""#]),
            ("NEAR(fibre network, 2)", [#""NEAR""#, #""fibre""#, #""network""#, #""2""#]),
            ("fibre AND NOT network", [#""fibre""#, #""AND""#, #""NOT""#, #""network""#]),
            ("-fibre +network ^start", [#""fibre""#, #""network""#, #""start""#]),
            ("title:fibre {title summary}: x", [#""title""#, #""fibre""#, #""summary""#, #""x""#]),
            ("*fibre** net*work", [#""fibre"*"#, #""net"*"#, #""work""#]),
            ("fibre'); DROP TABLE case_study; --", [#""fibre""#, #""DROP""#, #""TABLE""#, #""case""#, #""study""#]),
            ("São Paulo 東京 naïve", [#""São""#, #""Paulo""#, #""東京""#, #""naïve""#]),
            ("café\u{301} 🚀 broadband", ["\"café\u{301}\"", #""broadband""#]),
        ])
    func hostile(_ text: String, _ expected: [String]) throws {
        let query = try LibraryQuery(text)
        #expect(query.fts5Expression.split(separator: " ").map(String.init) == expected)
        #expect(Self.isSafe(query.fts5Expression), "\(query.fts5Expression)")
    }

    @Test("a query without words is an error naming the field q", arguments: ["", "   ", "\"", "\"\"\"", "*", "-", "()", "🚀 ✨", "\u{2}\u{3}"])
    func emptyQuery(_ text: String) {
        let error = #expect(throws: AwardsError.self) { try LibraryQuery(text) }
        #expect(error?.field == "q", "\(text)")
        #expect(error?.kind == .invalidValue)
    }

    @Test("too long a query, or too many words, is refused naming q")
    func limits() throws {
        let long = #expect(throws: AwardsError.self) { try LibraryQuery(String(repeating: "a", count: 257)) }
        #expect(long?.field == "q")
        _ = try LibraryQuery(String(repeating: "a", count: 256))
        let many = #expect(throws: AwardsError.self) { try LibraryQuery((1...13).map { "w\($0)" }.joined(separator: " ")) }
        #expect(many?.field == "q")
        #expect(try LibraryQuery((1...12).map { "w\($0)" }.joined(separator: " ")).terms.count == 12)
    }

    // MARK: Snippets and filters

    @Test("a marked snippet splits into parts; stray marks are dropped")
    func snippet() {
        let snippet = Snippet(marked: "…the \u{2}fibre\u{3} co-operative and \u{2}fibre\u{3}")
        #expect(snippet.parts == [.init("…the ", match: false), .init("fibre", match: true), .init(" co-operative and ", match: false), .init("fibre", match: true)])
        #expect(snippet.text == "…the fibre co-operative and fibre")
        #expect(snippet.matches == ["fibre", "fibre"])
        #expect(Snippet(marked: "a\u{3}b\u{2}c\u{2}d").parts == [.init("ab", match: false), .init("cd", match: true)])
        #expect(Snippet(marked: "").parts.isEmpty)
    }

    @Test("a filter admits by state, factor, country and community")
    func filter() {
        let published = Self.caseStudy(), draft = Self.caseStudy(state: .draft, published: nil)
        #expect(LibraryFilter.published.admits(published))
        #expect(!LibraryFilter.published.admits(draft))
        #expect(LibraryFilter.all.admits(draft))
        #expect(LibraryFilter(factor: "Include").admits(published))
        #expect(!LibraryFilter(factor: "Work").admits(published))
        #expect(LibraryFilter(country: "Canada", community: published.community).admits(published))
        #expect(!LibraryFilter(country: "Kenya").admits(published))
    }

    // MARK: Demo library

    @Test("the demo library: twelve valid, published, clearly synthetic case studies by the demo's communities, the same every time")
    func demoLibrary() {
        let demo = DemoCycle(nominations: 40, analysts: 12, jurors: 5)
        let studies = DemoLibrary.caseStudies(from: demo)
        #expect(studies.count == 12)
        #expect(studies == DemoLibrary.caseStudies(from: DemoCycle(nominations: 40, analysts: 12, jurors: 5)))
        #expect(Set(studies.map(\.id)).count == 12)
        let communities = Set(demo.nominations.map { Community.id(name: $0.community, country: $0.country) })
        for study in studies {
            #expect(study.problems().isEmpty, "\(study.id): \(study.problems())")
            #expect(study.state == .published)
            #expect(study.communityName.hasSuffix("(synthetic)"))
            #expect(study.title.contains("(synthetic)"))
            #expect(study.summary.contains("invented example"))
            #expect(communities.contains(study.community))
            #expect(study.paragraphs.count == 4)
        }
        #expect(Set(studies.flatMap(\.factors)) == Set(Factor.standard.map(\.code)), "every factor has a case study")
        #expect(DemoLibrary.caseStudies(from: demo, count: 3) == Array(studies.prefix(3)))
    }
}
