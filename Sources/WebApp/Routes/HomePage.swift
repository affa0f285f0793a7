import Awards

/// The home page: what the programme is, its latest results and index, the index's leaders and
/// a search box.
enum HomePage {
    /// The programme's stages, each named by its `stages.*` phrase and told in two sentences
    /// (`home.stage.*`).
    static let stages = ["smart21", "top7", "community_of_the_year"]

    static func context(_ platform: Platform, directory: CommunityDirectory, pages: Pages) async throws -> [String: Any] {
        let index = platform.index
        let first = platform.firstIndex
        let cycles = try await platform.store.cycles()
        var latestResults: [String: Any]?
        for cycle in cycles.sorted(by: { $0.year > $1.year }) {
            let announcement = try await CycleAnnouncement(cycle: cycle, store: platform.store)
            guard let publication = announcement.publication else { continue }
            latestResults = [
                "year": cycle.year, "heading": pages.phrase("home.latestResults", ["year": String(cycle.year)]),
                "howDecided": pages.phrase("home.howDecided", ["year": String(cycle.year)]),
                "finalists": publication.ranking.enumerated().compactMap { i, id -> [String: Any]? in
                    guard let entry = announcement.entry(id) else { return nil }
                    return ["position": i + 1, "name": entry.community, "country": entry.country, "id": Community.id(name: entry.community, country: entry.country), "winner": i == 0]
                },
            ]
            break
        }
        let record = directory.profiles.compactMap(\.history)
        let winners = record.flatMap { h in h.winningYears.map { (year: $0, history: h) } }.sorted { $0.year > $1.year }
        // What each of the six factors asks of a community, in two sentences.
        let factors = Factor.standard.map { ["name": $0.name, "text": pages.phrase("home.factor." + $0.code)] }
        var context: [String: Any] = [
            "title": pages.phrase("home.title"), "indexName": index.name, "unitCount": index.rows.count, "indicatorCount": index.build.framework.indicatorCount,
            "indexSlug": first.slug, "indexYear": first.latest.map { String($0.year) } ?? "",
            "top": index.rows.prefix(5).map { ["code": $0.code, "name": $0.name, "score": pages.format.score($0.scores[index.aggregates.first?.code ?? ""]), "slug": first.slug] },
            "indices": try await platform.catalogue.all().map { i -> [String: Any] in
                ["slug": i.slug, "name": i.name, "description": i.description, "years": i.years.count == 1 ? String(i.years[0]) : "\(i.years.first ?? 0)–\(i.years.last ?? 0)"]
            },
            "stages": stages.map { ["name": pages.phrase("stages." + $0), "text": pages.phrase("home.stage." + $0)] }, "factors": factors,
            "researchExample": pages.phrase("home.researchExample", ["units": String(index.rows.count), "indicators": String(index.build.framework.indicatorCount)]),
            "recordSummary": pages.phrase("home.recordSummary", [
                "count": String(record.count), "first": record.compactMap(\.firstYear).min().map(String.init) ?? "—",
                "last": record.compactMap(\.latestYear).max().map(String.init) ?? "—",
            ]),
            "cycles": cycles.map { ["year": $0.year, "phase": pages.phrase("phases." + $0.phase.rawValue)] }, "hasCycles": !cycles.isEmpty,
            "winners": winners.prefix(8).map { ["year": $0.year, "name": $0.history.community, "country": $0.history.country, "id": Community.id(name: $0.history.community, country: $0.history.country)] },
        ]
        if let latestResults { context["latestResults"] = latestResults }
        if let edition = directory.index.latest {
            context["ici"] = [
                "year": edition.year, "heading": pages.phrase("home.ici", ["year": String(edition.year)]),
                "intro": pages.phrase("home.iciIntro", ["count": String(edition.scores.count)]),
                "allCommunities": pages.phrase("home.allCommunities", ["count": String(directory.profiles.count)]),
                "leaders": edition.scores.prefix(5).map { s -> [String: Any] in
                    ["id": s.community, "name": s.name, "country": s.country, "score": pages.format.score(s.overall), "synthetic": s.name.hasSuffix("(synthetic)")]
                },
            ]
        }
        return context
    }
}
