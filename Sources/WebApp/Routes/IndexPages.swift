import Foundation
import Hummingbird
import IndexEngine
import Workbook

/// The pages, downloads and API documents of a hosted index, each a function of the index and
/// the request's query alone, so that one path serves the static indices and those a source
/// gives while the platform runs.
struct IndexPages {
    let pages: Pages

    // MARK: The catalogue

    /// `/indices`: every index with what it covers.
    func catalogue(_ indices: [HostedIndex]) throws -> Response {
        try pages.render("indices", [
            "title": pages.phrase("nav.indices"),
            "indices": indices.map { index -> [String: Any] in
                [
                    "slug": index.slug, "name": index.name, "description": index.description, "years": RankingQuery.years(index),
                    "units": pages.phrase("indices.unitsInLatest", ["count": String(index.latest?.view.rows.count ?? 0)]),
                    "editions": index.editions.count == 1 ? pages.phrase("indices.oneEdition") : pages.phrase("indices.editions", ["count": String(index.editions.count)]),
                ]
            },
        ])
    }

    /// `/api/v1/indices` and `/api/v1/indices/{slug}`.
    struct Summary: Encodable {
        var slug: String
        var name: String
        var description: String
        var provenance: String
        var years: [Int]
        /// Units ranked in the latest edition.
        var units: Int
        var aggregates: [Aggregate]?
        var groups: [Group]?
        var links: [String: String]

        struct Aggregate: Encodable { var code: String, name: String, level: Int }
        struct Group: Encodable { var code: String, name: String, values: [String: String] }

        init(_ index: HostedIndex, detailed: Bool) {
            slug = index.slug
            name = index.name
            description = index.description
            provenance = index.provenance
            years = index.years
            let view = index.latest?.view
            units = view?.rows.count ?? 0
            if detailed, let view {
                aggregates = view.aggregates.map { Aggregate(code: $0.code, name: $0.name, level: $0.level) }
                groups = view.groupNames.map { group in
                    Group(code: group, name: index.labels.name(group), values: Dictionary(
                        Set(view.rows.compactMap { $0.groups[group] }).map { ($0, index.labels.value($0, of: group)) }, uniquingKeysWith: { a, _ in a }))
                }
            }
            links = [
                "page": "/indices/\(index.slug)", "rankings": "/api/v1/indices/\(index.slug)/rankings",
                "csv": "/indices/\(index.slug)/rankings.csv", "workbook": "/indices/\(index.slug)/workbook.xlsx", "methodology": "/indices/\(index.slug)/methodology",
            ]
        }
    }

    // MARK: Rankings

    /// The rankings page: year selector, filter, column picker, sortable headers.
    func rankings(_ table: RankingTable) throws -> Response {
        let (index, view, query) = (table.index, table.edition.view, table.query)
        let defaults = RankingQuery.defaultColumns(view)
        let shown = view.aggregates.filter { query.columns.contains($0.code) }
        let base = "/indices/\(index.slug)"
        /// A heading that sorts by `sort`; the rank within the filter sorts as the rank does, but
        /// only the rank's heading is marked sorted.
        func header(_ label: String, _ sort: RankingQuery.Sort, numeric: Bool = true, wide: Bool = false, marked: Bool = true) -> [String: Any] {
            let sorted = marked && query.sort == sort
            return [
                "label": label, "href": base + Self.question(query.text(sort: sort, defaultColumns: defaults)), "numeric": numeric, "wide": wide,
                "ariaSort": sorted ? sort.direction : "", "sorted": sorted, "arrow": sort.direction == "ascending" ? "▲" : "▼",
            ]
        }
        let filterLabel = Self.filterLabel(index, query.filter)
        var headers = [header(pages.phrase("profile.rank"), .rank)]
        if let filterLabel { headers.append(header(pages.phrase("rankings.rankIn", ["filter": filterLabel]), .rank, wide: true, marked: false)) }
        if let previous = table.previous { headers.append(header(pages.phrase("rankings.changeSince", ["year": String(previous.year)]), .change)) }
        headers.append(header(pages.phrase("rankings.unit"), .name, numeric: false))
        headers += shown.enumerated().map { i, a in header(a.name, .score(a.code), wide: i > 0) }
        // Only an edition with an uncertainty analysis has rank intervals.
        let hasIntervals = view.rows.contains { $0.rankInterval != nil }
        if hasIntervals { headers.append(header(pages.phrase("rankings.interval"), .interval, wide: true)) }
        let text = query.text(defaultColumns: defaults)
        var context: [String: Any] = [
            "title": "\(index.name) \(query.year)", "indexName": index.name, "slug": index.slug, "description": index.description,
            "heading": pages.phrase("rankings.heading", ["index": index.name, "year": String(query.year)]),
            "year": query.year, "rowCountWords": pages.phrase("rankings.rowCount", ["count": String(table.entries.count)]),
            "query": Self.question(text),
            "sortKey": query.sort == .rank ? "" : query.sort.key,
            "hasYears": index.editions.count > 1,
            "years": index.years.reversed().map { ["value": $0, "selected": $0 == query.year] },
            "filters": RankingTable.filterOptions(index, view).map { ["value": $0.value, "label": $0.label, "selected": $0.value == query.filter] },
            "columnChoices": view.aggregates.map { ["code": $0.code, "name": $0.name, "checked": query.columns.contains($0.code), "level": $0.level] },
            "headers": headers, "hasFilter": filterLabel != nil, "hasIntervals": hasIntervals, "hasChange": table.previous != nil,
            "rows": table.entries.map { entry -> [String: Any] in
                [
                    "rank": entry.row.rank.map(String.init) ?? "—", "rankInFilter": entry.rankInFilter.map(String.init) ?? "—",
                    "change": Self.change(entry, previous: table.previous, pages: pages),
                    "name": entry.row.name, "link": index.unitLink(entry.row.code, year: query.yearGiven ? query.year : nil),
                    "cells": shown.enumerated().map { i, a in ["value": pages.format.score(entry.row.scores[a.code]), "wide": i > 0] },
                    "interval": Show.rankInterval(entry.row.rankInterval, separator: "–") ?? "—",
                ]
            },
        ]
        // Absent rather than nil: a template section takes a nil inside `Any` as a value.
        context["filterLabel"] = filterLabel
        context["changeNote"] = table.previous.map { pages.phrase("rankings.changeNote", ["year": String($0.year)]) }
        if hasIntervals {
            let title = pages.phrase("rankings.chartTitle", ["index": index.name, "year": String(query.year)]) + (filterLabel.map { " (\($0))" } ?? "")
            context["rankChart"] = RankIntervalChart(title: title, rows: table.entries.map(\.row), unitCount: view.rows.count, words: pages.chartWords).svg()
        }
        return try pages.render("rankings", context)
    }

    /// The rank change as the page shows it: an arrow and the places, with words for screen
    /// readers in the page's language.
    static func change(_ entry: RankingTable.Entry, previous: HostedIndex.Edition?, pages: Pages) -> [String: Any] {
        guard let previous else { return [:] }
        let year = String(previous.year)
        guard entry.row.rank != nil else { return ["symbol": "—", "words": pages.phrase("rankings.notRanked")] }
        guard let change = entry.change else { return ["symbol": pages.phrase("rankings.new"), "words": pages.phrase("rankings.notRankedIn", ["year": year]), "kind": "new"] }
        switch change {
        case 1...: return ["symbol": "▲\(change)", "words": pages.phrase(change == 1 ? "rankings.upOne" : "rankings.up", ["places": String(change), "year": year]), "kind": "up"]
        case ..<0: return ["symbol": "▼\(-change)", "words": pages.phrase(change == -1 ? "rankings.downOne" : "rankings.down", ["places": String(-change), "year": year]), "kind": "down"]
        default: return ["symbol": "=", "words": pages.phrase("rankings.same", ["year": year]), "kind": "same"]
        }
    }

    /// The rankings as CSV, the index and year in the file name (`asem-2022-rankings.csv`):
    /// the page's rows, the groups by name, every aggregate's score and, when the edition has
    /// an uncertainty analysis, the 5th and 95th percentile ranks. `options` choose the header
    /// (names beside codes, or codes alone) and the scores' decimals.
    func rankingsCSV(_ table: RankingTable, _ options: CSVOptions) -> Response {
        let (index, view) = (table.index, table.edition.view)
        let named = options.headers == .names
        let filtered = !table.query.filter.isEmpty
        let hasIntervals = view.rows.contains { $0.rankInterval != nil }
        var header = ["year", "rank"]
        if filtered { header.append(named ? "rank in filter" : "rankInFilter") }
        if let previous = table.previous { header += named ? ["rank in \(previous.year)", "rank change"] : ["previousRank", "rankChange"] }
        header += ["code", "name"]
        header += view.groupNames.map { named ? "\(index.labels.name($0)) (\($0))" : $0 }
        header += view.aggregates.map { named ? "\($0.name) (\($0.code))" : $0.code }
        if hasIntervals { header += named ? ["5th percentile rank", "95th percentile rank"] : ["rank5", "rank95"] }
        var lines = [header.map(NumberFormat.field).joined(separator: ",")]
        for entry in table.entries {
            var fields = [String(table.edition.year), entry.row.rank.map(String.init) ?? ""]
            if filtered { fields.append(entry.rankInFilter.map(String.init) ?? "") }
            if table.previous != nil { fields += [entry.previousRank.map(String.init) ?? "", entry.change.map(String.init) ?? ""] }
            fields += [entry.row.code, entry.row.name] + view.groupNames.map { group in entry.row.groups[group].map { index.labels.value($0, of: group) } ?? "" }
            fields = fields.map(NumberFormat.field) + view.aggregates.map { options.score(entry.row.scores[$0.code]) }
            if hasIntervals {
                // An interval with an unknown end is left out whole, as the page and the API leave it.
                let interval = entry.row.rankInterval.flatMap { $0.count == 2 && $0.allSatisfy(\.isFinite) ? $0 : nil }
                fields += interval.map { $0.map(NumberFormat.csv) } ?? ["", ""]
            }
            lines.append(fields.joined(separator: ","))
        }
        return Respond.csv(lines.joined(separator: "\n") + "\n", filename: "\(index.slug)-\(table.edition.year)-rankings.csv")
    }

    /// The edition's workbook (`IndexWorkbook`): results, every stage, weights, spec, the audit
    /// and the uncertainty analysis when the edition has them; `{slug}-{year}.xlsx`.
    func workbook(_ index: HostedIndex, _ edition: HostedIndex.Edition) throws -> Response {
        let workbook = try IndexWorkbook.make(edition.view.build, spec: edition.view.spec, audit: edition.audit, uncertainty: edition.sensitivity?.uncertainty)
        return Response(
            status: .ok,
            headers: [.contentType: Workbook.contentType, .contentDisposition: "attachment; filename=\"\(index.slug)-\(edition.year).xlsx\""],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try workbook.xlsx())))
    }

    /// The rankings API's document.
    struct RankingsDocument: Encodable {
        var index: String
        var name: String
        var year: Int
        var years: [Int]
        var previousYear: Int?
        var filter: String?
        var sort: String
        var aggregates: [Summary.Aggregate]
        var units: [RankingTable.Entry]
    }

    func rankingsJSON(_ table: RankingTable) throws -> Response {
        try Respond.json(RankingsDocument(
            index: table.index.slug, name: table.index.name, year: table.edition.year, years: table.index.years, previousYear: table.previous?.year,
            filter: table.query.filter.isEmpty ? nil : table.query.filter, sort: table.query.sort.key,
            aggregates: table.edition.view.aggregates.map { Summary.Aggregate(code: $0.code, name: $0.name, level: $0.level) }, units: table.entries))
    }

    // MARK: Units

    /// A unit's rank and headline score in each edition.
    struct YearRank: Encodable {
        var year: Int
        var rank: Int?
        var score: Double?
    }

    /// The unit API's document: the profile of one year and the unit's ranks over the years.
    struct UnitDocument: Encodable {
        var profile: UnitProfile
        var index: String
        var year: Int
        var history: [YearRank]

        private enum Keys: String, CodingKey { case index, year, history }

        func encode(to encoder: any Encoder) throws {
            try profile.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(index, forKey: .index)
            try c.encode(year, forKey: .year)
            try c.encode(history, forKey: .history)
        }
    }

    /// The document of unit `code` in `edition`, or 404.
    static func unit(_ code: String, _ index: HostedIndex, _ edition: HostedIndex.Edition) throws -> UnitDocument {
        guard let profile = UnitProfile(code: code, index: edition.view) else {
            throw HTTPError(.notFound, message: "there is no unit '\(code)' in \(index.name) \(edition.year)")
        }
        let history = index.editions.compactMap { e in
            e.view.row(code).map { row in YearRank(year: e.year, rank: row.rank, score: (e.view.aggregates.first?.code).flatMap { row.scores[$0] }.flatMap { $0.isFinite ? $0 : nil }) }
        }
        return UnitDocument(profile: profile, index: index.slug, year: edition.year, history: history)
    }

    func unitPage(_ document: UnitDocument, _ index: HostedIndex, _ edition: HostedIndex.Edition) throws -> Response {
        var context = document.profile.context(index: edition.view, pages: pages)
        context["title"] = "\(document.profile.name) — \(index.name) \(edition.year)"
        context["rankSentence"] = pages.phrase("unit.rankSentence", [
            "rank": document.profile.rank.map(String.init) ?? "—", "count": String(edition.view.rows.count), "index": index.name, "year": String(edition.year),
        ])
        context["indexName"] = index.name
        context["slug"] = index.slug
        context["year"] = edition.year
        context["code"] = document.profile.code.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? ""
        context["hasHistory"] = document.history.count > 1
        context["history"] = document.history.reversed().map { h -> [String: Any] in
            ["year": h.year, "rank": h.rank.map(String.init) ?? "—", "score": pages.format.score(h.score), "current": h.year == edition.year]
        }
        return try pages.render("unit", context)
    }

    // MARK: Helpers

    /// "GDP per capita group: XL" for `GDPpc_group:XL`, `nil` without a filter.
    static func filterLabel(_ index: HostedIndex, _ filter: String) -> String? {
        guard !filter.isEmpty else { return nil }
        let parts = filter.split(separator: ":", maxSplits: 1).map(String.init)
        return parts.count == 2 ? index.labels.label(parts[0], parts[1]) : filter
    }

    /// `?text`, or nothing for an empty query.
    static func question(_ text: String) -> String { text.isEmpty ? "" : "?" + text }
}

