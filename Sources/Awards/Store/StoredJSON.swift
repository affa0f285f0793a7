import Foundation
import IndexEngine

/// Domain values as the stores keep them: canonical JSON (sorted keys), so that equal values
/// give equal text in every store and in the audit log's before and after.
public enum StoredJSON {
    /// `value` as canonical JSON text.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try CanonicalJSON.encoder().encode(value), as: UTF8.self)
    }

    /// A stored value read back; a `.storage` error when the text is no longer a `T`.
    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw AwardsError(.storage, "a stored \(type) cannot be read (\(error))")
        }
    }
}
