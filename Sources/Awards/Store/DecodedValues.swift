import Foundation
import Synchronization

/// The values a store last decoded from its JSON texts, by key, so that reading the same text
/// again costs a comparison instead of a decoding: a cycle read before every nomination, the
/// token and account read on every API call.
///
/// It keeps no data of its own: the store still reads the row every time and hands its text
/// here, and a text that differs in any byte from the one kept is decoded afresh. So a change
/// made by another server on the same database is seen as soon as its row is, exactly as
/// without this cache. A store may also keep the row's version beside the text (PostgreSQL's
/// `xmin`) and act on `last` without reading the row first, provided its write depends on the
/// row still being that version. At most `capacity` values are kept; when that many are, all
/// are forgotten and it starts again.
public final class DecodedValues<Key: Hashable & Sendable, Value: Decodable & Sendable>: Sendable {
    private let kept = Mutex<[Key: (text: String, value: Value, version: String?)]>([:])
    private let capacity: Int

    /// A cache of at most `capacity` values.
    public init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// The value that `text`, stored under `key`, decodes to: the one kept when the text is the
    /// same, else decoded (`StoredJSON.decode`) and kept. A `version` given is kept with it (one
    /// not given leaves the version kept for the same text as it was).
    public func decode(_ text: String, key: Key, version: String? = nil) throws(AwardsError) -> Value {
        let kept = kept.withLock { kept -> Value? in
            guard let entry = kept[key], Self.same(entry.text, text) else { return nil }
            if let version { kept[key]?.version = version }
            return entry.value
        }
        if let kept { return kept }
        let value: Value
        do {
            value = try StoredJSON.decode(Value.self, text)
        } catch {
            throw (error as? AwardsError) ?? AwardsError(.storage, "a stored \(Value.self) cannot be read (\(error))")
        }
        self.kept.withLock { kept in
            if kept.count >= capacity, kept[key] == nil { kept.removeAll(keepingCapacity: true) }
            kept[key] = (text, value, version)
        }
        return value
    }

    /// The text last decoded under `key`, with its value and the row version given with it, if
    /// it is kept.
    public func last(_ key: Key) -> (text: String, value: Value, version: String?)? {
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

