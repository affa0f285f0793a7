import Foundation

/// An uncertainty or sensitivity analysis: which choices are uncertain, how many samples, which seed.
public struct AnalysisSpec: Sendable, Codable, Equatable {
    /// The uncertain inputs.
    public var inputs: [UncertainInput]
    /// The number of samples (uncertainty) or base samples N (sensitivity: N·(d+2) builds).
    public var samples: Int
    /// The seed of every random draw, so an analysis can be repeated exactly.
    public var seed: UInt64
    /// Bootstrap resamples for the confidence intervals of Sobol indices.
    public var bootstrap: Int
    /// The confidence level of those intervals.
    public var confidence: Double

    /// Creates an analysis spec.
    public init(inputs: [UncertainInput], samples: Int, seed: UInt64 = 1, bootstrap: Int = 1000, confidence: Double = 0.95) {
        self.inputs = inputs
        self.samples = samples
        self.seed = seed
        self.bootstrap = bootstrap
        self.confidence = confidence
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["inputs", "samples", "seed", "bootstrap", "confidence"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            inputs: try c.decode([UncertainInput].self, forKey: .inputs), samples: try c.value(.samples, default: 100),
            seed: try c.value(.seed, default: 1), bootstrap: try c.value(.bootstrap, default: 1000),
            confidence: try c.value(.confidence, default: 0.95))
    }

    /// Reads and decodes the analysis file at `path`.
    public static func read(path: String) throws(IndexEngineError) -> AnalysisSpec {
        try SpecFile.decode(AnalysisSpec.self, from: try SpecFile.data(path: path, what: "the analysis file"), file: path)
    }
}
