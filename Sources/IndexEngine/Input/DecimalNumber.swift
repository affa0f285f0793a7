/// Reading numbers as people and data files write them: decimal notation, nothing else.
///
/// Swift's `Double(String)` also reads hexadecimal (`0x10` is 16), `nan`, `inf` and
/// `infinity`; a questionnaire answer, a rubric score or a CSV cell written that way is a
/// mistake to report, not a value to store.
public enum DecimalNumber {
    /// `text` as a number — an optional sign, digits with at most one decimal point, and an
    /// optional exponent (`-12`, `0.5`, `.5`, `3.`, `1e-05`, `2.5E3`) — or `nil`.
    ///
    /// With `decimalComma`, a comma may stand for the decimal point, as many countries write it
    /// (`2,5`), unless it is followed by exactly three digits: `1,000` could be a thousand or one,
    /// and is refused rather than guessed.
    public static func parse(_ text: String, decimalComma: Bool = false) -> Double? {
        if !decimalComma || !text.utf8.contains(UInt8(ascii: ",")) {
            // The common case, checked on the UTF-8 bytes without copying them.
            return isDecimal(text.utf8) ? Double(text) : nil
        }
        var scalars = Array(text.unicodeScalars)
        // Here a comma may stand for the decimal point; the fast path above took every other case.
        if let comma = scalars.firstIndex(of: ","), !scalars.contains(".") {
            let after = scalars[(comma + 1)...].prefix { ("0"..."9").contains($0) }
            let integer = scalars[..<comma].filter { ("1"..."9").contains($0) }
            if after.count == 3, comma + 4 == scalars.count || !("0"..."9").contains(scalars[comma + 4]), !integer.isEmpty { return nil }
            scalars[comma] = "."
        }
        let decimal = String(String.UnicodeScalarView(scalars))
        return isDecimal(decimal.utf8) ? Double(decimal) : nil
    }

    /// Whether the bytes `s` follow `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
    private static func isDecimal(_ s: String.UTF8View) -> Bool {
        var i = s.startIndex
        func at(_ a: UInt8, _ b: UInt8) -> Bool { i < s.endIndex && (s[i] == a || s[i] == b) }
        func digits() -> Int {
            var count = 0
            while i < s.endIndex, (0x30...0x39).contains(s[i]) { s.formIndex(after: &i); count += 1 }
            return count
        }
        if at(0x2B, 0x2D) { s.formIndex(after: &i) }
        var count = digits()
        if at(0x2E, 0x2E) {
            s.formIndex(after: &i)
            count += digits()
        }
        guard count > 0 else { return false }
        if at(0x65, 0x45) {
            s.formIndex(after: &i)
            if at(0x2B, 0x2D) { s.formIndex(after: &i) }
            guard digits() > 0 else { return false }
        }
        return i == s.endIndex
    }
}
