/// Which uncertain choices drive the ranking: first- and total-order Sobol indices.
public struct SensitivityAnalysis: Sendable {
    /// What each sample is summarised by.
    public enum Statistic: Sendable, Equatable {
        /// The mean over units of |rank − nominal rank| (COINr's choice).
        case meanAbsoluteRankChange
        /// One unit's headline score.
        case score(unit: String)
    }

    /// The input names, in the order of `indices`.
    public var inputs: [String]
    /// The indices with their bootstrap intervals, one per input.
    public var indices: SobolIndices
    /// The statistic analysed.
    public var statistic: Statistic
    /// The number of builds run: N·(d + 2).
    public var runs: Int
    /// The statistic's value in every run.
    public var outputs: [Double]
    /// The uncertainty analysis of the same runs (ranks and scores per unit).
    public var uncertainty: UncertaintyAnalysis

    /// Runs Saltelli's design for the inputs of `analysis` with N = `analysis.samples`.
    public static func run(
        _ result: BuildResult, spec: BuildSpec, analysis: AnalysisSpec, statistic: Statistic = .meanAbsoluteRankChange,
        workers: Int? = nil, control: RunControl = RunControl()
    ) throws(IndexEngineError) -> SensitivityAnalysis {
        guard analysis.samples >= 2 else {
            throw IndexEngineError(.invalidParameter, "a sensitivity analysis needs at least 2 base samples", column: "samples")
        }
        let model = try ChoiceModel(analysis, spec: spec, context: BuildContext(dataset: result.dataset, spec: spec))
        let design = try SensitivityDesign(inputs: model.count, baseSamples: analysis.samples, seed: analysis.seed)
        let choices = (0..<design.runCount).map { run in design.point(run: run).enumerated().map { model.option($0, at: $1) } }
        var runner = SampleRunner(result: result, spec: spec, model: model)
        if let workers { runner.workers = workers }
        let outputs = try runner.run(choices, control: control)
        guard !outputs.cancelled else {
            throw IndexEngineError(.noData, "the analysis was stopped after \(outputs.completed) of \(choices.count) runs", column: "samples")
        }
        let values: [Double]
        switch statistic {
        case .meanAbsoluteRankChange:
            let nominal = result.ranks
            values = (0..<choices.count).map { r in
                let ranks = Ranking.ranks(Array(outputs.scores(ofRun: r)), ties: .min, descending: true)
                let changes = zip(ranks, nominal).filter { !$0.0.isNaN && !$0.1.isNaN }.map { abs($0.0 - $0.1) }
                return changes.isEmpty ? .nan : changes.reduce(0, +) / Double(changes.count)
            }
        case let .score(code):
            guard let u = result.final.units.firstIndex(where: { result.dataset.units[$0].code == code }) else {
                throw IndexEngineError(.unknownCode, "'\(code)' is not a unit of the build", column: "unit")
            }
            values = (0..<choices.count).map { outputs.scores(ofRun: $0)[$0 * outputs.units + u] }
        }
        let indices = try SobolIndices(outputs: values, design: design, resamples: analysis.bootstrap, confidence: analysis.confidence, seed: analysis.seed)
        let uncertainty = UncertaintyAnalysis(units: UncertaintyAnalysis.summarise(result, outputs), choices: choices, model: model, outputs: outputs)
        return SensitivityAnalysis(inputs: model.names, indices: indices, statistic: statistic, runs: choices.count, outputs: values, uncertainty: uncertainty)
    }
}
