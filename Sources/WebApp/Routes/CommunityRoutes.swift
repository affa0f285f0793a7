import Awards
import Foundation
import Hummingbird

/// The network's public pages and API: the directory and each community's history.
enum CommunityRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let store = platform.store
        let kept = platform.responses

        routes.get("/communities", access: .everyone, summary: "The network directory") { _, _ in
            try await kept.response("communities") {
                let (communities, histories) = try await load(store)
                return try pages.render("communities", [
                    "title": "Communities", "count": communities.count,
                    "map": WorldMap(title: "Where the network's communities are", places: communities.map { .init($0.name, latitude: $0.latitude, longitude: $0.longitude) }).svg(),
                    "communities": communities.map { c -> [String: Any] in
                        let h = histories[c.id]
                        return ["id": c.id, "name": c.name, "country": c.country, "region": c.region,
                                "years": h?.smart21Years.count ?? 0, "best": h.flatMap { $0.stages.values.max()?.title } ?? "—"]
                    },
                ])
            }
        }

        routes.get("/api/v1/communities", access: .everyone, summary: "Every community of the network with its record") { _, _ in
            try await kept.response("communities.json") {
                let (communities, histories) = try await load(store)
                return try Respond.json(communities.map { CommunityDocument($0, history: histories[$0.id]) })
            }
        }

        routes.get("/communities/{id}", access: .everyone, summary: "A community's profile and history") { _, context in
            let id: String = try context.parameters.require("id")
            return try await kept.response("community:\(id)") {
                let (community, history) = try await find(id, store)
                let streak = history?.longestStreak.map { $0.length == 1 ? "1 year" : "\($0.length) years (\($0.from)–\($0.to))" } ?? "none"
                return try pages.render("community", [
                    "title": community.name, "name": community.name, "country": community.country, "region": community.region,
                    "kind": community.kind == .other ? "" : community.kind.rawValue, "website": community.website ?? "",
                    "timeline": TimelineChart(
                        title: "\(community.name): stage reached each year", years: 2018...max(2024, history?.latestYear ?? 2024),
                        stages: (history?.stages ?? [:]).compactMapValues { TimelineChart.Stage(rawValue: $0.rawValue) }).svg(),
                    "years": (history?.smart21Years ?? []).map { ["year": $0, "stage": history?.stages[$0]?.title ?? ""] },
                    "firstYear": history?.firstYear.map(String.init) ?? "—", "smart21Count": history?.smart21Years.count ?? 0,
                    "streak": streak, "top7Count": history?.top7Years.count ?? 0,
                    "wins": history?.winningYears.map(String.init).joined(separator: ", ") ?? "",
                ])
            }
        }

        routes.get("/api/v1/communities/{id}", access: .everyone, summary: "One community with its record") { _, context in
            let id: String = try context.parameters.require("id")
            return try await kept.response("community.json:\(id)") {
                let (community, history) = try await find(id, store)
                return try Respond.json(CommunityDocument(community, history: history))
            }
        }
    }

    /// The record of recognitions as the public may see it: a year whose cycle runs on the
    /// platform shows only the stages that cycle has announced.
    static func publicRecord(_ store: any AwardsStore) async throws -> [Recognition] {
        Disclosure.announced(try await store.recognitions(), by: try await Disclosure.byYear(store))
    }

    static func load(_ store: any AwardsStore) async throws -> ([Community], [String: CommunityHistory]) {
        let histories = CommunityHistory.all(try await publicRecord(store))
        let byID = Dictionary(histories.map { (Community.id(name: $0.community, country: $0.country), $0) }, uniquingKeysWith: { a, _ in a })
        return (try await store.communities(), byID)
    }

    static func find(_ id: String, _ store: any AwardsStore) async throws -> (Community, CommunityHistory?) {
        let (communities, histories) = try await load(store)
        guard let community = communities.first(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "there is no community '\(id)' in the network")
        }
        return (community, histories[id])
    }
}

/// The JSON of a community and its record.
struct CommunityDocument: Encodable {
    var community: Community
    var stages: [String: String]
    var firstYear: Int?
    var longestSmart21Streak: Int
    var winningYears: [Int]

    init(_ community: Community, history: CommunityHistory?) {
        self.community = community
        stages = Dictionary(uniqueKeysWithValues: (history?.stages ?? [:]).map { (String($0.key), $0.value.rawValue) })
        firstYear = history?.firstYear
        longestSmart21Streak = history?.longestStreak?.length ?? 0
        winningYears = history?.winningYears ?? []
    }
}
