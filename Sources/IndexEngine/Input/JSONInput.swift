import Foundation

/// Decoding the JSON documents people write — build specs, analysis files, a cycle's files, API
/// bodies — with errors that say where: the field at fault, or the line and column of a syntax
/// error.
public enum JSONInput {
    /// Why a JSON document could not be decoded as the value expected.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The field at fault (`steps[2].winmax`), or `nil` for the document as a whole.
        public var field: String?
        /// What is wrong, in words; a syntax error starts with its line and column.
        public var message: String

        public var description: String { field.map { "field '\($0)': \(message)" } ?? message }
    }

    /// Decodes `data` as `type`. Decoding failures are thrown as `Problem`s; errors thrown by a
    /// type's own decoding (its validation) pass through unchanged.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw problem(error, in: data)
        } catch let unknown as UnknownSpecField {
            throw Problem(field: unknown.path, message: located(unknown.message, at: unknown.steps, in: data))
        }
    }

    /// `message` preceded by the line and column of the field at `path` of `data`, when found.
    private static func located(_ message: String, at path: [JSONFieldLocation.Step], in data: Data?) -> String {
        guard let data, let position = JSONFieldLocation.of(path, in: Array(data)) else { return message }
        return "line \(position.line), column \(position.column): " + message
    }

    /// The located problem behind a decoding failure of `data` (`nil` when the document is
    /// known to be well-formed, as one the program encoded itself).
    public static func problem(_ error: DecodingError, in data: Data?) -> Problem {
        switch error {
        case let .keyNotFound(key, context):
            // Located at the object the field is missing from.
            return Problem(field: fieldPath(context.codingPath + [key]), message: located("the field is missing", at: JSONFieldLocation.steps(context.codingPath), in: data))
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            let message = "expected \(Self.name(of: type)): \(context.debugDescription)"
            return Problem(field: fieldPath(context.codingPath), message: located(message, at: JSONFieldLocation.steps(context.codingPath), in: data))
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty, let data, let syntax = JSONSyntaxError.first(in: data) {
                return Problem(field: nil, message: "not valid JSON at \(syntax)")
            }
            if context.codingPath.isEmpty, let data, String(validating: data, as: UTF8.self) == nil {
                return Problem(field: nil, message: "not valid JSON: the text is not UTF-8")
            }
            if context.codingPath.isEmpty {
                // Well-formed JSON that Foundation still refuses: a number too large for its type.
                return Problem(field: nil, message: "a number does not fit its field (too large, or not a whole number where one is expected)")
            }
            return Problem(field: fieldPath(context.codingPath), message: located(context.debugDescription, at: JSONFieldLocation.steps(context.codingPath), in: data))
        @unknown default:
            return Problem(field: nil, message: "\(error)")
        }
    }

    /// A type's name for people: `a number`, `text`, `an object`, …
    private static func name(of type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : String(describing: type).hasPrefix("Dictionary") ? "an object" : "a \(type)"
        }
    }
}
