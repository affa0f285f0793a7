import Foundation

/// A parsed CSV file: a header and data rows, each row remembering its line in the file.
///
/// Fields follow RFC 4180: separated by commas, optionally quoted with `"`, a doubled quote inside
/// quotes stands for one quote, and quoted fields may contain commas and line breaks.
public struct CSVTable: Sendable {
    /// The name used in error messages (usually the file's path).
    public let name: String
    /// The header fields.
    public let header: [String]
    /// The data rows; each has exactly as many fields as the header.
    public let rows: [[String]]
    /// For each data row, its 1-based row number in the file (the header is row 1).
    public let rowNumbers: [Int]

    /// Reads and parses the CSV file at `path`.
    public static func read(path: String) throws(IndexEngineError) -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IndexEngineError(.unreadableFile, "cannot read the file (\(error.localizedDescription))", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw IndexEngineError(.unreadableFile, "the file is not valid UTF-8 text", file: path)
        }
        return try parse(text, name: path)
    }

    /// Parses CSV text; `name` is used in error messages.
    public static func parse(_ text: String, name: String) throws(IndexEngineError) -> CSVTable {
        var records: [[String]] = []
        var recordRows: [Int] = []
        var field: [UInt8] = []
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordStart = 1
        var fieldWasQuoted = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        /// The header name of the field being read, once the header is known.
        func currentColumn() -> String? {
            guard let header = records.first, record.count < header.count else { return nil }
            return header[record.count]
        }
        func endRecord() {
            endField()
            // A line holding nothing at all is skipped rather than read as one empty field.
            if !(record.count == 1 && record[0].isEmpty) {
                records.append(record)
                recordRows.append(recordStart)
            }
            record.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let byte = bytes[i]
            if inQuotes {
                if byte == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case quote:
                    if !field.isEmpty || fieldWasQuoted {
                        throw IndexEngineError(.malformedCSV, "a quote appears inside an unquoted field", file: name, row: line, column: currentColumn())
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                case comma:
                    endField()
                case newline:
                    endRecord()
                    line += 1
                    recordStart = line
                case cr:
                    break
                default:
                    if fieldWasQuoted {
                        throw IndexEngineError(.malformedCSV, "text follows a closing quote", file: name, row: line, column: currentColumn())
                    }
                    field.append(byte)
                }
            }
            i += 1
        }
        if inQuotes {
            throw IndexEngineError(.malformedCSV, "a quoted field is not closed", file: name, row: recordStart, column: currentColumn())
        }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { endRecord() }

        guard let header = records.first else {
            throw IndexEngineError(.malformedCSV, "the file is empty: a header row is expected", file: name)
        }
        var seen: Set<String> = []
        for column in header {
            if column.isEmpty {
                throw IndexEngineError(.malformedCSV, "the header has an empty column name", file: name, row: 1)
            }
            if !seen.insert(column).inserted {
                throw IndexEngineError(.duplicateCode, "the header names this column twice", file: name, row: 1, column: column)
            }
        }
        for (index, fields) in records.enumerated().dropFirst() where fields.count != header.count {
            throw IndexEngineError(
                .malformedCSV,
                "the row has \(fields.count) fields but the header has \(header.count)",
                file: name, row: recordRows[index])
        }
        return CSVTable(name: name, header: header, rows: Array(records.dropFirst()), rowNumbers: Array(recordRows.dropFirst()))
    }

    /// The index of `column` in the header, if present.
    public func columnIndex(_ column: String) -> Int? {
        header.firstIndex(of: column)
    }

    /// The index of `column`, or an error naming the file and the missing column.
    public func requireColumn(_ column: String) throws(IndexEngineError) -> Int {
        guard let index = columnIndex(column) else {
            throw IndexEngineError(.missingColumn, "the required column is missing", file: name, row: 1, column: column)
        }
        return index
    }
}
