/// Where a field of a well-formed JSON document is written: the line and column at which its
/// value starts.
///
/// A decoding failure names the field at fault by its path (`steps[4].method`); in a long spec
/// or request body people also want the line to go to. The walk follows the path only, skipping
/// every other value without building it, and keeps no stack of its own beyond the path's depth.
enum JSONFieldLocation {
    /// One step of a path: a member of an object by name, or an element of an array by position.
    struct Step: Sendable, Equatable {
        var name: String
        var index: Int?
    }

    /// The steps of a decoding path.
    static func steps(_ path: [any CodingKey]) -> [Step] {
        path.map { Step(name: $0.stringValue, index: $0.intValue) }
    }

    /// The line and column (1-based, columns in Unicode scalars) of the value at `path` in
    /// `bytes`, or of the deepest enclosing value the document has (for a member that is missing).
    static func of(_ path: [Step], in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var walk = Walk(bytes: bytes)
        guard let offset = walk.find(path[...]) else { return nil }
        return JSONSyntaxError.position(of: offset, in: bytes)
    }

    private struct Walk {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        var current: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
        }

        /// The offset of the value at `path` below the value at `i`, or of the value at `i` when
        /// the path leaves the document (a missing member, an index past the end).
        mutating func find(_ path: ArraySlice<Step>) -> Int? {
            skipSpace()
            let start = i
            guard let step = path.first else { return start }
            switch current {
            case UInt8(ascii: "{"):
                i += 1
                while true {
                    skipSpace()
                    guard current == UInt8(ascii: "\"") else { return start }
                    let key = string()
                    skipSpace()
                    guard current == UInt8(ascii: ":") else { return nil }
                    i += 1
                    if key == step.name { return find(path.dropFirst()) }
                    guard skipValue() else { return nil }
                    skipSpace()
                    guard current == UInt8(ascii: ",") else { return start }
                    i += 1
                }
            case UInt8(ascii: "["):
                guard let index = step.index else { return start }
                i += 1
                var n = 0
                while true {
                    skipSpace()
                    if current == UInt8(ascii: "]") { return start }
                    if n == index { return find(path.dropFirst()) }
                    guard skipValue() else { return nil }
                    skipSpace()
                    guard current == UInt8(ascii: ",") else { return start }
                    i += 1
                    n += 1
                }
            default:
                return start
            }
        }

        /// Reads a string at `i` and returns its text (escapes other than `\"` and `\\` kept as written).
        mutating func string() -> String {
            i += 1
            var text: [UInt8] = []
            while let c = current, c != UInt8(ascii: "\"") {
                if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    i += 1
                    let next = bytes[i]
                    if next != UInt8(ascii: "\"") && next != UInt8(ascii: "\\") { text.append(c) }
                }
                text.append(bytes[i])
                i += 1
            }
            i += 1
            return String(decoding: text, as: UTF8.self)
        }

        /// Skips the value at `i`, containers included; `false` if the document ends first.
        mutating func skipValue() -> Bool {
            skipSpace()
            var depth = 0
            repeat {
                guard let c = current else { return false }
                switch c {
                case UInt8(ascii: "\""): _ = string()
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; i += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; i += 1
                default:
                    if depth == 0 {
                        // A number or a word: up to the next delimiter.
                        while let c = current, !",}] \t\r\n".utf8.contains(c) { i += 1 }
                    } else {
                        i += 1
                    }
                }
            } while depth > 0
            return true
        }
    }
}
