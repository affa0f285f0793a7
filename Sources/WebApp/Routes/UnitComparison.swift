import Foundation
import Hummingbird
import IndexEngine

/// The units of one index a comparison asks for: `?index=slug&units=a,b,c[&year=]`, two to
/// five units of that year's edition, with their scores in every edition for the trend.
struct UnitComparison {
    var index: HostedIndex
    var edition: HostedIndex.Edition
    var units: [IndexView.Row]

    init(_ request: Request, catalogue: IndexCatalogue) async throws {
        let parameters = request.uri.queryParameters
        let slug = String(parameters["index"] ?? "")
        guard let resolved = try await catalogue.index(slug) else {
            throw HTTPError(.notFound, message: "index: there is no index '\(slug)'")
        }
        index = resolved.index
        edition = try RankingQuery.year(parameters["year"].map(String.init), index: index).edition
        var codes: [String] = []
        for part in String(parameters["units"] ?? "").split(separator: ",") {
            let code = part.trimmingCharacters(in: .whitespaces)
            if !code.isEmpty, !codes.contains(code) { codes.append(code) }
        }
        guard (2...Comparison.limit).contains(codes.count) else {
            throw HTTPError(.badRequest, message: "units: name two to five units of \(index.name) by code, separated by commas, not \(codes.count)")
        }
        let (view, name, year) = (edition.view, index.name, edition.year)
        units = try codes.map { code in
            guard let row = view.row(code) else {
                throw HTTPError(.notFound, message: "units: \(name) has no unit '\(code)' in \(year)")
            }
            return row
        }
    }

    /// The page's context, in the shape of the communities' comparison, in the page's language.
    func context(_ pages: Pages) -> [String: Any] {
        let view = edition.view, format = pages.format
        let shown = Array(view.aggregates.prefix(8))
        var rows: [[String: Any]] = [["label": pages.phrase("profile.rank"), "cells": units.map {
            ["value": $0.rank.map { pages.phrase("profile.rankOf", ["rank": String($0), "nominees": String(view.rows.count)]) } ?? "—"]
        }]]
        if units.contains(where: { $0.rankInterval != nil }) {
            rows.append(["label": pages.phrase("profile.interval"), "cells": units.map { ["value": Show.rankInterval($0.rankInterval, separator: "–") ?? "—"] }])
        }
        for a in shown { rows.append(["label": a.name, "cells": units.map { ["value": format.score($0.scores[a.code])] }]) }
        let headline = view.aggregates.first
        let byYear = index.editions.reversed().map { e -> [String: Any] in
            ["year": e.year, "cells": units.map { unit -> [String: Any] in
                let row = e.view.row(unit.code)
                return ["value": row.map { r in "\(format.score(headline.flatMap { r.scores[$0.code] })) (\(r.rank.map(format.ordinal) ?? "—"))" } ?? "—"]
            }]
        }
        let trend = TrendChart(
            title: pages.phrase("compare.trendTitle", ["names": units.map(\.name).joined(separator: ", ")]), years: index.years, communities: units.map(\.name),
            series: shown.prefix(7).map { a in
                TrendChart.Series(
                    name: a.name, lines: units.map { unit in index.editions.map { $0.view.row(unit.code)?.scores[a.code] ?? .nan } },
                    medians: index.editions.map { e in e.view.rows.compactMap { $0.scores[a.code] }.withUnsafeBufferPointer(Moments.median) })
            }, medianLabel: pages.phrase("compare.medianUnit"), words: pages.chartWords)
        return [
            "title": pages.phrase("compare.titleFor", ["names": units.map(\.name).joined(separator: ", ")]),
            "communities": units.map { ["id": $0.code, "name": $0.name, "country": index.name, "link": index.unitPage($0.code) ?? "/indices/\(index.slug)/units/\($0.code)"] },
            "ids": units.map(\.code).joined(separator: ","), "indexSlug": index.slug, "unitsMode": true,
            "latestYear": "\(index.name), \(edition.year)", "hasScores": true, "rows": rows, "byYear": byYear,
            "trend": trend.svg(),
        ]
    }

}
