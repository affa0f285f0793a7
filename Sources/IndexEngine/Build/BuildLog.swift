/// What a build noticed along the way: warnings and the details of outlier treatment.
public struct BuildLog: Sendable, Equatable {
    /// Data that was handled but deserves a look (a constant column, a reversed range, …), in the order noticed.
    public var warnings: [BuildWarning] = []
    /// One report per indicator that the treat step examined.
    public var treatment: [TreatmentReport] = []

    /// An empty log.
    public init() {}

    /// Records a warning of the step being run; the build adds the step's position.
    mutating func warn(_ code: BuildWarning.Code, _ message: String, indicator: String? = nil, unit: String? = nil) {
        warnings.append(BuildWarning(code, message, indicator: indicator, unit: unit))
    }
}
