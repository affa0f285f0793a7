import Foundation

/// A community's record across award years: the stage reached each year and its streaks.
///
/// Reaching the Top7 or Community of the Year means the community was on that year's Smart21,
/// even where the published Smart21 list is incomplete, so streaks count those years too.
public struct CommunityHistory: Sendable, Equatable {
    /// The community's name.
    public var community: String
    /// Its country.
    public var country: String
    /// The highest stage reached in each year it was recognised.
    public var stages: [Int: AwardStage]
    /// The recognitions it comes from, by year then stage.
    public var recognitions: [Recognition]

    /// The first year the community was recognised.
    public var firstYear: Int? { stages.keys.min() }
    /// The latest year the community was recognised.
    public var latestYear: Int? { stages.keys.max() }
    /// The years on the Smart21 (every recognised year), ascending.
    public var smart21Years: [Int] { stages.keys.sorted() }
    /// The years in the Top7 or higher, ascending.
    public var top7Years: [Int] { stages.filter { $0.value >= .top7 }.keys.sorted() }
    /// The years named Community of the Year.
    public var winningYears: [Int] { stages.filter { $0.value == .communityOfTheYear }.keys.sorted() }

    /// The longest run of consecutive years on the Smart21: its length, first and last year.
    public var longestStreak: (length: Int, from: Int, to: Int)? { Self.longestRun(smart21Years) }
    /// The longest run of consecutive years in the Top7.
    public var longestTop7Streak: (length: Int, from: Int, to: Int)? { Self.longestRun(top7Years) }

    /// The longest run of consecutive integers in ascending `years`.
    static func longestRun(_ years: [Int]) -> (length: Int, from: Int, to: Int)? {
        guard var start = years.first else { return nil }
        var best = (length: 1, from: start, to: start)
        for (previous, year) in zip(years, years.dropFirst()) {
            if year != previous + 1 { start = year }
            let length = year - start + 1
            if length > best.length { best = (length, start, year) }
        }
        return best
    }

    /// Histories of every community in `recognitions`, in name order.
    public static func all(_ recognitions: [Recognition]) -> [CommunityHistory] {
        var byCommunity: [String: CommunityHistory] = [:]
        for r in recognitions {
            let key = CommunityName.key(r.community, country: r.country)
            var history = byCommunity[key] ?? CommunityHistory(community: r.community, country: r.country, stages: [:], recognitions: [])
            history.stages[r.awardYear] = max(history.stages[r.awardYear] ?? r.stage, r.stage)
            history.recognitions.append(r)
            byCommunity[key] = history
        }
        return byCommunity.values.map { h in
            var sorted = h
            sorted.recognitions.sort { ($0.awardYear, $0.stage.order) < ($1.awardYear, $1.stage.order) }
            return sorted
        }.sorted { ($0.community, $0.country) < ($1.community, $1.country) }
    }

    /// The history of the community `name` (accents, case and spacing ignored).
    ///
    /// - Throws: `unknownReference` with the closest names when none matches, or when several
    ///   communities of different countries share the name.
    public static func find(_ name: String, in recognitions: [Recognition]) throws(AwardsError) -> CommunityHistory {
        let histories = all(recognitions)
        let wanted = CommunityName.fold(name)
        let matches = histories.filter { CommunityName.fold($0.community) == wanted }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let list = matches.map { "\($0.community) (\($0.country))" }.joined(separator: ", ")
            throw AwardsError(.unknownReference, "'\(name)' names several communities: \(list)", field: "community")
        }
        let close = histories.filter { CommunityName.fold($0.community).contains(wanted) || wanted.contains(CommunityName.fold($0.community)) }
        let hint = close.isEmpty ? "" : "; did you mean " + close.prefix(5).map(\.community).joined(separator: ", ") + "?"
        throw AwardsError(.unknownReference, "no community named '\(name)' in the record\(hint)", field: "community")
    }
}

/// Comparing community names as people type them.
public enum CommunityName {
    /// The name folded for comparison: lower case, without accents, spaces collapsed.
    public static func fold(_ name: String) -> String {
        // ASCII text, as most names are, has no accents to remove: one pass over its bytes, with
        // the same result as the general way below, which costs far more (every nomination
        // decoded folds its community's name and country).
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(name) }
        return foldUnicode(name)
    }

    /// `fold` of any text: decomposed, accents dropped, lower case, words joined by one space.
    static func foldUnicode(_ name: String) -> String {
        let decomposed = name.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
        let plain = String(String.UnicodeScalarView(decomposed)).lowercased()
        return plain.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).joined(separator: " ")
    }

    /// `fold` of ASCII text: lower case, and the words between white space (tab to carriage
    /// return, space) and dashes joined by one space, or by `separator`.
    static func foldASCII(_ name: String, joiningWith separator: UInt8 = 0x20) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(name.utf8.count)
        var gap = false
        for byte in name.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "-") {
                gap = !folded.isEmpty
                continue
            }
            if gap {
                folded.append(separator)
                gap = false
            }
            folded.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// The identity of a community: folded name and country.
    static func key(_ name: String, country: String) -> String {
        fold(name) + "|" + fold(country)
    }
}
