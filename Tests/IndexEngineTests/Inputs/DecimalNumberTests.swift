import Testing
@testable import IndexEngine

/// Numbers as people and data files write them: decimal notation only.
@Suite("Decimal numbers")
struct DecimalNumberTests {
    @Test("decimal notation is read", arguments: [
        ("12", 12.0), ("-12", -12), ("+3", 3), ("0.5", 0.5), (".5", 0.5), ("3.", 3), ("1e-05", 0.00001), ("2.5E3", 2500), ("-0", 0), ("1e300", 1e300),
    ])
    func read(_ text: String, value: Double) {
        #expect(DecimalNumber.parse(text) == value)
    }

    @Test("what Swift's Double(String) would also take is refused", arguments: [
        "0x10", "0x5", "0x1p3", "nan", "NaN", "inf", "-Infinity", "infinity", "1_000", "1 000", "", "-", ".", "e5", "1e", "1e+", "1.2.3", "١٢", "１２", "12abc",
    ])
    func refused(_ text: String) {
        #expect(DecimalNumber.parse(text) == nil)
        #expect(DecimalNumber.parse(text, decimalComma: true) == nil)
    }

    @Test("a decimal comma is read in forms, but a comma before exactly three digits is ambiguous")
    func decimalComma() {
        #expect(DecimalNumber.parse("2,5", decimalComma: true) == 2.5)
        #expect(DecimalNumber.parse("0,125", decimalComma: true) == 0.125, "no thousands before it")
        #expect(DecimalNumber.parse("12,25", decimalComma: true) == 12.25)
        #expect(DecimalNumber.parse("1,000", decimalComma: true) == nil, "a thousand, or one?")
        #expect(DecimalNumber.parse("1,000e2", decimalComma: true) == nil)
        #expect(DecimalNumber.parse("1,5", decimalComma: false) == nil, "files use the decimal point")
        #expect(DecimalNumber.parse("1,000.5", decimalComma: true) == nil)
        #expect(DecimalNumber.parse("1,2,3", decimalComma: true) == nil)
    }

    @Test("a CSV cell in hexadecimal or as a word is an error naming its place")
    func cells() throws {
        #expect(throws: IndexEngineError.self) { try Cell.number("0x10", file: "values.csv", row: 3, column: "Broadband") }
        #expect(throws: IndexEngineError.self) { try Cell.number("inf", file: "values.csv", row: 3, column: "Broadband") }
        #expect(try Cell.number("NA", file: "values.csv", row: 3, column: "Broadband").isNaN)
    }
}
