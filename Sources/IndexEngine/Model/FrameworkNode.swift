/// One node of an index framework: an indicator (level 1) or an aggregate above it.
public struct FrameworkNode: Sendable, Hashable {
    /// Whether a node holds data or aggregates its children.
    public enum Kind: String, Sendable, Hashable {
        case indicator
        case aggregate
    }

    /// The unique code (COINr's `iCode`).
    public var code: String
    /// The display name.
    public var name: String
    /// The level: 1 for indicators, higher for aggregates; the index is the highest level.
    public var level: Int
    /// The code of the parent aggregate; `nil` for the top node.
    public var parent: String?
    /// Whether the node is an indicator or an aggregate.
    public var kind: Kind
    /// The weight of the node within its parent.
    public var weight: Double
    /// +1 when higher values are better, −1 when lower values are better.
    public var direction: Double
    /// The unit of measurement, for display.
    public var unit: String?
    /// The target value, used by distance-to-target normalisation.
    public var target: Double?
    /// The denominator column that the indicator is divided by, if any.
    public var denominator: String?
    /// The lower goalpost, used by goalpost normalisation.
    public var goalpostLow: Double?
    /// The upper goalpost, used by goalpost normalisation.
    public var goalpostHigh: Double?
    /// Where the indicator's data come from, for display (iMeta's optional `Source` column).
    public var source: String?
    /// The indicator's own normalisation parameters (COINr's iMeta parameter columns).
    public var normalisation: IndicatorNormalisation

    /// Creates a node.
    public init(
        code: String, name: String, level: Int, parent: String?, kind: Kind, weight: Double = 1,
        direction: Double = 1, unit: String? = nil, target: Double? = nil, denominator: String? = nil,
        goalpostLow: Double? = nil, goalpostHigh: Double? = nil, source: String? = nil, normalisation: IndicatorNormalisation = IndicatorNormalisation()
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parent = parent
        self.kind = kind
        self.weight = weight
        self.direction = direction
        self.unit = unit
        self.target = target
        self.denominator = denominator
        self.goalpostLow = goalpostLow
        self.goalpostHigh = goalpostHigh
        self.source = source
        self.normalisation = normalisation
    }
}
