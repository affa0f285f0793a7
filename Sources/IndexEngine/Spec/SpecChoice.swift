import Foundation

/// A choice a spec names by text — a method, a criterion, a kind of normalisation over time.
///
/// Decoding an unknown name is an error that lists the valid names, so that `"zscore"` is
/// answered with `expected one of: none, minMax, zScore, …` rather than Foundation's "cannot
/// initialize Method from invalid String value".
public protocol SpecChoice: RawRepresentable<String>, CaseIterable, Decodable {}

extension SpecChoice {
    /// The valid names, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let name = try c.decode(String.self)
        guard let value = Self(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "unknown value '\(name)'; expected one of: \(Self.names.joined(separator: ", "))")
        }
        self = value
    }
}
