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
                link: "/communities/\(p.community.id)")
        }
        let wanted = CommunityName.fold(query)
        for index in platform.catalogue.indices {
            guard let edition = index.latest else { continue }
            for row in edition.view.rows where CommunityName.fold(row.name).contains(wanted) || CommunityName.fold(row.code) == wanted {
                let link = index.unitPage(row.code) ?? "/indices/\(index.slug)/units/\(row.code)"
                results.append(Result(kind: "unit", name: row.name, detail: "\(index.name) \(edition.year) · rank \(row.rank.map(String.init) ?? "—")", link: link))
            }
        }
        return Array(results.prefix(limit))
    }
}
