import Awards
import Foundation
import IndexEngine
import ServiceLifecycle

/// The storage the platform needs: the programme, accounts and sessions, and the library.
public typealias PlatformStore = AwardsStore & AccountStore & LibraryStore & ChangeObservable & Outbox

/// Everything the pages and the API read: the catalogue of indices and the programme's store.
public struct Platform: Sendable {
    /// The indices hosted: those loaded from files, and those of a source set once the store is
    /// open (`platform.catalogue = IndexCatalogue(platform.catalogue.indices, source: …)`), whose
    /// responses are kept only until the store's data change.
    public internal(set) var catalogue: IndexCatalogue
    /// The awards programme's data.
    public let store: any PlatformStore
    /// The public responses built from the store, kept until its data change.
    let responses = PublicResponses()
    /// The published editions of the Intelligent Community Index, scored once.
    let communityIndex = CommunityIndexCache()
    /// How messages are sent, if a relay is set, and where their links lead.
    public internal(set) var mail = MailSettings()
    /// The events that queue messages, on this platform's store.
    public var notifications: Notifications { Notifications(store: store, links: mail.links) }

    /// The programme acting as `actor` at `now`, its actions queueing their messages.
    func announced(_ actor: String, at now: Date) -> AnnouncedActions {
        AnnouncedActions(programme: Programme(store: store, actor: actor, now: now), notifications: Notifications(store: store, links: mail.links, clock: { now }))
    }
    /// What must run beside the server for the store to work (PostgreSQL's connection pool).
    var services: [any Service] = []
    /// Makes the store ready once `services` run, before the server takes requests.
    var prepare: @Sendable () async throws(AwardsError) -> Void = {}

    /// Creates a platform; `catalogue` must hold at least one static index, the one the home
    /// page shows and today's first addresses (`/rankings`, `/units/…`) lead to.
    init(catalogue: IndexCatalogue, store: any PlatformStore, services: [any Service] = [], prepare: @escaping @Sendable () async throws(AwardsError) -> Void = {}) {
        precondition(catalogue.indices.first?.latest != nil, "a platform hosts at least one static index with an edition")
        self.catalogue = catalogue
        self.store = store
        self.services = services
        self.prepare = prepare
    }

    /// The first static index: the home page shows it, and the addresses from before the
    /// catalogue lead to it.
    var firstIndex: HostedIndex { catalogue.indices[0] }

    /// The latest edition of the first static index, as the home page shows it.
    public var index: IndexView { firstIndex.editions[firstIndex.editions.count - 1].view }

    /// Loads the indices and opens the store named by `configuration`.
    ///
    /// - Throws: when an index cannot be loaded (`IndexLoadingError` naming the file and field,
    ///   or the engine's error naming the data file), so that the platform does not start
    ///   without an index it was asked to host.
    public static func load(_ configuration: WebConfiguration) throws -> Platform {
        let indices = try IndexCatalogue.load(paths: configuration.indices, analysis: configuration.analysis)
        let database = try PlatformDatabase(configuration.database).open()
        var platform = Platform(catalogue: IndexCatalogue(indices), store: database.store, services: database.services, prepare: database.prepare)
        platform.mail = try MailSettings(configuration)
        platform.catalogue = IndexCatalogue(indices, source: { [platform] in
            try await platform.responses.value("community-index") {
                try CommunityIndexHosting.hosted(try await platform.communityDirectory().index)
            }.map { [$0] } ?? []
        })
        return platform
    }

    /// The communities as the public may see them, with the Intelligent Community Index:
    /// computed once per change of the data, each published edition scored once.
    func communityDirectory() async throws -> CommunityDirectory {
        try await responses.value("directory") { try await CommunityDirectory.load(store, cache: communityIndex) }
    }
}
