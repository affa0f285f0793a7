/// The data a build starts from: units, their groups and denominators, and indicator values.
///
/// Values are held for one time point (`time`); when the input is a panel, the whole panel is
/// kept in `panel` so that imputation can borrow from other years.
public struct Dataset: Sendable, Equatable {
    /// The units, in row order.
    public var units: [Unit]
    /// The framework whose indicators are the columns of `values`.
    public var framework: Framework
    /// Group columns (such as region or income band): name and one optional value per unit.
    public var groups: [NamedColumn<String?>]
    /// Denominator columns: name and one value per unit (`NaN` when missing).
    public var denominators: [NamedColumn<Double>]
    /// Indicator values: units × indicators, `NaN` when missing.
    public var values: Matrix
    /// The time point of `values`, when the input has a time column.
    public var time: Int?
    /// Every time point of a panel input, if the input is a panel.
    public var panel: Panel?

    /// Creates a dataset.
    public init(
        units: [Unit], framework: Framework, groups: [NamedColumn<String?>] = [],
        denominators: [NamedColumn<Double>] = [], values: Matrix, time: Int? = nil, panel: Panel? = nil
    ) {
        self.units = units
        self.framework = framework
        self.groups = groups
        self.denominators = denominators
        self.values = values
        self.time = time
        self.panel = panel
    }

    /// The values of the group column `name`, if present.
    public func group(_ name: String) -> [String?]? {
        groups.first { $0.name == name }?.values
    }

    /// The values of the denominator column `name`, if present.
    public func denominator(_ name: String) -> [Double]? {
        denominators.first { $0.name == name }?.values
    }

}

/// Indicator values of the same units at several time points.
public struct Panel: Sendable, Equatable {
    /// The time points, ascending.
    public var times: [Int]
    /// For each time point, units × indicators (rows follow `Dataset.units`).
    public var values: [Matrix]
    /// For each time point, the denominator columns of that time.
    public var denominators: [[NamedColumn<Double>]]

    /// Creates a panel.
    public init(times: [Int], values: [Matrix], denominators: [[NamedColumn<Double>]]) {
        self.times = times
        self.values = values
        self.denominators = denominators
    }
}

/// A named column of per-unit values, such as a group or a denominator.
public struct NamedColumn<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The column's name.
    public var name: String
    /// One value per unit.
    public var values: [Value]

    /// Creates a column.
    public init(name: String, values: [Value]) {
        self.name = name
        self.values = values
    }
}
