extension UncertainInput {
    /// The input as a reader of the index calls it ("Weights", "Normalisation method",
    /// "Outlier treatment: most points winsorised"), from what it changes rather than from the
    /// name the analysis file gives it (often a parameter's code, such as `winmax`).
    ///
    /// - Parameter stepKind: the kind of the step it changes (`treat`, `normalise`, …).
    public func title(stepKind: String?) -> String {
        if noise != nil { return "Weights" }
        let step = stepKind.map { Self.stepTitles[$0] ?? $0 } ?? name
        guard values != nil, let field else { return step + " method" }
        switch (stepKind, field) {
        case (_, "method"): return step + " method"
        case ("aggregate", "weights"): return "Weights"
        default: return "\(step): \(Self.fieldTitles[field] ?? field)"
        }
    }

    /// What each kind of step does, as a noun.
    static let stepTitles = [
        "denominate": "Denomination", "impute": "Imputation", "screen": "Unit screening", "treat": "Outlier treatment",
        "normalise": "Normalisation", "aggregate": "Aggregation",
    ]

    /// The parameters that analyses vary, in words.
    static let fieldTitles = [
        "winmax": "most points winsorised", "skewThreshold": "skew threshold", "kurtosisThreshold": "kurtosis threshold",
        "threshold": "threshold", "range": "range", "group": "group", "by": "criterion", "mean": "mean", "sd": "standard deviation",
        "weights": "weights",
    ]
}
