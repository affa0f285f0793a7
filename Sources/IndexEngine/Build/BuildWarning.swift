/// Something a build did that deserves a look: the build went on, but its scores may not mean
/// what the spec's author thinks.
///
/// Every warning has a stable `code` for programs (`results.json`, `civic build --strict`) and a
/// message for people, and says where it arose: the spec's step (by index and kind, as
/// `steps[4]` and `normalise`) and, where one is at fault, the indicator or unit.
public struct BuildWarning: Sendable, Equatable, CustomStringConvertible {
    /// What kind of thing was noticed.
    public enum Code: String, Sendable, CaseIterable {
        /// Screening removed units.
        case unitsRemoved
        /// Imputation left values missing.
        case valuesLeftMissing
        /// Outlier treatment left an indicator as it was, as COINr does.
        case leftUntreated
        /// An indicator's values do not differ, so its normalised values are missing.
        case noSpread
        /// A distance-to-target target equals the indicator's worst value.
        case targetAtWorst
        /// The reference unit of a distance to reference has no value of an indicator.
        case referenceMissing
        /// The reference unit of a distance to reference has the worst value, so no distance is defined.
        case referenceAtWorst
        /// An indicator's maximum is zero, so its fraction of the maximum is undefined.
        case zeroMaximum
        /// A range or pair of goalposts runs from high to low, turning the indicator's direction round.
        case reversedRange
        /// An aggregation comes before any normalisation, so indicators on different scales are averaged.
        case aggregateBeforeNormalise
        /// A step produced infinite values; they are treated as missing.
        case nonFinite
        /// A step left a column without a single value.
        case columnMissing
        /// A time point of a panel has a single unit, so there is nothing to compare it with.
        case singleUnitYear
        /// After a step, the data holds no value at all.
        case stageAllMissing
        /// Optimised weights did not bring every child's correlation with its aggregate to its target.
        case weightsNotConverged
    }

    /// The kind of warning.
    public var code: Code
    /// What happened, in words.
    public var message: String
    /// The index of the spec's step that raised it (`steps[i]`), or `nil` for the data as a whole.
    public var step: Int?
    /// The kind of that step (`normalise`, `aggregate`, …).
    public var stepName: String?
    /// The indicator or aggregate concerned, if one is.
    public var indicator: String?
    /// The unit concerned, if one is.
    public var unit: String?

    /// Creates a warning; the build fills in `step` and `stepName`.
    public init(_ code: Code, _ message: String, indicator: String? = nil, unit: String? = nil, step: Int? = nil, stepName: String? = nil) {
        self.code = code
        self.message = message
        self.indicator = indicator
        self.unit = unit
        self.step = step
        self.stepName = stepName
    }

    /// `steps[4] (normalise), indicator 'x1': the message [code]`.
    public var description: String {
        var location: [String] = []
        if let step { location.append("steps[\(step)]" + (stepName.map { " (\($0))" } ?? "")) }
        if let indicator { location.append("indicator '\(indicator)'") }
        if let unit { location.append("unit '\(unit)'") }
        let text = "\(message) [\(code.rawValue)]"
        return location.isEmpty ? text : location.joined(separator: ", ") + ": " + text
    }
}
