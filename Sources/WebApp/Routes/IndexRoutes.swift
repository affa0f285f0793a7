import Foundation
import Hummingbird
import IndexEngine

/// The index's public pages and API: home, rankings (HTML, CSV, JSON), unit profiles, methodology.
enum IndexRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let index = platform.index
        let rankings = RankingResponses(index: index, pages: pages)

        routes.get("/rankings", access: .everyone, summary: "The index ranking as a page, with filters and sorting") { request, _ in
            try rankings.response(.page, RankingQuery(request, index: index))
        }

        routes.get("/rankings.csv", access: .everyone, summary: "The index ranking as CSV, with the page's filters and sorting") { request, _ in
            try rankings.response(.csv, RankingQuery(request, index: index))
        }

        routes.get(
            "/api/v1/rankings", access: .everyone, summary: "The index ranking: every unit with its scores, groups and rank interval; `filter` (group:value) and `sort` (rank, name or an aggregate code)",
            query: ["filter", "sort"]) { request, _ in
            try rankings.response(.json, RankingQuery(request, index: index))
        }

        routes.get("/units/{code}", access: .everyone, summary: "A unit's profile page") { _, context in
            let code = try context.parameters.require("code")
            guard let profile = UnitProfile(code: code, index: index) else {
                throw HTTPError(.notFound, message: "there is no unit '\(code)' in \(index.name)")
            }
            return try pages.render("unit", profile.context(index: index))
        }

        routes.get("/api/v1/units/{code}", access: .everyone, summary: "A unit's scores, ranks, peer medians, strengths and weaknesses") { _, context in
            let code = try context.parameters.require("code")
            guard let profile = UnitProfile(code: code, index: index) else {
                throw HTTPError(.notFound, message: "there is no unit '\(code)' in \(index.name)")
            }
            return try Respond.json(profile)
        }

        routes.get("/methodology", access: .everyone, summary: "How the index is built: steps, reliability, sensitivity") { _, _ in
            let steps = index.spec.steps.map { step -> [String: Any] in
                let data = (try? JSONEncoder().encode(step)) ?? Data()
                return ["text": String(decoding: data, as: UTF8.self)]
            }
            let groups = platform.audit.groups.filter { !$0.name.hasPrefix("level") }.map { g -> [String: Any] in
                ["name": g.name, "k": g.members.count, "alpha": Show.score(g.alpha), "pc1": g.pca.map { String(format: "%.0f%%", $0.explained[0] * 100) } ?? "—"]
            }
            var sensitivity = "<p class=\"muted\">No sensitivity analysis was run.</p>"
            if let sa = platform.sensitivity {
                let items = sa.inputs.enumerated().map { i, name in
                    "<li>\(Markup.escape(name)): \(Show.score(sa.indices[i].total)) (first order \(Show.score(sa.indices[i].first)))</li>"
                }
                sensitivity = "<ul>" + items.joined() + "</ul>"
            }
            return try pages.render("methodology", ["title": "Methodology", "indexName": index.name, "steps": steps, "groups": groups, "sensitivity": sensitivity])
        }
    }
}

/// The rankings as a page, CSV and JSON, each rendered once per filter and sort order.
///
/// The index does not change once the platform is loaded and these responses depend on nothing
/// but the query, so they are kept and served again; the unfiltered ones are rendered at
/// start-up. Only queries naming a real group value are kept, so arbitrary filters cannot grow
/// the cache: the others are rendered on each request.
final class RankingResponses: @unchecked Sendable {
    enum Kind: Hashable { case page, csv, json }

    private struct Key: Hashable {
        var kind: Kind
        var filter: String
        var sort: String
    }

    private let index: IndexView
    private let pages: Pages
    private let filters: Set<String>
    private let lock = NSLock()
    private var responses: [Key: Response] = [:]

    init(index: IndexView, pages: Pages) {
        self.index = index
        self.pages = pages
        filters = Set(RankingQuery.filterOptions(index).map(\.value))
        let unfiltered = RankingQuery(filter: "", sort: "rank")
        for kind in [Kind.page, .csv, .json] { _ = try? response(kind, unfiltered) }
    }

    /// The response of `kind` for `query`, from the cache when it has been rendered before.
    func response(_ kind: Kind, _ query: RankingQuery) throws -> Response {
        guard query.filter.isEmpty || filters.contains(query.filter) else { return try render(kind, query) }
        let key = Key(kind: kind, filter: query.filter, sort: query.sort)
        if let response = lock.withLock({ responses[key] }) { return response }
        // Two first requests may both render; they produce the same response.
        let response = try render(kind, query)
        lock.withLock { responses[key] = response }
        return response
    }

    private func render(_ kind: Kind, _ query: RankingQuery) throws -> Response {
        let rows = query.apply(index.rows)
        switch kind {
        case .page:
            let shown = Array(index.aggregates.prefix(3 + index.aggregates.filter { $0.level == index.aggregates.first?.level ?? 0 }.count))
            return try pages.render("rankings", [
                "title": "Rankings", "indexName": index.name, "rowCount": rows.count,
                "query": query.text.isEmpty ? "" : "?" + query.text,
                "filters": RankingQuery.filterOptions(index).map { ["value": $0.value, "label": $0.label, "selected": $0.value == query.filter] },
                "sorts": (["rank", "name"] + index.aggregates.map(\.code)).map { value in
                    ["value": value, "label": value == "rank" ? "rank" : value == "name" ? "name" : index.aggregates.first { $0.code == value }?.name ?? value, "selected": value == query.sort]
                },
                "columns": shown.enumerated().map { i, a in ["name": a.name, "wide": i > 0] },
                "rows": rows.map { row in
                    [
                        "rank": row.rank.map(String.init) ?? "—", "code": row.code, "name": row.name,
                        "cells": shown.enumerated().map { i, a in ["value": Show.score(row.scores[a.code]), "wide": i > 0] },
                        "interval": Show.rankInterval(row.rankInterval, separator: "–") ?? "—",
                    ] as [String: Any]
                },
            ])
        case .csv:
            var lines = [(["rank", "code", "name"] + index.aggregates.map(\.code)).joined(separator: ",")]
            for row in rows {
                let fields = [row.rank.map(String.init) ?? "", row.code, CSVField.quote(row.name)] + index.aggregates.map { a in row.scores[a.code].map { "\($0)" } ?? "" }
                lines.append(fields.joined(separator: ","))
            }
            return Respond.csv(lines.joined(separator: "\n") + "\n", filename: "rankings.csv")
        case .json:
            return try Respond.json(RankingsDocument(index: index.name, aggregates: index.aggregates.map(\.code), units: rows))
        }
    }
}

/// The filters and sort order of a rankings request: `?filter=group:value&sort=code`.
struct RankingQuery {
    var filter: String
    var sort: String

    init(_ request: Request, index: IndexView) {
        filter = request.uri.queryParameters["filter"].map(String.init) ?? ""
        let sort = request.uri.queryParameters["sort"].map(String.init) ?? "rank"
        self.sort = sort == "name" || index.aggregates.contains { $0.code == sort } ? sort : "rank"
    }

    init(filter: String, sort: String) {
        self.filter = filter
        self.sort = sort
    }

    /// The query string that reproduces this request.
    var text: String {
        var parts: [String] = []
        if !filter.isEmpty { parts.append("filter=" + (filter.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")) }
        if sort != "rank" { parts.append("sort=" + sort) }
        return parts.joined(separator: "&")
    }

    /// The rows that pass the filter, in the requested order.
    func apply(_ rows: [IndexView.Row]) -> [IndexView.Row] {
        var result = rows
        let parts = filter.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2 { result = result.filter { $0.groups[parts[0]] == parts[1] } }
        switch sort {
        case "rank": break
        case "name": result.sort { $0.name < $1.name }
        default: result.sort { ($0.scores[sort] ?? -.infinity) > ($1.scores[sort] ?? -.infinity) }
        }
        return result
    }

    /// Every group value as a filter option.
    static func filterOptions(_ index: IndexView) -> [(value: String, label: String)] {
        index.groupNames.flatMap { group in
            Set(index.rows.compactMap { $0.groups[group] }).sorted().map { ("\(group):\($0)", "\(group): \($0)") }
        }
    }
}

/// The JSON of the rankings API.
struct RankingsDocument: Encodable {
    var index: String
    var aggregates: [String]
    var units: [IndexView.Row]
}

/// Quoting CSV fields.
enum CSVField {
    static func quote(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
