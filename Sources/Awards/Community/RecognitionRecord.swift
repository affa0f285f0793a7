import Foundation
import IndexEngine

/// The public record of recognitions, read from `recognitions.csv`.
///
/// Columns: `award_year`, `stage` (`smart21`, `top7`, `community_of_the_year`), `community`,
/// `country`, and optionally `announced` and `source`.
public enum RecognitionRecord {
    /// Reads the record at `path`.
    public static func read(path: String) throws(AwardsError) -> [Recognition] {
        let table: CSVTable
        do {
            table = try CSVTable.read(path: path)
        } catch {
            throw AwardsError(.unreadableFile, error.message, file: error.file ?? path, row: error.row, field: error.column)
        }
        return try parse(table)
    }

    /// Reads a record from a parsed table.
    public static func parse(_ table: CSVTable) throws(AwardsError) -> [Recognition] {
        func column(_ name: String) throws(AwardsError) -> Int {
            guard let index = table.columnIndex(name) else {
                throw AwardsError(.invalidValue, "the required column is missing", file: table.name, row: 1, field: name)
            }
            return index
        }
        let (year, stage, community, country) = (try column("award_year"), try column("stage"), try column("community"), try column("country"))
        let announced = table.columnIndex("announced"), source = table.columnIndex("source")
        var seen: [Recognition: Int] = [:]
        var result: [Recognition] = []
        for (fields, row) in zip(table.rows, table.rowNumbers) {
            func text(_ i: Int, _ name: String) throws(AwardsError) -> String {
                let value = fields[i].trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { throw AwardsError(.invalidValue, "the \(name) is empty", file: table.name, row: row, field: name) }
                return value
            }
            guard let y = Int(fields[year].trimmingCharacters(in: .whitespaces)), (1990...2100).contains(y) else {
                throw AwardsError(.invalidValue, "'\(fields[year])' is not an award year", file: table.name, row: row, field: "award_year")
            }
            guard let s = AwardStage(rawValue: fields[stage].trimmingCharacters(in: .whitespaces)) else {
                throw AwardsError(.invalidValue, "'\(fields[stage])' is not a stage; expected smart21, top7 or community_of_the_year", file: table.name, row: row, field: "stage")
            }
            let recognition = Recognition(
                awardYear: y, stage: s, community: try text(community, "community"), country: try text(country, "country"),
                announced: announced.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 },
                source: source.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 })
            var key = recognition
            key.announced = nil
            key.source = nil
            if let first = seen[key] {
                throw AwardsError(.duplicate, "\(recognition.community) is recorded at \(s.title) \(y) twice (first on row \(first))", file: table.name, row: row)
            }
            seen[key] = row
            result.append(recognition)
        }
        return result
    }
}

