import Foundation

/// Shared pieces of the SVG chart renderers: number formatting, colours, element ids and the
/// accessible `<svg>` wrapper every chart uses.
///
/// Everything here is deterministic: the same input gives the same bytes on every run and
/// platform (no `Hasher`, no locale, no dates).
enum ChartFormat {
    /// `x` rounded to two decimals for an SVG coordinate, without trailing zeros
    /// (`150`, `12.5`, `-3.25`). Non-finite values become `0` (callers never pass them on purpose).
    static func coordinate(_ x: Double) -> String {
        fixed(x, decimals: 2)
    }

    /// `x` rounded to `decimals` places (0–6), trailing zeros dropped; never `-0`.
    /// Magnitudes beyond 2^53 fall back to Swift's own description of the rounded value.
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "0" : (x > 0 ? "Infinity" : "-Infinity") }
        let places = max(0, min(decimals, 6))
        var power: UInt64 = 1
        for _ in 0..<places { power *= 10 }
        let scaled = (abs(x) * Double(power)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9_007_199_254_740_992 else { return "\(x.rounded())" }
        let n = UInt64(scaled)
        let whole = n / power
        var fraction = String(n % power)
        var text = String(whole)
        if places > 0 {
            fraction = String(repeating: "0", count: places - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return n == 0 ? text : (x < 0 ? "-" + text : text)
    }

    /// `text` cut to at most `limit` characters, ending in `…` when cut (the full text belongs in
    /// the description and a `<title>` tooltip).
    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// How many characters of a 12-unit label fit in a column `width` wide (about 6.8 units a
    /// character, with 12 to spare), at least 4.
    /// A label column wide enough for the longest of `labels` at 12 px (within `least`–`most`
    /// units), the inverse of `labelLimit(forWidth:)`, so that names are not cut when they fit.
    static func labelWidth(fitting labels: [String], least: Double = 120, most: Double = 320) -> Double {
        min(most, max(least, 14 + 6.8 * Double(labels.map(\.count).max() ?? 0)))
    }

    static func labelLimit(forWidth width: Double) -> Int {
        guard width.isFinite else { return 4 }
        // Clamped on both sides before the conversion, so that no width can trap in Int(_:).
        return max(4, Int(max(0, min((width - 12) / 6.8, 1000))))
    }

    /// `n` as an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th.
    /// The teens take "th" whatever their last digit, in every hundred.
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (abs(n) % 100, abs(n) % 10) {
        case (11...13, _): suffix = "th"
        case (_, 1): suffix = "st"
        case (_, 2): suffix = "nd"
        case (_, 3): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// A rank from the uncertainty analysis (a percentile or median, so possibly fractional) as
    /// an ordinal, rounded to the nearest place; nil when it is not a finite rank of at most a
    /// billion, where no ordinal reads sensibly.
    static func ordinal(rank: Double) -> String? { wholeRank(rank).map(ordinal) }

    /// A fractional rank (a median over samples) rounded to the place it stands for; nil for a
    /// rank no table has (not finite, below 1 once rounded, or too large to be one).
    static func wholeRank(_ rank: Double) -> Int? {
        guard rank.isFinite, rank >= 0.5, rank < 1e9 else { return nil }
        return Int(rank.rounded(.toNearestOrAwayFromZero))
    }

    /// Words joined for a sentence: `a`, `a and b`, `a, b and c`.
    /// `and` joins the last two, so that a page in another language gives its own word.
    static func list(_ items: [String], and: String) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + and + items[items.count - 1]
        }
    }
}

/// The charts' colours. Every colour that carries meaning (text, bars, markers, lines, dots) has a
/// contrast ratio of at least 4.5:1 against white (WCAG AA for text, and so also the 3:1 asked of
/// graphical objects); only the purely decorative grid and graticule lines are lighter.
enum ChartPalette {
    /// Body text, axis labels and comparison markers: 17.4:1.
    static let text = "#1a1a1a"
    /// Secondary text ("no data", tick labels): 7.0:1.
    static let muted = "#595959"
    /// Outlines of "nothing reached" markers: 4.54:1.
    static let faint = "#767676"
    /// The main data colour (bars, radar polygon, rank dots and intervals): 5.42:1.
    static let primary = "#2b6cb0"
    /// Map dots: 5.56:1.
    static let accent = "#b7410e"
    /// Timeline: Smart21 (teal, 5.47:1), Top7 (blue, 6.70:1), Community of the Year (rust, 7.31:1).
    static let smart21 = "#0f766e"
    static let top7 = "#1d4ed8"
    static let communityOfTheYear = "#9a3412"
    /// Grid lines, rings and the graticule: decorative only (1.48:1).
    static let grid = "#d4d4d4"
    /// Hollow markers' fill and dots' halo.
    static let white = "#ffffff"
    /// The map's faint background.
    static let background = "#fbfbfb"
    /// The map's land: decorative only, light enough for every dot to stand out on it.
    static let land = "#e4e9ef"

    /// Every meaningful colour, for the contrast test.
    static let meaningful = [text, muted, faint, primary, accent, smart21, top7, communityOfTheYear]

    /// The WCAG 2 contrast ratio of a `#rrggbb` colour against white.
    static func contrastAgainstWhite(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6 else { return 1 }
        func channel(_ i: Int) -> Double {
            let c = Double(Int(String(digits[i..<(i + 2)]), radix: 16) ?? 0) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
        return 1.05 / (luminance + 0.05)
    }
}


/// Ids for the `<title>` and `<desc>` elements and the `<svg>` wrapper.
enum ChartSVG {
    /// A valid, deterministic element id: `explicit` cleaned to `[A-Za-z0-9_-]` when given,
    /// otherwise `prefix` and a 64-bit FNV-1a hash of `seed` (the same data gives the same id, so
    /// output is stable; two identical charts on one page share ids but also share their text).
    static func id(explicit: String?, prefix: String, seed: String) -> String {
        if let explicit {
            let cleaned = String(explicit.unicodeScalars.filter {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
            }.map(Character.init))
            if let first = cleaned.unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") {
                return cleaned
            }
            return prefix + "-" + cleaned
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return prefix + "-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The opening of an accessible `<svg>` (role, labelling, viewBox) with its `<title>` and
    /// `<desc>`; close it with `</svg>`. `role` is `img` unless the chart holds links, when it is a
    /// `group` whose links stay reachable.
    ///
    /// The chart is drawn at its natural size, one viewBox unit to one CSS pixel (`width` and
    /// `height` equal to the viewBox's), so that its 12-unit text is 12 px on every screen: a
    /// chart scaled to its container's width would shrink its text below legibility on a phone.
    /// Pages put each chart in a frame that scrolls sideways when the screen is narrower than it.
    static func open(id: String, kind: String, width: Double, height: Double, title: String, description: String, role: String = "img") -> String {
        let w = ChartFormat.coordinate(width)
        let h = ChartFormat.coordinate(height)
        return #"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-\#(kind)" viewBox="0 0 \#(w) \#(h)" width="\#(w)" height="\#(h)" preserveAspectRatio="xMidYMid meet" role="\#(role)" aria-labelledby="\#(id)-title \#(id)-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12" fill="\#(ChartPalette.text)">"#
            + #"<title id="\#(id)-title">\#(Markup.escape(title))</title>"#
            + #"<desc id="\#(id)-desc">\#(Markup.escape(description))</desc>"#
    }

    /// A `<text>` element; `content` is escaped here.
    static func text(x: Double, y: Double, _ content: String, anchor: String = "start", fill: String? = nil, weight: String? = nil, size: Double? = nil, extra: String = "") -> String {
        var attributes = #"x="\#(ChartFormat.coordinate(x))" y="\#(ChartFormat.coordinate(y))""#
        if anchor != "start" { attributes += #" text-anchor="\#(anchor)""# }
        if let fill { attributes += #" fill="\#(fill)""# }
        if let weight { attributes += #" font-weight="\#(weight)""# }
        if let size { attributes += #" font-size="\#(ChartFormat.coordinate(size))""# }
        if !extra.isEmpty { attributes += " " + extra }
        return "<text \(attributes)>\(Markup.escape(content))</text>"
    }

    /// A straight line.
    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, extra: String = "") -> String {
        let c = ChartFormat.coordinate
        var s = #"<line x1="\#(c(x1))" y1="\#(c(y1))" x2="\#(c(x2))" y2="\#(c(y2))" stroke="\#(stroke)""#
        if width != 1 { s += #" stroke-width="\#(c(width))""# }
        if !extra.isEmpty { s += " " + extra }
        return s + "/>"
    }

    /// A complete chart that says there is nothing to show: the shared empty state.
    static func empty(id: String, kind: String, title: String, message: String, width: Double = 600, height: Double = 80) -> String {
        open(id: id, kind: kind, width: width, height: height, title: title, description: "\(message).")
            + text(x: width / 2, y: height / 2 + 4, message, anchor: "middle", fill: ChartPalette.muted, size: 14)
            + "</svg>"
    }
}
