import Awards
import Foundation
import IndexEngine

/// What an audit entry changed, in words for the log's page: the fields whose values differ
/// between the stored before and after, each "field: old → new", rather than the raw JSON.
enum AuditChange {
    /// The longest value shown before it is cut with "…".
    static let longestValue = 80

    /// The changed fields of `entry`, in field order. A creation lists the fields it set (from
    /// "—"), a removal the fields it cleared; a record that is not a JSON object shows as one
    /// `value` field.
    static func fields(_ entry: AuditEntry) -> [(field: String, before: String, after: String)] {
        let before = entry.before.map(record) ?? [:]
        let after = entry.after.map(record) ?? [:]
        return Set(before.keys).union(after.keys).sorted().compactMap { key in
            guard before[key] != after[key] else { return nil }
            return (key, before[key].map(\.text) ?? "—", after[key].map(\.text) ?? "—")
        }
    }

    /// The top-level fields of a stored record; text that is not JSON as a single `value`.
    private static func record(_ json: String) -> [String: Value] {
        guard let value = try? JSONDecoder().decode(Value.self, from: Data(json.utf8)) else { return ["value": .string(json)] }
        if case let .object(fields) = value { return fields }
        return ["value": value]
    }

    /// A JSON value, compared and shown without caring how it was spelled.
    private indirect enum Value: Codable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let array = try? container.decode([Value].self) {
                self = .array(array)
            } else {
                self = .object(try container.decode([String: Value].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case let .bool(b): try container.encode(b)
            case let .number(n): try container.encode(n)
            case let .string(s): try container.encode(s)
            case let .array(a): try container.encode(a)
            case let .object(o): try container.encode(o)
            }
        }

        /// The value as people read it: text as it is, numbers plainly, lists and records as
        /// compact JSON with sorted keys, cut when long.
        var text: String {
            let whole: String
            switch self {
            case .null: whole = "none"
            case let .bool(b): whole = b ? "true" : "false"
            case let .number(n): whole = NumberFormat.csv(n)
            case let .string(s): whole = s
            case .array, .object:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                whole = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            return whole.count > AuditChange.longestValue ? String(whole.prefix(AuditChange.longestValue - 1)) + "…" : whole
        }
    }
}
