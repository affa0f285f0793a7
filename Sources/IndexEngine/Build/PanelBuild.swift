/// The builds of every time point of a panel, made in one call by `IndexBuild.runPanel`.
public struct PanelBuild: Sendable {
    /// The time points, ascending.
    public let times: [Int]
    /// One build per time point, in the order of `times`; each year's units are those with data that year.
    public let results: [BuildResult]
    /// How normalisation treated time: with `pooled`, scores are comparable across years.
    public let normalisation: PanelOptions.Normalisation

    /// The build of `time`, if the panel has that time point.
    public func result(at time: Int) -> BuildResult? {
        times.firstIndex(of: time).map { results[$0] }
    }
}

extension IndexBuild {
    /// Builds every time point of `panel` by the steps of `spec`.
    ///
    /// Every step but normalisation runs year by year exactly as `run` runs it, panel imputation
    /// borrowing from the unit's other years. Normalisation follows `spec.panel`: `perYear` (the
    /// default) makes each year's build equal to `run` on that year's dataset; `pooled` computes
    /// each indicator's parameters over all years' values together (see `Normalise`), and refuses
    /// `distanceToReference`. `spec.time` is not consulted: every year is built, and a caller
    /// wanting one picks it with `PanelBuild.result(at:)`.
    ///
    /// Errors name the year (`at time 2019: …`) as well as the step and field.
    ///
    /// - Throws: `invalidParameter` on the time column when the data has fewer than two time points.
    public static func runPanel(_ panel: PanelDataset, spec: BuildSpec, retention: Retention = .allStages) throws(IndexEngineError) -> PanelBuild {
        guard panel.times.count > 1 else {
            let has = panel.times.isEmpty ? "no time column" : "one time point (\(panel.times[0]))"
            throw IndexEngineError(.invalidParameter, "a panel build needs data at two or more time points; the data has \(has)", column: "Time")
        }
        let normalisation = spec.panel?.normalisation ?? .perYear
        func atTime(_ y: Int, _ error: IndexEngineError) -> IndexEngineError {
            var error = error
            error.message = "at time \(panel.times[y]): " + error.message
            return error
        }
        if normalisation == .perYear {
            var results: [BuildResult] = []
            for (y, dataset) in panel.datasets.enumerated() {
                do {
                    results.append(try run(dataset, spec: spec, retention: retention))
                } catch {
                    throw atTime(y, error)
                }
            }
            return PanelBuild(times: panel.times, results: results, normalisation: normalisation)
        }

        // Pooled: the years advance together, step by step, so that the normalise step sees all of them.
        let contexts = panel.datasets.map { BuildContext(dataset: $0, spec: spec) }
        var states = panel.datasets.map(BuildState.init(dataset:))
        var logs = panel.datasets.map { dataset in
            var log = BuildLog()
            log.warnings = datasetWarnings(dataset)
            return log
        }
        var inspectors = states.map(StepInspector.init)
        var stages = [[Stage]](repeating: [], count: states.count)
        func record(_ name: String) {
            guard retention == .allStages else { return }
            for y in states.indices { stages[y].append(Stage(name: name, units: states[y].units, values: states[y].values)) }
        }
        let names = stageNames(spec.steps)
        record(names[0])
        for (i, step) in spec.steps.enumerated() {
            let firstWarnings = logs.map(\.warnings.count)
            if case let .normalise(normalise) = step {
                do {
                    try normalise.applyPooled(&states, contexts[0], &logs)
                } catch {
                    throw located(error, step: step, at: i)
                }
            } else {
                for y in states.indices {
                    do {
                        try run(step, on: &states[y], context: contexts[y], log: &logs[y])
                    } catch {
                        throw atTime(y, located(error, step: step, at: i))
                    }
                }
            }
            for y in states.indices {
                inspectors[y].inspect(&states[y], after: i, of: spec.steps, context: contexts[y], log: &logs[y], firstWarning: firstWarnings[y])
            }
            record(names[i + 1])
        }
        let results = states.indices.map { y in
            completeColumns(&states[y], framework: contexts[y].framework)
            return BuildResult(dataset: panel.datasets[y], stages: stages[y], final: states[y], log: logs[y])
        }
        return PanelBuild(times: panel.times, results: results, normalisation: normalisation)
    }
}
