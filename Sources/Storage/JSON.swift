import Awards
import Foundation
import IndexEngine

/// Canonical JSON for stored domain values: sorted keys, so equal values give equal text.
enum JSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try CanonicalJSON.encoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw AwardsError(.storage, "a stored \(type) cannot be read (\(error))")
        }
    }
}
