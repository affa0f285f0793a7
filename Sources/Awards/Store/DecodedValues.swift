import Foundation
import Synchronization

/// The values a store last decoded from its JSON texts, by key, so that reading the same text
/// again costs a comparison instead of a decoding: a cycle read before every nomination, the
/// token and account read on every API call.
///
/// It keeps no data of its own: the store still reads the row every time and hands its text
/// here, and a text that differs in any byte from the one kept is decoded afresh. So a change
/// made by another server on the same database is seen as soon as its row is, exactly as
/// without this cache. (A store that acts on `last` without reading the row first must make
/// its write depend on the row still holding that text.) At most `capacity` values are kept; when that many are, all are
/// forgotten and it starts again.
public final class DecodedValues<Key: Hashable & Sendable, Value: Decodable & Sendable>: Sendable {
    private let kept = Mutex<[Key: (text: String, value: Value)]>([:])
    private let capacity: Int

    /// A cache of at most `capacity` values.
    public init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// The value that `text`, stored under `key`, decodes to: the one kept when the text is the
    /// same, else decoded (`StoredJSON.decode`) and kept.
    public func decode(_ text: String, key: Key) throws(AwardsError) -> Value {
        if let value = kept.withLock({ kept in kept[key].flatMap { Self.same($0.text, text) ? $0.value : nil } }) {
            return value
        }
        let value: Value
        do {
            value = try StoredJSON.decode(Value.self, text)
        } catch {
            throw (error as? AwardsError) ?? AwardsError(.storage, "a stored \(Value.self) cannot be read (\(error))")
        }
        kept.withLock { kept in
            if kept.count >= capacity, kept[key] == nil { kept.removeAll(keepingCapacity: true) }
            kept[key] = (text, value)
        }
        return value
    }

    /// The text last decoded under `key`, with its value, if it is kept.
    public func last(_ key: Key) -> (text: String, value: Value)? {
        kept.withLock { $0[key] }
    }

    /// Whether two texts are the same bytes (stricter than `==`, which compares by Unicode
    /// canonical equivalence and is slower for text that is not ASCII).
    private static func same(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }
}

