import Foundation
import IndexEngine

/// Nominations read from a CSV file, one row per nomination.
///
/// Columns: `id`, `community`, `country`, `region`, `year`, and optionally `state` (draft,
/// submitted, withdrawn; submitted by default), `opt_out` (true/false), `evidence` (web
/// addresses separated by spaces); every other column is a question id of the cycle, holding the
/// answer (a number within the question's range for a data-point question, text for a narrative
/// one; empty for no answer).
public enum NominationTable {
    /// Reads nominations from `table` against the questions of `cycle`.
    public static func parse(_ table: CSVTable, cycle: Cycle) throws(AwardsError) -> [Nomination] {
        func column(_ name: String) throws(AwardsError) -> Int {
            guard let i = table.columnIndex(name) else {
                throw AwardsError(.invalidValue, "the required column is missing", file: table.name, row: 1, field: name)
            }
            return i
        }
        let (id, community, country, region, year) = (try column("id"), try column("community"), try column("country"), try column("region"), try column("year"))
        let state = table.columnIndex("state"), optOut = table.columnIndex("opt_out"), evidence = table.columnIndex("evidence")
        let fixed: Set<String> = ["id", "community", "country", "region", "year", "state", "opt_out", "evidence"]
        let questions = Dictionary(uniqueKeysWithValues: cycle.questions.map { ($0.id, $0) })
        for name in table.header where !fixed.contains(name) && questions[name] == nil {
            throw AwardsError(.unknownReference, "'\(name)' is not a question of the \(cycle.year) cycle", file: table.name, row: 1, field: name)
        }
        var result: [Nomination] = []
        for (fields, row) in zip(table.rows, table.rowNumbers) {
            func text(_ i: Int, _ name: String) throws(AwardsError) -> String {
                let value = fields[i].trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { throw AwardsError(.invalidValue, "the \(name) is empty", file: table.name, row: row, field: name) }
                return value
            }
            guard let y = Int(fields[year].trimmingCharacters(in: .whitespaces)) else {
                throw AwardsError(.invalidValue, "'\(fields[year])' is not a year", file: table.name, row: row, field: "year")
            }
            var nomination = Nomination(
                id: try text(id, "id"), community: try text(community, "community"), country: try text(country, "country"),
                region: try text(region, "region"), year: y, state: .submitted)
            if let state, !fields[state].isEmpty {
                guard let s = Nomination.State(rawValue: fields[state].trimmingCharacters(in: .whitespaces)) else {
                    throw AwardsError(.invalidValue, "'\(fields[state])' is not a state; expected draft, submitted or withdrawn", file: table.name, row: row, field: "state")
                }
                nomination.state = s
            }
            if let optOut, !fields[optOut].isEmpty {
                switch fields[optOut].lowercased() {
                case "true", "yes", "1": nomination.optOut = true
                case "false", "no", "0": nomination.optOut = false
                default: throw AwardsError(.invalidValue, "'\(fields[optOut])' is not true or false", file: table.name, row: row, field: "opt_out")
                }
            }
            if let evidence { nomination.evidence = fields[evidence].split(separator: " ").map(String.init) }
            for (i, name) in table.header.enumerated() where !fixed.contains(name) {
                let raw = fields[i].trimmingCharacters(in: .whitespaces)
                guard !raw.isEmpty, let question = questions[name] else { continue }
                if question.isQuantitative {
                    guard let value = DecimalNumber.parse(raw) else {
                        throw AwardsError(.invalidValue, "'\(raw)' is not a number", file: table.name, row: row, field: name)
                    }
                    if let problem = question.problem(with: value) {
                        throw AwardsError(problem.kind, problem.message, file: table.name, row: row, field: name)
                    }
                    nomination.answers[name] = .number(value == 0 ? 0 : value)
                } else {
                    nomination.answers[name] = .text(raw)
                }
            }
            result.append(nomination)
        }
        return result
    }
}
