import Synchronization

/// Editions of the Intelligent Community Index kept between loads, by year and time of
/// publication: scoring a cycle with its rank intervals is the costly part of a load, and a
/// published cycle's scores do not change.
public final class CommunityIndexCache: Sendable {
    private let editions = Mutex<[String: CommunityIndexEdition]>([:])

    public init() {}

    func edition(_ key: String) -> CommunityIndexEdition? { editions.withLock { $0[key] } }

    func keep(_ edition: CommunityIndexEdition, _ key: String) {
        // One edition per published cycle: the few there are never need evicting.
        editions.withLock { $0[key] = edition }
    }
}
