/// How numbers are written to output files: shortest text that reads back to the same double.
public enum NumberFormat {
    /// The CSV text of a value; missing values are `NA`, as COINr writes them.
    public static func csv(_ value: Double) -> String {
        var text = ""
        appendCSV(value, to: &text)
        return text
    }

    /// Appends the CSV text of `value` to `text`, as `csv(_:)` writes it.
    public static func appendCSV(_ value: Double, to text: inout String) {
        if !value.isFinite {
            text.append("NA")
        } else if value == value.rounded(), abs(value) < 1e15 {
            text.append(String(Int64(value)))
        } else {
            value.write(to: &text)
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
