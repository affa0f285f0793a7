import Awards
import Foundation
import Hummingbird
import Logging

/// The request context of the platform.
public struct PlatformContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}

/// Builds the web application: the one place where the platform's parts are put together.
public func buildApplication(_ configuration: WebConfiguration, platform: Platform, logger: Logger = Logger(label: "civic")) async throws -> some ApplicationProtocol {
    let (router, _) = makeRouter(platform: platform, pages: try await Pages.load(), logRequests: true)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Civic Index"),
        logger: logger)
}

/// The platform's router with its middleware and every route, and the table of declared routes.
func makeRouter(platform: Platform, pages: Pages, logRequests: Bool = false) -> (Router<PlatformContext>, [RouteTable<PlatformContext>.Entry]) {
    let router = Router(context: PlatformContext.self)
    if logRequests { router.add(middleware: LogRequestsMiddleware(.info)) }
    router.add(middleware: SecurityHeaders())
    router.add(middleware: ErrorPages(pages: pages))
    var routes = RouteTable(router: router)
    addRoutes(to: &routes, platform: platform, pages: pages)
    // The document describes the routes declared before it, so it is declared last.
    let table = routes.entries
    routes.get("/api/v1/openapi.json", access: .everyone, summary: "This API's OpenAPI 3.1 document") { _, _ in
        try Respond.json(OpenAPIDocument(routes: table))
    }
    return (router, routes.entries)
}

/// Declares every route of the platform.
func addRoutes<Context: RequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages) {
    routes.get("/health", access: .everyone, summary: "Whether the platform is up") { _, _ in
        try Respond.json(["status": "ok"])
    }
    routes.get("/", access: .everyone, summary: "The home page") { _, _ in
        let index = platform.index
        let recognitions = (try? platform.store.recognitions()) ?? []
        let cycles = cycleLinks(platform.store)
        let winners = recognitions.filter { $0.stage == .communityOfTheYear }.sorted { $0.awardYear > $1.awardYear }
        return try pages.render("home", [
            "title": "Home", "indexName": index.name, "unitCount": index.rows.count, "indicatorCount": index.build.framework.indicatorCount,
            "top": index.rows.prefix(5).map { ["code": $0.code, "name": $0.name, "score": Show.score($0.scores[index.aggregates.first?.code ?? ""])] },
            "communityCount": Set(recognitions.map { Community.id(name: $0.community, country: $0.country) }).count,
            "firstYear": recognitions.map(\.awardYear).min().map(String.init) ?? "—",
            "lastYear": recognitions.map(\.awardYear).max().map(String.init) ?? "—",
            "cycles": cycles, "hasCycles": !cycles.isEmpty,
            "winners": winners.map { ["year": $0.awardYear, "name": $0.community, "country": $0.country, "id": Community.id(name: $0.community, country: $0.country)] },
        ])
    }
    IndexRoutes.add(to: &routes, platform: platform, pages: pages)
    CommunityRoutes.add(to: &routes, platform: platform, pages: pages)
    CycleRoutes.add(to: &routes, platform: platform, pages: pages)
}

/// The cycles on the platform, for the home page.
private func cycleLinks(_ store: any AwardsStore) -> [[String: Any]] {
    let cycles = (try? store.cycles()) ?? []
    return cycles.map { cycle -> [String: Any] in ["year": cycle.year, "phase": cycle.phase.title] }
}
