import Awards
import Foundation
import IndexEngine

/// The contexts of the community pages: the directory, a profile and a comparison.
enum CommunityPage {
    /// The directory of every community, in the page's language.
    static func directory(_ directory: CommunityDirectory, pages: Pages) -> [String: Any] {
        // The map shows the real communities; the synthetic ones have no place on it.
        let real = directory.profiles.filter { !$0.synthetic }
        return [
            "title": pages.phrase("nav.communities"),
            "summary": pages.phrase(directory.index.latest == nil ? "directory.summary" : "directory.summaryLatest", [
                "count": String(directory.profiles.count), "recorded": String(directory.profiles.count { $0.history != nil }),
                "scored": String(directory.profiles.count { !$0.scores.isEmpty }), "year": directory.index.latest.map { String($0.year) } ?? "",
            ]),
            "map": WorldMap(title: pages.phrase("directory.mapTitle"), places: real.map { p in
                WorldMap.Place(
                    p.community.name, latitude: p.community.latitude, longitude: p.community.longitude,
                    stage: p.history.flatMap { $0.stages.values.max() }.flatMap { WorldMap.Stage(rawValue: $0.rawValue) } ?? .none,
                    country: p.community.country, region: p.community.region, link: "/communities/\(p.community.id)")
            }, words: pages.chartWords).svg(),
            "communities": directory.profiles.map { p -> [String: Any] in
                var row: [String: Any] = [
                    "id": p.community.id, "name": p.community.name, "country": p.community.country, "region": p.community.region,
                    "synthetic": p.synthetic, "years": p.history?.smart21Years.count ?? 0,
                    "best": p.history.flatMap { $0.stages.values.max() }.map { pages.phrase("stages." + $0.rawValue) } ?? "—",
                    "score": p.latest.map { pages.format.score($0.overall) } ?? "—",
                ]
                // An unscored community shows the dash alone, not "— ()".
                if let latest = p.latest { row["scoreYear"] = String(latest.year) }
                return row
            },
        ]
    }

    /// A community's profile in the page's language (`pages`' phrases and formats).
    static func profile(_ profile: CommunityDirectory.Profile, directory: CommunityDirectory, caseStudies: [CaseStudy], pages: Pages) -> [String: Any] {
        let community = profile.community, history = profile.history, format = pages.format
        let stage = { (stage: AwardStage?) in stage.map { pages.phrase("stages." + $0.rawValue) } }
        let streak = history?.longestStreak.map {
            $0.length == 1 ? pages.phrase("profile.streakOne") : pages.phrase("profile.streakMany", ["length": String($0.length), "from": String($0.from), "to": String($0.to)])
        } ?? pages.phrase("profile.streakNone")
        var context: [String: Any] = [
            "title": community.name, "id": community.id, "name": community.name, "country": community.country, "region": community.region,
            "synthetic": profile.synthetic, "syntheticNote": pages.phrase("profile.synthetic"),
            "hasRecord": history != nil,
            "timeline": TimelineChart(
                title: pages.phrase("profile.timelineTitle", ["community": community.name]),
                years: min(2018, history?.firstYear ?? 2018)...max(2024, history?.latestYear ?? 2024, profile.latest?.year ?? 2024),
                stages: (history?.stages ?? [:]).compactMapValues { TimelineChart.Stage(rawValue: $0.rawValue) }, words: pages.chartWords).svg(),
            // Each recognised year with its certificate.
            "years": (history?.smart21Years ?? []).map { year -> [String: Any] in
                ["year": year, "stage": stage(history?.stages[year]) ?? "", "certificate": "/communities/\(community.id)/certificates/\(year)"]
            },
            "recordSummary": pages.phrase("profile.recordSummary", [
                "first": history?.firstYear.map(String.init) ?? "—", "smart21": String(history?.smart21Years.count ?? 0),
                "streak": streak, "top7": String(history?.top7Years.count ?? 0),
            ]),
            "hasScores": !profile.scores.isEmpty,
            "noScores": pages.phrase("profile.noScores", ["name": community.name]),
            "noRecord": pages.phrase("profile.noRecord", ["name": community.name]),
            "noCaseStudies": pages.phrase("profile.noCaseStudies", ["name": community.name]),
            "caseStudies": caseStudies.map { ["id": $0.id, "title": $0.title, "year": $0.year, "summary": $0.summary] },
            "hasCaseStudies": !caseStudies.isEmpty,
        ]
        // Mustache shows a section for any present value, an empty string included: only what exists is set.
        if community.kind != .other { context["kind"] = pages.phrase("kinds." + community.kind.rawValue) }
        if let website = community.website, !website.isEmpty { context["website"] = website }
        if let wins = history?.winningYears, !wins.isEmpty { context["wins"] = pages.phrase("profile.wins", ["years": wins.map(String.init).joined(separator: ", ")]) }
        if let latest = profile.latest, let edition = directory.index.edition(latest.year) {
            context["latest"] = [
                "year": latest.year, "overall": format.score(latest.overall), "rank": latest.rank, "nominees": latest.nominees,
                "overallLabel": pages.phrase("profile.overallScore", ["year": String(latest.year)]),
                "sentence": rankSentence(latest, pages: pages), "stage": stage(latest.stage).map { pages.phrase("profile.stageReached", ["stage": $0]) } ?? "",
                "cutoff": edition.smart21Cutoff.map { format.score($0) } ?? "",
                "median": format.score(edition.medians["overall"]),
            ]
            context["factors"] = edition.factors.map { f in
                ["name": f.name, "code": f.code, "score": format.score(latest.factors[f.code]), "median": format.score(edition.medians[f.code])]
            }
            context["factorChart"] = factorChart(community.name, latest, edition: edition, pages: pages)
            context["trend"] = trend([profile], directory: directory, title: pages.phrase("profile.trendTitle", ["community": community.name]), pages: pages).svg()
            context["byYear"] = profile.scores.reversed().map { s in
                [
                    "year": s.year, "overall": format.score(s.overall), "rank": pages.phrase("profile.rankOf", ["rank": String(s.rank), "nominees": String(s.nominees)]),
                    "interval": Show.rankInterval(s.rankInterval, separator: "–") ?? "—", "stage": stage(s.stage) ?? "—",
                ] as [String: Any]
            }
        }
        let peers = directory.peers(of: community.id)
        context["peers"] = peers.map { p in
            [
                "id": p.community.id, "name": p.community.name, "country": p.community.country, "synthetic": p.synthetic,
                "score": p.latest.map { format.score($0.overall) } ?? "—", "year": p.latest.map { String($0.year) } ?? "",
                "rank": p.latest.map { pages.phrase("profile.rankOf", ["rank": String($0.rank), "nominees": String($0.nominees)]) } ?? "—",
                "smart21": p.history?.smart21Years.count ?? 0,
            ] as [String: Any]
        }
        context["hasPeers"] = !peers.isEmpty
        context["compareLink"] = "/compare?communities=" + ([community.id] + peers.prefix(2).map(\.community.id)).joined(separator: ",")
        return context
    }

    /// The bar chart of a community's factor scores in one edition against the median nominee:
    /// on its profile and in its workspace's feedback.
    static func factorChart(_ name: String, _ score: CommunityScore, edition: CommunityIndexEdition, pages: Pages) -> String {
        BarChart(
            title: pages.phrase("profile.chartTitle", ["community": name, "year": String(score.year)]),
            bars: edition.factors.map { .init($0.name, score.factors[$0.code] ?? .nan, comparison: edition.medians[$0.code]) },
            comparisonLabel: pages.phrase("profile.medianNominee"), decimals: 1, words: pages.chartWords).svg()
    }

    /// "Ranked 12th of 400 nominees in 2026; between 8th and 17th depending on which analysts
    /// reviewed the nominations.", in the page's language.
    static func rankSentence(_ s: CommunityScore, pages: Pages) -> String {
        var values = ["rank": pages.format.ordinal(s.rank), "nominees": String(s.nominees), "year": String(s.year)]
        guard s.rankInterval.count == 2, let low = Show.integer(s.rankInterval[0]), let high = Show.integer(s.rankInterval[1]) else {
            return pages.phrase("profile.rankSentence", values)
        }
        guard low != high else { return pages.phrase("profile.rankSentenceSame", values) }
        values["low"] = pages.format.ordinal(low)
        values["high"] = pages.format.ordinal(high)
        return pages.phrase("profile.rankSentenceInterval", values)
    }

    /// The trend of `profiles` side by side: overall, then each factor, over every year of the index.
    static func trend(_ profiles: [CommunityDirectory.Profile], directory: CommunityDirectory, title: String, pages: Pages) -> TrendChart {
        let editions = directory.index.editions
        let byYear = profiles.map { p in Dictionary(uniqueKeysWithValues: p.scores.map { ($0.year, $0) }) }
        var series = [TrendChart.Series(
            name: pages.chartWords.say("trend.overall"), lines: byYear.map { scores in editions.map { scores[$0.year]?.overall ?? .nan } },
            medians: editions.map { $0.medians["overall"] ?? .nan })]
        for f in editions.last?.factors ?? [] {
            series.append(.init(
                name: f.name, lines: byYear.map { scores in editions.map { scores[$0.year]?.factors[f.code] ?? .nan } },
                medians: editions.map { $0.medians[f.code] ?? .nan }))
        }
        return TrendChart(
            title: title, years: editions.map(\.year), communities: profiles.map(\.community.name), series: series, medianLabel: pages.phrase("profile.medianNominee"),
            words: pages.chartWords)
    }

    /// Two to five communities side by side, in the page's language.
    static func compare(_ comparison: Comparison, directory: CommunityDirectory, pages: Pages) -> [String: Any] {
        let format = pages.format
        let profiles = comparison.profiles
        let years = directory.index.editions.map(\.year)
        let factors = directory.index.latest?.factors ?? []
        let latestYear = profiles.compactMap(\.latest?.year).max()
        let latest = profiles.map { p in p.scores.first { $0.year == latestYear } }
        var rows: [[String: Any]] = [["label": pages.phrase("profile.overall"), "cells": latest.map { ["value": format.score($0?.overall)] }]]
        rows.append(["label": pages.phrase("profile.rank"), "cells": latest.map {
            ["value": $0.map { pages.phrase("profile.rankOf", ["rank": String($0.rank), "nominees": String($0.nominees)]) } ?? "—"]
        }])
        rows.append(["label": pages.phrase("profile.interval"), "cells": latest.map { ["value": $0.flatMap { Show.rankInterval($0.rankInterval, separator: "–") } ?? "—"] }])
        rows.append(["label": pages.phrase("profile.stage"), "cells": latest.map { ["value": $0?.stage.map { pages.phrase("stages." + $0.rawValue) } ?? "—"] }])
        for f in factors {
            rows.append(["label": f.name, "cells": latest.map { ["value": format.score($0?.factors[f.code])] }])
        }
        let byYear = years.reversed().map { year -> [String: Any] in
            ["year": year, "cells": profiles.map { p -> [String: Any] in
                let s = p.scores.first { $0.year == year }
                return ["value": s.map { "\(format.score($0.overall)) (\(format.ordinal($0.rank)))" } ?? "—"]
            }]
        }
        return [
            "title": pages.phrase("compare.titleFor", ["names": profiles.map(\.community.name).joined(separator: ", ")]),
            "communities": profiles.map { ["id": $0.community.id, "name": $0.community.name, "country": $0.community.country, "synthetic": $0.synthetic] },
            "ids": profiles.map(\.community.id).joined(separator: ","),
            "anySynthetic": profiles.contains(where: \.synthetic), "syntheticNote": pages.phrase("profile.synthetic"),
            "latestYear": latestYear.map(String.init) ?? "", "hasScores": latestYear != nil,
            "rows": rows, "byYear": byYear,
            "trend": trend(profiles, directory: directory, title: pages.phrase("compare.trendTitle", ["names": profiles.map(\.community.name).joined(separator: ", ")]), pages: pages).svg(),
            "records": profiles.map { p -> [String: Any] in
                ["value": p.history.map { h in
                    "Smart21 \(h.smart21Years.count) ×, Top7 \(h.top7Years.count) ×"
                        + (h.winningYears.isEmpty ? "" : ", \(pages.phrase("stages.community_of_the_year")) \(h.winningYears.map(String.init).joined(separator: ", "))")
                } ?? "—"]
            },
        ]
    }

    /// One row per community and year scored: the scores and ranks, with names next to codes.
    static func csv(_ profiles: [CommunityDirectory.Profile], directory: CommunityDirectory) -> String {
        let factors = directory.index.latest?.factors ?? []
        let header = ["community_id", "community", "country", "region", "year", "overall", "rank", "nominees", "rank_5", "rank_95", "stage"]
            + factors.map { "\($0.code) (\($0.name))" }
        var lines = [header.map(NumberFormat.field).joined(separator: ",")]
        for p in profiles {
            for s in p.scores {
                let low: String = s.rankInterval.first.map { "\($0)" } ?? ""
                let high: String = s.rankInterval.last.map { "\($0)" } ?? ""
                var fields: [String] = [p.community.id, p.community.name, p.community.country, p.community.region, String(s.year)]
                fields += ["\(s.overall)", String(s.rank), String(s.nominees), low, high, s.stage?.title ?? ""]
                for f in factors { fields.append(s.factors[f.code].map { "\($0)" } ?? "") }
                lines.append(fields.map(NumberFormat.field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
