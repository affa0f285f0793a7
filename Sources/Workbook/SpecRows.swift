import Foundation
import IndexEngine

/// A build spec as key/value rows a person can read: one row per setting, the key the path to
/// it (`steps[5].levels.4.method`), steps numbered from 1 as a person counts them.
enum SpecRows {
    /// The spec's rows, keys sorted within an object and steps in their order. Numbers stay
    /// numbers; `true` and `false` are `TRUE` and `FALSE`, as spreadsheets write them; a list
    /// of plain values (a range, codes) is one row, its values joined by commas; an empty list
    /// or object (no overrides, say) has no row.
    static func table(_ spec: BuildSpec) -> OutputTable {
        var rows: [[OutputTable.Value]] = []
        if let json = try? JSONDecoder().decode(JSON.self, from: spec.canonicalJSON()) { json.flatten(key: "", into: &rows) }
        return OutputTable(header: ["key", "value"], rows: rows)
    }

    /// A JSON value, read back from the spec's canonical JSON.
    private indirect enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSON].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSON].self)) }
        }

        func flatten(key: String, into rows: inout [[OutputTable.Value]]) {
            switch self {
            case .object(let object):
                for name in object.keys.sorted() { object[name]!.flatten(key: key.isEmpty ? name : "\(key).\(name)", into: &rows) }
            case .array(let array):
                let plain = array.compactMap(\.plainText)
                if !array.isEmpty, plain.count == array.count {
                    return rows.append([.text(key), .text(plain.joined(separator: ", "))])
                }
                for (i, element) in array.enumerated() { element.flatten(key: "\(key)[\(i + 1)]", into: &rows) }
            case .number(let n): rows.append([.text(key), .number(n)])
            default: rows.append([.text(key), .text(plainText ?? "")])
            }
        }

        /// A plain value as text; `nil` for a list or an object.
        var plainText: String? {
            switch self {
            case .null: ""
            case .bool(let b): b ? "TRUE" : "FALSE"
            case .number(let n): NumberFormat.csv(n)
            case .string(let s): s
            case .array, .object: nil
            }
        }
    }
}
