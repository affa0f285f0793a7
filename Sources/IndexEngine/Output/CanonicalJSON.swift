import Foundation

/// The JSON every part of Civic Index writes: keys sorted and slashes unescaped, so that equal
/// values give equal bytes whoever writes them (files, the database, the API).
public enum CanonicalJSON {
    /// An encoder for canonical JSON, indented for people when `pretty`.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
