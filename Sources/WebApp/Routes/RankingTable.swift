import Hummingbird

/// One edition's ranking as a query asks for it: the units that pass the filter, in its order,
/// each with its rank within the filter and its rank in the previous edition.
///
/// The page, the CSV and the API are all made from it, so that they always agree.
struct RankingTable {
    /// A unit's line.
    struct Entry: Encodable {
        var row: IndexView.Row
        /// The rank among the units that pass the filter; `nil` without a filter.
        var rankInFilter: Int?
        /// The rank in the previous edition, when there is one and the unit was ranked in it.
        var previousRank: Int?

        /// Places gained since the previous edition (negative when lost).
        var change: Int? {
            guard let rank = row.rank, let previousRank else { return nil }
            return previousRank - rank
        }

        private enum Keys: String, CodingKey { case rankInFilter, previousRank, rankChange }

        /// The row's fields, and the ranks beside them.
        func encode(to encoder: any Encoder) throws {
            try row.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encodeIfPresent(rankInFilter, forKey: .rankInFilter)
            try c.encodeIfPresent(previousRank, forKey: .previousRank)
            try c.encodeIfPresent(change, forKey: .rankChange)
        }
    }

    let index: HostedIndex
    let edition: HostedIndex.Edition
    /// The edition before, against which changes are counted.
    let previous: HostedIndex.Edition?
    let query: RankingQuery
    let entries: [Entry]

    /// The table of `query` on `index`; the query's year is one of the index's.
    init(_ index: HostedIndex, _ query: RankingQuery) throws {
        guard let edition = index.edition(query.year) else { throw HTTPError(.notFound, message: "year \(query.year): \(index.name) has no edition of that year") }
        self.index = index
        self.edition = edition
        self.query = query
        previous = index.edition(before: edition.year)
        let previousRanks = Dictionary((previous?.view.rows ?? []).compactMap { row in row.rank.map { (row.code, $0) } }, uniquingKeysWith: min)
        var rows = edition.view.rows
        let filter = query.filter.split(separator: ":", maxSplits: 1).map(String.init)
        if !query.filter.isEmpty {
            rows = filter.count == 2 ? rows.filter { $0.groups[filter[0]] == filter[1] } : []
        }
        let filteredRanks = rows.compactMap(\.rank)
        var entries = rows.map { row in
            Entry(
                row: row, rankInFilter: query.filter.isEmpty ? nil : row.rank.map { rank in 1 + filteredRanks.filter { $0 < rank }.count },
                previousRank: previousRanks[row.code])
        }
        // Ties keep the rank order; a unit without the value sorted on goes last.
        let order = Dictionary(entries.enumerated().map { ($1.row.code, $0) }, uniquingKeysWith: min)
        func sorted<Key: Comparable>(_ key: (Entry) -> Key?, descending: Bool) {
            entries.sort { a, b in
                switch (key(a), key(b)) {
                case let (x?, y?) where x != y: descending ? x > y : x < y
                case (_?, nil): true
                case (nil, _?): false
                default: order[a.row.code, default: 0] < order[b.row.code, default: 0]
                }
            }
        }
        switch query.sort {
        case .rank: break
        case .name: sorted({ $0.row.name }, descending: false)
        case .change: sorted({ $0.change }, descending: true)
        case .interval: sorted({ $0.row.rankInterval.flatMap { $0.first?.isFinite == true ? $0.first : nil } }, descending: false)
        case .score(let code): sorted({ $0.row.scores[code].flatMap { $0.isFinite ? $0 : nil } }, descending: true)
        }
        self.entries = entries
    }

    /// Every group value of the edition as a filter option, labelled in plain words.
    static func filterOptions(_ index: HostedIndex, _ view: IndexView) -> [(value: String, label: String)] {
        view.groupNames.flatMap { group in
            Set(view.rows.compactMap { $0.groups[group] }).sorted().map { ("\(group):\($0)", index.labels.label(group, $0)) }
        }
    }
}
