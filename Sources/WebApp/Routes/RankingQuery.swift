import Foundation
import Hummingbird

/// What a request asks of an index: the edition (`?year=`), the units (`?filter=group:value`),
/// their order (`?sort=`) and, on the page, the aggregates shown (`?columns=`, repeated).
///
/// Everything is checked against the index, so that the query names only real years, sort keys
/// and aggregates; its `text` is therefore canonical and can key kept responses.
struct RankingQuery: Equatable {
    /// The orders a ranking can be put in, each in one direction: ranks and names ascending,
    /// scores and rank changes descending (best first).
    enum Sort: Equatable {
        case rank, name, change, interval
        case score(String)

        /// The value of `?sort=`.
        var key: String {
            switch self {
            case .rank: "rank"
            case .name: "name"
            case .change: "change"
            case .interval: "interval"
            case .score(let code): code
            }
        }

        /// The direction, as `aria-sort` names it.
        var direction: String {
            switch self {
            case .rank, .name, .interval: "ascending"
            case .change, .score: "descending"
            }
        }
    }

    /// The edition's year.
    var year: Int
    /// Whether the year was asked for, rather than the latest taken.
    var yearGiven: Bool
    /// `group:value`, or empty for every unit.
    var filter: String
    var sort: Sort
    /// The aggregates the page shows, in the framework's order: those asked for (the default
    /// ones when none are), and the one sorted on.
    var columns: [String]

    /// The query of `request` on `index`.
    ///
    /// - Throws: `HTTPError` 400 when `year` is not a year, 404 when the index has no edition of it.
    init(_ request: Request, index: HostedIndex) throws {
        let parameters = request.uri.queryParameters
        let year = try Self.year(parameters["year"].map(String.init), index: index)
        let view = year.edition.view
        self.year = year.edition.year
        yearGiven = year.given
        filter = parameters["filter"].map(String.init) ?? ""
        sort = Self.sort(parameters["sort"].map(String.init) ?? "rank", view: view)
        // Only known codes, each once, in the framework's order: a huge or hostile list shrinks to those.
        // The aggregate sorted on is always shown, so that the order can be seen.
        var asked = Set(parameters[values: "columns"].map(String.init))
        if asked.isEmpty { asked = Set(Self.defaultColumns(view)) }
        if case .score(let code) = sort { asked.insert(code) }
        columns = view.aggregates.map(\.code).filter(asked.contains)
    }

    /// The edition `text` asks for (`?year=`), or the latest when it is absent.
    static func year(_ text: String?, index: HostedIndex) throws -> (edition: HostedIndex.Edition, given: Bool) {
        guard let text else {
            guard let latest = index.latest else { throw HTTPError(.notFound, message: "\(index.name) has no edition yet") }
            return (latest, false)
        }
        // Four digits and nothing else: no sign, exponent or fraction ("-0", "1e300", "2020.0").
        guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text) else {
            throw HTTPError(.badRequest, message: "year must be a year of four digits, such as \(index.latest?.year ?? 2020)")
        }
        guard let edition = index.edition(year) else {
            throw HTTPError(.notFound, message: "year \(year): \(index.name) has no edition of that year (its years: \(Self.years(index)))")
        }
        return (edition, true)
    }

    /// "2018–2022", or the years listed when they are not consecutive.
    static func years(_ index: HostedIndex) -> String {
        let years = index.years
        guard let first = years.first, let last = years.last else { return "none" }
        if first == last { return String(first) }
        return last - first == years.count - 1 ? "\(first)–\(last)" : years.map(String.init).joined(separator: ", ")
    }

    /// The order `key` names, the rank order when it names none.
    static func sort(_ key: String, view: IndexView) -> Sort {
        switch key {
        case "name": .name
        case "change": .change
        case "interval": .interval
        case let code where view.aggregates.contains { $0.code == code }: .score(code)
        default: .rank
        }
    }

    /// The aggregates a page shows unless asked otherwise: the top two levels (the index and its sub-indices).
    static func defaultColumns(_ view: IndexView) -> [String] {
        let levels = Set(view.aggregates.map(\.level)).sorted(by: >).prefix(2)
        return view.aggregates.filter { levels.contains($0.level) }.map(\.code)
    }

    /// Whether the columns are the default ones.
    func showsDefaultColumns(_ view: IndexView) -> Bool { columns == Self.defaultColumns(view) }

    /// The query string that reproduces this query, with `sort` and `columns` replaced when given.
    func text(sort: Sort? = nil, columns: [String]? = nil, year: Int? = nil, defaultColumns: [String]) -> String {
        var parts: [String] = []
        if let year { parts.append("year=\(year)") } else if yearGiven { parts.append("year=\(self.year)") }
        if !filter.isEmpty { parts.append("filter=" + Self.encode(filter)) }
        let sort = sort ?? self.sort
        if sort != .rank { parts.append("sort=" + Self.encode(sort.key)) }
        let columns = columns ?? self.columns
        if columns != defaultColumns { parts += columns.map { "columns=" + Self.encode($0) } }
        return parts.joined(separator: "&")
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~:_"))) ?? ""
    }
}
