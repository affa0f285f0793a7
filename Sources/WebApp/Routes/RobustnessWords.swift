import Awards

/// Shortlist robustness in words, for the organiser's preview and the public cycle page alike,
/// in the page's language.
enum RobustnessWords {
    /// The inputs a robustness run drew: "the analysts, the calibration method and the index's
    /// normalisation". The two every run draws have words of their own; an index's choices are
    /// named as the index names them.
    static func drawn(_ inputs: [String], pages: Pages) -> String {
        list(inputs.map { input in
            switch input {
            case "analysts": pages.phrase("robustness.analysts")
            case "calibration method": pages.phrase("robustness.calibration")
            default: pages.phrase("robustness.indexInput", ["input": input])
            }
        }, pages: pages)
    }

    /// Names joined for a sentence in the page's language: `a, b and c`, `a, b et c`.
    static func list(_ items: [String], pages: Pages) -> String {
        ChartFormat.list(items, and: pages.phrase("robustness.and"))
    }
}
