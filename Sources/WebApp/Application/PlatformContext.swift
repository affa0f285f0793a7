import Hummingbird
import NIOCore

/// The request context of the platform: who is asking, and from where.
public struct PlatformContext: SignedInRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    /// The client's address: the peer's, or the one a trusted proxy names (`ForwardedClient`).
    public var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }
}
