/// The working data of a build as it passes from step to step.
public struct BuildState: Sendable, Equatable {
    /// The rows of `Dataset.units` still in the build, in order.
    public var units: [Int]
    /// Values of those units: one column per indicator, and per aggregate once aggregated.
    public var values: Matrix
    /// The weight of every node as the last aggregate step applied it (with any weights it
    /// computed from the data), in column order; `nil` before aggregation.
    public var weights: [Double]?
    /// For panel data, every time point's values by `Dataset.units` row, transformed by the steps so far.
    public var panel: [Matrix]?

    /// The state a build starts from: every unit and the raw values.
    public init(dataset: Dataset) {
        units = Array(dataset.units.indices)
        values = dataset.values
        // Room for the aggregate columns up front: growing a large matrix later would briefly
        // hold two copies of it.
        values.reserveColumns(dataset.framework.nodes.count)
        panel = dataset.panel?.values
    }
}

/// What every step can read but not change: the dataset and the spec's shared settings.
public struct BuildContext: Sendable {
    /// The input data.
    public var dataset: Dataset
    /// Named weight sets from the spec.
    public var weightSets: [String: [String: Double]]
    /// Weight sets the build computes from the data as it aggregates.
    public var derivedWeightSets: [String: DerivedWeights]
    /// Weight sets already resolved into column-order vectors, for builds repeated many times.
    public var resolvedWeights: [String: [Double]] = [:]

    /// The framework of the dataset.
    public var framework: Framework { dataset.framework }

    /// Creates a context.
    public init(dataset: Dataset, weightSets: [String: [String: Double]] = [:], derivedWeightSets: [String: DerivedWeights] = [:]) {
        self.dataset = dataset
        self.weightSets = weightSets
        self.derivedWeightSets = derivedWeightSets
    }

    /// The context of a build of `dataset` by `spec`.
    public init(dataset: Dataset, spec: BuildSpec) {
        self.init(dataset: dataset, weightSets: spec.weightSets, derivedWeightSets: spec.derivedWeightSets)
    }

    /// The indicator column of `code`, or an error naming the step field that referred to it.
    func indicatorColumn(_ code: String, field: String) throws(IndexEngineError) -> Int {
        guard let c = framework.index(of: code), c < framework.indicatorCount else {
            throw IndexEngineError(.unknownCode, "'\(code)' is not an indicator", column: field)
        }
        return c
    }

    /// Checks that every key of a per-indicator override map names an indicator.
    func checkIndicatorCodes<T>(_ overrides: [String: T], field: String) throws(IndexEngineError) {
        for code in overrides.keys.sorted() { _ = try indicatorColumn(code, field: "\(field).\(code)") }
    }
}
