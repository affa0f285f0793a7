/// How lenient or harsh an analyst scores: their scores' mean and spread, and their bias in the least-squares model.
public struct AnalystLeniency: Sendable, Equatable {
    /// The analyst's identifier.
    public var analyst: String
    /// The factor, when leniency is estimated per factor; nil when across factors.
    public var factor: String?
    /// How many scores the analyst gave.
    public var scores: Int
    /// The mean of the analyst's scores.
    public var mean: Double
    /// The sample standard deviation of the analyst's scores; `NaN` for a single score.
    public var standardDeviation: Double
    /// The estimated bias: how far above (positive) or below a nomination's quality the analyst scores.
    public var bias: Double
    /// The linked group of analysts (0, 1, …) within which biases sum to zero.
    ///
    /// Analysts are linked when they scored a common nomination, directly or through others.
    /// Biases are comparable only within a group; with one group (the usual case) all are.
    public var linkedGroup: Int

    /// A leniency record.
    public init(analyst: String, factor: String?, scores: Int, mean: Double, standardDeviation: Double, bias: Double, linkedGroup: Int) {
        self.analyst = analyst
        self.factor = factor
        self.scores = scores
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.bias = bias
        self.linkedGroup = linkedGroup
    }
}
