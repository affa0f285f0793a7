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
        switch self {
        case let .denominate(step): try c.encode("denominate", forKey: .step); try step.encode(to: encoder)
        case let .screen(step): try c.encode("screen", forKey: .step); try step.encode(to: encoder)
        case let .impute(step): try c.encode("impute", forKey: .step); try step.encode(to: encoder)
        case let .treat(step): try c.encode("treat", forKey: .step); try step.encode(to: encoder)
        case let .normalise(step): try c.encode("normalise", forKey: .step); try step.encode(to: encoder)
        case let .aggregate(step): try c.encode("aggregate", forKey: .step); try step.encode(to: encoder)
        }
    }
}
