import Foundation
import HTTPTypes
import Hummingbird

/// Takes the client's address from `X-Forwarded-For` when, and only when, the request comes
/// from a proxy the configuration trusts.
///
/// Behind a load balancer every request arrives from the balancer's address, so sign-in limits
/// per address would count all clients as one: one attacker could lock every user out. A trusted
/// proxy appends the address it received the request from, so the list is read from its end:
/// the first address that is not itself a trusted proxy is the client (what came before it was
/// written by the client and proves nothing). An unreadable header leaves the proxy's address.
struct ForwardedClient<Context: SignedInRequestContext>: RouterMiddleware {
    let trusted: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard trusted.contains(context.clientAddress) else { return try await next(request, context) }
        var context = context
        if let client = Self.client(forwardedFor: request.headers[values: .xForwardedFor], trusted: trusted) {
            context.clientAddress = client
        }
        return try await next(request, context)
    }

    /// The client named by the `X-Forwarded-For` values (several headers are one list), or nil.
    static func client(forwardedFor values: [String], trusted: Set<String>) -> String? {
        let hops = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return IPAddress.isValid(hop) ? hop : nil
        }
        return nil
    }
}

/// Addresses as the platform accepts them in settings and headers.
enum IPAddress {
    /// Whether `text` is an IPv4 or IPv6 address, in the forms `inet_pton` reads.
    static func isValid(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
