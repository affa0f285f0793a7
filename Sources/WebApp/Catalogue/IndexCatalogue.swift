/// The indices the platform hosts: the static ones built at start-up, and those a source gives
/// while the platform runs (an index computed from the awards store, say).
///
/// A slug is resolved among the static indices first, then the source's, so that a source
/// cannot take over a static index's address.
public struct IndexCatalogue: Sendable {
    /// An index found by its slug, with where it came from.
    public struct Resolved: Sendable {
        public var index: HostedIndex
        /// Whether it is one of the static indices, which never change while the platform
        /// runs, so that their responses may be kept for good; a source's index may change
        /// with the store, so its responses are kept only until the store's data change.
        public var isStatic: Bool
    }

    /// The indices built at start-up, in the order they were given.
    public let indices: [HostedIndex]
    /// Gives the further indices, asked on each request that needs them.
    public let source: (@Sendable () async throws -> [HostedIndex])?

    /// Creates a catalogue.
    public init(_ indices: [HostedIndex], source: (@Sendable () async throws -> [HostedIndex])? = nil) {
        self.indices = indices
        self.source = source
    }

    /// Every index: the static ones, then the source's that do not share a static one's slug.
    public func all() async throws -> [HostedIndex] {
        let slugs = Set(indices.map(\.slug))
        return indices + (try await source?() ?? []).filter { !slugs.contains($0.slug) }
    }

    /// The index named `slug`, if any.
    public func index(_ slug: String) async throws -> Resolved? {
        if let index = indices.first(where: { $0.slug == slug }) { return Resolved(index: index, isStatic: true) }
        return try await source?().first { $0.slug == slug }.map { Resolved(index: $0, isStatic: false) }
    }
}
