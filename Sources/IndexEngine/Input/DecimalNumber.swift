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
        var scalars = Array(text.unicodeScalars)
        if decimalComma, let comma = scalars.firstIndex(of: ","), !scalars.contains(".") {
            let after = scalars[(comma + 1)...].prefix { ("0"..."9").contains($0) }
            let integer = scalars[..<comma].filter { ("1"..."9").contains($0) }
            if after.count == 3, comma + 4 == scalars.count || !("0"..."9").contains(scalars[comma + 4]), !integer.isEmpty { return nil }
            scalars[comma] = "."
        }
        guard isDecimal(scalars) else { return nil }
        return Double(String(String.UnicodeScalarView(scalars)))
    }

    /// Whether `s` follows `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
    private static func isDecimal(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
            return i - start
        }
        if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
        var count = digits()
        if i < s.count, s[i] == "." {
            i += 1
            count += digits()
        }
        guard count > 0 else { return false }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            i += 1
            if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == s.count
    }
}
