/// A1-style cell references, as SpreadsheetML names cells.
enum CellReference {
    /// The letters of the zero-based column `index`: A…Z, then AA…AZ, BA… (bijective base 26,
    /// so there is no zero digit: 25 is Z and 26 is AA).
    static func column(_ index: Int) -> String {
        precondition(index >= 0, "a column index is never negative")
        var letters: [Character] = []
        var n = index + 1
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The reference of the cell at zero-based `row` and `column`: `A1` for (0, 0).
    static func cell(row: Int, column: Int) -> String {
        Self.column(column) + String(row + 1)
    }
}
