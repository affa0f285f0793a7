import Awards
import Foundation

/// Finding communities and index units by name, accents and case ignored.
struct Search {
    /// One thing found.
    struct Result: Encodable {
        /// `community` or `unit`.
        var kind: String
        var name: String
        var detail: String
        var link: String
        /// What `detail` says, for a page to say it in its own language.
        var facts: Facts

        /// A community's country and latest index score, or a unit's index, year and rank.
        enum Facts {
            case community(country: String, score: Double?, year: Int?)
            case unit(index: String, year: Int, rank: Int?)
        }

        private enum CodingKeys: String, CodingKey { case kind, name, detail, link }

        /// `detail` in the page's language, numbers formatted for it.
        func detail(_ pages: Pages) -> String {
            switch facts {
            case .community(let country, let score, let year):
                guard let year else { return country }
                return country + " · " + pages.phrase("search.communityScore", ["score": pages.format.score(score), "year": String(year)])
            case .unit(let index, let year, let rank):
                return "\(index) \(year) · " + pages.phrase("search.unitRank", ["rank": rank.map(String.init) ?? "—"])
            }
        }
    }

    static let limit = 50

    /// Communities first (names that start with the query before those that contain it), then
    /// the index's units.
    static func run(_ query: String, platform: Platform, directory: CommunityDirectory) async throws -> [Result] {
        guard !query.isEmpty else { return [] }
        guard query.count <= 200 else { return [] }
        var results = directory.search(query, limit: limit).map { p in
            Result(
                kind: "community", name: p.community.name,
                detail: [p.community.country, p.latest.map { "index score \(Show.score($0.overall)) in \($0.year)" }].compactMap { $0 }.joined(separator: " · "),
                link: "/communities/\(p.community.id)", facts: .community(country: p.community.country, score: p.latest?.overall, year: p.latest?.year))
        }
        let wanted = CommunityName.fold(query)
        for index in platform.catalogue.indices {
            guard let edition = index.latest else { continue }
            for row in edition.view.rows where CommunityName.fold(row.name).contains(wanted) || CommunityName.fold(row.code) == wanted {
                let link = index.unitPage(row.code) ?? "/indices/\(index.slug)/units/\(row.code)"
                results.append(Result(kind: "unit", name: row.name, detail: "\(index.name) \(edition.year) · rank \(row.rank.map(String.init) ?? "—")", link: link, facts: .unit(index: index.name, year: edition.year, rank: row.rank)))
            }
        }
        return Array(results.prefix(limit))
    }
}
