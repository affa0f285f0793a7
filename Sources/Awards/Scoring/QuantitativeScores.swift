import IndexEngine

/// Factor scores from the questionnaire's data points, built as a composite index by the engine.
///
/// Each quantitative question is an indicator (with its direction) under its factor; the factors
/// sit under one overall score. The nominations are the units. The steps are the cycle's choice;
/// the default treats outliers, normalises onto 0–100 and takes weighted means, so a factor score
/// says where a nomination stands among this year's nominations.
public struct QuantitativeScores: Sendable {
    /// Scores by nomination id, then by factor code, on 0–100.
    public var byNomination: [String: [String: Double]]
    /// The engine's build, for audits and the methodology page.
    public var build: BuildResult
    /// The spec the build ran, which an analysis of the index's own uncertain choices varies.
    public var spec: BuildSpec
    /// Each factor's column in the build, by factor code.
    public var factorColumns: [String: Int]

    /// The steps used when a cycle names none.
    public static let defaultSteps: [BuildStep] = [
        .impute(Impute(method: .median)),
        .treat(Treat()),
        .normalise(Normalise(method: .minMax, range: [0, 100])),
        .aggregate(Aggregate()),
    ]

    /// Scores the submitted `nominations` on the quantitative questions of `round`.
    public static func score(_ nominations: [Nomination], cycle: Cycle, round: Int = 1, steps: [BuildStep] = defaultSteps) throws(AwardsError) -> QuantitativeScores {
        let questions = cycle.questions(round: round).filter(\.isQuantitative)
        let factors = cycle.factors.filter { f in questions.contains { $0.factor == f.code } }
        guard !questions.isEmpty, nominations.count >= 2 else {
            throw AwardsError(.invalidValue, "quantitative scoring needs at least one data-point question and two nominations", field: "questions")
        }
        var nodes: [FrameworkNode] = []
        for q in questions {
            guard case let .quantitative(indicator, unit, direction) = q.kind else { continue }
            nodes.append(FrameworkNode(code: indicator, name: q.text, level: 1, parent: "factor:" + q.factor, kind: .indicator, direction: direction, unit: unit))
        }
        for f in factors {
            nodes.append(FrameworkNode(code: "factor:" + f.code, name: f.name, level: 2, parent: "overall", kind: .aggregate, weight: f.weight))
        }
        nodes.append(FrameworkNode(code: "overall", name: "Overall", level: 3, parent: nil, kind: .aggregate))
        var values = Matrix(rows: nominations.count, columns: questions.count)
        for (r, n) in nominations.enumerated() {
            for (c, q) in questions.enumerated() {
                if case let .number(v)? = n.answers[q.id] { values[r, c] = v }
            }
        }
        do {
            let framework = try Framework(nodes: nodes)
            let dataset = Dataset(units: nominations.map { Unit(code: $0.id, name: $0.community) }, framework: framework, values: values)
            let spec = BuildSpec(name: "Cycle \(cycle.year) round \(round)", inputs: .native(units: "", indicators: "", values: ""), steps: steps)
            let build = try IndexBuild.run(dataset, spec: spec)
            let columns = Dictionary(uniqueKeysWithValues: factors.compactMap { f in framework.index(of: "factor:" + f.code).map { (f.code, $0) } })
            var scores: [String: [String: Double]] = [:]
            for (r, unit) in build.final.units.enumerated() {
                scores[dataset.units[unit].code] = columns.mapValues { build.final.values[r, $0] }
            }
            return QuantitativeScores(byNomination: scores, build: build, spec: spec, factorColumns: columns)
        } catch {
            throw AwardsError(.invalidValue, "the quantitative index cannot be built: \(error.description)", field: error.column)
        }
    }
}
