extension Calibration {
    /// Checks the scale, the settings and every score before any arithmetic.
    static func validate(_ scores: [Score], scale: Scale, settings: Settings) throws(AwardsError) {
        guard scale.lower.isFinite, scale.upper.isFinite, scale.lower < scale.upper else {
            throw AwardsError(.invalidValue, "the rubric scale needs a finite low end below its high end, not [\(scale.lower), \(scale.upper)]", field: "scale")
        }
        guard settings.disagreementThreshold.isFinite, settings.disagreementThreshold >= 0 else {
            throw AwardsError(.invalidValue, "the disagreement threshold must be a finite share ≥ 0 of the scale, not \(settings.disagreementThreshold)", field: "disagreementThreshold")
        }
        var seen = Set<[String]>()
        for (i, s) in scores.enumerated() {
            guard !s.analyst.isEmpty, !s.nomination.isEmpty, !s.factor.isEmpty else {
                throw AwardsError(.invalidValue, "score \(i + 1) lacks an analyst, a nomination or a factor", row: i + 1)
            }
            guard s.value >= scale.lower && s.value <= scale.upper else {
                throw AwardsError(
                    .invalidValue,
                    "analyst '\(s.analyst)' scored nomination '\(s.nomination)' \(s.value), outside the scale [\(scale.lower), \(scale.upper)]",
                    row: i + 1, field: s.factor)
            }
            guard seen.insert([s.analyst, s.nomination, s.factor]).inserted else {
                throw AwardsError(.duplicate, "analyst '\(s.analyst)' scored nomination '\(s.nomination)' twice", row: i + 1, field: s.factor)
            }
        }
    }
}
