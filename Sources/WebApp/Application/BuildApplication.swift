import Awards
import Foundation
import Hummingbird
import Logging
import NIOCore

/// Builds the web application: the one place where the platform's parts are put together.
///
/// `logger` logs at `configuration.logLevel`: every request once, with its status and duration,
/// and, once the server listens, its address and database. `onServerRunning` is then called with
/// the listening channel, whose local address holds the port picked when the port is 0.
public func buildApplication(
    _ configuration: WebConfiguration, platform: Platform, logger: Logger = Logger(label: "civic"),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    var logger = logger
    logger.logLevel = configuration.logLevel
    let policy = SecurityPolicy(bcryptCost: configuration.bcryptCost, secureCookies: configuration.secureCookies, trustedProxies: Set(configuration.trustedProxies))
    let (router, _) = makeRouter(platform: platform, pages: try await Pages.load(), policy: policy)
    let database = (try? PlatformDatabase(configuration.database))?.description ?? configuration.database
    var app = Application(
        responder: RequestLogResponder(router.buildResponder()),
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(nanoseconds(configuration.idleTimeout)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Civic Index"),
        onServerRunning: { [logger] channel in
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            let port = channel.localAddress?.port ?? configuration.port
            logger.info("Civic Index is running", metadata: ["address": "http://\(host):\(port)/", "database": "\(database)"])
            await onServerRunning(channel)
        },
        logger: logger)
    // The store's pool runs beside the server, with the watcher that drops kept responses when
    // the data change; the schema is brought up to date before the server listens.
    app.addServices(platform.services)
    app.addServices(ChangeWatcher(store: platform.store, responses: platform.responses, prepare: { [platform] in _ = try? await platform.communityDirectory() }))
    // Reminders of deadlines are queued by every instance (the outbox keeps each once); with a
    // relay, the outbox is emptied into it beside the server; without, messages wait.
    app.addServices(ReminderService(notifications: platform.notifications, logger: logger))
    if let relay = platform.mail.relay {
        app.addServices(MailDelivery(outbox: platform.store, relay: relay, sender: platform.mail.sender, logger: logger))
    }
    // Only the closure is captured: Hummingbird keeps the hooks after the server stops, and
    // holding the platform there would keep its SQLite file open.
    let prepare = platform.prepare
    app.beforeServerStarts { try await prepare() }
    return app
}

/// `duration` in whole nanoseconds, as NIO counts time.
private func nanoseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
}

/// The platform's router with its middleware and every route, and the table of declared routes.
func makeRouter(
    platform: Platform, pages: Pages, policy: SecurityPolicy = SecurityPolicy()
) -> (Router<PlatformContext>, [RouteTable<PlatformContext>.Entry]) {
    let router = Router(context: PlatformContext.self)
    router.add(middleware: ForwardedClient(trusted: policy.trustedProxies))
    router.add(middleware: SecurityHeaders())
    router.add(middleware: LanguageChoice())
    router.add(middleware: ErrorPages(pages: pages))
    router.add(middleware: ProgrammeErrors())
    router.add(middleware: Authenticator(store: platform.store, policy: policy))
    router.add(middleware: AccountLanguage())
    var routes = RouteTable(router: router)
    addRoutes(to: &routes, platform: platform, pages: pages, signIn: SignIn(store: platform.store, policy: policy))
    // The document describes the routes declared before it, so it is declared last.
    let table = routes.entries
    routes.get("/api/v1/openapi.json", access: .everyone, summary: "This API's OpenAPI 3.1 document") { _, _ in
        try Respond.json(OpenAPIDocument(routes: table))
    }
    routes.refuseOtherMethods()
    return (router, routes.entries)
}

/// Declares every route of the platform.
func addRoutes<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, signIn: SignIn) {
    routes.get("/health", access: .everyone, summary: "Whether the platform is up") { _, _ in
        try Respond.json(["status": "ok"])
    }
    routes.get("/", access: .everyone, summary: "The home page") { _, _ in
        // A store that fails gives an error page, which is not kept; a home page made without
        // its data would be kept until the next change.
        try await platform.responses.response("home") {
            try pages.render("home", try await HomePage.context(platform, directory: platform.communityDirectory(), pages: pages))
        }
    }
    LocalTime.add(to: &routes)
    IndexRoutes.add(to: &routes, platform: platform, pages: pages)
    CommunityRoutes.add(to: &routes, platform: platform, pages: pages)
    CycleRoutes.add(to: &routes, platform: platform, pages: pages)
    LibraryRoutes.add(to: &routes, platform: platform, pages: pages)
    AccountRoutes.add(to: &routes, platform: platform, pages: pages, signIn: signIn)
    LanguageChoice<Context>.addRoute(to: &routes, policy: signIn.policy)
    AnalystRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    JurorRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    RubricSettingsRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    SiteVisitRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    CommunityWorkspaceRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    CaseStudyRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    AdminRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    CockpitRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    AccountAdminRoutes.add(to: &routes, platform: platform, pages: pages, policy: signIn.policy)
    OutboxRoutes.add(to: &routes, platform: platform, pages: pages, now: signIn.policy.now)
    ReminderRoutes.add(to: &routes, platform: platform, pages: pages, policy: signIn.policy)
    ProgrammeAPIRoutes.add(to: &routes, platform: platform, now: signIn.policy.now)
}
