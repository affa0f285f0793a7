/// Reading single CSV cells as numbers, codes and optional text.
enum Cell {
    /// The spellings of a missing value.
    static func isMissing(_ text: String) -> Bool {
        text.isEmpty || text == "NA" || text == "N/A" || text == "na"
    }

    /// Parses a numeric cell: missing cells give NaN; text, NaN and infinities are errors.
    static func number(_ raw: String, file: String, row: Int, column: String) throws(IndexEngineError) -> Double {
        let text = raw.trimmingSpaces
        if isMissing(text) { return .nan }
        func nonFinite() -> IndexEngineError {
            IndexEngineError(.nonFinite, "'\(raw)' is not a finite number (use NA or an empty cell for a missing value)", file: file, row: row, column: column)
        }
        guard let value = DecimalNumber.parse(text) else {
            if ["nan", "inf", "infinity"].contains(String(text.lowercased().drop { $0 == "+" || $0 == "-" })) { throw nonFinite() }
            throw IndexEngineError(.nonNumeric, "'\(raw)' is not a number", file: file, row: row, column: column)
        }
        guard value.isFinite else { throw nonFinite() }
        return value
    }

    /// Parses an optional numeric cell, `nil` when missing.
    static func optionalNumber(_ raw: String, file: String, row: Int, column: String) throws(IndexEngineError) -> Double? {
        let value = try number(raw, file: file, row: row, column: column)
        return value.isNaN ? nil : value
    }

    /// Parses an optional logical cell as R writes one (`TRUE`, `FALSE`, `T`, `F`, also in
    /// lower or title case), `nil` when missing; anything else is an error.
    static func optionalFlag(_ raw: String, file: String, row: Int, column: String) throws(IndexEngineError) -> Bool? {
        let text = raw.trimmingSpaces
        if isMissing(text) { return nil }
        switch text {
        case "TRUE", "True", "true", "T": return true
        case "FALSE", "False", "false", "F": return false
        default: throw IndexEngineError(.invalidParameter, "'\(raw)' is not TRUE or FALSE", file: file, row: row, column: column)
        }
    }

    /// Parses an optional text cell, `nil` when missing.
    static func text(_ raw: String) -> String? {
        let text = raw.trimmingSpaces
        return isMissing(text) ? nil : text
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        // Nearly every cell has no space to trim: then the text is returned as it is, not copied.
        guard let head = utf8.first, let tail = utf8.last, head == 0x20 || head == 0x09 || tail == 0x20 || tail == 0x09 else { return self }
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = lastIndex(where: { $0 != " " && $0 != "\t" }) ?? first
        return String(self[first...last])
    }
}
