/// One step of a build, with its parameters.
public enum BuildStep: Sendable, Codable, Equatable {
    case denominate(Denominate)
    case screen(Screen)
    case impute(Impute)
    case treat(Treat)
    case normalise(Normalise)
    case aggregate(Aggregate)

    /// The name of the stage a step produces, as COINr names its data sets.
    public var stageName: String {
        switch self {
        case .denominate: "Denominated"
        case .screen: "Screened"
        case .impute: "Imputed"
        case .treat: "Treated"
        case .normalise: "Normalised"
        case .aggregate: "Aggregated"
        }
    }

    /// The step's kind as a spec names it in the field `step`: `denominate`, `normalise`, …
    public var kind: String {
        switch self {
        case .denominate: "denominate"
        case .screen: "screen"
        case .impute: "impute"
        case .treat: "treat"
        case .normalise: "normalise"
        case .aggregate: "aggregate"
        }
    }

    private enum Keys: String, CodingKey { case step }
    private static let kinds = ["denominate", "screen", "impute", "treat", "normalise", "aggregate"]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let kind = try c.decode(String.self, forKey: .step)
        switch kind {
        case "denominate": self = .denominate(try Denominate(from: decoder))
        case "screen": self = .screen(try Screen(from: decoder))
        case "impute": self = .impute(try Impute(from: decoder))
        case "treat": self = .treat(try Treat(from: decoder))
        case "normalise", "normalize": self = .normalise(try Normalise(from: decoder))
        case "aggregate": self = .aggregate(try Aggregate(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .step, in: c, debugDescription: "unknown step '\(kind)'; expected one of \(Self.kinds.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .step)
        switch self {
        case let .denominate(step): try step.encode(to: encoder)
        case let .screen(step): try step.encode(to: encoder)
        case let .impute(step): try step.encode(to: encoder)
        case let .treat(step): try step.encode(to: encoder)
        case let .normalise(step): try step.encode(to: encoder)
        case let .aggregate(step): try step.encode(to: encoder)
        }
    }
}
