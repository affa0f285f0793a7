/// How uncertain each unit's rank and score are when the modeller's choices vary.
public struct UncertaintyAnalysis: Sendable {
    /// The distribution of one unit's rank and score over the samples.
    public struct UnitSummary: Sendable, Equatable {
        public var code: String
        public var name: String
        public var nominalRank: Double
        public var meanRank: Double
        public var medianRank: Double
        /// The 5th percentile rank (the better end of the interval).
        public var rank5: Double
        /// The 95th percentile rank.
        public var rank95: Double
        public var nominalScore: Double
        public var meanScore: Double
        public var score5: Double
        public var score95: Double
    }

    /// One summary per unit, in nominal rank order.
    public var units: [UnitSummary]
    /// The choice of each sample: an option index per input.
    public var choices: [[Int]]
    /// The uncertain inputs.
    public var model: ChoiceModel
    /// The headline scores of every sample.
    public var outputs: SampleRunner.Outputs

    /// Samples the inputs `analysis.samples` times from a scrambled Sobol' sequence and runs each sample.
    ///
    /// - Parameter workers: how many samples run at once (all cores when `nil`); results do not depend on it.
    public static func run(
        _ result: BuildResult, spec: BuildSpec, analysis: AnalysisSpec, workers: Int? = nil, control: RunControl = RunControl()
    ) throws(IndexEngineError) -> UncertaintyAnalysis {
        guard analysis.samples >= 1 else {
            throw IndexEngineError(.invalidParameter, "samples must be at least 1", column: "samples")
        }
        let model = try ChoiceModel(analysis, spec: spec, context: BuildContext(dataset: result.dataset, spec: spec))
        var sequence = try SobolSequence(dimensions: model.count, seed: analysis.seed)
        let choices = (0..<analysis.samples).map { _ in sequence.next().enumerated().map { model.option($0, at: $1) } }
        var runner = SampleRunner(result: result, spec: spec, model: model)
        if let workers { runner.workers = workers }
        let outputs = try runner.run(choices, control: control)
        return UncertaintyAnalysis(units: summarise(result, outputs), choices: choices, model: model, outputs: outputs)
    }

    /// Rank and score distributions per unit over the finished samples.
    static func summarise(_ result: BuildResult, _ outputs: SampleRunner.Outputs) -> [UnitSummary] {
        let n = outputs.units
        var ranks = [[Double]](repeating: [], count: n)
        var scores = [[Double]](repeating: [], count: n)
        for run in outputs.finished.indices where outputs.finished[run] {
            let s = Array(outputs.scores(ofRun: run))
            let r = Ranking.ranks(s, ties: .min, descending: true)
            for u in 0..<n where !r[u].isNaN {
                ranks[u].append(r[u])
                scores[u].append(s[u])
            }
        }
        let nominalRanks = result.ranks
        let nominalScores = result.final.values.column(result.headline)
        return result.rankedRows.map { u in
            let unit = result.dataset.units[result.final.units[u]]
            let rs = ranks[u].sorted(), ss = scores[u].sorted()
            return UnitSummary(
                code: unit.code, name: unit.name, nominalRank: nominalRanks[u],
                meanRank: rs.isEmpty ? .nan : rs.reduce(0, +) / Double(rs.count), medianRank: Quantile.of(sorted: rs, 0.5),
                rank5: Quantile.of(sorted: rs, 0.05), rank95: Quantile.of(sorted: rs, 0.95), nominalScore: nominalScores[u],
                meanScore: ss.isEmpty ? .nan : ss.reduce(0, +) / Double(ss.count), score5: Quantile.of(sorted: ss, 0.05), score95: Quantile.of(sorted: ss, 0.95))
        }
    }
}
