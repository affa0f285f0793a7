/// Quoted-printable encoding (RFC 2045) of UTF-8 text, for message bodies.
///
/// Line breaks of any kind (CRLF, CR, LF) become CRLF hard breaks; every byte outside printable
/// ASCII, `=`, and a space or tab at the end of a line is written `=XX`; lines longer than 76
/// characters are broken with soft breaks (`=` at the end).
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Substring($0)) }.joined(separator: "\r\n")
    }

    private static let hex = Array("0123456789ABCDEF")

    private static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var tokens: [String] = []
        for (index, byte) in bytes.enumerated() {
            let last = index == bytes.count - 1
            let plain = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last)
            tokens.append(plain ? String(UnicodeScalar(byte)) : "=" + String([hex[Int(byte >> 4)], hex[Int(byte & 15)]]))
        }
        // Soft breaks keep each encoded line within 76 characters, never inside an =XX.
        var output = ""
        var width = 0
        for token in tokens {
            if width + token.count > 75 {
                output += "=\r\n"
                width = 0
            }
            output += token
            width += token.count
        }
        return output
    }
}
