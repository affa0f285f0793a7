import Awards

/// Shortlist robustness in words, for the organiser's preview and the public cycle page alike.
enum RobustnessWords {
    /// The inputs a robustness run drew: "the analysts, the calibration method and the index's
    /// normalisation".
    static func drawn(_ inputs: [String]) -> String {
        ChartFormat.list(inputs.map { ShortlistRobustness.alwaysDrawn.contains($0) ? "the " + $0 : "the index's " + $0 })
    }
}
