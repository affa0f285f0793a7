import Foundation
import Hummingbird
import IndexEngine

/// The index's public pages and API: home, rankings (HTML, CSV, JSON), unit profiles, methodology.
enum IndexRoutes {
    static func add<Context: RequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let index = platform.index

        routes.get("/rankings", access: .everyone, summary: "The index ranking as a page, with filters and sorting") { request, _ in
            let query = RankingQuery(request, index: index)
            let shown = Array(index.aggregates.prefix(3 + index.aggregates.filter { $0.level == index.aggregates.first?.level ?? 0 }.count))
            let rows = query.apply(index.rows)
            return try pages.render("rankings", [
                "title": "Rankings", "indexName": index.name, "rowCount": rows.count,
                "query": query.text.isEmpty ? "" : "?" + query.text,
                "filters": query.filterOptions(index).map { ["value": $0.value, "label": $0.label, "selected": $0.value == query.filter] },
                "sorts": (["rank", "name"] + index.aggregates.map(\.code)).map { value in
                    ["value": value, "label": value == "rank" ? "rank" : value == "name" ? "name" : index.aggregates.first { $0.code == value }?.name ?? value, "selected": value == query.sort]
                },
                "columns": shown.enumerated().map { i, a in ["name": a.name, "wide": i > 0] },
                "rows": rows.map { row in
                    [
                        "rank": row.rank.map(String.init) ?? "—", "code": row.code, "name": row.name,
                        "cells": shown.enumerated().map { i, a in ["value": Show.score(row.scores[a.code]), "wide": i > 0] },
                        "interval": row.rankInterval.map { "\(Int($0[0]))–\(Int($0[1]))" } ?? "—",
                    ] as [String: Any]
                },
            ])
        }

        routes.get("/rankings.csv", access: .everyone, summary: "The index ranking as CSV, with the page's filters and sorting") { request, _ in
            let query = RankingQuery(request, index: index)
            var lines = [(["rank", "code", "name"] + index.aggregates.map(\.code)).joined(separator: ",")]
            for row in query.apply(index.rows) {
                let fields = [row.rank.map(String.init) ?? "", row.code, CSVField.quote(row.name)] + index.aggregates.map { a in row.scores[a.code].map { "\($0)" } ?? "" }
                lines.append(fields.joined(separator: ","))
            }
            return Respond.csv(lines.joined(separator: "\n") + "\n", filename: "rankings.csv")
        }

        routes.get("/api/v1/rankings", access: .everyone, summary: "The index ranking: every unit with its scores, groups and rank interval") { request, _ in
            let query = RankingQuery(request, index: index)
            return try Respond.json(RankingsDocument(index: index.name, aggregates: index.aggregates.map(\.code), units: query.apply(index.rows)))
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

/// The filters and sort order of a rankings request: `?filter=group:value&sort=code`.
struct RankingQuery {
    var filter: String
    var sort: String

    init(_ request: Request, index: IndexView) {
        filter = request.uri.queryParameters["filter"].map(String.init) ?? ""
        let sort = request.uri.queryParameters["sort"].map(String.init) ?? "rank"
        self.sort = sort == "name" || index.aggregates.contains { $0.code == sort } ? sort : "rank"
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
    func filterOptions(_ index: IndexView) -> [(value: String, label: String)] {
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
