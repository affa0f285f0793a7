/// What a build noticed along the way: warnings and the details of outlier treatment.
public struct BuildLog: Sendable, Equatable {
    /// Messages about data that was handled but deserves a look (a constant column, a zero denominator, …).
    public var warnings: [String] = []
    /// One report per indicator that the treat step examined.
    public var treatment: [TreatmentReport] = []

    /// An empty log.
    public init() {}
}
