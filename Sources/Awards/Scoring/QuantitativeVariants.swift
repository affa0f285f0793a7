import IndexEngine

/// The quantitative factor scores under many variants of the quantitative index's own modelling
/// choices: how outliers are treated, how data points are normalised, how they are weighted.
///
/// The choices come from an engine analysis (the inputs of an `AnalysisSpec`, as `civic
/// uncertainty` reads them); variant `s` takes the `s`th point of a scrambled Sobol' sequence
/// seeded by the caller, so the same seed gives the same variants on any number of cores.
public struct QuantitativeVariants: Sendable {
    /// The nominations, in the order of the scores.
    public var nominations: [String]
    /// The factor codes, in the order of the scores.
    public var factors: [String]
    /// The names of the choices varied, as the analysis names its inputs.
    public var inputs: [String]
    /// The number of variants.
    public var count: Int
    /// Scores variant after variant, factor after factor, nomination after nomination (0–100; NaN
    /// where a nomination has no score).
    var scores: [Double]

    /// The score of `nomination` (by position) on `factor` (by position) in variant `s`.
    func score(variant s: Int, factor f: Int, nomination n: Int) -> Double {
        scores[(s * factors.count + f) * nominations.count + n]
    }
}

extension QuantitativeScores {
    /// The factor scores under `count` variants of the index's choices drawn from `analysis`.
    ///
    /// An analysis naming a step the quantitative index does not have, or a weight it cannot
    /// vary, is refused with the field `rules.quantitativeAnalysis`.
    public func variants(_ analysis: AnalysisSpec, count: Int, seed: UInt64) throws(AwardsError) -> QuantitativeVariants {
        guard count >= 1 else { throw AwardsError(.invalidValue, "at least one sample is needed, not \(count)", field: "samples") }
        let factors = factorColumns.keys.sorted()
        do {
            let model = try ChoiceModel(analysis, spec: spec, context: BuildContext(dataset: build.dataset, spec: spec))
            var sequence = try SobolSequence(dimensions: model.count, seed: seed)
            let choices = (0..<count).map { _ in sequence.next().enumerated().map { model.option($0, at: $1) } }
            var runner = SampleRunner(result: build, spec: spec, model: model)
            runner.recorded = factors.map { factorColumns[$0]! }
            let outputs = try runner.run(choices)
            return QuantitativeVariants(
                nominations: build.final.units.map { build.dataset.units[$0].code }, factors: factors, inputs: model.names, count: count, scores: outputs.scores)
        } catch {
            throw AwardsError(.invalidValue, "the quantitative index's analysis cannot run: \(error.description)", field: "rules.quantitativeAnalysis")
        }
    }
}
