import Crypto
import Foundation

/// Random tokens and their digests.
enum Secrets {
    /// A new random token: 32 bytes from the system's secure generator, base64url without padding.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A new TOTP secret: a 160-bit key (the length RFC 4226 recommends for HMAC-SHA1) from the
    /// system's secure generator, in base32 as authenticator apps take it (32 characters).
    static func totpSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base32.encode((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The hex SHA-256 of `token`: what the store keeps instead of the token.
    static func digest(_ token: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { text in
            var i = 0
            for byte in SHA256.hash(data: Data(token.utf8)) {
                text[i] = hex[Int(byte >> 4)]
                text[i + 1] = hex[Int(byte & 0x0f)]
                i += 2
            }
            return i
        }
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
