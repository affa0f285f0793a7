import Hummingbird
import NIOCore

/// The request context of the platform: who is asking, and from where.
public struct PlatformContext: SignedInRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }
}
