import Foundation

/// One uncertain choice of a build, as an analysis file states it.
///
/// Three forms:
/// - a step parameter with discrete values: `{"name": "winmax", "step": "treat", "field": "winmax", "values": [1, 2, 3]}`;
/// - whole alternatives for a step's parameters: `{"name": "normalisation", "step": "normalise",
///   "alternatives": [{"method": "minMax", "range": [1, 100]}, {"method": "zScore", "mean": 10, "sd": 2}]}`;
/// - noisy weights, w·(1 + U(−f, f)) for the nodes of some levels, drawn `draws` times:
///   `{"name": "weights", "noise": 0.25, "levels": [2, 3], "draws": 100}`.
///
/// `step` names the kind of step (the spec must have exactly one) or its index in `steps`.
public struct UncertainInput: Sendable, Codable, Equatable {
    public var name: String
    public var step: StepReference?
    public var field: String?
    public var values: [JSONValue]?
    public var alternatives: [[String: JSONValue]]?
    public var noise: Double?
    public var levels: [Int]?
    public var draws: Int?

    /// A reference to a step of the spec: by kind or by index.
    public enum StepReference: Sendable, Codable, Equatable {
        case kind(String)
        case index(Int)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .index(i) } else { self = .kind(try c.decode(String.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case let .kind(k): try c.encode(k)
            case let .index(i): try c.encode(i)
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["name", "step", "field", "values", "alternatives", "noise", "levels", "draws"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        step = try c.decodeIfPresent(StepReference.self, forKey: .step)
        field = try c.decodeIfPresent(String.self, forKey: .field)
        values = try c.decodeIfPresent([JSONValue].self, forKey: .values)
        alternatives = try c.decodeIfPresent([[String: JSONValue]].self, forKey: .alternatives)
        noise = try c.decodeIfPresent(Double.self, forKey: .noise)
        levels = try c.decodeIfPresent([Int].self, forKey: .levels)
        draws = try c.decodeIfPresent(Int.self, forKey: .draws)
    }

    /// A parameter input.
    public static func parameter(_ name: String, step: StepReference, field: String, values: [JSONValue]) -> UncertainInput {
        UncertainInput(name: name, step: step, field: field, values: values)
    }

    /// An alternatives input.
    public static func alternatives(_ name: String, step: StepReference, _ alternatives: [[String: JSONValue]]) -> UncertainInput {
        UncertainInput(name: name, step: step, alternatives: alternatives)
    }

    /// A noisy-weights input.
    public static func noisyWeights(_ name: String, noise: Double, levels: [Int], draws: Int) -> UncertainInput {
        UncertainInput(name: name, noise: noise, levels: levels, draws: draws)
    }

    private init(
        name: String, step: StepReference? = nil, field: String? = nil, values: [JSONValue]? = nil,
        alternatives: [[String: JSONValue]]? = nil, noise: Double? = nil, levels: [Int]? = nil, draws: Int? = nil
    ) {
        self.name = name
        self.step = step
        self.field = field
        self.values = values
        self.alternatives = alternatives
        self.noise = noise
        self.levels = levels
        self.draws = draws
    }
}

/// Any JSON value, so that analysis files can give step parameters of any type.
public enum JSONValue: Sendable, Codable, Equatable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .number(n): try c.encode(n)
        case let .string(s): try c.encode(s)
        case let .bool(b): try c.encode(b)
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        case .null: try c.encodeNil()
        }
    }

    /// A short text for reports.
    public var text: String {
        switch self {
        case let .number(n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
        case let .string(s): s
        case let .bool(b): String(b)
        case let .array(a): "[" + a.map(\.text).joined(separator: ", ") + "]"
        case let .object(o): "{" + o.keys.sorted().map { "\($0): \(o[$0]?.text ?? "")" }.joined(separator: ", ") + "}"
        case .null: "null"
        }
    }
}
