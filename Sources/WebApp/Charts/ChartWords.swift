/// The words of a chart in one language — its legends, axis names and the sentences that describe
/// it to a screen reader (`charts.*` of the locale files) — with numbers, ordinals and lists
/// written as that language writes them.
struct ChartWords: Sendable {
    let format: PageFormat

    /// The phrase `charts.<key>` with its `{placeholders}` filled from `values`.
    func say(_ key: String, _ values: [String: String] = [:]) -> String {
        format.translations.phrase("charts." + key, values, in: format.language)
    }

    /// `x` with `decimals` places (at most), with the language's decimal separator.
    func number(_ x: Double, decimals: Int) -> String { format.localised(ChartFormat.fixed(x, decimals: decimals)) }

    /// A value drawn on the scale `low…high` in words: the number, saying where it is drawn when
    /// it lies off the scale, or "no data".
    func value(_ x: Double, low: Double, high: Double, decimals: Int) -> String {
        guard x.isFinite else { return say("noDataMark") }
        let text = number(x, decimals: decimals)
        if x < low { return say("bar.below", ["value": text, "end": number(low, decimals: decimals)]) }
        if x > high { return say("bar.above", ["value": text, "end": number(high, decimals: decimals)]) }
        return text
    }

    /// A rank from an uncertainty analysis as an ordinal (`12th`, `12e`, `thứ 12`); nil when it is not a rank.
    func ordinal(rank: Double) -> String? { format.ordinal(rank: rank) }

    /// Items joined for a sentence: `a`, `a and b`, `a, b and c`, with the language's "and".
    func list(_ items: [String]) -> String { ChartFormat.list(items, and: say("and")) }

    /// English, for the charts the command line writes and for a chart made without a page.
    /// Without the shipped words (which `Pages.load` refuses to start without), keys stand in.
    static let english = ChartWords(format: PageFormat(language: .en, translations: (try? Translations.shipped()) ?? Translations(phrases: [:])))
}
