import Foundation

/// Runs many variants of one build, each given by a choice of option per uncertain input.
///
/// Only the steps from the first one an input changes are re-run. States before each changed
/// step are computed once per distinct combination of earlier choices and shared by all samples
/// (within a memory budget); samples are spread over all cores, and each sample's result depends
/// only on its choices, so results are identical whatever the number of cores.
public struct SampleRunner: Sendable {
    /// The nominal build (with all stages kept).
    public let result: BuildResult
    /// The spec of the nominal build.
    public let spec: BuildSpec
    /// The uncertain inputs.
    public let model: ChoiceModel
    /// The most bytes of cached intermediate states.
    public var cacheBudget = 1 << 30
    /// How many samples run at once; all cores by default. Results do not depend on it.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// The columns of the final stage each run records, by index in the framework: the headline
    /// alone unless a caller needs more (the awards' robustness needs every factor's score).
    public var recorded: [Int]

    /// Every intermediate state a run starts from is computed before the run; finding none is a
    /// defect, reported rather than hidden behind a fresh start.
    static let missingState = IndexEngineError(.internalInconsistency, "a shared intermediate state of the sampled builds is missing")

    /// A runner for variants of `result`, built from `spec`.
    public init(result: BuildResult, spec: BuildSpec, model: ChoiceModel) {
        self.result = result
        self.spec = spec
        self.model = model
        self.recorded = [result.headline]
    }

    /// The outputs of a set of runs.
    public struct Outputs: Sendable {
        /// The recorded scores, run after run; within a run, column after column (see
        /// `recorded`), one per unit of the nominal build. The headline alone by default.
        public var scores: [Double]
        /// The number of units per run.
        public var units: Int
        /// The number of recorded columns per run.
        public var columns: Int = 1
        /// For each run, whether it finished (all of them unless cancelled).
        public var finished: [Bool]
        /// Whether the runs were cancelled before the end.
        public var cancelled: Bool

        /// The number of runs that finished.
        public var completed: Int { finished.count { $0 } }

        /// The scores of run `r` (its first recorded column: the headline by default).
        public func scores(ofRun r: Int) -> ArraySlice<Double> { scores(ofRun: r, column: 0) }

        /// The scores of run `r` in its `c`th recorded column.
        public func scores(ofRun r: Int, column c: Int) -> ArraySlice<Double> {
            let start = (r * columns + c) * units
            return scores[start..<(start + units)]
        }
    }

    /// Runs one build per entry of `choices` (an option index per input).
    public func run(_ choices: [[Int]], control: RunControl = RunControl()) throws(IndexEngineError) -> Outputs {
        var prepared = BuildContext(dataset: result.dataset, spec: spec)
        prepared.weightSets.merge(model.weightSets) { a, _ in a }
        for name in model.weightSets.keys {
            prepared.resolvedWeights[name] = try WeightSet.resolve(name, context: prepared, field: "weights")
        }
        let context = prepared
        let touched = Array(Set(model.steps)).sorted()
        guard let first = touched.first, result.stages.count > first else {
            throw IndexEngineError(.invalidSpec, "the analysis needs the nominal build's stages", column: "inputs")
        }
        let boundaries = touched + [spec.steps.count]
        let variants = try StepVariants(model: model, choices: choices)
        // keys[j][run]: the choices of the inputs that change steps before boundaries[j].
        let inputSteps = model.steps
        @Sendable func key(_ run: [Int], before boundary: Int) -> [Int] {
            inputSteps.indices.filter { inputSteps[$0] < boundary }.map { run[$0] }
        }
        var cached: [[[Int]: BuildState]] = [[[]: result.stages[first].state(of: result)]]
        let stateBytes = result.stages[first].values.storage.count * 8 + 64
        var depth = 0
        while depth + 1 < touched.count {
            let next = depth + 1
            let keys = Array(Set(choices.map { key($0, before: boundaries[next]) })).sorted { $0.lexicographicallyPrecedes($1) }
            if keys.count * stateBytes > cacheBudget || keys.count > choices.count / 2 { break }
            let previous = cached[depth]
            let current = depth
            let states = try parallelMap(keys) { k throws(IndexEngineError) -> BuildState in
                var choice = Array(repeating: 0, count: model.count)
                for (slot, input) in model.steps.indices.filter({ model.steps[$0] < boundaries[next] }).enumerated() { choice[input] = k[slot] }
                guard let start = previous[key(choice, before: boundaries[current])] else { throw Self.missingState }
                return try runSteps(from: boundaries[current], to: boundaries[next], state: start, choice: choice, context: context, variants: variants)
            }
            cached.append(Dictionary(uniqueKeysWithValues: zip(keys, states)))
            depth = next
        }

        let units = result.final.units.count
        let recorded = recorded
        guard recorded.allSatisfy({ (0..<result.final.values.columns).contains($0) }) else {
            throw IndexEngineError(.invalidParameter, "a recorded column is not in the framework", column: "recorded")
        }
        let output = SharedBuffer(count: choices.count * units * recorded.count)
        let done = RunFlags(count: choices.count)
        let failure = FirstError()
        let cache = cached[depth]
        let from = boundaries[depth]
        @Sendable func sample(_ r: Int) throws(IndexEngineError) {
            guard let start = cache[key(choices[r], before: from)] else { throw Self.missingState }
            let state = try runSteps(from: from, to: spec.steps.count, state: start, choice: choices[r], context: context, variants: variants)
            guard state.units == result.final.units else {
                throw IndexEngineError(.invalidParameter, "a sample screened out different units from the nominal build; uncertain screening is not supported", column: "inputs")
            }
            for (c, column) in recorded.enumerated() {
                output.write(state.values.column(column), at: (r * recorded.count + c) * units)
            }
            done.mark(r)
        }
        // Workers take chunks of samples in turn; small chunks keep the progress bar lively.
        let chunk = max(1, min(64, choices.count / (max(1, workers) * 8)))
        let queue = ChunkQueue(count: (choices.count + chunk - 1) / chunk)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, queue.count))) { _ in
            while let c = queue.next(), !control.isCancelled, failure.error == nil {
                let range = (c * chunk)..<min(choices.count, (c + 1) * chunk)
                for r in range where !control.isCancelled {
                    do throws(IndexEngineError) {
                        try sample(r)
                    } catch {
                        let options = choices[r].enumerated().map { "\(model.names[$0]) = \(model.options[$0][$1])" }.joined(separator: ", ")
                        failure.record(IndexEngineError(error.kind, "sample \(r + 1) (\(options)): \(error.message)", column: error.column))
                        break
                    }
                }
                control.finished(range.count { done.isMarked($0) })
            }
        }
        if let error = failure.error { throw error }
        return Outputs(scores: output.values, units: units, columns: recorded.count, finished: done.values, cancelled: control.isCancelled)
    }

    private func runSteps(
        from start: Int, to end: Int, state: BuildState, choice: [Int], context: BuildContext, variants: StepVariants
    ) throws(IndexEngineError) -> BuildState {
        var state = state
        var log = BuildLog()
        for s in start..<end {
            let step = variants.step(s, choice: choice) ?? spec.steps[s]
            try IndexBuild.run(step, on: &state, context: context, log: &log)
        }
        return state
    }

    /// Maps `items` on all cores, keeping their order.
    private func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws(IndexEngineError) -> R) throws(IndexEngineError) -> [R] {
        let slots = Slots<R>(items.count)
        let failure = FirstError()
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            do throws(IndexEngineError) {
                let value = try transform(items[i])
                lock.withLock { slots.values[i] = value }
            } catch {
                failure.record(error)
            }
        }
        if let error = failure.error { throw error }
        return slots.values.compactMap { $0 }
    }
}

/// Result slots that parallel workers fill, each its own index.
private final class Slots<R>: @unchecked Sendable {
    var values: [R?]
    init(_ n: Int) { values = Array(repeating: nil, count: n) }
}

/// The changed steps every sample needs, prepared once per distinct combination of choices.
struct StepVariants: Sendable {
    private let inputsOf: [Int: [Int]]
    private let steps: [Int: [[Int]: BuildStep]]

    init(model: ChoiceModel, choices: [[Int]]) throws(IndexEngineError) {
        var inputsOf: [Int: [Int]] = [:]
        for (input, step) in model.steps.enumerated() { inputsOf[step, default: []].append(input) }
        var steps: [Int: [[Int]: BuildStep]] = [:]
        for (step, inputs) in inputsOf {
            var variants: [[Int]: BuildStep] = [:]
            for choice in choices {
                let key = inputs.map { choice[$0] }
                if variants[key] == nil { variants[key] = try model.variant(of: step, choices: choice) }
            }
            steps[step] = variants
        }
        self.inputsOf = inputsOf
        self.steps = steps
    }

    /// Step `s` as `choice` changes it, or `nil` when no input changes it.
    func step(_ s: Int, choice: [Int]) -> BuildStep? {
        guard let inputs = inputsOf[s] else { return nil }
        return steps[s]?[inputs.map { choice[$0] }]
    }
}

/// Hands out chunk numbers to workers, each once.
private final class ChunkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next_ = 0
    let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard next_ < count else { return nil }
            defer { next_ += 1 }
            return next_
        }
    }
}
