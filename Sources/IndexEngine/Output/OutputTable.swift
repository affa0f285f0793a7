/// One output table — a header and rows of typed values — that every result format writes:
/// the CSV files as text, the workbook as cells. Building the rows once keeps the formats in
/// step: a column added to one appears in the other.
public struct OutputTable: Sendable, Equatable {
    /// One field of a row.
    public enum Value: Sendable, Equatable {
        /// Text, written as it is (quoted in CSV when it must be).
        case text(String)
        /// A number; not finite means missing (`NA` in CSV, an empty cell in a workbook).
        case number(Double)

        /// A whole number, as a `number`.
        public static func count(_ n: Int) -> Value { .number(Double(n)) }

        /// A missing value of any column, numbers or text: `NA` in CSV, an empty cell in a workbook.
        public static let missing = Value.number(.nan)
    }

    /// The column names.
    public var header: [String]
    /// The rows, each as long as the header.
    public var rows: [[Value]]

    /// A table of `header` and `rows`.
    public init(header: [String], rows: [[Value]]) {
        self.header = header
        self.rows = rows
    }

    /// The table as CSV: every line ended by a newline, numbers as `NumberFormat.csv` writes them.
    public var csv: String {
        var out = ""
        out.reserveCapacity((rows.count + 1) * (header.count + 1) * 16)
        for (i, name) in header.enumerated() {
            if i > 0 { out.append(",") }
            out.append(NumberFormat.field(name))
        }
        out.append("\n")
        for row in rows {
            for (i, value) in row.enumerated() {
                if i > 0 { out.append(",") }
                switch value {
                case .text(let text): out.append(NumberFormat.field(text))
                case .number(let number): NumberFormat.appendCSV(number, to: &out)
                }
            }
            out.append("\n")
        }
        return out
    }
}
