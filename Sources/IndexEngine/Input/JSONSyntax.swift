/// Finds the first syntax error of a JSON document (RFC 8259), with its line and column.
///
/// Foundation's `JSONDecoder` only says that a document "was not valid JSON"; people fixing a
/// file or a request body need to know where. The scan keeps its open containers on an explicit
/// stack, so a hostile document nested a million levels deep costs memory, not the call stack.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the offending character (or of the end of the document).
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int
    /// What was expected or found there.
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }

    /// The first syntax error of `bytes`, or `nil` when they are well-formed JSON.
    public static func first(in bytes: some Collection<UInt8>) -> JSONSyntaxError? {
        var scanner = Scanner(Array(bytes))
        guard let (offset, message) = scanner.firstError() else { return nil }
        return located(offset, message, in: scanner.bytes)
    }

    /// The error `message` at byte `offset`.
    private static func located(_ offset: Int, _ message: String, in bytes: [UInt8]) -> JSONSyntaxError {
        let (line, column) = position(of: offset, in: bytes)
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset` of `bytes`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes of a multi-byte character do not start a column.
                column += 1
            }
        }
        return (line, column)
    }

    private struct Scanner {
        enum Container { case array, object }

        let bytes: [UInt8]
        var i = 0
        var open: [Container] = []
        /// The deepest nesting read as JSON; Foundation's decoder goes no deeper either.
        static let maximumDepth = 512

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            // A UTF-8 byte order mark is tolerated, as Foundation does.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        var current: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
        }

        func unexpected(_ expected: String) -> (Int, String) {
            guard let c = current else { return (i, "the document ends where \(expected) was expected") }
            let shown = c >= 0x21 && c <= 0x7E ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x" + String(c, radix: 16, uppercase: true)
            return (i, "\(expected) was expected, not \(shown)")
        }

        mutating func firstError() -> (Int, String)? {
            skipSpace()
            if current == nil { return (i, "the document is empty") }
            while true {
                // A value is expected here.
                skipSpace()
                guard let c = current else { return unexpected("a value") }
                switch c {
                case UInt8(ascii: "{"):
                    i += 1
                    skipSpace()
                    if current == UInt8(ascii: "}") {
                        i += 1
                    } else {
                        if let error = enter(.object) { return error }
                        if let error = key() { return error }
                        continue
                    }
                case UInt8(ascii: "["):
                    i += 1
                    skipSpace()
                    if current == UInt8(ascii: "]") {
                        i += 1
                    } else {
                        if let error = enter(.array) { return error }
                        continue
                    }
                case UInt8(ascii: "\""):
                    if let error = string() { return error }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if let error = number() { return error }
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    if let error = literal() { return error }
                default:
                    return unexpected("a value")
                }
                // After a value: close containers or move to the next element.
                while true {
                    skipSpace()
                    guard let container = open.last else {
                        return current == nil ? nil : unexpected("the end of the document")
                    }
                    let (close, name): (UInt8, String) = container == .array ? (UInt8(ascii: "]"), "']'") : (UInt8(ascii: "}"), "'}'")
                    if current == close {
                        i += 1
                        open.removeLast()
                        continue
                    }
                    guard current == UInt8(ascii: ",") else { return unexpected("',' or \(name)") }
                    i += 1
                    if container == .object, let error = key() { return error }
                    break
                }
            }
        }

        /// Opens a container, unless that nests the document too deep.
        mutating func enter(_ container: Container) -> (Int, String)? {
            guard open.count < Self.maximumDepth else { return (i - 1, "the document is nested more than \(Self.maximumDepth) levels deep") }
            open.append(container)
            return nil
        }

        /// A member's name and its colon.
        mutating func key() -> (Int, String)? {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { return unexpected("a quoted field name") }
            if let error = string() { return error }
            skipSpace()
            guard current == UInt8(ascii: ":") else { return unexpected("':'") }
            i += 1
            return nil
        }

        mutating func string() -> (Int, String)? {
            let start = i
            i += 1
            while let c = current {
                switch c {
                case UInt8(ascii: "\""):
                    i += 1
                    return nil
                case UInt8(ascii: "\\"):
                    let escape = i
                    i += 1
                    switch current {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                        UInt8(ascii: "r"), UInt8(ascii: "t"):
                        i += 1
                    case UInt8(ascii: "u"):
                        i += 1
                        for _ in 0..<4 {
                            guard let h = current, (h >= 0x30 && h <= 0x39) || (h | 0x20 >= 0x61 && h | 0x20 <= 0x66) else {
                                return (escape + 1, "a \\u escape needs four hexadecimal digits")
                            }
                            i += 1
                        }
                    default:
                        return (escape, "a backslash must start an escape: \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u")
                    }
                case 0x00..<0x20:
                    return (i, "a control character must be escaped inside a string")
                default:
                    i += 1
                }
            }
            return (start, "the string is never closed")
        }

        mutating func number() -> (Int, String)? {
            func digits() -> Bool {
                let start = i
                while let c = current, c >= 0x30 && c <= 0x39 { i += 1 }
                return i > start
            }
            if current == UInt8(ascii: "-") { i += 1 }
            if current == UInt8(ascii: "0") {
                i += 1
            } else if !digits() {
                return unexpected("a digit")
            }
            if current == UInt8(ascii: ".") {
                i += 1
                guard digits() else { return unexpected("a digit after the decimal point") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                i += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
                guard digits() else { return unexpected("a digit of the exponent") }
            }
            return nil
        }

        mutating func literal() -> (Int, String)? {
            for word in ["true", "false", "null"] where bytes[i...].starts(with: word.utf8) {
                i += word.utf8.count
                return nil
            }
            return (i, "true, false or null was expected")
        }
    }
}
