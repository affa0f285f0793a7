import Awards
import Hummingbird

/// The best-practice library's public pages and API: published case studies, listed, filtered
/// by factor and searched.
enum LibraryRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let store = platform.store

        routes.get("/library", access: .everyone, summary: "The best-practice library, with search and a filter by factor") { request, _ in
            let request = LibraryRequest(request)
            do {
                let listing = try await LibraryListing(request, store: store)
                return try pages.render("library", listing.context(request, pages: pages))
            } catch let error as AwardsError where error.field == "q" || error.field == "factor" {
                var context = LibraryListing.empty.context(request, pages: pages)
                context["problem"] = pages.problem(error)
                return try pages.render("library", context, status: .badRequest)
            }
        }

        routes.get(
            "/api/v1/library", access: .everyone, summary: "Published case studies; `q` searches them, `factor` and `country` filter them",
            query: ["q", "factor", "country"]) { request, _ in
            let request = LibraryRequest(request)
            do {
                return try Respond.json(LibraryDocument(try await LibraryListing(request, store: store), request: request))
            } catch let error as AwardsError where error.field == "q" || error.field == "factor" {
                throw HTTPError(.badRequest, message: error.description)
            }
        }

        routes.get("/library/{caseStudy}", access: .everyone, summary: "A published case study") { _, context in
            let caseStudy = try await published(try context.parameters.require("caseStudy"), store)
            let known = try await store.communities().contains { $0.id == caseStudy.community }
            return try pages.render("case-study", CaseStudyPage.context(caseStudy, communityKnown: known, pages: pages))
        }

        routes.get("/api/v1/library/{caseStudy}", access: .everyone, summary: "A published case study with its full text") { _, context in
            try Respond.json(CaseStudyDocument(try await published(try context.parameters.require("caseStudy"), store)))
        }
    }

    /// The published case study `id`; drafts are as unknown to the public as missing ones.
    static func published(_ id: String, _ store: any LibraryStore) async throws -> CaseStudy {
        guard let caseStudy = try await store.caseStudy(id), caseStudy.state == .published else {
            throw HTTPError(.notFound, message: "there is no case study '\(id)' in the library")
        }
        return caseStudy
    }
}

/// What a library request asks for: `?q=words&factor=Code&country=Name`.
struct LibraryRequest {
    /// The search as typed (a `+` from a form read as a space); empty lists instead of searching.
    var q: String
    var factor: String?
    var country: String?

    init(_ request: Request) {
        let parameters = request.uri.queryParameters
        q = String(parameters["q"] ?? "").replacingPlusWithSpace()
        factor = parameters["factor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        country = parameters["country"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the request searches; a blank `q` lists the library.
    var searches: Bool { !q.allSatisfy(\.isWhitespace) }

    /// The filter for the public, after checking the factor.
    func filter() throws(AwardsError) -> LibraryFilter {
        if let factor, !Factor.standard.contains(where: { $0.code == factor }) {
            throw AwardsError(.unknownReference, "there is no factor '\(factor)'", field: "factor")
        }
        return LibraryFilter(factor: factor, country: country)
    }
}

/// The case studies a library request finds: a search's hits, or the filtered list.
struct LibraryListing {
    /// The case studies with, when searching, their score and snippet.
    var entries: [(caseStudy: CaseStudy, hit: LibraryHit?)]
    /// The query as understood, when searching.
    var query: LibraryQuery?

    /// The most hits a search returns.
    static let searchLimit = 50
    static let empty = LibraryListing(entries: [], query: nil)

    init(entries: [(caseStudy: CaseStudy, hit: LibraryHit?)], query: LibraryQuery?) {
        self.entries = entries
        self.query = query
    }

    init(_ request: LibraryRequest, store: any LibraryStore) async throws {
        let filter = try request.filter()
        if request.searches {
            let query = try LibraryQuery(request.q)
            self.query = query
            entries = try await store.search(query, filter: filter, limit: Self.searchLimit).map { ($0.caseStudy, $0) }
        } else {
            query = nil
            entries = try await store.caseStudies(filter).map { ($0, nil) }
        }
    }

    /// The library page's context, in the page's language.
    func context(_ request: LibraryRequest, pages: Pages) -> [String: Any] {
        var context: [String: Any] = [:]
        context["title"] = pages.phrase("nav.library")
        context["q"] = request.q
        var factors: [[String: Any]] = []
        for factor in Factor.standard {
            var option: [String: Any] = [:]
            option["code"] = factor.code
            option["label"] = "\(factor.name): \(pages.phrase("library.factor." + factor.code))"
            option["selected"] = factor.code == request.factor
            factors.append(option)
        }
        context["factors"] = factors
        let count = entries.count == 1 ? pages.phrase("library.one") : pages.phrase("library.many", ["count": String(entries.count)])
        context["heading"] = query.map { pages.phrase("library.found", ["count": count, "query": $0.text]) } ?? count + "."
        var results: [[String: Any]] = []
        for (caseStudy, hit) in entries {
            var result: [String: Any] = [:]
            result["id"] = caseStudy.id
            result["title"] = caseStudy.title
            result["communityName"] = caseStudy.communityName
            result["country"] = caseStudy.country
            result["year"] = caseStudy.year
            if !caseStudy.factors.isEmpty { result["factorList"] = caseStudy.factors.joined(separator: ", ") }
            result["excerpt"] = hit.map { SnippetMarkup.html($0.snippet) } ?? Markup.escape(caseStudy.summary)
            results.append(result)
        }
        context["results"] = results
        context["hasResults"] = !results.isEmpty
        return context
    }
}

/// HTML for a search snippet: every part escaped, and only then the matches wrapped in `<mark>`,
/// so no text of a case study can become markup.
enum SnippetMarkup {
    static func html(_ snippet: Snippet) -> String {
        snippet.parts.map { part in
            part.match ? "<mark>" + Markup.escape(part.text) + "</mark>" : Markup.escape(part.text)
        }.joined()
    }
}

/// The case study page's context. Sections test keys for presence, so optional values are left
/// out rather than set empty.
enum CaseStudyPage {
    /// The page's context, in the page's language.
    static func context(_ caseStudy: CaseStudy, communityKnown: Bool, pages: Pages) -> [String: Any] {
        var context: [String: Any] = [:]
        context["title"] = caseStudy.title
        context["id"] = caseStudy.id
        context["community"] = caseStudy.community
        context["communityName"] = caseStudy.communityName
        context["communityKnown"] = communityKnown
        context["country"] = caseStudy.country
        context["year"] = caseStudy.year
        if let published = caseStudy.published { context["published"] = pages.phrase("caseStudy.published", ["date": pages.format.date(published)]) }
        context["summary"] = caseStudy.summary
        var factors: [[String: Any]] = []
        for code in caseStudy.factors {
            var factor: [String: Any] = [:]
            factor["code"] = code
            factor["name"] = Factor.standard.first { $0.code == code }?.name ?? code
            factors.append(factor)
        }
        context["factors"] = factors
        context["hasFactors"] = !factors.isEmpty
        var paragraphs: [[String: Any]] = []
        for text in caseStudy.paragraphs {
            var paragraph: [String: Any] = [:]
            paragraph["text"] = text
            paragraphs.append(paragraph)
        }
        context["paragraphs"] = paragraphs
        return context
    }
}

/// The JSON of a library listing or search.
struct LibraryDocument: Encodable {
    /// One case study of the list, without its full text.
    struct Entry: Encodable {
        var id: String
        var title: String
        var community: String
        var communityName: String
        var country: String
        var year: Int
        var factors: [String]
        var summary: String
        var published: String?
        /// The search's relevance, higher first; only when searching.
        var score: Double?
        /// Where the words were found; only when searching.
        var snippet: Snippet?
    }

    /// The query as understood, when searching.
    var query: String?
    var factor: String?
    var country: String?
    var count: Int
    var results: [Entry]

    init(_ listing: LibraryListing, request: LibraryRequest) {
        query = listing.query?.text
        factor = request.factor
        country = request.country
        count = listing.entries.count
        results = listing.entries.map { caseStudy, hit in
            Entry(
                id: caseStudy.id, title: caseStudy.title, community: caseStudy.community, communityName: caseStudy.communityName,
                country: caseStudy.country, year: caseStudy.year, factors: caseStudy.factors, summary: caseStudy.summary,
                published: caseStudy.published, score: hit?.score, snippet: hit?.snippet)
        }
    }
}

/// The JSON of a published case study: everything but the author's account.
struct CaseStudyDocument: Encodable {
    var id: String
    var title: String
    var community: String
    var communityName: String
    var country: String
    var year: Int
    var factors: [String]
    var summary: String
    var body: String
    var paragraphs: [String]
    var published: String?

    init(_ caseStudy: CaseStudy) {
        id = caseStudy.id
        title = caseStudy.title
        community = caseStudy.community
        communityName = caseStudy.communityName
        country = caseStudy.country
        year = caseStudy.year
        factors = caseStudy.factors
        summary = caseStudy.summary
        body = caseStudy.body
        paragraphs = caseStudy.paragraphs
        published = caseStudy.published
    }
}

extension String {
    /// The string with `+` read as a space, as HTML forms encode spaces in a query string.
    fileprivate func replacingPlusWithSpace() -> String {
        String(map { $0 == "+" ? " " : $0 })
    }
}
