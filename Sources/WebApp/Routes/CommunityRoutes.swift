import Awards
import Foundation
import Hummingbird

/// The communities' public pages and API: the directory, each community's profile (its
/// Intelligent Community Index scores by year, its record, its case studies and its peers),
/// side-by-side comparison and search.
enum CommunityRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
        let kept = platform.responses
        let directory: @Sendable () async throws -> CommunityDirectory = { try await platform.communityDirectory() }

        routes.get("/communities", access: .everyone, summary: "The directory of communities: the network, the awards record and every scored nominee") { _, _ in
            try await kept.response("communities") {
                let directory = try await directory()
                return try pages.render("communities", CommunityPage.directory(directory, pages: pages))
            }
        }

        routes.get("/api/v1/communities", access: .everyone, summary: "Every community with its record and latest Intelligent Community Index score") { _, _ in
            try await kept.response("communities.json") {
                try Respond.json(try await directory().profiles.map { CommunitySummaryDocument($0) })
            }
        }

        routes.get("/communities/{id}", access: .everyone, summary: "A community's profile: scores by year, record, case studies and peers") { _, context in
            let id: String = try context.parameters.require("id")
            return try await kept.response("community:\(id)") {
                let directory = try await directory()
                let profile = try find(id, in: directory)
                let caseStudies = try await platform.store.caseStudies(LibraryFilter(community: id))
                return try pages.render("community", CommunityPage.profile(profile, directory: directory, caseStudies: caseStudies, pages: pages))
            }
        }

        routes.get("/communities/{id}/certificates/{year}", access: .everyone, summary: "A printable certificate of a community's public recognition in a year: Smart21, Top7 or Community of the Year") { _, context in
            let id: String = try context.parameters.require("id")
            let year = context.parameters.get("year").flatMap { Int($0) }
            return try await kept.response("certificate:\(id):\(year ?? 0)") {
                guard let year, let page = Certificate.context(try find(id, in: try await directory()), year: year, pages: pages) else {
                    throw HTTPError(.notFound, message: "'\(id)' has no public recognition in that year")
                }
                return try pages.render("certificate", page)
            }
        }

        routes.get("/communities/{id}/scores.csv", access: .everyone, summary: "A community's Intelligent Community Index scores by year, as CSV") { _, context in
            let id: String = try context.parameters.require("id")
            return try await kept.response("community.csv:\(id)") {
                let directory = try await directory()
                let profile = try find(id, in: directory)
                return Respond.csv(CommunityPage.csv([profile], directory: directory), filename: "\(id)-scores.csv")
            }
        }

        routes.get("/api/v1/communities/{id}", access: .everyone, summary: "One community: record, scores by year with rank intervals, case studies and peers") { _, context in
            let id: String = try context.parameters.require("id")
            return try await kept.response("community.json:\(id)") {
                let directory = try await directory()
                let profile = try find(id, in: directory)
                let caseStudies = try await platform.store.caseStudies(LibraryFilter(community: id))
                return try Respond.json(CommunityDocument(profile, caseStudies: caseStudies, peers: directory.peers(of: id)))
            }
        }

        routes.get("/compare", access: .everyone, summary: "Two to five communities, or units of one index, side by side", query: ["communities", "index", "units", "year"]) { request, _ in
            if request.uri.queryParameters["index"] != nil {
                return try pages.render("compare", try await UnitComparison(request, catalogue: platform.catalogue).context(pages))
            }
            let directory = try await directory()
            guard request.uri.queryParameters["communities"] != nil else {
                return try pages.render("compare", ["title": pages.phrase("compare.title"), "ids": "", "choosing": true])
            }
            let comparison = try Comparison(request, directory: directory)
            return try pages.render("compare", CommunityPage.compare(comparison, directory: directory, pages: pages))
        }

        routes.get("/api/v1/compare", access: .everyone, summary: "Two to five communities (`communities`), or units of one index (`index`, `units`, `year`), side by side: scores and ranks", query: ["communities", "index", "units", "year"]) { request, _ in
            if request.uri.queryParameters["index"] != nil {
                let comparison = try await UnitComparison(request, catalogue: platform.catalogue)
                return try Respond.json(UnitComparisonDocument(comparison))
            }
            let directory = try await directory()
            let comparison = try Comparison(request, directory: directory)
            return try Respond.json(comparison.profiles.map { CommunityDocument($0, caseStudies: [], peers: []) })
        }

        routes.get("/search", access: .everyone, summary: "Communities and index units found by name (accents ignored)", query: ["q"]) { request, _ in
            let query = String(request.uri.queryParameters["q"] ?? "").trimmingCharacters(in: .whitespaces)
            let found = try await Search.run(query, platform: platform, directory: directory())
            return try pages.render("search", [
                "title": query.isEmpty ? pages.phrase("search.title") : pages.phrase("search.titleFor", ["query": query]), "query": query, "searched": !query.isEmpty,
                "results": found.map { ["name": $0.name, "detail": $0.detail(pages), "link": $0.link, "kind": pages.phrase("search.kind." + $0.kind)] },
                "found": pages.phrase("search.found", ["count": String(found.count), "query": query]),
            ])
        }

        routes.get("/api/v1/search", access: .everyone, summary: "Communities and index units found by name (accents ignored)", query: ["q"]) { request, _ in
            let query = String(request.uri.queryParameters["q"] ?? "").trimmingCharacters(in: .whitespaces)
            return try Respond.json(try await Search.run(query, platform: platform, directory: directory()))
        }
    }

    static func find(_ id: String, in directory: CommunityDirectory) throws -> CommunityDirectory.Profile {
        guard let profile = directory.profile(id) else {
            throw HTTPError(.notFound, message: "there is no community '\(id)'")
        }
        return profile
    }
}

/// The communities a comparison asks for: `?communities=a,b,c`, two to five known ids.
struct Comparison {
    static let limit = 5
    var profiles: [CommunityDirectory.Profile]

    init(_ request: Request, directory: CommunityDirectory) throws {
        let text = String(request.uri.queryParameters["communities"] ?? "")
        var ids: [String] = []
        for part in text.split(separator: ",") {
            let id = part.trimmingCharacters(in: .whitespaces)
            if !id.isEmpty, !ids.contains(id) { ids.append(id) }
        }
        guard ids.count >= 2 else {
            throw HTTPError(.badRequest, message: "communities: name two to five communities by id, separated by commas")
        }
        guard ids.count <= Self.limit else {
            throw HTTPError(.badRequest, message: "communities: at most \(Self.limit) communities can be compared, not \(ids.count)")
        }
        profiles = try ids.map { id in
            guard let profile = directory.profile(id) else {
                throw HTTPError(.notFound, message: "communities: there is no community '\(id)'")
            }
            return profile
        }
    }
}

/// The JSON of a comparison of index units: each unit's row in every edition.
struct UnitComparisonDocument: Encodable {
    struct Unit: Encodable {
        var code: String
        var name: String
        /// The unit's row by year, for the years it is in.
        var years: [String: IndexView.Row]
    }

    var index: String
    var year: Int
    var units: [Unit]

    init(_ comparison: UnitComparison) {
        index = comparison.index.slug
        year = comparison.edition.year
        units = comparison.units.map { row in
            var years: [String: IndexView.Row] = [:]
            for e in comparison.index.editions { if let r = e.view.row(row.code) { years[String(e.year)] = r } }
            return Unit(code: row.code, name: row.name, years: years)
        }
    }
}
