/// A unit of the index: a country, region, city or community being measured.
public struct Unit: Sendable, Hashable {
    /// The unique code (COINr's `uCode`).
    public var code: String
    /// The display name (COINr's `uName`).
    public var name: String

    /// Creates a unit.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
