/// Runs the steps of a spec over a dataset and collects the stages and results.
public enum IndexBuild {
    /// How much of a build's intermediate data to keep.
    public enum Retention: Sendable {
        /// Every stage, as the `stages/` output needs.
        case allStages
        /// Only the final state: the least memory, for repeated builds.
        case finalOnly
    }

    /// Builds the index of `dataset` by the steps of `spec`.
    ///
    /// Errors raised by a step name the step in their column path (`steps[3].winmax`).
    /// A dataset with several time points is built at its `time` alone, so a spec whose
    /// `panel.normalisation` is `pooled` is refused for it: pooling needs every year (`runPanel`).
    public static func run(_ dataset: Dataset, spec: BuildSpec, retention: Retention = .allStages) throws(IndexEngineError) -> BuildResult {
        if spec.panel?.normalisation == .pooled, dataset.panel != nil {
            throw IndexEngineError(
                .invalidParameter, "pooled normalisation needs every year of the panel, so it is built with IndexBuild.runPanel, not one year alone",
                column: "panel.normalisation")
        }
        let context = BuildContext(dataset: dataset, spec: spec)
        var state = BuildState(dataset: dataset)
        var log = BuildLog()
        log.warnings = datasetWarnings(dataset)
        var inspector = StepInspector(state)
        let names = stageNames(spec.steps)
        var stages: [Stage] = []
        if retention == .allStages { stages.append(Stage(name: names[0], units: state.units, values: state.values)) }
        for (i, step) in spec.steps.enumerated() {
            let firstWarning = log.warnings.count
            do {
                try run(step, on: &state, context: context, log: &log)
            } catch {
                throw located(error, step: step, at: i)
            }
            inspector.inspect(&state, after: i, of: spec.steps, context: context, log: &log, firstWarning: firstWarning)
            if retention == .allStages { stages.append(Stage(name: names[i + 1], units: state.units, values: state.values)) }
        }
        completeColumns(&state, framework: dataset.framework)
        return BuildResult(dataset: dataset, stages: stages, final: state, log: log)
    }

    /// `error` raised by `step`, the spec's step `i`, with the step in its column path and message.
    ///
    /// A field of the spec's top level that the step refers to (a weight set, `weightSets.x`) is
    /// where the fault lies, so its path is kept as it is; the message still names the step.
    static func located(_ error: IndexEngineError, step: BuildStep, at i: Int) -> IndexEngineError {
        var located = error
        if let column = error.column, let field = column.split(separator: ".").first, BuildSpec.topLevelFields.contains(String(field)) {
            located.column = column
        } else {
            located.column = "steps[\(i)]" + (error.column.map { "." + $0 } ?? "")
        }
        located.message = "\(step.stageName.lowercased()) step: " + error.message
        return located
    }

    /// What a dataset itself deserves a warning for, before any step: a time point of a panel
    /// with a single unit, which no normalisation can place against others.
    static func datasetWarnings(_ dataset: Dataset) -> [BuildWarning] {
        guard dataset.panel != nil, dataset.units.count == 1, let time = dataset.time else { return [] }
        let unit = dataset.units[0].code
        return [
            BuildWarning(
                .singleUnitYear, "only one unit has data at time \(time), so there is no other unit to normalise or rank it against", unit: unit)
        ]
    }

    /// The names of the stages of a build by `steps`, `Raw` first: a stage's name is the one its
    /// step produces (`Normalised`), numbered from its second occurrence on (`Normalised-2`), so
    /// that the stage files and workbook sheets of repeated steps do not overwrite one another.
    public static func stageNames(_ steps: [BuildStep]) -> [String] {
        var seen: [String: Int] = ["Raw": 1]
        return ["Raw"] + steps.map { step in
            let count = seen[step.stageName, default: 0] + 1
            seen[step.stageName] = count
            return count == 1 ? step.stageName : "\(step.stageName)-\(count)"
        }
    }

    /// Gives a final state a column for every node, missing where no step filled it.
    static func completeColumns(_ state: inout BuildState, framework: Framework) {
        if state.values.columns < framework.nodes.count {
            state.values.appendColumns(framework.nodes.count - state.values.columns)
        }
    }

    /// Runs one step on `state`.
    public static func run(_ step: BuildStep, on state: inout BuildState, context: BuildContext, log: inout BuildLog) throws(IndexEngineError) {
        switch step {
        case let .denominate(s): try s.apply(&state, context)
        case let .screen(s): try s.apply(&state, context, &log)
        case let .impute(s): try s.apply(&state, context, &log)
        case let .treat(s): try s.apply(&state, context, &log)
        case let .normalise(s): try s.apply(&state, context, &log)
        case let .aggregate(s): try s.apply(&state, context, &log)
        }
    }
}

/// The data after one step of a build.
public struct Stage: Sendable, Equatable {
    /// The stage's name (Raw, Denominated, Imputed, Screened, Treated, Normalised, Aggregated).
    public var name: String
    /// The rows of `Dataset.units` present.
    public var units: [Int]
    /// Their values: indicators, plus aggregates once aggregated.
    public var values: Matrix
}
