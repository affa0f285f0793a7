import Foundation

/// A coding key for any field name, used to find fields a spec does not know.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

/// Thrown while decoding a spec when a field is not known; turned into an `IndexEngineError`.
struct UnknownSpecField: Error {
    var path: String
    /// The path as steps, to find the field in the document.
    var steps: [JSONFieldLocation.Step]
    var allowed: [String]
}

extension Decoder {
    /// Rejects any field of the current object that is not in `allowed`, so a misspelt
    /// parameter is an error rather than silently ignored.
    func rejectUnknownKeys(_ allowed: [String]) throws {
        let container = try container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw UnknownSpecField(path: fieldPath(codingPath + [key]) ?? key.stringValue, steps: JSONFieldLocation.steps(codingPath + [key]), allowed: allowed)
        }
    }
}

/// Renders a decoding error path as `steps[2].winmax`, or `nil` for the whole document.
///
/// Array positions are written `[i]`; object fields `.name`, even when the name is a number
/// (a dictionary key such as the level `"4"` in `levels.4` carries an `intValue` too).
func fieldPath(_ path: [any CodingKey]) -> String? {
    guard !path.isEmpty else { return nil }
    let text = path.map { key in
        if let index = key.intValue, key.stringValue != String(index) { return "[\(index)]" }
        return "." + key.stringValue
    }.joined()
    return String(text.drop { $0 == "." })
}

extension IndexEngineError {
    /// Converts a JSON decoding failure of the spec in `file` into a located error.
    static func spec(_ error: any Error, file: String) -> IndexEngineError {
        switch error {
        case let error as IndexEngineError:
            return error.located(in: file)
        case let unknown as UnknownSpecField:
            return IndexEngineError(.invalidSpec, unknown.message, file: file, column: unknown.path)
        case let error as DecodingError:
            let problem = JSONInput.problem(error, in: nil)
            return IndexEngineError(.invalidSpec, problem.message, file: file, column: problem.field)
        default:
            return IndexEngineError(.invalidSpec, "\(error)", file: file)
        }
    }
}

extension UnknownSpecField {
    /// What is wrong, in words.
    var message: String { "unknown field; expected one of: \(allowed.joined(separator: ", "))" }
}

extension KeyedDecodingContainer {
    /// Decodes an optional field, or returns `fallback` when it is absent.
    func value<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}

/// Reading and decoding the JSON files the engine takes: build specs and analysis files.
enum SpecFile {
    /// The bytes of the file at `path`; `what` names it in the error.
    static func data(path: String, what: String) throws(IndexEngineError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IndexEngineError(.unreadableFile, "cannot read \(what) (\(error.localizedDescription))", file: path)
        }
    }

    /// Decodes `data` as `type`, turning decoding failures into errors naming the field, or the
    /// line and column of a syntax error.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(IndexEngineError) -> T {
        do {
            return try JSONInput.decode(type, from: data)
        } catch let problem as JSONInput.Problem {
            throw IndexEngineError(.invalidSpec, problem.message, file: file, column: problem.field)
        } catch {
            throw IndexEngineError.spec(error, file: file)
        }
    }
}
