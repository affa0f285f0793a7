import Foundation
import Hummingbird
import IndexEngine

/// A list of the organisers' cockpit (nominations by status, reviews per analyst, ballots per
/// juror): one table, narrowed by query parameters, shown as a page and downloaded as CSV from
/// the same rows, so that the two never disagree.
struct OrganiserList {
    /// A query parameter that narrows the list, with its choices ("" for all).
    struct Filter {
        /// One value a filter offers, with its words.
        struct Choice {
            var value: String
            var title: String

            init(_ value: String, _ title: String) {
                self.value = value
                self.title = title
            }
        }

        var name: String
        var label: String
        var choices: [Choice]
        /// The value chosen, one of `choices`.
        var chosen: String

        /// The filter as `request` sets it (`default` when it does not); 400 naming the parameter
        /// for a value it does not offer.
        init(_ name: String, label: String, choices: [Choice], default fallback: String = "", request: Request) throws {
            self.name = name
            self.label = label
            self.choices = choices
            let sent = request.uri.queryParameters.get(name) ?? fallback
            guard choices.contains(where: { $0.value == sent }) else {
                throw HTTPError(.badRequest, message: "query parameter '\(name)': one of \(choices.map { $0.value.isEmpty ? "(empty)" : $0.value }.joined(separator: ", "))")
            }
            chosen = sent
        }
    }

    /// Words typed to narrow the list (`?q=`), matched without regard to case or accents.
    struct Search {
        static let name = "q"
        /// Longer text is refused rather than searched.
        static let limit = 100

        var label: String
        var text: String

        /// The search as `request` sets it; 400 naming the parameter for text over the limit.
        init(label: String, request: Request) throws {
            self.label = label
            text = (request.uri.queryParameters.get(Self.name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count <= Self.limit else {
                throw HTTPError(.badRequest, message: "query parameter '\(Self.name)': at most \(Self.limit) characters")
            }
        }

        /// Whether any of `fields` holds the text (every row matches an empty search).
        func matches(_ fields: [String]) -> Bool {
            text.isEmpty || fields.contains { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
    }

    /// The order of the rows, chosen by `?sort=` and `?order=asc|desc`; each sortable column's
    /// header links to sorting by it, in the other direction when it is the column sorted by.
    struct Sorting {
        /// The `sort` value of each column, nil for a column that does not sort.
        var keys: [String?]
        var chosen: String
        var descending: Bool

        /// The order `request` asks for among `keys` (the first, in its natural direction, when
        /// none); `descendingFirst` lists the keys whose natural order is descending (scores).
        /// 400 naming the parameter for a key or direction it does not offer.
        init(_ keys: [String?], descendingFirst: Set<String>, request: Request) throws {
            self.keys = keys
            let offered = keys.compactMap { $0 }
            let sent = request.uri.queryParameters.get("sort") ?? offered[0]
            guard offered.contains(sent) else {
                throw HTTPError(.badRequest, message: "query parameter 'sort': one of \(offered.joined(separator: ", "))")
            }
            chosen = sent
            switch request.uri.queryParameters.get("order") {
            case nil: descending = descendingFirst.contains(sent)
            case "asc": descending = false
            case "desc": descending = true
            default: throw HTTPError(.badRequest, message: "query parameter 'order': one of asc, desc")
            }
        }
    }

    var title: String
    /// A sentence of counts above the table.
    var summary: String
    var columns: [String]
    var rows: [[String]]
    var filters: [Filter]
    var search: Search?
    var sorting: Sorting?
    /// The number of rows above a line drawn across the table (the shortlist's cut-off), with
    /// the sentence that explains it; nil for no line.
    var line: (after: Int, words: String)?
    /// A sentence under the summary (why there is no line, say).
    var note: String?

    /// The query of the chosen filters and search, without the order ("status=draft").
    private var selection: [String] {
        var chosen = filters.filter { !$0.chosen.isEmpty }.map { "\($0.name)=\(Self.encoded($0.chosen))" }
        if let search, !search.text.isEmpty { chosen.append("\(Search.name)=\(Self.encoded(search.text))") }
        return chosen
    }

    /// The query string of the chosen filters, search and order, for the CSV link ("?status=draft").
    var query: String {
        var chosen = selection
        if let sorting { chosen += ["sort=\(sorting.chosen)", "order=\(sorting.descending ? "desc" : "asc")"] }
        return chosen.isEmpty ? "" : "?" + chosen.joined(separator: "&")
    }

    /// `text` as a query value.
    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    /// The page's context; the list lives at `path`, its CSV at `path.csv`.
    func page(_ identity: Identity, year: Int, path: String) -> [String: Any] {
        var page = Workspace.base(identity, title: title)
        page["year"] = year
        page["summary"] = summary
        page["path"] = path
        page["csv"] = path + ".csv" + query
        page["columns"] = columns.enumerated().map { i, title -> [String: Any] in
            var column: [String: Any] = ["title": title]
            if let sorting, let key = sorting.keys[i] {
                let chosen = key == sorting.chosen
                let order = chosen ? (sorting.descending ? "asc" : "desc") : nil
                column["link"] = path + "?" + (selection + ["sort=\(key)"] + (order.map { ["order=\($0)"] } ?? [])).joined(separator: "&")
                if chosen {
                    column["sorted"] = sorting.descending ? "descending" : "ascending"
                    column["arrow"] = sorting.descending ? "▼" : "▲"
                }
            }
            return column
        }
        page["rows"] = rows.enumerated().map { i, cells -> [String: Any] in
            ["cells": cells, "cut": line.map { $0.after == i + 1 } ?? false]
        }
        page["line"] = line?.words
        page["note"] = note
        if let search { page["search"] = ["name": Search.name, "label": search.label, "text": search.text] }
        page["filters"] = filters.map { filter -> [String: Any] in
            ["name": filter.name, "label": filter.label,
             "choices": filter.choices.map { ["value": $0.value, "title": $0.title, "selected": $0.value == filter.chosen] }]
        }
        return page
    }

    /// The rows as CSV under the column names. A cell that a spreadsheet would take for a
    /// formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return: community names and
    /// reasons come from outside) is prefixed with `'`, so that opening the file runs nothing.
    func csv() -> String {
        func cell(_ text: String) -> String {
            let neutral = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
            return NumberFormat.field(neutral)
        }
        return ([columns] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
