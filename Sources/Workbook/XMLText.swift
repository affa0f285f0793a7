/// Text as it may stand in a SpreadsheetML part.
enum XMLText {
    /// `text` escaped for element content and attribute values, with every character XML 1.0
    /// forbids dropped: the control characters other than tab, line feed and carriage return,
    /// and U+FFFE and U+FFFF (no parser would read the part otherwise).
    ///
    /// Excel also reads `_xHHHH_` in a cell's text as the character U+HHHH, so a literal
    /// `_xHHHH_` has its underscore written as `_x005F_`, and reads back as written.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "_" where startsExcelEscape(scalars, at: i): out += "_x005F_"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` in a document (Swift strings hold no lone surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xFFFD: true
        case 0x10000...: true
        default: false
        }
    }

    /// Whether `_xHHHH_` (four hexadecimal digits) starts at `i`.
    private static func startsExcelEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
