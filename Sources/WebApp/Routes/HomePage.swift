import Awards

/// The home page: what the programme is, its latest results and index, the index's leaders and
/// a search box.
enum HomePage {
    /// The programme's stages, two sentences each.
    static let stages: [(name: String, text: String)] = [
        ("Smart21", "Communities nominate themselves each year with a questionnaire on six factors, and independent analysts score every nomination. The 21 best scored form the Smart21."),
        ("Top7", "The Smart21 answer a second questionnaire and are scored again. The seven best, by both rounds' scores, are the Top7 and receive site visits."),
        ("Community of the Year", "An international jury ranks the Top7 on ranked ballots. The jury's count, combined with the Top7 scores, names the Community of the Year."),
    ]

    /// What each of the six factors asks of a community.
    static let factorTexts: [String: String] = [
        "Connect": "Broadband, affordable and everywhere, and the digital services built on it. How well homes, firms and public services are connected.",
        "Work": "A workforce with the skills the knowledge economy asks for. Schools, universities and employers training people for the jobs that come.",
        "Innovate": "New firms, research and public services that try new things. How the community turns ideas into work and growth.",
        "Engage": "Leaders and citizens who tell the community's story and take part in its plans. Advocacy at home and abroad.",
        "Include": "No one left out of the digital economy: access, devices and skills for every group. Closing the gaps of income, age and place.",
        "Sustain": "Growth that the environment can carry. Energy, transport and land use planned for the long term.",
    ]

    static func context(_ platform: Platform, directory: CommunityDirectory) async throws -> [String: Any] {
        let index = platform.index
        let first = platform.firstIndex
        let cycles = try await platform.store.cycles()
        var latestResults: [String: Any]?
        for cycle in cycles.sorted(by: { $0.year > $1.year }) {
            let announcement = try await CycleAnnouncement(cycle: cycle, store: platform.store)
            guard let publication = announcement.publication else { continue }
            latestResults = [
                "year": cycle.year,
                "finalists": publication.ranking.enumerated().compactMap { i, id -> [String: Any]? in
                    guard let entry = announcement.entry(id) else { return nil }
                    return ["position": i + 1, "name": entry.community, "country": entry.country, "id": Community.id(name: entry.community, country: entry.country), "winner": i == 0]
                },
            ]
            break
        }
        let record = directory.profiles.compactMap(\.history)
        let winners = record.flatMap { h in h.winningYears.map { (year: $0, history: h) } }.sorted { $0.year > $1.year }
        let factors = Factor.standard.map { ["name": $0.name, "text": factorTexts[$0.code] ?? $0.summary] }
        var context: [String: Any] = [
            "title": "Home", "indexName": index.name, "unitCount": index.rows.count, "indicatorCount": index.build.framework.indicatorCount,
            "indexSlug": first.slug, "indexYear": first.latest.map { String($0.year) } ?? "",
            "top": index.rows.prefix(5).map { ["code": $0.code, "name": $0.name, "score": Show.score($0.scores[index.aggregates.first?.code ?? ""]), "slug": first.slug] },
            "indices": try await platform.catalogue.all().map { i -> [String: Any] in
                ["slug": i.slug, "name": i.name, "description": i.description, "years": i.years.count == 1 ? String(i.years[0]) : "\(i.years.first ?? 0)–\(i.years.last ?? 0)"]
            },
            "stages": stages.map { ["name": $0.name, "text": $0.text] }, "factors": factors,
            "communityCount": directory.profiles.count,
            "recordCount": record.count,
            "firstYear": record.compactMap(\.firstYear).min().map(String.init) ?? "—",
            "lastYear": record.compactMap(\.latestYear).max().map(String.init) ?? "—",
            "cycles": cycles.map { ["year": $0.year, "phase": $0.phase.title] }, "hasCycles": !cycles.isEmpty,
            "winners": winners.prefix(8).map { ["year": $0.year, "name": $0.history.community, "country": $0.history.country, "id": Community.id(name: $0.history.community, country: $0.history.country)] },
        ]
        if let latestResults { context["latestResults"] = latestResults }
        if let edition = directory.index.latest {
            context["ici"] = [
                "year": edition.year, "nominees": edition.scores.count,
                "leaders": edition.scores.prefix(5).map { s -> [String: Any] in
                    ["id": s.community, "name": s.name, "country": s.country, "score": Show.score(s.overall), "synthetic": s.name.hasSuffix("(synthetic)")]
                },
            ]
        }
        return context
    }
}
