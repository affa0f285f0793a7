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

        /// The filter as `request` sets it; 400 naming the parameter for a value it does not offer.
        init(_ name: String, label: String, choices: [Choice], request: Request) throws {
            self.name = name
            self.label = label
            self.choices = choices
            let sent = request.uri.queryParameters.get(name) ?? ""
            guard choices.contains(where: { $0.value == sent }) else {
                throw HTTPError(.badRequest, message: "query parameter '\(name)': one of \(choices.map { $0.value.isEmpty ? "(empty)" : $0.value }.joined(separator: ", "))")
            }
            chosen = sent
        }
    }

    var title: String
    /// A sentence of counts above the table.
    var summary: String
    var columns: [String]
    var rows: [[String]]
    var filters: [Filter]

    /// The query string of the chosen filters, for the CSV link ("?status=draft").
    var query: String {
        let chosen = filters.filter { !$0.chosen.isEmpty }.map { "\($0.name)=\($0.chosen)" }
        return chosen.isEmpty ? "" : "?" + chosen.joined(separator: "&")
    }

    /// The page's context; the list lives at `path`, its CSV at `path.csv`.
    func page(_ identity: Identity, year: Int, path: String) -> [String: Any] {
        var page = Workspace.base(identity, title: title)
        page["year"] = year
        page["summary"] = summary
        page["path"] = path
        page["csv"] = path + ".csv" + query
        page["columns"] = columns
        page["rows"] = rows.map { ["cells": $0] }
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
