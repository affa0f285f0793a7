import Foundation
import Testing
@testable import IndexEngine

@Suite("CSV parsing")
struct CSVTableTests {
    @Test("quoted fields hold commas, doubled quotes and line breaks; rows remember their lines")
    func quotedFields() throws {
        let text = "code,name,note\n\"A\",\"Alpha, the first\",\"say \"\"hi\"\"\"\nB,\"two\nlines\",x\n\nC,Gamma,\n"
        let table = try CSVTable.parse(text, name: "t.csv")
        #expect(table.name == "t.csv")
        #expect(table.header == ["code", "name", "note"])
        #expect(table.rows == [
            ["A", "Alpha, the first", "say \"hi\""],
            ["B", "two\nlines", "x"],
            ["C", "Gamma", ""],
        ])
        // B starts on line 3 and spans line 4; line 5 is blank; C is on line 6.
        #expect(table.rowNumbers == [2, 3, 6])
    }

    @Test("a byte-order mark, CRLF line ends and a missing final newline are accepted")
    func bomAndCRLF() throws {
        let table = try CSVTable.parse("\u{FEFF}a,b\r\n1,2\r\n3,\"4\"", name: "t.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "2"], ["3", "4"]])
        #expect(table.rowNumbers == [2, 3])
        #expect(table.columnIndex("b") == 1)
        #expect(table.columnIndex("c") == nil)
    }

    @Test("an empty quoted field is a field, and a trailing comma gives an empty last field")
    func emptyFields() throws {
        let table = try CSVTable.parse("a,b,c\n\"\",,\n", name: "t.csv")
        #expect(table.rows == [["", "", ""]])
    }

    @Test("a quoted field that is never closed names the line it starts on and its column")
    func unclosedQuote() {
        expectEngineError(.malformedCSV, file: "t.csv", row: 3, column: "b", messageContains: "not closed") {
            _ = try CSVTable.parse("a,b\n1,2\n3,\"4\n5,6\n", name: "t.csv")
        }
    }

    @Test("a quote inside an unquoted field names its line and column")
    func strayQuote() {
        expectEngineError(.malformedCSV, file: "t.csv", row: 3, column: "b", messageContains: "inside an unquoted field") {
            _ = try CSVTable.parse("a,b\n1,2\n3,4\"5\n", name: "t.csv")
        }
    }

    @Test("text after a closing quote names its line and column")
    func textAfterClosingQuote() {
        expectEngineError(.malformedCSV, file: "t.csv", row: 2, column: "a", messageContains: "follows a closing quote") {
            _ = try CSVTable.parse("a,b\n\"1\"x,2\n", name: "t.csv")
        }
    }

    @Test("a stray quote in the header names row 1")
    func strayQuoteInHeader() {
        expectEngineError(.malformedCSV, file: "t.csv", row: 1, column: nil) {
            _ = try CSVTable.parse("a,b\"c\n1,2\n", name: "t.csv")
        }
    }

    @Test("a row with too many or too few fields names its row")
    func wrongFieldCount() {
        expectEngineError(.malformedCSV, file: "t.csv", row: 3, column: nil, messageContains: "3 fields but the header has 2") {
            _ = try CSVTable.parse("a,b\n1,2\n1,2,3\n", name: "t.csv")
        }
        expectEngineError(.malformedCSV, file: "t.csv", row: 4, column: nil, messageContains: "1 fields but the header has 2") {
            _ = try CSVTable.parse("a,b\n1,2\n\n5\n", name: "t.csv")
        }
    }

    @Test("an empty file, or one of blank lines only, is an error", arguments: ["", "\n\n", "\u{FEFF}", "\r\n"])
    func emptyFile(_ text: String) {
        expectEngineError(.malformedCSV, file: "t.csv", row: nil, column: nil, messageContains: "empty") {
            _ = try CSVTable.parse(text, name: "t.csv")
        }
    }

    @Test("a header naming a column twice names the column")
    func duplicateHeader() {
        expectEngineError(.duplicateCode, file: "t.csv", row: 1, column: "b") {
            _ = try CSVTable.parse("a,b,c,b\n1,2,3,4\n", name: "t.csv")
        }
    }

    @Test("an empty header name is an error on row 1", arguments: ["a,,c\n1,2,3\n", "a,b,\n1,2,3\n", "\"\",b\n1,2\n"])
    func emptyHeaderName(_ text: String) {
        expectEngineError(.malformedCSV, file: "t.csv", row: 1, column: nil, messageContains: "empty column name") {
            _ = try CSVTable.parse(text, name: "t.csv")
        }
    }

    @Test("reading a missing file, or one that is not UTF-8, is an unreadable-file error")
    func unreadable() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let missing = dir + "/nope.csv"
            expectEngineError(.unreadableFile, file: missing, row: nil, column: nil) {
                _ = try CSVTable.read(path: missing)
            }
            let latin1 = dir + "/latin1.csv"
            try Data([0x61, 0x2C, 0x62, 0x0A, 0xE9, 0x2C, 0x31, 0x0A]).write(to: URL(fileURLWithPath: latin1))
            expectEngineError(.unreadableFile, file: latin1, row: nil, column: nil, messageContains: "UTF-8") {
                _ = try CSVTable.read(path: latin1)
            }
        }
    }

    @Test("requireColumn names the missing column on row 1")
    func requireColumn() throws {
        let table = try CSVTable.parse("a,b\n1,2\n", name: "t.csv")
        #expect(try table.requireColumn("b") == 1)
        expectEngineError(.missingColumn, file: "t.csv", row: 1, column: "zz") {
            _ = try table.requireColumn("zz")
        }
    }

    @Test("cells: NA, N/A, na and empty are missing; NaN and infinities are errors; text is not a number")
    func cells() throws {
        for missing in ["", "NA", "N/A", "na", "  ", " NA "] {
            #expect(try Cell.number(missing, file: "f", row: 2, column: "c").isNaN, "'\(missing)' is missing")
            #expect(try Cell.optionalNumber(missing, file: "f", row: 2, column: "c") == nil)
            #expect(Cell.text(missing) == nil)
        }
        #expect(try Cell.number(" 1.5 ", file: "f", row: 2, column: "c") == 1.5)
        #expect(try Cell.number("-2e3", file: "f", row: 2, column: "c") == -2000)
        #expect(Cell.text("  x y\t") == "x y")
        for bad in ["NaN", "nan", "Inf", "-Inf", "inf", "infinity", "1e999"] {
            expectEngineError(.nonFinite, file: "f", row: 7, column: "c") {
                _ = try Cell.number(bad, file: "f", row: 7, column: "c")
            }
        }
        for bad in ["abc", "1,5", "12%", "--1", "1 2"] {
            expectEngineError(.nonNumeric, file: "f", row: 7, column: "c") {
                _ = try Cell.number(bad, file: "f", row: 7, column: "c")
            }
        }
    }
}
