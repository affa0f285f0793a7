import Foundation
import Hummingbird
import IndexEngine

/// The catalogue of indices, each index's rankings (page, CSV, JSON), workbook, unit profiles
/// and methodology under `/indices/{slug}`, and the addresses from before the catalogue, which now
/// lead permanently to the first index's.
enum IndexRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let catalogue = platform.catalogue
        let render = IndexPages(pages: pages)
        let kept = IndexResponses()

        /// The index `slug` names, or 404.
        @Sendable func resolve(_ context: Context) async throws -> IndexCatalogue.Resolved {
            let slug = try context.parameters.require("slug")
            guard let resolved = try await catalogue.index(slug) else { throw HTTPError(.notFound, message: "there is no index '\(slug)'") }
            return resolved
        }

        /// The response to `request` that `answer` describes. A static index's responses are kept
        /// for good (per language, and under the request's own target as well, so that a repeated
        /// request is answered before its query is read); a source's are kept until the store's data
        /// change. Responses without a key are rendered every time.
        @Sendable func respond(_ resolved: IndexCatalogue.Resolved, _ request: Request, _ answer: () throws -> IndexResponses.Answer) async throws -> Response {
            let language = PageLanguage.current.language.rawValue
            let prefix = "index|\(resolved.index.slug)|"
            if resolved.isStatic {
                return try kept.response(target: language + "|" + request.uri.string) {
                    var made = try answer()
                    made.key = made.key.map { prefix + $0 + "|" + language }
                    return made
                }
            }
            let made = try answer()
            guard let key = made.key else { return try made.render() }
            // PublicResponses keeps each language apart itself.
            return try await platform.responses.response(prefix + key) { try made.render() }
        }

        /// The key of a ranking response: only queries naming a real group value (or none)
        /// and the default columns are kept, so that arbitrary queries cannot grow what is kept.
        @Sendable func rankingKey(_ kind: String, _ table: RankingTable) -> String? {
            let view = table.edition.view
            let real = table.query.filter.isEmpty || RankingTable.filterOptions(table.index, view).contains { $0.value == table.query.filter }
            guard real, kind != "page" || table.query.showsDefaultColumns(view) else { return nil }
            return "\(kind)|\(table.edition.year)|\(table.query.text(defaultColumns: RankingQuery.defaultColumns(view)))"
        }

        routes.get("/indices", access: .everyone, summary: "The indices hosted: name, description, years, units") { _, _ in
            try render.catalogue(try await catalogue.all())
        }
        routes.get("/api/v1/indices", access: .everyone, summary: "The indices hosted: slug, name, description, provenance, years and units of each") { _, _ in
            try Respond.json(try await catalogue.all().map { IndexPages.Summary($0, detailed: false) })
        }
        routes.get("/api/v1/indices/{slug}", access: .everyone, summary: "One index: its description, provenance, years, aggregates and groups") { _, context in
            try Respond.json(IndexPages.Summary(try await resolve(context).index, detailed: true))
        }

        routes.get(
            "/indices/{slug}", access: .everyone, summary: "An index's ranking as a page: year, filter, sorting and the aggregates shown",
            query: ["year", "filter", "sort", "columns"]) { request, context in
            let resolved = try await resolve(context)
            return try await respond(resolved, request) {
                let table = try RankingTable(resolved.index, try RankingQuery(request, index: resolved.index))
                return .init(key: rankingKey("page", table)) { try render.rankings(table) }
            }
        }
        routes.get(
            "/indices/{slug}/rankings.csv", access: .everyone,
            summary: "An index's ranking as CSV, with the page's year, filter and sorting; `headers` (names, the default, or codes) and `round` (0–6 decimals)",
            query: ["year", "filter", "sort", "headers", "round"]) { request, context in
            let resolved = try await resolve(context)
            return try await respond(resolved, request) {
                let table = try RankingTable(resolved.index, try RankingQuery(request, index: resolved.index))
                let options = try CSVOptions(request)
                return .init(key: rankingKey("csv", table).map { "\($0)|\(options.key)" }) { render.rankingsCSV(table, options) }
            }
        }
        routes.get(
            "/indices/{slug}/workbook.xlsx", access: .everyone,
            summary: "An index's edition as an Excel workbook: results, every stage of the build, weights, spec, audit and uncertainty", query: ["year"]) { request, context in
            let resolved = try await resolve(context)
            return try await respond(resolved, request) {
                let (edition, _) = try RankingQuery.year(request.uri.queryParameters["year"].map(String.init), index: resolved.index)
                return .init(key: "workbook|\(edition.year)") { try render.workbook(resolved.index, edition) }
            }
        }
        routes.get(
            "/api/v1/indices/{slug}/rankings", access: .everyone,
            summary: "An index's ranking in one year (the latest by default): every unit with its scores, groups, rank interval, rank within the filter and rank change; `filter` (group:value) and `sort` (rank, name, change, interval or an aggregate code)",
            query: ["year", "filter", "sort"]) { request, context in
            let resolved = try await resolve(context)
            return try await respond(resolved, request) {
                let table = try RankingTable(resolved.index, try RankingQuery(request, index: resolved.index))
                return .init(key: rankingKey("json", table)) { try render.rankingsJSON(table) }
            }
        }

        routes.get("/indices/{slug}/units/{code}", access: .everyone, summary: "A unit's profile page in one year of an index", query: ["year"]) { request, context in
            let resolved = try await resolve(context)
            let code = try context.parameters.require("code")
            if let elsewhere = resolved.index.unitPage(code) { return Response(status: .temporaryRedirect, headers: [.location: elsewhere]) }
            let (edition, given) = try RankingQuery.year(request.uri.queryParameters["year"].map(String.init), index: resolved.index)
            // Only real units are kept: an unknown code fails, and a failure is not kept.
            return try await respond(resolved, request) {
                .init(key: "unit|\(code)|\(given ? edition.year : 0)") { try render.unitPage(try IndexPages.unit(code, resolved.index, edition), resolved.index, edition) }
            }
        }
        routes.get(
            "/api/v1/indices/{slug}/units/{code}", access: .everyone,
            summary: "A unit in one year of an index: scores, ranks, peer medians, strengths and weaknesses, and its rank in every year", query: ["year"]) { request, context in
            let resolved = try await resolve(context)
            let code = try context.parameters.require("code")
            let (edition, _) = try RankingQuery.year(request.uri.queryParameters["year"].map(String.init), index: resolved.index)
            return try await respond(resolved, request) {
                .init(key: "unit.json|\(code)|\(edition.year)") { try Respond.json(try IndexPages.unit(code, resolved.index, edition)) }
            }
        }
        routes.get("/indices/{slug}/methodology", access: .everyone, summary: "How an index is built: provenance, steps, reliability, sensitivity", query: ["year"]) { request, context in
            let resolved = try await resolve(context)
            let (edition, given) = try RankingQuery.year(request.uri.queryParameters["year"].map(String.init), index: resolved.index)
            return try await respond(resolved, request) {
                .init(key: "methodology|\(given ? edition.year : 0)") { try render.methodology(resolved.index, edition, yearGiven: given) }
            }
        }

        // The addresses from before the catalogue lead to the first index's, query kept.
        let first = "/indices/\(platform.firstIndex.slug)"
        routes.redirect("/rankings", to: first, summary: "Moved: the first index's ranking page")
        routes.redirect("/rankings.csv", to: first + "/rankings.csv", summary: "Moved: the first index's ranking as CSV")
        routes.redirect("/methodology", to: first + "/methodology", summary: "Moved: the first index's methodology")
        routes.redirect("/units/{code}", to: first + "/units/{code}", summary: "Moved: a unit's profile page in the first index")
        routes.redirect("/api/v1/rankings", to: "/api/v1" + first + "/rankings", summary: "Moved permanently to /api/v1/indices/{slug}/rankings of the first index; the query is kept")
        routes.redirect("/api/v1/units/{code}", to: "/api/v1" + first + "/units/{code}", summary: "Moved permanently to /api/v1/indices/{slug}/units/{code} of the first index; the query is kept")
    }
}
