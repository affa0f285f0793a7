import Awards
import Foundation

/// Numbers and dates written for a page's language: the one formatter behind every translated
/// page, with the decimal separator and the date pattern and month names of the locale files
/// (`format.*`), so that a translator sets them with the words.
///
/// The digits come from `Show`, which never traps on a stored number (`1e300`, `-0`, NaN); this
/// only changes the decimal separator, and leaves numbers that are read back by machines —
/// form values, CSV, JSON — as they are, which is why those never go through it.
struct PageFormat: Sendable {
    let language: Language
    let translations: Translations

    /// A number with `decimals` places (`2,50` in French), an em dash when missing or not finite.
    func number(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return "—" }
        return localised(Show.fixed(value, decimals: decimals))
    }

    /// A score with two decimals, as `Show.score`.
    func score(_ value: Double?) -> String { localised(Show.score(value)) }

    /// A count: whole numbers without decimals, as `Show.count`.
    func count(_ value: Double?) -> String { localised(Show.count(value)) }

    /// An ordinal rank: `12th`, `12e` (`1re`), `thứ 12`. English follows its own rules (1st, 2nd,
    /// 11th, `ChartFormat.ordinal`); other languages have one pattern and one for the first.
    func ordinal(_ n: Int) -> String {
        guard language != .en else { return ChartFormat.ordinal(n) }
        return n == 1 ? translations.phrase("format.ordinalFirst", in: language) : translations.phrase("format.ordinal", ["n": String(n)], in: language)
    }

    /// A fractional rank (a median over samples) as the ordinal of its place; nil when it is
    /// not a rank (`ChartFormat.wholeRank`).
    func ordinal(rank: Double) -> String? { ChartFormat.wholeRank(rank).map(ordinal) }

    /// The day of `date` (UTC): `1 December 2026`, `1 décembre 2026`, `ngày 1 tháng 12 năm 2026`.
    func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// A calendar date written `YYYY-MM-DD`, as the cycle's schedule holds them, in words; the
    /// text as it is when it is not such a date.
    func date(_ text: String) -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return text }
        return day(year: parts[0], month: parts[1], day: parts[2])
    }

    /// A moment as read on the clocks of `zone`, which the page names `name`: `15 January 2027,
    /// 14:00 (Asia/Bangkok)`, `15 janvier 2027 à 14:00 (Asia/Bangkok)`, `14:00 ngày 15 tháng 1 năm
    /// 2027 (Asia/Bangkok)`. A deadline is shown in its cycle's zone, so that everyone reads the
    /// same time the organisers set.
    func time(_ instant: Date, in zone: TimeZone, called name: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return translations.phrase("format.dateTime", [
            "date": day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1), "time": clock, "zone": name,
        ], in: language)
    }

    private func day(year: Int, month: Int, day: Int) -> String {
        translations.phrase("format.date", [
            "day": String(day), "month": translations.phrase("format.month\(month)", in: language),
            "monthNumber": String(month), "year": String(year),
        ], in: language)
    }

    /// `text`, a number as `Show` writes it, with the language's decimal separator.
    func localised(_ text: String) -> String {
        let separator = translations.phrase("format.decimalSeparator", in: language)
        return separator == "." ? text : text.replacingOccurrences(of: ".", with: separator)
    }
}
